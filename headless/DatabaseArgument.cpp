#include "DatabaseArgument.h"

#include "Tr.h"

#include "store/Database.h"

#include <QDir>
#include <QFileInfo>
#include <QUrl>
#include <QUrlQuery>

namespace Tributary::Cli {

bool isPostgresUrl(const QString &argument)
{
    return argument.startsWith(QLatin1String("postgresql://")) || argument.startsWith(QLatin1String("postgres://"));
}

bool databaseObject(const QString &argument, const QString &configPath, const QString &passwordEnv, QJsonObject *database,
                    QString *error)
{
    *database = QJsonObject();
    if (!isPostgresUrl(argument)) {
        if (!passwordEnv.isEmpty()) {
            *error = QStringLiteral("--database-password-env: ") + Tr::tr("only a PostgreSQL database has a password");
            return false;
        }
        QString path = QFileInfo(argument).absoluteFilePath();
        const QString relative = QFileInfo(configPath).absoluteDir().relativeFilePath(path);
        if (!relative.startsWith(QStringLiteral("..")))
            path = relative;
        database->insert(QStringLiteral("driver"), QStringLiteral("sqlite"));
        database->insert(QStringLiteral("path"), path);
        return true;
    }
    const QUrl url(argument, QUrl::StrictMode);
    const QString example = QStringLiteral("postgresql://tributary@db.example.org:5432/forum");
    if (!url.isValid()) {
        *error = QStringLiteral("--database: ") + Tr::tr("not a valid URL (%1); expected for example %2").arg(url.errorString(), example);
        return false;
    }
    if (!url.password().isEmpty()) {
        // Never echoed: the message names the mistake, not the secret.
        *error = QStringLiteral("--database: ") + Tr::tr("the URL carries a password; a command line is seen by every user of the machine "
                                                        "and kept in the shell's history. Give the URL without it and put the password "
                                                        "in ~/.pgpass, or in an environment variable named with --database-password-env");
        return false;
    }
    const QString name = url.path().mid(1);
    if (url.userName().isEmpty() || name.isEmpty() || name.contains(QLatin1Char('/'))) {
        *error = QStringLiteral("--database: ") + Tr::tr("the URL must name a user and a database, as in %1").arg(example);
        return false;
    }
    QString host = url.host();
    const QUrlQuery query(url);
    for (const auto &item : query.queryItems(QUrl::FullyDecoded)) {
        if (item.first == QLatin1String("host")) {
            host = item.second; // a socket directory: postgresql://me@/forum?host=/var/run/postgresql
        } else {
            *error = QStringLiteral("--database: ") + Tr::tr("unknown URL parameter \"%1\" (known: host)").arg(item.first);
            return false;
        }
    }
    database->insert(QStringLiteral("driver"), QStringLiteral("postgres"));
    database->insert(QStringLiteral("host"), host.isEmpty() ? QStringLiteral("localhost") : host);
    database->insert(QStringLiteral("port"), url.port(5432));
    database->insert(QStringLiteral("name"), name);
    database->insert(QStringLiteral("user"), url.userName());
    if (!passwordEnv.isEmpty())
        database->insert(QStringLiteral("password"), QJsonObject{{QStringLiteral("env"), passwordEnv}});
    return true;
}

QString describeDatabaseObject(const QJsonObject &database)
{
    if (database.value(QStringLiteral("driver")).toString() != QLatin1String("postgres"))
        return database.value(QStringLiteral("path")).toString();
    return QStringLiteral("postgresql://%1@%2:%3/%4")
        .arg(database.value(QStringLiteral("user")).toString(), database.value(QStringLiteral("host")).toString())
        .arg(database.value(QStringLiteral("port")).toInt())
        .arg(database.value(QStringLiteral("name")).toString());
}

std::unique_ptr<Database> openDatabaseObject(const QJsonObject &database, const QString &configPath, QString *error)
{
    const QString baseDir = QFileInfo(configPath).absolutePath();
    if (database.value(QStringLiteral("driver")).toString() != QLatin1String("postgres")) {
        const QString relative = database.value(QStringLiteral("path")).toString();
        const QString path = QDir(baseDir).absoluteFilePath(relative);
        if (relative.isEmpty() || !QFileInfo::exists(path))
            return nullptr;
        Error e;
        std::unique_ptr<Database> db = Database::openSqliteReader(path, &e);
        if (!db)
            *error = e.toString();
        return db;
    }
    DatabaseConfig config;
    config.driver = QStringLiteral("postgres");
    config.host = database.value(QStringLiteral("host")).toString();
    config.port = database.value(QStringLiteral("port")).toInt(5432);
    config.name = database.value(QStringLiteral("name")).toString();
    config.user = database.value(QStringLiteral("user")).toString();
    const QString env = database.value(QStringLiteral("password")).toObject().value(QStringLiteral("env")).toString();
    if (!env.isEmpty())
        config.password.env = env;
    Error e;
    std::unique_ptr<Database> db = Database::open(config, baseDir, &e);
    if (!db)
        *error = e.toString();
    return db;
}

} // namespace Tributary::Cli
