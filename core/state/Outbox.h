#pragma once

#include "util/Error.h"
#include "util/Result.h"

#include <QHash>
#include <QSet>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace Tributary {

class Database;

// One change of the main database waiting to be pushed to one source (tributary_outbox): a
// local row, not its values. The capture triggers (EntityTable::ensureOutboxCapture) insert it
// in the application's own transaction and bump `version` at each later change, so that three
// edits before a push are one operation; what to send is worked out from the row when it is
// pushed (docs/write-back.md).
struct OutboxOperation
{
    qint64 id = 0;
    QString source;
    QString entity;
    QString table;
    QString localId;
    qint64 version = 0;
    QString madeAt;        // the first change not pushed yet
    QString changedAt;     // the latest
    QString state;         // "pending" or "refused" (the source will not take it as it is)
    int attempts = 0;
    QString nextAttemptAt; // empty: due now
    QString sentAt;        // the last attempt
    QString lastError;
    QString idempotencyKey;

    bool isRefused() const { return state == QLatin1String("refused"); }
    QJsonObject toJson() const;
};

struct OutboxFilter
{
    QStringList sources;  // empty: every source
    QString entity;       // empty: any
    QString table;        // empty: any; with localId, one row's operations
    QString localId;
    QString state;        // "pending", "refused"; empty: both
    QList<qint64> ids;    // empty: any
    int limit = 0;        // 0: all
};

class Outbox
{
public:
    explicit Outbox(Database &db) : m_db(db) {}

    // Which source receives the changes of which table (tributary_outbox_targets).
    struct Target
    {
        QString table;
        QString source;
        QString entity;
        bool receiveAll = false; // "receive": "all": also the rows other sources inserted
        bool operator==(const Target &o) const
        {
            return table == o.table && source == o.source && entity == o.entity && receiveAll == o.receiveAll;
        }
    };
    // Makes the targets exactly `targets` (every writing entity of the configuration) and drops
    // the operations no target asks for any more (write-back turned off, a source removed):
    // *dropped counts them.
    bool setTargets(const QList<Target> &targets, int *dropped, Error *error);
    Result<QList<Target>> targets();
    // Drops write-back's capture triggers (tributary_out_*) from every table not in `tables`.
    bool dropCaptureExcept(const QSet<QString> &tables, Error *error);

    // The source's pending operations that are due at `now` (ISO time), oldest first, and the
    // creates in doubt whatever their backoff.
    Result<QList<OutboxOperation>> due(const QString &source, const QString &now, int limit);
    Result<QList<OutboxOperation>> list(const OutboxFilter &filter);
    // Creates sent to `source` without an answer: the source may hold their records already,
    // which a walk must not import as new rows until the create is answered (docs/write-back.md).
    Result<QList<OutboxOperation>> inDoubt(const QString &source);
    Result<OutboxOperation> get(qint64 id);

    // Queues the row `localId` of `table` for `source` (as the triggers do for a change), when it
    // has no operation yet: a row the application made that another one refers to.
    bool enqueue(const QString &source, const QString &entity, const QString &table, const QString &localId, const QString &at, Error *error);
    // Whether the row `localId` of `table` has an operation for `source` (pending or refused).
    bool has(const QString &source, const QString &table, const QString &localId, bool *found, Error *error);
    // Before a create is sent: the key every attempt of it sends (kept until it is done).
    bool setIdempotencyKey(qint64 id, const QString &key, Error *error);
    // An attempt is being sent.
    bool markSent(qint64 id, const QString &at, Error *error);
    // The source acknowledged what the operation's `version` held: removed unless the row
    // changed again since (*removed false: it stays, to push the newer change).
    bool complete(qint64 id, qint64 version, bool *removed, Error *error);
    // Failed for a passing reason: tried again at `nextAttemptAt`.
    bool retryLater(qint64 id, const QString &nextAttemptAt, const QString &why, Error *error);
    // The source will not take it as it is: kept, refused, until a person retries or drops it
    // (or the application changes the row again).
    bool refuse(qint64 id, const QString &why, Error *error);
    // Refused or waiting operations due again now; how many.
    Result<int> retry(const OutboxFilter &filter);
    // Forgets operations without pushing them; how many.
    Result<int> drop(const OutboxFilter &filter);

    struct Depth
    {
        qint64 pending = 0;
        qint64 refused = 0;
        QString oldestMadeAt; // empty when none waits
    };
    // Per source.
    Result<QHash<QString, Depth>> depth();

private:
    // `filter` as a WHERE clause with its binds.
    static QString where(const OutboxFilter &filter, QVariantList *binds);

    Database &m_db;
};

} // namespace Tributary
