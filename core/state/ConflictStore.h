#pragma once

#include "util/Result.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QSqlQuery>
#include <QStringList>

namespace Tributary {

class Database;
class Statements;

// One collision between the main application and a source, as tributary_conflicts keeps it.
//   field           both sides changed the same fields to different values
//   local-deleted   the main application deleted a row that the source then changed
//   remote-deleted  the source deleted a record whose row the main application had changed
struct Conflict
{
    qint64 id = 0;
    QString source;
    QString entity;
    QString externalId;
    QString localId;
    QString kind;
    QStringList fields;
    QJsonObject base;    // what the source said before (the last values applied)
    QJsonObject local;   // the row's values when the conflict was raised (or last updated)
    QJsonObject remote;  // what the source says now
    QJsonObject localBy; // field -> another source that set the local value (several sources)
    QString status;      // open, resolved
    QString resolution;  // how: "keep-local", "policy:source-wins", "priority:forum-b", ...
    QString resolvedBy;
    QString createdAt;
    QString updatedAt;   // changes whenever the source sends a newer version: a resolution checks it
    QString resolvedAt;

    bool isOpen() const { return status == QLatin1String("open"); }
    QJsonObject toJson() const;
    // A sentence for people: "both sides changed the same field", ...
    static QString describeKind(const QString &kind);
};

struct ConflictFilter
{
    QStringList sources;          // empty: any
    QString entity;               // empty: any
    QString field;                // only conflicts involving this field
    QString externalId;           // only this record's (with sources and entity)
    QString localId;              // only those about this local row (with sources and entity)
    bool includeResolved = false; // open ones only by default
    QDateTime raisedBefore;       // only conflicts raised before this time (age filter)
    int limit = 0;                // 0: all
    qint64 afterId = 0;           // paging: only ids above this
};

// The conflicts (tributary_conflicts): what the engine records, what people list and count, and
// the status a resolution writes. Deciding and writing rows is ConflictResolver's (engine).
class ConflictStore
{
public:
    // `statements`: keeps the engine's per-record statements prepared across pages.
    explicit ConflictStore(Database &db, Statements *statements = nullptr) : m_db(db), m_statements(statements) {}

    Result<QList<Conflict>> list(const ConflictFilter &filter);
    // An error with Error::Code::NotFound naming the id when there is no such conflict.
    Result<Conflict> get(qint64 id);
    // Conflicts the filter selects (open ones unless includeResolved): the one count every
    // front end shows.
    Result<qint64> count(const ConflictFilter &filter);
    // Open conflicts per (source, entity): "source\x1fentity" -> count.
    Result<QHash<QString, qint64>> openCountsBySourceAndEntity();
    // The (source, entity) pairs that have conflicts, open or resolved, for filters.
    Result<QList<QPair<QString, QString>>> sourceEntityPairs();
    // Which of these records of `entity` have an open conflict, in a few statements.
    bool openAmong(const QString &source, const QString &entity, const QStringList &externalIds, QSet<QString> *open, Error *error);

    // Records a collision the engine found: id, status and times are the store's; an empty
    // `resolution` leaves it open for a person, else the rule that decided ("policy:..."). One
    // open conflict per record and kind: a newer remote version replaces what it said before.
    bool record(const Conflict &conflict, qint64 runId, const QString &now, Error *error);
    // Closes an open conflict: false in *done when it was no longer open.
    bool markResolved(qint64 id, const QString &resolution, const QString &resolvedBy, const QString &at, bool *done, Error *error);
    // A newer local side (the row changed since the conflict was shown); `converged` closes it.
    bool updateLocal(qint64 id, const QJsonObject &local, bool converged, const QString &at, Error *error);
    // Every open conflict of `source` is closed as "detached"; *resolved says how many.
    bool resolveAllOfSource(const QString &source, const QString &resolution, const QString &resolvedBy, const QString &at, qint64 *resolved,
                            Error *error);

private:
    Database &m_db;
    Statements *m_statements;
    QSqlQuery m_openAmong; // kept between the pages of a walk
};

} // namespace Tributary
