#pragma once

#include "state/Position.h"
#include "util/Result.h"

#include <QList>

#include <optional>

namespace Tributary {

class Database;
class Statements;

// Which walk a cursor belongs to: each entity has up to one of each.
enum class CursorKind {
    Incremental, // the last applied (value, id) of the change filter
    Full,        // the continuation of a full walk that has not completed
    Reconcile,   // where a reconciliation scan stands (see ReconcileRun)
    Start,       // a source started "from now": the source's time it started at. Records changed
                 // before it are not imported by full walks and reconciliations (see Applier::prepare)
};

struct CursorRecord
{
    QString source;
    QString entity;
    QString kind; // CursorStore::kindName()
    Position position;
    qint64 runId = 0;
    QString updatedAt;
};

// Cursors (tributary_cursors): where each walk of each entity stands. A page's cursor is saved in
// the same transaction as the page, so it never runs ahead of what was applied.
class CursorStore
{
public:
    // `statements`: a cache to reuse the prepared statements (the engine saves a cursor per page);
    // without one each call prepares its own.
    explicit CursorStore(Database &db, Statements *statements = nullptr) : m_db(db), m_statements(statements) {}

    static QString kindName(CursorKind kind);
    // The kind of a name kindName() wrote; nothing for any other text.
    static std::optional<CursorKind> kindFromName(const QString &name);

    bool load(const QString &source, const QString &entity, CursorKind kind, Position *position, Error *error);
    bool save(const QString &source, const QString &entity, CursorKind kind, const Position &position, qint64 runId, Error *error);
    // Forgets one cursor: the walk of that kind starts again from the beginning (an incremental
    // one from the source's `start`). True also when there was none.
    bool remove(const QString &source, const QString &entity, CursorKind kind, Error *error);
    // Every cursor of `source` (all sources when empty), by entity and kind.
    Result<QList<CursorRecord>> list(const QString &source = QString());

    // Where a cursor stands, for people: "value 2026-11-23T04:13:38Z, last id 42", or where a
    // full walk or scan that stopped part-way resumes.
    static QString describe(const Position &position);

private:
    Database &m_db;
    Statements *m_statements;
};

} // namespace Tributary
