#include "ConflictResolver.h"

#include "state/ChangeLog.h"
#include "state/EditStore.h"
#include "state/LinkStore.h"
#include "state/Outbox.h"
#include "store/Database.h"
#include "util/Tr.h"
#include "util/Values.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSqlQuery>

namespace Tributary {

namespace {

QString shown(const QJsonValue &v) { return displayValue(v, 80); }

} // namespace

QString Resolution::describe() const
{
    switch (action) {
    case Action::KeepLocal: return QStringLiteral("keep-local");
    case Action::TakeRemote: return QStringLiteral("take-remote");
    case Action::Keep: return QStringLiteral("keep");
    case Action::Delete: return QStringLiteral("delete");
    case Action::Restore: return QStringLiteral("restore");
    case Action::PerField: break;
    }
    QStringList parts;
    QStringList names = fields.keys();
    names.sort();
    for (const QString &f : std::as_const(names)) {
        const FieldChoice &c = fields.value(f);
        parts.append(f + QLatin1Char('=')
                     + (c.kind == FieldChoice::Kind::Local ? QStringLiteral("local")
                        : c.kind == FieldChoice::Kind::Remote ? QStringLiteral("remote")
                                                              : QStringLiteral("value")));
    }
    return QStringLiteral("fields: ") + parts.join(QStringLiteral(", "));
}

ConflictResolver::ConflictResolver(Database &db, const Config &config) : m_db(db), m_config(config), m_store(db) {}

bool ConflictResolver::resolve(const Conflict &shownConflict, const Resolution &resolution, const QString &actor, Error *error)
{
    // What the decision writes is what that source (or the kept local side) says of the row:
    // write-back passes it on to the other sources that share the row, and the conflict's own
    // source gets its operation due (resolveInTransaction).
    const QString writer = m_db.writerSource();
    m_db.setWriterSource(shownConflict.source);
    const auto restore = qScopeGuard([&] { m_db.setWriterSource(writer); });
    if (!m_db.transaction(error))
        return false;
    bool rowChanged = false;
    if (resolveInTransaction(shownConflict, resolution, actor, &rowChanged, error) && m_db.commit(error))
        return true;
    m_db.rollback();
    if (rowChanged) {
        // The person must see the row as it is before deciding: the conflict takes the new
        // values, so that showing it again shows them (and resolving that version works).
        bool changed = false;
        Error ignored;
        refreshLocal(shownConflict.id, &changed, &ignored);
    }
    return false;
}

bool ConflictResolver::refreshLocal(qint64 id, bool *changed, Error *error)
{
    *changed = false;
    if (!m_db.transaction(error))
        return false;
    auto body = [&]() -> bool {
        const Result<Conflict> read = m_store.get(id);
        if (!read.into(error))
            return false;
        const Conflict &c = *read;
        const SourceConfig *source = m_config.source(c.source);
        const EntityConfig *entity = source ? source->entity(c.entity) : nullptr;
        if (!c.isOpen() || c.kind != QLatin1String("field") || !entity)
            return true;
        QJsonObject now;
        bool exists = false;
        if (!readRow(*entity, c.localId, c.fields, &now, &exists, error))
            return false;
        if (!exists || now == c.local)
            return true;
        bool converged = true;
        for (const QString &f : std::as_const(c.fields))
            converged = converged && sameValue(now.value(f).toVariant(), c.remote.value(f).toVariant());
        if (!m_store.updateLocal(id, now, converged, Database::now(), error))
            return false;
        *changed = true;
        return true;
    };
    if (body() && m_db.commit(error))
        return true;
    m_db.rollback();
    *changed = false;
    return false;
}

bool ConflictResolver::resolveInTransaction(const Conflict &shownConflict, const Resolution &resolution, const QString &actor,
                                         bool *rowChanged, Error *error)
{
    auto refuse = [&](const QString &why) {
        *error = Error(Error::Code::Conflict, Tr::tr("conflict #%1: %2").arg(shownConflict.id).arg(why));
        return false;
    };
    // Read again inside the transaction: what was shown may be out of date.
    const Result<Conflict> read = m_store.get(shownConflict.id);
    if (!read.into(error))
        return false;
    const Conflict &c = *read;
    if (!c.isOpen())
        return refuse(Tr::tr("already resolved (%1, by %2 at %3)").arg(c.resolution, c.resolvedBy, c.resolvedAt));
    if (c.updatedAt != shownConflict.updatedAt)
        return refuse(Tr::tr("the source sent a newer version at %1, after the conflict was shown; show it again").arg(c.updatedAt));
    const SourceConfig *source = m_config.source(c.source);
    const EntityConfig *entity = source ? source->entity(c.entity) : nullptr;
    if (!entity)
        return refuse(Tr::tr("%1/%2 is no longer in the configuration; put it back, or detach the source "
                             "('tributaryd source detach %1')").arg(c.source, c.entity));

    // The choice must fit the kind of conflict.
    using A = Resolution::Action;
    enum class Effect { Fields, LeaveDeleted, Restore, Keep, Delete } effect = Effect::Fields;
    const A a = resolution.action;
    if (c.kind == QLatin1String("field")) {
        if (a != A::KeepLocal && a != A::TakeRemote && a != A::PerField)
            return refuse(Tr::tr("both sides changed fields: keep local, take remote, or choose per field"));
        effect = Effect::Fields;
    } else if (c.kind == QLatin1String("local-deleted")) {
        if (a == A::KeepLocal || a == A::Delete)
            effect = Effect::LeaveDeleted;
        else if (a == A::TakeRemote || a == A::Restore)
            effect = Effect::Restore;
        else
            return refuse(Tr::tr("the main application deleted the row: restore it with the source's values (keep remote), "
                                 "or leave it deleted (keep local)"));
    } else if (c.kind == QLatin1String("remote-deleted")) {
        if (a == A::KeepLocal || a == A::Keep)
            effect = Effect::Keep;
        else if (a == A::TakeRemote || a == A::Delete)
            effect = Effect::Delete;
        else
            return refuse(Tr::tr("the source deleted the record: keep the row as the main application has it (keep local), "
                                 "or delete it as the source did (keep remote)"));
    } else {
        return refuse(Tr::tr("unknown kind \"%1\"").arg(c.kind));
    }
    if (a == A::PerField) {
        QStringList unknown, missing;
        for (auto it = resolution.fields.constBegin(); it != resolution.fields.constEnd(); ++it) {
            if (!c.fields.contains(it.key()))
                unknown.append(it.key());
        }
        for (const QString &f : std::as_const(c.fields)) {
            if (!resolution.fields.contains(f))
                missing.append(f);
        }
        if (!unknown.isEmpty())
            return refuse(Tr::tr("%1 is not a field of this conflict (its fields: %2)").arg(unknown.join(QStringLiteral(", ")), c.fields.join(QStringLiteral(", "))));
        if (!missing.isEmpty())
            return refuse(Tr::tr("choose every field; missing: %1").arg(missing.join(QStringLiteral(", "))));
    }

    // The row must be as the person saw it.
    QStringList columns;
    for (auto it = c.local.constBegin(); it != c.local.constEnd(); ++it)
        columns.append(it.key());
    QJsonObject now;
    bool exists = false;
    if (!readRow(*entity, c.localId, columns, &now, &exists, error))
        return false;
    const QString row = QStringLiteral("%1 %2").arg(entity->table, c.localId);
    if (effect == Effect::LeaveDeleted || effect == Effect::Restore) {
        if (exists)
            return refuse(Tr::tr("the row %1 exists again since the conflict was shown; show it again").arg(row));
    } else {
        if (!exists)
            return refuse(Tr::tr("the row %1 was deleted since the conflict was shown; show it again").arg(row));
        for (const QString &col : std::as_const(columns)) {
            if (!sameValue(now.value(col).toVariant(), c.local.value(col).toVariant())) {
                *rowChanged = true;
                return refuse(Tr::tr("the row %1 changed since the conflict was shown: %2 is now %3 (the conflict shows %4); "
                                     "the conflict now shows the row as it is: show it again")
                                  .arg(row, col, shown(now.value(col)), shown(c.local.value(col))));
            }
        }
    }

    QJsonObject written;
    QString op;
    switch (effect) {
    case Effect::Fields:
        if (!resolveFields(c, *entity, resolution, &written, error))
            return false;
        op = QStringLiteral("resolve");
        break;
    case Effect::Restore:
        if (!restoreRow(c, *entity, &written, error))
            return false;
        op = QStringLiteral("restore");
        break;
    case Effect::Delete:
        if (!deleteRow(c, *entity, error))
            return false;
        op = entity->deleteMode == QLatin1String("soft") ? QStringLiteral("soft-delete") : QStringLiteral("delete");
        break;
    case Effect::LeaveDeleted:
    case Effect::Keep:
        op = QStringLiteral("keep");
        break;
    }

    const QString at = Database::now();
    bool closed = false;
    if (!m_store.markResolved(c.id, resolution.describe(), actor, at, &closed, error))
        return false;
    if (!closed)
        return refuse(Tr::tr("already resolved"));
    Change change;
    change.source = c.source;
    change.entity = c.entity;
    change.table = entity->table;
    change.localId = c.localId;
    change.externalId = c.externalId;
    change.op = op;
    change.fields = c.fields;
    change.actor = QStringLiteral("person:") + actor;
    change.at = at;
    change.values = written;
    if (!ChangeLog(m_db).append(change, error))
        return false;
    // Write-back: the row's operation waited for this decision; it is due now, and the next push
    // sends what the decision left in the row (nothing when the source's values were taken).
    OutboxFilter waiting;
    waiting.sources = {c.source};
    waiting.table = entity->table;
    waiting.localId = c.localId;
    waiting.state = QStringLiteral("pending");
    const Result<int> due = Outbox(m_db).retry(waiting);
    return due.into(error);
}

bool ConflictResolver::resolveFields(const Conflict &c, const EntityConfig &entity, const Resolution &resolution, QJsonObject *written,
                                  Error *error)
{
    // "Remote" is what the source says now: the link's base, which every applied version updates
    // (the conflict's remote side may be older when the source changed other fields since).
    QJsonObject current;
    if (!sourceSaysNow(c, entity, &current, error))
        return false;
    QStringList sets;
    QVariantList values;
    for (const QString &f : c.fields) {
        FieldChoice choice;
        if (resolution.action == Resolution::Action::TakeRemote)
            choice.kind = FieldChoice::Kind::Remote;
        else if (resolution.action == Resolution::Action::PerField)
            choice = resolution.fields.value(f);
        if (choice.kind == FieldChoice::Kind::Local)
            continue;
        QVariant v;
        if (choice.kind == FieldChoice::Kind::Remote) {
            v = (current.contains(f) ? current.value(f) : c.remote.value(f)).toVariant();
        } else if (!convert(entity, f, choice.value, &v, error)) {
            return false;
        }
        sets.append(m_db.quote(f) + QStringLiteral(" = ?"));
        values.append(v);
        written->insert(f, variantToJson(v));
    }
    if (sets.isEmpty())
        return true; // every field keeps the local value: nothing to write
    QSqlQuery q;
    if (!m_db.prepare(q, QStringLiteral("UPDATE %1 SET %2 WHERE %3 = ?").arg(m_db.quote(entity.table), sets.join(QStringLiteral(", ")), m_db.quote(entity.key)),
                      error))
        return false;
    for (const QVariant &v : std::as_const(values))
        q.addBindValue(v);
    q.addBindValue(Database::keyValue(c.localId));
    if (!m_db.exec(q, error))
        return false;
    if (q.numRowsAffected() != 1) {
        *error = Error(Error::Code::Conflict, Tr::tr("conflict #%1: the row %2 %3 disappeared while resolving").arg(c.id).arg(entity.table, c.localId));
        return false;
    }
    return true;
}

bool ConflictResolver::sourceSaysNow(const Conflict &c, const EntityConfig &entity, QJsonObject *values, Error *error)
{
    LinkStore links(m_db, c.source);
    LinkStore::Link link = links.find(c.entity, c.externalId, error);
    bool derived = false, captured = false;
    if (error->isError() || (link.found && !EditStore(m_db).fillBase(entity.table, &link, &derived, &captured, error)))
        return false;
    *values = link.found && (!derived || captured) ? link.base() : c.remote;
    return true;
}

bool ConflictResolver::restoreRow(const Conflict &c, const EntityConfig &entity, QJsonObject *written, Error *error)
{
    // The row comes back under its old key (rows of the main application may still point at it),
    // with what the source says now, and the entity's defaults for columns the source lacks.
    QJsonObject values;
    if (!sourceSaysNow(c, entity, &values, error))
        return false;
    QStringList columns{m_db.quote(entity.key)}, marks{QStringLiteral("?")};
    QVariantList binds{Database::keyValue(c.localId)};
    for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
        columns.append(m_db.quote(it.key()));
        marks.append(QStringLiteral("?"));
        binds.append(it.value().toVariant());
        written->insert(it.key(), it.value());
    }
    for (auto it = entity.defaults.constBegin(); it != entity.defaults.constEnd(); ++it) {
        if (values.contains(it.key()))
            continue;
        columns.append(m_db.quote(it.key()));
        marks.append(QStringLiteral("?"));
        binds.append(it.value());
    }
    QSqlQuery q;
    if (!m_db.prepare(q, QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)").arg(m_db.quote(entity.table), columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", "))),
                      error))
        return false;
    for (const QVariant &v : std::as_const(binds))
        q.addBindValue(v);
    return m_db.exec(q, error);
}

bool ConflictResolver::deleteRow(const Conflict &c, const EntityConfig &entity, Error *error)
{
    QSqlQuery q;
    if (entity.deleteMode == QLatin1String("soft")) {
        if (!m_db.prepare(q, QStringLiteral("UPDATE %1 SET %2 = ? WHERE %3 = ?").arg(m_db.quote(entity.table), m_db.quote(entity.deletedColumn), m_db.quote(entity.key)),
                          error))
            return false;
        q.addBindValue(m_db.formatTimestamp(QDateTime::currentDateTimeUtc()));
        q.addBindValue(Database::keyValue(c.localId));
        return m_db.exec(q, error);
    }
    if (entity.deleteMode == QLatin1String("hard")) {
        if (!m_db.prepare(q, QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(m_db.quote(entity.table), m_db.quote(entity.key)), error))
            return false;
        q.addBindValue(Database::keyValue(c.localId));
        // Gone for good, as reconciliation does it: a record that comes back is a new one.
        LinkStore links(m_db, c.source);
        links.setTimestamp(Database::now());
        return m_db.exec(q, error) && links.remove(c.entity, c.externalId, error);
    }
    *error = Error(Error::Code::Conflict, Tr::tr("conflict #%1: %2/%3 has \"delete_mode\": \"ignore\", so Tributary never deletes "
                                                 "its rows; keep the row (keep local), or change delete_mode")
                                              .arg(c.id).arg(c.source, c.entity));
    return false;
}

bool ConflictResolver::readRow(const EntityConfig &entity, const QString &localId, const QStringList &columns, QJsonObject *values,
                            bool *exists, Error *error)
{
    QStringList quoted{m_db.quote(entity.key)};
    for (const QString &c : columns)
        quoted.append(m_db.quote(c));
    QSqlQuery q;
    if (!m_db.prepare(q, QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ?%4")
                             .arg(quoted.join(QStringLiteral(", ")), m_db.quote(entity.table), m_db.quote(entity.key),
                                  m_db.isSqlite() ? QString() : QStringLiteral(" FOR UPDATE")),
                      error))
        return false;
    q.addBindValue(Database::keyValue(localId));
    if (!m_db.exec(q, error))
        return false;
    *exists = q.next();
    for (int i = 0; *exists && i < columns.size(); ++i)
        values->insert(columns.at(i), variantToJson(q.value(i + 1)));
    return true;
}

bool ConflictResolver::convert(const EntityConfig &entity, const QString &column, const QString &text, QVariant *out, Error *error) const
{
    const ColumnMapping *mapping = entity.column(column);
    const QString type = mapping ? mapping->type : QStringLiteral("integer"); // a reference holds a local key
    auto bad = [&](const QString &expected) {
        *error = Error(Error::Code::Config, Tr::tr("%1: %2 is not %3").arg(column, shown(text), expected));
        return false;
    };
    bool ok = true;
    if (text.compare(QLatin1String("null"), Qt::CaseInsensitive) == 0 && !(mapping && mapping->required)) {
        *out = QVariant();
        return true;
    }
    if (type == QLatin1String("string")) {
        *out = text;
    } else if (type == QLatin1String("integer")) {
        *out = text.trimmed().toLongLong(&ok);
        if (!ok)
            return mapping ? bad(Tr::tr("an integer")) : bad(Tr::tr("a local id (an integer)"));
    } else if (type == QLatin1String("real")) {
        *out = text.trimmed().toDouble(&ok);
        if (!ok)
            return bad(Tr::tr("a number"));
    } else if (type == QLatin1String("boolean")) {
        const QString t = text.trimmed().toLower();
        if (t == QLatin1String("true") || t == QLatin1String("1"))
            *out = true;
        else if (t == QLatin1String("false") || t == QLatin1String("0"))
            *out = false;
        else
            return bad(Tr::tr("true or false"));
    } else if (type == QLatin1String("timestamp")) {
        const QString ts = normalizeTimestamp(QJsonValue(text), m_config.database.timestampFormat);
        if (ts.isNull())
            return bad(Tr::tr("an ISO-8601 timestamp"));
        *out = ts;
    } else if (type == QLatin1String("json")) {
        QJsonParseError pe;
        QJsonDocument::fromJson(text.toUtf8(), &pe);
        if (pe.error != QJsonParseError::NoError)
            return bad(Tr::tr("JSON (%1)").arg(pe.errorString()));
        *out = text;
    } else {
        *out = text;
    }
    return true;
}

ConflictResolver::BulkResult ConflictResolver::resolveAll(const ConflictFilter &filter, Resolution::Action action, const QString &actor,
                                                    Error *error)
{
    BulkResult result;
    ConflictFilter page = filter;
    page.includeResolved = false;
    page.limit = 500;
    Resolution resolution;
    resolution.action = action;
    for (;;) {
        const Result<QList<Conflict>> read = m_store.list(page);
        if (!read.into(error) || read->isEmpty())
            break;
        const QList<Conflict> &batch = *read;
        for (const Conflict &c : batch) {
            Error e;
            if (resolve(c, resolution, actor, &e))
                ++result.resolved;
            else if (e.code == Error::Code::Conflict || e.code == Error::Code::Config)
                result.refused.append({c.id, e.message});
            else {
                *error = e;
                return result;
            }
        }
        page.afterId = batch.last().id;
    }
    return result;
}

} // namespace Tributary
