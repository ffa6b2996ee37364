#pragma once

#include "config/Config.h"
#include "engine/Source.h"
#include "engine/run/RunJob.h"
#include "state/Outbox.h"

#include <QJsonObject>
#include <QPointer>
#include <QSet>
#include <QVariantMap>
#include <functional>

namespace Tributary {

class Applier;
class ApplyContext;
class Database;

// Pushes a source's due outbox operations (write-back, docs/write-back.md), one at a time:
// creates and updates in dependency order (a new user before the topic that names it), then
// deletes, children first. Each operation reads its row when it is pushed, so that the changes
// made since it was queued go in one write:
//   create  the row is linked to no record of the source: POST with an idempotency key stored
//           before the first attempt, the answer's id linked to the row;
//   update  the record is read first and applied by the read direction's rules (three-way
//           merge, policies, conflicts), then what still differs from the source is sent as a
//           conditional write; "changed since" (412) applies the current record and tries again;
//   delete  the row is gone (or soft-deleted): a conditional delete, the link forgotten.
// An operation the source refuses is kept as refused with its reason and the others go on; one
// that fails for a passing reason waits (backoff) on its own; a 401 stops the job, as it stops
// reading. An open conflict on the record holds its operation until a person decides.
class PushJob : public RunJob
{
    Q_OBJECT
public:
    PushJob(Database &db, Applier &applier, Source *impl, const SourceConfig &source, QObject *parent = nullptr);
    ~PushJob() override;

    void start() override;
    void stop() override;

    // Identifies this installation's creates: "tributary-<uuid>", stored with the operation.
    static QString newIdempotencyKey();

private:
    enum class Kind { Nothing, Create, Update, Delete };
    struct Item
    {
        OutboxOperation op;
        const EntityConfig *entity = nullptr;
        Kind kind = Kind::Nothing;
        QString externalId;
        QVariantMap row;
        bool rowKept = false; // soft-deleted: the row stays
        int rounds = 0;       // "changed since" answers met so far
    };

    void nextRound();
    void nextItem();
    bool classify(Item *item, Error *error);
    // Reads the row and its link again (after a record was applied).
    bool readRow(Item *item, bool *exists, Error *error);
    void pushCreate(Item item);
    void pushUpdate(Item item);
    void pushDelete(Item item);
    // Fetches the record, then `then` with it (or empty when the source has no such record).
    void fetch(const Item &item, std::function<void(const QJsonObject &record, bool found)> then);
    void send(const Item &item, const WriteRequest &request, std::function<void(WriteJob *job)> then);
    // A fetch or a write that ended in an error: handled (the job fails, or the operation
    // waits); false when it did not.
    bool failed(const Item &item, const SourceJob *job);
    // The operation is done: removed from the outbox (unless the row changed again), then the
    // next one. Each of completed(), refused() and later() starts the next operation once.
    void completed(const Item &item, bool pushed);
    bool remove(const Item &item, bool pushed, Error *error);
    void refused(const Item &item, const QString &why);
    // A passing failure: the operation waits for its backoff; the others go on.
    void later(const Item &item, const QString &why);
    bool postpone(const Item &item, const QString &why, Error *error);
    // A failure of the job itself (database, 401): it stops.
    void fail(const Error &error);
    QString now() const;
    QJsonObject commandLog(const Item &item, const QJsonObject &sent) const;
    // The external id of a row at this source (null: none), for references.
    bool externalIdOf(const QString &entity, const QString &localId, QString *externalId, Error *error);
    bool openConflict(const Item &item, bool *open, Error *error);
    // True when an open conflict on the record holds the operation (then it waits), or reading
    // failed (then the job failed).
    bool heldByConflict(const Item &item);
    // The record is gone at the source: refused, saying what happens next.
    void goneThere(const Item &item);
    // The source acknowledged: `apply` records it, then the next operation.
    void acknowledged(const Item &item, const std::function<bool(Error *)> &apply);
    // "Changed since": read, merged and sent again by `again`, a few times at most.
    void changedAgain(Item item, void (PushJob::*again)(Item));

    Database &m_db;
    Applier &m_applier;
    ApplyContext &m_ctx;
    Source *m_impl;
    const SourceConfig &m_source;
    Outbox m_outbox;
    QList<Item> m_queue;
    QList<Item> m_deferred; // creates waiting for a referenced row that is pushed in this job
    QList<Item> m_carried;  // the same, carried into the next round (their reference was just queued)
    bool m_progress = false;
    bool m_enqueued = false; // a referenced row was queued for this source by this job
    QSet<qint64> m_seen; // operations handled by this job: each once
    QPointer<SourceJob> m_current;
    bool m_stopping = false;
};

} // namespace Tributary
