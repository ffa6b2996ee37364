#pragma once

#include "util/Result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <memory>

class QSqlQuery;

namespace Tributary {

class Database;
class RowBatch;
class RowStatement;
class Statements;

// One line of the change log: who changed which row, how, when, with which values.
struct Change
{
    qint64 id = 0;
    qint64 runId = 0;    // 0: not made by a run (a person, a detach, a purge)
    QString source;      // empty when no source was involved
    QString entity;
    QString table;
    QString localId;     // "*" for a line about a whole entity (a detach)
    QString externalId;
    QString op;          // insert, link, update, restore, soft-delete, delete, gone, unlink, resolve, keep, detach, purge
    QStringList fields;  // the fields written, when the op writes some
    QString actor;       // "source:forum", "person:alice", "admin"
    QString at;
    QJsonObject values;  // the values written (or, for a purge, the row deleted)

    QJsonObject toJson() const;
};

// Which lines of the change log to read. Empty or 0 means any.
struct ChangeFilter
{
    QString source;
    QString entity;
    qint64 runId = 0;
    QString op;
    QStringList ops;       // any of these ops
    qint64 afterRunId = 0; // only lines of runs after this one
};

// The change log (tributary_changes): append-only, the audit trail of every row Tributary
// changed. The word for one row's past is "history" (`tributaryd history TABLE ID`); the runs'
// past is the run history (RunLog).
class ChangeLog
{
public:
    // `statements`: keeps the append statement prepared (the engine appends one line per record).
    explicit ChangeLog(Database &db, Statements *statements = nullptr);
    ~ChangeLog();

    bool append(const Change &change, Error *error);
    // Batching (the engine's applier): lines are queued and written by flush() in multi-row
    // statements; the owner flushes before its transaction commits, and discards after a
    // rollback. Nothing reads the change log inside the applier's transactions.
    void setBatching(bool batching) { m_batching = batching; }
    bool flush(Error *error);
    void discard();
    // The changes of one row, oldest first; `limit` keeps the newest ones (0: all). A row a run
    // inserted has no line of its own while its link lives: the link (its run and creation time)
    // stands for the "insert" line, which is read from it here (with id 0) and written to the
    // log only when the link goes (keepInsertLines). docs/decisions/0025.
    Result<QList<Change>> forRow(const QString &table, const QString &localId, int limit = 0);
    // The lines the filter selects, oldest first.
    Result<QList<Change>> list(const ChangeFilter &filter);
    Result<qint64> count(const ChangeFilter &filter);

    // Before links are deleted: writes the insert lines of those among them that stand for one
    // (a run inserted their row), so the row's history keeps who created it. `where` is a
    // condition on tributary_links aliased `l`, with its binds.
    static bool keepInsertLines(Database &db, const QString &where, const QVariantList &binds, Error *error);

private:
    Database &m_db;
    Statements *m_statements;
    RowStatement *m_append = nullptr; // from m_statements, once prepared
    bool m_batching = false;
    std::unique_ptr<RowBatch> m_queue;
};

} // namespace Tributary
