#pragma once

#include "FakeSource.h"
#include "MainDatabase.h"

#include "config/Config.h"
#include "state/Position.h"
#include "engine/run/Run.h"
#include "state/ChangeLog.h"
#include "state/ConflictStore.h"
#include "state/LinkStore.h"
#include "state/SourceLedger.h"
#include "engine/Verifier.h"

#include <QJsonObject>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <functional>
#include <memory>

namespace Tributary {
class Database;
}

namespace Tributary::Test {

// An external id as a scenario writes it: 7 or "7".
struct ExternalId
{
    QString id;
    ExternalId(int v) : id(QString::number(v)) {}
    ExternalId(qint64 v) : id(QString::number(v)) {}
    ExternalId(const QString &v) : id(v) {}
    ExternalId(const char *v) : id(QString::fromUtf8(v)) {}
};

// "ok", "partial", "failed" or "interrupted": QCOMPARE prints it, unlike the enum.
QString outcome(const RunResult &result);

// An engine scenario without HTTP: a temporary directory holding a real SQLite main database with
// the Good Forum's application schema, the forum preset loaded, migrated and checked as tributaryd
// does it, and its source served in-process by a FakeSource. Scenarios read like stories:
//
//     EngineFixture f;
//     f.remote().seedForum(2, 1, 2, 6);                       // users, sections, topics, messages
//     QCOMPARE(outcome(f.sync()), "ok");
//     f.localUpdate("topics", f.localId("topics", 1), "title", "Mine");
//     f.remote().edit("topics", 1, {{"title", "Theirs"}});
//     QCOMPARE(f.sync().counts.value("topics").conflicts, 1);
//     QCOMPARE(f.value("topics", 1, "title").toString(), "Mine");
//
// Every run runs to completion on the event loop (nothing sleeps) and returns its RunResult.
// The configuration keeps type "rest", validated by the real REST validator, so what is loaded is
// exactly the shipped preset; only the Source object behind it is the fake.
class EngineFixture
{
public:
    EngineFixture();
    ~EngineFixture();
    EngineFixture(const EngineFixture &) = delete;
    EngineFixture &operator=(const EngineFixture &) = delete;

    // False (with the reason, also reported as a test failure) when the setup failed.
    bool isReady() const { return m_db != nullptr; }

    // The source at the other end, and its name in the configuration ("forum").
    FakeSource &remote() { return *m_remote; }
    QString sourceName() const { return m_remote->name(); }

    // --- Configuration: edits of the preset's source object, loaded again as tributaryd loads it.
    bool configure(const std::function<void(QJsonObject &source)> &edit);
    bool setSourceOption(const QString &key, const QJsonValue &value);           // "max_delete_share", 0.5
    bool setEntityOption(const QString &entity, const QString &key, const QJsonValue &value); // "topics", "conflict_policy", "source-wins"
    const Config &config() const { return m_config; }
    const SourceConfig &sourceConfig() const;
    Database &db() { return *m_db; }
    QString path(const QString &name) const { return m_dir.filePath(name); }

    // --- Runs, each to its end; the source's counters are reset at its start.
    RunResult sync();                                  // incremental (what changed since the cursor)
    RunResult syncFull();                              // every record, in the source's stable order
    RunResult syncEntities(const QStringList &entities);
    RunResult reconcile();                             // mark and sweep: finds deletes
    // What a webhook hint does: fetches these (entity, external id) records by id and applies them.
    RunResult fetchByIds(const QList<QPair<QString, QString>> &records);
    RunResult retryQuarantine(const QStringList &entities = {});
    // An incremental run that is stopped (Run::stop(), as SIGTERM does) once `pages` pages of
    // `entity` were applied: the interruption scenarios.
    RunResult syncStoppingAfter(int pages, const QString &entity);

    // --- The main application's own writes, through a connection of its own. `id` is the local key.
    bool localUpdate(const QString &table, const QVariant &id, const QString &column, const QVariant &value);
    bool localUpdate(const QString &table, const QVariant &id, const QVariantMap &values);
    QVariant localInsert(const QString &table, const QVariantMap &values); // the new row's key
    bool localDelete(const QString &table, const QVariant &id);
    // Any other statement of the application's own (a trigger, a constraint, a bulk change).
    bool localExec(const QString &sql);

    // --- Readers
    // Local key of the row linked to an external record; empty when there is no link.
    QString localId(const QString &entity, const ExternalId &externalId);
    // A column of the local row linked to an external record (invalid when there is none).
    QVariant value(const QString &entity, const ExternalId &externalId, const QString &column);
    // The external id that a reference column of that row points at (null for NULL).
    QString ref(const QString &entity, const ExternalId &externalId, const QString &column);
    bool hasRow(const QString &entity, const ExternalId &externalId);
    // Rows of a table, optionally restricted: count("messages", "deleted_at IS NOT NULL").
    qint64 count(const QString &table, const QString &where = {}, const QVariantList &binds = {});
    // Links of one entity (or of the source), and of those the ones whose record is gone.
    qint64 links(const QString &entity = {});
    qint64 goneLinks(const QString &entity = {});
    LinkStore::Link link(const QString &entity, const ExternalId &externalId);
    // What the state tables hold for the source, per entity (the counts `tributaryd status` shows).
    SourceSummary summary();
    // The change log of the source, oldest first: every line, or those of one op and/or run.
    QList<Change> changes(const QString &op = {}, qint64 runId = 0);
    QVariant scalar(const QString &sql, const QVariantList &binds = {});
    // The stored position of an entity's walk ("incremental", "full" or "reconcile").
    Position cursor(const QString &entity, const QString &kind = QStringLiteral("incremental"));

    QList<Conflict> conflicts();      // every conflict, oldest first
    QList<Conflict> openConflicts();  // those waiting for a person

    // A record held back: waiting for references (pending) or refused (quarantine).
    struct Held
    {
        QString entity, externalId, field, reason;
        QStringList missing; // pending only: what it waits for ("entity id")
    };
    QList<Held> pending();
    QList<Held> quarantine();
    QString quarantineReason(const QString &entity, const ExternalId &externalId);

    // What the main database holds for the source, in the source's terms (contentInSourceTerms),
    // and what it must hold: the same lines computed from the fake's own records.
    QString snapshot();
    QString expectedSnapshot() const;
    // What `tributaryd verify` says: a full walk of the source compared record by record.
    bool verify(QList<Verifier::EntityReport> *reports = nullptr);

private:
    // The run to start, and when to stop it.
    struct RunSpec
    {
        RunRequest request;
        QString stopEntity;
        int stopAfterPages = 0;
    };
    RunResult run(const RunSpec &spec);

    bool load(QString *problem);
    bool fail(const QString &problem);
    const EntityConfig *entity(const QString &name) const;
    QSqlDatabase app() const;

    QTemporaryDir m_dir;
    std::unique_ptr<MainDatabase> m_main; // SQLite or PostgreSQL, as the test run asks
    QJsonObject m_root; // the configuration file as written
    Config m_config;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<FakeSource> m_remote;
    QString m_appConnection;
};

} // namespace Tributary::Test
