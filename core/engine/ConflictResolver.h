#pragma once

#include "config/Config.h"
#include "state/ConflictStore.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QVariant>

namespace Tributary {

class Database;

// How a person decides one field.
struct FieldChoice
{
    enum class Kind { Local, Remote, Value };
    Kind kind = Kind::Local;
    QString value; // Kind::Value: the merged value, as text (converted to the column's type)
};

struct Resolution
{
    enum class Action {
        KeepLocal,  // field: every field keeps the row's value; deletes: the main application's side
        TakeRemote, // field: every field takes the source's value; deletes: the source's side
        PerField,   // field: `fields` chooses each field
        Keep,       // remote-deleted: keep the row as the main application has it
        Delete,     // remote-deleted: delete the row as the source did; local-deleted: leave it deleted
        Restore,    // local-deleted: bring the row back with the source's values
    };
    Action action = Action::KeepLocal;
    QHash<QString, FieldChoice> fields;

    // "keep-local", "fields: title=local, body=value", ... as stored in the conflict.
    QString describe() const;
};

// Decides and writes what a person chose for a conflict, for tributaryd and the console alike. A
// resolution is one transaction: the row, the conflict's status, and the change log entry naming
// who decided. The conflicts themselves are read through ConflictStore (state).
class ConflictResolver
{
public:
    ConflictResolver(Database &db, const Config &config);

    // Resolves `shown`, the conflict as the person saw it. Refused, with a message saying what
    // changed, when the conflict was resolved or updated since, when the row's values differ from
    // those shown, or when the choice does not fit the conflict's kind. `actor` is who decided
    // ("alice"); the change log records "person:alice".
    bool resolve(const Conflict &shown, const Resolution &resolution, const QString &actor, Error *error);

    // Reads the row again and records its current values as the conflict's local side (a new
    // version of the conflict: updated_at changes). Done when a resolution is refused because the
    // main application changed the row since the conflict was shown, so that showing it again
    // shows the row as it is. When the row now holds the remote values everywhere, nothing is
    // left to decide: the conflict is resolved as "converged". *changed says whether anything was
    // written.
    bool refreshLocal(qint64 id, bool *changed, Error *error);

    struct BulkResult
    {
        int resolved = 0;
        QList<QPair<qint64, QString>> refused; // conflict id, why
    };
    // Resolves every open conflict the filter selects, each in its own transaction, keeping the
    // local side or taking the source's side. Refusals are reported, not fatal.
    BulkResult resolveAll(const ConflictFilter &filter, Resolution::Action action, const QString &actor, Error *error);

private:
    // *rowChanged: refused because the row's values differ from the ones shown.
    bool resolveInTransaction(const Conflict &shown, const Resolution &resolution, const QString &actor, bool *rowChanged,
                              Error *error);
    bool resolveFields(const Conflict &c, const EntityConfig &entity, const Resolution &resolution, QJsonObject *written, Error *error);
    bool restoreRow(const Conflict &c, const EntityConfig &entity, QJsonObject *written, Error *error);
    // What the source says now: the link's base (or, for a link without one, the capture kept
    // while a field waits: docs/decisions/0024), else the conflict's remote side.
    bool sourceSaysNow(const Conflict &c, const EntityConfig &entity, QJsonObject *values, Error *error);
    bool deleteRow(const Conflict &c, const EntityConfig &entity, Error *error);
    // The row's current values of `columns`; false in *exists when the row is gone.
    bool readRow(const EntityConfig &entity, const QString &localId, const QStringList &columns, QJsonObject *values,
                 bool *exists, Error *error);
    // Text from a person -> the column's type; an error names the field and the expected type.
    bool convert(const EntityConfig &entity, const QString &column, const QString &text, QVariant *out, Error *error) const;

    Database &m_db;
    const Config &m_config;
    ConflictStore m_store;
};

} // namespace Tributary
