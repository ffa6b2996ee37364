#pragma once

#include "forum-sim/ForumEntity.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QSqlDatabase>
#include <QString>
#include <QVariant>

#include <map>
#include <memory>

class QSqlQuery;

namespace Tributary {

// forum-sim's database: one SQLite connection, owned by the thread that opened it (its name is
// unique per store), with prepared statements cached per SQL text.
class ForumStore
{
public:
    ForumStore();
    ~ForumStore();
    ForumStore(const ForumStore &) = delete;
    ForumStore &operator=(const ForumStore &) = delete;

    // Opens (and with create, creates the tables of) the database at path.
    bool open(const QString &path, bool create, QString *error);
    void close();
    QSqlDatabase database() const;

    // The keyset position of a listed record.
    struct Key
    {
        qint64 id = 0;
        QByteArray updatedAt; // database text
    };

    struct ListQuery
    {
        const ForumEntity *entity = nullptr;
        bool sortByUpdated = false;  // (updated_at, id) instead of id
        bool idsOnly = false;        // only id and updated_at
        QByteArray since;            // database text; empty: no filter
        int limit = 50;
        qint64 offset = -1;          // page mode: OFFSET; -1 in cursor mode
        bool hasPosition = false;    // cursor mode: start after (or before) this key
        Key position;
        bool backward = false;       // records before position, still returned in ascending order
    };

    struct ListResult
    {
        QByteArray json;   // the records as comma-separated JSON objects, ascending
        int count = 0;
        Key first, last;   // keys of the first and last record returned
        bool more = false; // another record exists beyond limit in the walking direction
    };

    bool list(const ListQuery &query, ListResult *result, QString *error);
    bool count(const ForumEntity &entity, const QByteArray &since, qint64 *total, QString *error);
    // The record as a JSON object; found is false when there is no such row.
    bool fetchJson(const ForumEntity &entity, qint64 id, QByteArray *json, bool *found,
                   QString *error);
    bool exists(const QString &table, qint64 id, bool *found, QString *error);
    // The topic of a message; found is false when the message does not exist.
    bool messageTopic(qint64 messageId, qint64 *topicId, bool *found, QString *error);
    bool updatedAt(const ForumEntity &entity, qint64 id, QByteArray *value, bool *found,
                   QString *error);
    // Whether another user (not excludeId) has this e-mail, compared case-insensitively, trimmed.
    bool emailTaken(const QString &email, qint64 excludeId, bool *taken, QString *error);

    using Values = QList<QPair<QByteArray, QVariant>>;
    bool insert(const ForumEntity &entity, const Values &values, qint64 *newId, QString *error);
    // With expectedUpdatedAt (database text), only a row still carrying it is written: found is
    // then false when the row is gone or changed.
    bool update(const ForumEntity &entity, qint64 id, const Values &values, bool *found,
                QString *error, const QByteArray &expectedUpdatedAt = {});
    bool remove(const ForumEntity &entity, qint64 id, bool *found, QString *error,
                const QByteArray &expectedUpdatedAt = {});

    // A create kept under its Idempotency-Key: what was asked (fingerprint) and answered.
    struct IdempotentAnswer
    {
        QByteArray fingerprint;
        int status = 0;
        QByteArray body;
    };
    // The answer kept under key since notBefore (database text); found is false otherwise.
    // Keys older than notBefore are forgotten on the way.
    bool idempotentAnswer(const QByteArray &key, const QByteArray &notBefore,
                          IdempotentAnswer *answer, bool *found, QString *error);
    bool saveIdempotentAnswer(const QByteArray &key, const IdempotentAnswer &answer,
                              const QByteArray &createdAt, QString *error);

    // One transaction on the store's connection: a create and its idempotency key commit together.
    bool transaction(QString *error);
    bool commit(QString *error);
    void rollback();

    // Appends the current row of a query as a JSON object; columns are in ForumEntity order,
    // visible columns only (or only id and updated_at).
    static void appendRecord(QByteArray &out, const QSqlQuery &query, const ForumEntity &entity,
                             bool idsOnly);
    static QString selectList(const ForumEntity &entity, bool idsOnly);

private:
    QSqlQuery *prepared(const QString &sql, QString *error);

    QString m_connectionName;
    std::map<QString, std::unique_ptr<QSqlQuery>> m_queries;
};

} // namespace Tributary
