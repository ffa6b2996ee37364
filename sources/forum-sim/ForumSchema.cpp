#include "ForumSchema.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace Tributary {

namespace {

bool run(QSqlDatabase &db, const QStringList &statements, QString *error)
{
    QSqlQuery q(db);
    for (const QString &sql : statements) {
        if (!q.exec(sql)) {
            if (error)
                *error = q.lastError().text() + QStringLiteral(" in: ") + sql;
            return false;
        }
    }
    return true;
}

} // namespace

bool ForumSchema::createTables(QSqlDatabase &db, QString *error)
{
    if (db.driverName() == QLatin1String("QPSQL")) {
        // As Laravel's migrations make them on PostgreSQL (bigIncrements, string, timestampsTz(precision: 6)):
        // typed columns, so the engine meets BIGINT keys and timestamps with time zone.
        return run(db,
                   {QStringLiteral(
                        "CREATE TABLE IF NOT EXISTS users ("
                        "id BIGSERIAL PRIMARY KEY, name VARCHAR(255) NOT NULL, "
                        "email VARCHAR(255) NOT NULL UNIQUE, email_verified_at TIMESTAMP WITH TIME ZONE NULL, "
                        "password VARCHAR(255) NOT NULL, remember_token VARCHAR(100) NULL, "
                        "created_at TIMESTAMP WITH TIME ZONE NULL, updated_at TIMESTAMP WITH TIME ZONE NULL)"),
                    QStringLiteral(
                        "CREATE TABLE IF NOT EXISTS sections ("
                        "id BIGSERIAL PRIMARY KEY, title VARCHAR(255) NOT NULL, "
                        "created_at TIMESTAMP WITH TIME ZONE NULL, updated_at TIMESTAMP WITH TIME ZONE NULL)"),
                    QStringLiteral(
                        "CREATE TABLE IF NOT EXISTS topics ("
                        "id BIGSERIAL PRIMARY KEY, "
                        "section_id BIGINT NOT NULL REFERENCES sections(id), "
                        "user_id BIGINT NOT NULL REFERENCES users(id), title VARCHAR(255) NOT NULL, "
                        "created_at TIMESTAMP WITH TIME ZONE NULL, updated_at TIMESTAMP WITH TIME ZONE NULL)"),
                    QStringLiteral(
                        "CREATE TABLE IF NOT EXISTS messages ("
                        "id BIGSERIAL PRIMARY KEY, "
                        "topic_id BIGINT NOT NULL REFERENCES topics(id), "
                        "user_id BIGINT NOT NULL REFERENCES users(id), "
                        "parent_id BIGINT NULL REFERENCES messages(id), content TEXT NOT NULL, "
                        "created_at TIMESTAMP WITH TIME ZONE NULL, updated_at TIMESTAMP WITH TIME ZONE NULL)")},
                   error);
    }
    // Foreign keys are declared as the Laravel migrations declare them, but forum-sim never turns
    // on PRAGMA foreign_keys: a deleted row leaves dangling ids behind, as a real API may.
    return run(db,
               {QStringLiteral(
                    "CREATE TABLE IF NOT EXISTS users ("
                    "id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, name TEXT NOT NULL, "
                    "email TEXT NOT NULL UNIQUE, email_verified_at DATETIME NULL, "
                    "password TEXT NOT NULL, remember_token TEXT NULL, "
                    "created_at DATETIME NULL, updated_at DATETIME NULL)"),
                QStringLiteral(
                    "CREATE TABLE IF NOT EXISTS sections ("
                    "id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, title TEXT NOT NULL, "
                    "created_at DATETIME NULL, updated_at DATETIME NULL)"),
                QStringLiteral(
                    "CREATE TABLE IF NOT EXISTS topics ("
                    "id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "
                    "section_id INTEGER NOT NULL REFERENCES sections(id), "
                    "user_id INTEGER NOT NULL REFERENCES users(id), title TEXT NOT NULL, "
                    "created_at DATETIME NULL, updated_at DATETIME NULL)"),
                QStringLiteral(
                    "CREATE TABLE IF NOT EXISTS messages ("
                    "id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "
                    "topic_id INTEGER NOT NULL REFERENCES topics(id), "
                    "user_id INTEGER NOT NULL REFERENCES users(id), "
                    "parent_id INTEGER NULL REFERENCES messages(id), content TEXT NOT NULL, "
                    "created_at DATETIME NULL, updated_at DATETIME NULL)")},
               error);
}

bool ForumSchema::createIndexes(QSqlDatabase &db, QString *error)
{
    return run(db,
               {QStringLiteral("CREATE INDEX IF NOT EXISTS users_updated_at_id_index ON users(updated_at, id)"),
                // E-mail uniqueness is checked case-insensitively, as MySQL's default collation would.
                QStringLiteral("CREATE INDEX IF NOT EXISTS users_email_lower_index ON users(lower(email))"),
                QStringLiteral("CREATE INDEX IF NOT EXISTS sections_updated_at_id_index ON sections(updated_at, id)"),
                QStringLiteral("CREATE INDEX IF NOT EXISTS topics_updated_at_id_index ON topics(updated_at, id)"),
                QStringLiteral("CREATE INDEX IF NOT EXISTS topics_section_id_index ON topics(section_id)"),
                QStringLiteral("CREATE INDEX IF NOT EXISTS topics_user_id_index ON topics(user_id)"),
                QStringLiteral("CREATE INDEX IF NOT EXISTS messages_updated_at_id_index ON messages(updated_at, id)"),
                QStringLiteral("CREATE INDEX IF NOT EXISTS messages_topic_id_index ON messages(topic_id)"),
                QStringLiteral("CREATE INDEX IF NOT EXISTS messages_user_id_index ON messages(user_id)"),
                QStringLiteral("CREATE INDEX IF NOT EXISTS messages_parent_id_index ON messages(parent_id)")},
               error);
}

bool ForumSchema::createWriteTables(QSqlDatabase &db, QString *error)
{
    // The request's fingerprint tells a retry (same body) from a misuse of the key (another
    // body); the first answer is kept as sent, so a replay is byte for byte the same.
    return run(db,
               {QStringLiteral("CREATE TABLE IF NOT EXISTS idempotency_keys ("
                               "idempotency_key TEXT PRIMARY KEY NOT NULL, fingerprint TEXT NOT NULL, "
                               "status INTEGER NOT NULL, body BLOB NOT NULL, created_at DATETIME NOT NULL)"),
                QStringLiteral("CREATE INDEX IF NOT EXISTS idempotency_keys_created_at_index "
                               "ON idempotency_keys(created_at)")},
               error);
}

} // namespace Tributary
