#pragma once

#include <QJsonObject>
#include <QString>
#include <memory>

namespace Tributary {
class Database;
}

namespace Tributary::Cli {

// Whether a --database argument is a PostgreSQL URL rather than an SQLite file.
bool isPostgresUrl(const QString &argument);

// What `init --database` takes: an SQLite file, or a PostgreSQL URL
// (postgresql://USER@HOST[:PORT]/DATABASE[?host=SOCKET_DIR]). Fills the configuration's
// "database" object; the SQLite path relative to the configuration file when it lives beside it.
// A URL carrying a password is refused: it would be seen in the process list and the shell's
// history. The password is left to libpq (PGPASSWORD, ~/.pgpass, a service file) or, with
// `passwordEnv`, read from that environment variable by tributaryd.
bool databaseObject(const QString &argument, const QString &configPath, const QString &passwordEnv, QJsonObject *database,
                    QString *error);

// The database such an object names, for people: the SQLite path, or the URL (no password).
QString describeDatabaseObject(const QJsonObject &database);

// Opens the database such an object names, for reading its tables (init --detect). Null with
// *error when it cannot; an SQLite file that does not exist is not opened (and not an error).
std::unique_ptr<Database> openDatabaseObject(const QJsonObject &database, const QString &configPath, QString *error);

} // namespace Tributary::Cli
