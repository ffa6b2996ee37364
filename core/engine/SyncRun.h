#pragma once

#include "config/Config.h"
#include "engine/Applier.h"
#include "engine/Position.h"
#include "engine/RunCounts.h"
#include "engine/Source.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>

namespace Tributary {

class Database;
class PageWalker;

struct SyncOptions
{
    QStringList entities;     // empty: every enabled entity
    bool full = false;        // walk everything instead of what changed since the cursor
    // Instead of walking: fetch the quarantined records again by id and apply them (the source may
    // have fixed them, or what they referenced may exist now). Restricted by `entities` and ids.
    bool retryQuarantine = false;
    QStringList externalIds;  // with retryQuarantine: only these records
    // Instead of walking changes: scan every id the source lists (mark), fetch records polling
    // missed, then delete what a complete scan did not see (sweep). See docs/operations.md.
    bool reconcile = false;
    // Instead of walking: fetch just these records by id and apply them (webhook hints, run kind
    // "webhook"). One that answers 404 is a delete, applied by the reconciliation's rules (a row
    // edited locally becomes a conflict); for entities whose delete mode is "hard" the delete is
    // left to the next reconciliation, which deletes children first. Pairs of (entity, external
    // id); records of entities that are not synced are ignored.
    QList<QPair<QString, QString>> records;
    // After a sync: ask the source how many records each entity has (a count request, for sources
    // that report totals) and compare with the records linked and not deleted. More
    // links than records means deletes were missed (webhooks are lost, listings never show
    // deletes): RunResult::missedDeletes names those entities. The service then reconciles.
    bool checkDeletes = false;

    // The kind the run is recorded as in tributary_runs: "webhook", "quarantine-retry",
    // "reconcile", "full" or "incremental".
    QString runKind() const;
};

// The outcome of one run of one source.
struct RunResult
{
    enum class Status { Ok, Partial, Failed, Interrupted };
    qint64 runId = 0;
    QString source;
    QString kind;
    Status status = Status::Ok;
    Error error;
    QStringList entityOrder;
    QHash<QString, EntityCounts> counts;
    qint64 elapsedMs = 0;
    // With SyncOptions::checkDeletes: "entity: N linked, the source lists M" for each entity with
    // more live links than the source has records.
    QStringList missedDeletes;

    EntityCounts total() const;
    static QString statusName(Status s);
    // Whether a run of this kind reads everything that changed at the source (incremental, full,
    // reconcile), so that its success says the source is current. Webhook and quarantine runs
    // only fetch the records they name.
    static bool isPollingKind(const QString &kind);
    // The same kinds as an SQL list for "kind IN (...)": constant text, no values of anyone's.
    static QString pollingKindsSql();
};

// One sync run of one source: its entities in dependency order, page after page, each page in
// its own transaction with its cursor; then references still missing are fetched one by one.
class SyncRun : public QObject
{
    Q_OBJECT
public:
    SyncRun(Database &db, const Config &config, const SourceConfig &source, Source *impl, SyncOptions options,
            QObject *parent = nullptr);
    ~SyncRun() override;

    void start();
    // Stops after the page being applied (that page commits or rolls back whole).
    void stop();
    const RunResult &result() const { return m_result; }

Q_SIGNALS:
    void entityStarted(const QString &entity);
    void progress(const QString &entity, const Tributary::EntityCounts &counts);
    void entityFinished(const QString &entity, const Tributary::EntityCounts &counts);
    void finished(const Tributary::RunResult &result);

private:
    void nextEntity();
    void startWalk(const QString &since);
    void onPage(const Page &page);
    // Counts, skips the boundary, applies, moves the cursor (or keeps it, for a re-read).
    bool applyIncoming(const Page &page, bool moveCursor, const QString &token, Error *error);
    void onWalkFinished(const Error &error);
    // Incremental walks over pagination that shifts under changes (see EntityCapabilities).
    void requestEmulated(const QString &since, const QString &token);
    void onEmulatedPage(Tributary::SourceJob *job);
    void startGroupReread();
    void resolveMissing();
    void retryQuarantined();
    void fetchHinted();
    // SyncOptions::checkDeletes: the entities whose source can count them; none without it.
    QList<const EntityConfig *> deleteCheckEntities() const;
    // Counts `entities` at the source one after the other (SyncOptions::checkDeletes), then ends the run.
    void finishWithDeleteCheck(QList<const EntityConfig *> entities);
    void applyHintedDeletes();
    // A record fetched by id for a reconciliation or a webhook: applied, or noted in m_gone when
    // the source answers 404. A failed fetch ends the run with `failure` (%1 source, %2 entity,
    // %3 id, %4 the error).
    void applyOrNoteGone(const QString &entity, const QString &id, RecordJob *job, const QString &failure);
    void startReconcile();
    void nextScan();
    void onScanPage(const Page &page);
    void onScanFinished(const Error &error);
    void catchUpMissed();
    void planAndConfirmSweep();
    void sweepConfirmed();
    // Fetches (entity, id) pairs by id, a few at a time; `onFetched` handles each answer, `next`
    // runs when all are done.
    void fetchByIds(QList<QPair<QString, QString>> ids, std::function<void(const QString &, const QString &, RecordJob *)> onFetched,
                    std::function<void()> next);
    void onRecordFetched(const QString &entity, const QString &id, RecordJob *job);
    void finishRun(Error error);
    bool isBoundaryRecord(const QJsonObject &record) const;

    Database &m_db;
    const Config &m_config;
    const SourceConfig &m_source;
    Source *m_impl;
    SyncOptions m_options;
    std::unique_ptr<Applier> m_applier;
    RunResult m_result;
    QElapsedTimer m_timer;
    QList<const EntityConfig *> m_todo;

    // The walk in progress.
    const EntityConfig *m_entity = nullptr;
    EntityCapabilities m_caps;
    QString m_kind;          // cursor kind: "incremental" or "full"
    Position m_position;     // last committed position
    Position m_boundary;     // records at or before this (value, id) were applied by an earlier run
    bool m_probing = false;  // start "now": first request only reads the source's clock
    // The source's clock when the walk began; a walk that reaches records changed after it
    // stops there (the next run goes on), so a busy source cannot keep one run going forever.
    QDateTime m_walkStarted;
    bool m_reachedNow = false;
    PageWalker *m_walker = nullptr;

    // Keyset emulation: every request asks again from the last applied value; continuation
    // tokens are followed only inside a group of records sharing one value, which is then read
    // once more from its start, so that a record that moved inside it cannot be missed.
    bool m_emulating = false;
    QPointer<PageJob> m_emulatedJob;
    QPointer<PageJob> m_countJob; // checkDeletes: the request that tells an entity's total
    QString m_emulatedSince;
    QString m_groupValue;     // the tie group paged through by continuation tokens, if any
    bool m_rereading = false; // re-reading m_groupValue from its start, nothing skipped
    int m_rereads = 0;
    qint64 m_writtenBeforeReread = 0;
    bool m_resumeAfterReread = false; // whether the walk goes on past the group afterwards

    // Reconciliation.
    qint64 m_scan = 0;                       // the scan number stamped on every id seen
    bool m_resumedScan = false;              // m_scan was started by an earlier, interrupted run
    QList<const EntityConfig *> m_scanTodo;
    QList<QPair<QString, QString>> m_unlinked; // listed by the source, never linked: polling missed them
    QHash<QString, QStringList> m_gone;      // entity -> ids confirmed gone (404) at the source
    QList<const EntityConfig *> m_catchUp;   // entities with too many unlinked ids for one-by-one fetches

    // Missing references being fetched.
    int m_round = 0;
    int m_inFlight = 0;
    QList<Applier::MissingRef> m_missing;
    QList<QPointer<RecordJob>> m_recordJobs;
    bool m_progressInRound = false;
    bool m_stopping = false;
    bool m_finished = false;
};

} // namespace Tributary
