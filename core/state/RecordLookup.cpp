#include "RecordLookup.h"

#include "state/EditStore.h"
#include "store/Database.h"
#include "store/EntityTable.h"
#include "util/Tr.h"
#include "util/Values.h"

#include <QSqlField>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>

namespace Tributary {

const Change *decisionLine(const Conflict &c, const QList<Change> &changes)
{
    if (c.isOpen() || c.resolvedAt.isEmpty())
        return nullptr;
    for (const Change &change : changes) {
        if (change.at == c.resolvedAt && change.source == c.source && change.externalId == c.externalId)
            return &change;
    }
    return nullptr;
}

namespace {

constexpr int kDisplayChars = 120;

// LIKE's wildcards taken literally: the value is looked for as typed.
QString likePattern(const QString &text)
{
    QString escaped = text.toLower();
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('%'), QStringLiteral("\\%")).replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

bool isIntegerType(const QMetaType &type)
{
    switch (type.id()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
        return true;
    default:
        return false;
    }
}

// A read that sees one state of the database from its first statement to its last.
class ReadTransaction
{
public:
    explicit ReadTransaction(Database &db) : m_db(db) {}
    ~ReadTransaction()
    {
        if (m_open)
            m_db.rollback();
    }
    bool begin(Error *error) { return m_open = m_db.readTransaction(error); }
    bool commit(Error *error)
    {
        m_open = false;
        return m_db.commit(error);
    }

private:
    Database &m_db;
    bool m_open = false;
};

} // namespace

QJsonValue RecordDetail::value(const QString &column) const
{
    for (const RecordColumn &c : columns) {
        if (c.name == column)
            return c.value;
    }
    return QJsonValue(QJsonValue::Undefined);
}

QStringList RecordLookup::tables() const
{
    QStringList out;
    for (const SourceConfig &s : m_config.sources) {
        for (const EntityConfig &e : s.entities) {
            if (!out.contains(e.table))
                out.append(e.table);
        }
    }
    return out;
}

QList<QPair<const SourceConfig *, const EntityConfig *>> RecordLookup::entitiesOf(const QString &table) const
{
    QList<QPair<const SourceConfig *, const EntityConfig *>> out;
    for (const SourceConfig &s : m_config.sources) {
        for (const EntityConfig &e : s.entities) {
            if (e.table == table)
                out.append({&s, &e});
        }
    }
    return out;
}

Result<RecordLookup::TableShape> RecordLookup::shape(const QString &table)
{
    const auto entities = entitiesOf(table);
    if (entities.isEmpty())
        return Error(Error::Code::NotFound, Tr::tr("the configuration syncs nothing into a table \"%1\"").arg(table));
    if (!m_db.hasTable(table))
        return Error(Error::Code::Config, Tr::tr("the main database has no table \"%1\"").arg(table));
    const QStringList schema = m_db.columns(table);
    TableShape s;
    s.table = table;
    s.key = entities.first().second->key;
    if (!schema.contains(s.key))
        return Error(Error::Code::Config, Tr::tr("table \"%1\" has no column \"%2\" (its key in the configuration)").arg(table, s.key));
    s.columns.append(s.key);
    auto add = [&](const QString &column) {
        if (!column.isEmpty() && schema.contains(column) && !s.columns.contains(column))
            s.columns.append(column);
    };
    for (const auto &[source, entity] : entities) {
        for (const ColumnMapping &c : entity->columns) {
            add(c.column);
            if (c.type == QLatin1String("string") && schema.contains(c.column) && !s.textColumns.contains(c.column))
                s.textColumns.append(c.column);
        }
        for (const ReferenceMapping &r : entity->references) {
            add(r.column);
            const EntityConfig *target = source->entity(r.entity);
            if (target && schema.contains(r.column))
                s.references.insert(r.column, target->table);
        }
        add(entity->updatedColumn);
        if (entity->deleteMode == QLatin1String("soft") && schema.contains(entity->deletedColumn) && s.deletedColumn.isEmpty())
            s.deletedColumn = entity->deletedColumn;
    }
    add(s.deletedColumn);
    return s;
}

bool RecordLookup::keyAccepts(const QString &table, const QString &key, const QString &localId)
{
    // PostgreSQL refuses to compare an integer key with text that is no number.
    const QSqlField field = m_db.db().record(table).field(key);
    if (!isIntegerType(field.metaType()))
        return true;
    bool ok = false;
    localId.toLongLong(&ok);
    return ok;
}

QString RecordLookup::displayOf(const QStringList &texts)
{
    QStringList parts;
    for (const QString &t : texts) {
        const QString line = t.simplified();
        if (!line.isEmpty())
            parts.append(line);
    }
    QString text = parts.join(QStringLiteral(" · "));
    if (text.size() > kDisplayChars)
        text = text.left(kDisplayChars - 1) + QChar(0x2026);
    return text;
}

Result<RecordHits> RecordLookup::find(const RecordQuery &query)
{
    RecordQuery q = query;
    q.text = q.text.trimmed();
    if (q.limit <= 0)
        q.limit = 50;
    if (q.text.isEmpty())
        return Error(Error::Code::Config, Tr::tr("nothing to look for: type an id or a value"));
    return q.by == RecordQuery::By::ExternalId ? byExternalId(q) : byRows(q);
}

Result<RecordHits> RecordLookup::byExternalId(const RecordQuery &query)
{
    const SourceConfig *source = m_config.source(query.source);
    const EntityConfig *entity = source ? source->entity(query.entity) : nullptr;
    if (!entity)
        return Error(Error::Code::NotFound,
                     Tr::tr("the configuration has no entity \"%1\" of a source \"%2\"").arg(query.entity, query.source));
    const Result<TableShape> s = shape(entity->table);
    if (!s)
        return s.error();
    RecordHits out;
    out.limit = query.limit;
    Error error;
    LinkStore links(m_db, source->name);
    const LinkStore::Link link = links.find(entity->name, query.text, &error);
    if (error)
        return error.prefixed(Tr::tr("cannot look up %1/%2 %3").arg(source->name, entity->name, query.text));
    if (!link.found) {
        QuarantineFilter filter;
        filter.sources = {source->name};
        filter.entities = {entity->name};
        filter.externalIds = {query.text};
        const Result<QList<QuarantineEntry>> held = ParkingLot::list(m_db, filter);
        if (!held)
            return held.error();
        out.quarantined = *held;
        return out;
    }
    QList<RecordHit> rows;
    if (!readHits(*s, m_db.quote(s->key) + QStringLiteral(" = ?"), {Database::keyValue(link.localId)}, 1, &rows, &error))
        return error;
    RecordHit hit = rows.isEmpty() ? RecordHit() : rows.first();
    if (rows.isEmpty()) {
        hit.key = {entity->table, link.localId};
        hit.rowExists = false;
    }
    hit.source = source->name;
    hit.entity = entity->name;
    hit.externalId = query.text;
    if (!fillLinks(&hit, &error))
        return error;
    out.hits.append(hit);
    return out;
}

Result<RecordHits> RecordLookup::byRows(const RecordQuery &query)
{
    QStringList tables;
    if (!query.entity.isEmpty()) {
        const SourceConfig *source = m_config.source(query.source);
        const EntityConfig *entity = source ? source->entity(query.entity) : nullptr;
        if (!entity)
            return Error(Error::Code::NotFound,
                         Tr::tr("the configuration has no entity \"%1\" of a source \"%2\"").arg(query.entity, query.source));
        tables.append(entity->table);
    } else {
        tables = this->tables();
    }
    RecordHits out;
    out.limit = query.limit;
    Error error;
    for (const QString &table : std::as_const(tables)) {
        const Result<TableShape> s = shape(table);
        if (!s)
            return s.error();
        const int room = query.limit - int(out.hits.size());
        QList<RecordHit> rows;
        if (query.by == RecordQuery::By::LocalId) {
            if (!keyAccepts(table, s->key, query.text))
                continue;
            const QSqlField field = m_db.db().record(table).field(s->key);
            const QVariant bound = isIntegerType(field.metaType()) ? Database::keyValue(query.text) : QVariant(query.text);
            if (!readHits(*s, m_db.quote(s->key) + QStringLiteral(" = ?"), {bound}, room + 1, &rows, &error))
                return error;
            if (rows.isEmpty()) {
                // A row deleted by the main application may still have links (and a history).
                const Result<QList<LinkStore::RowLink>> links = LinkStore::linksOfRow(m_db, table, query.text);
                if (!links)
                    return links.error();
                if (!links->isEmpty()) {
                    RecordHit gone;
                    gone.key = {table, query.text};
                    gone.rowExists = false;
                    rows.append(gone);
                }
            }
        } else {
            if (s->textColumns.isEmpty())
                continue;
            QStringList conditions;
            QVariantList binds;
            const QString pattern = likePattern(query.text);
            for (const QString &c : s->textColumns) {
                conditions.append(QStringLiteral("LOWER(CAST(%1 AS TEXT)) LIKE ? ESCAPE '\\'").arg(m_db.quote(c)));
                binds.append(pattern);
            }
            if (!readHits(*s, conditions.join(QStringLiteral(" OR ")), binds, room + 1, &rows, &error))
                return error;
        }
        for (RecordHit &hit : rows) {
            if (out.hits.size() >= query.limit) {
                out.limited = true;
                break;
            }
            if (!fillLinks(&hit, &error))
                return error;
            out.hits.append(hit);
        }
        if (out.limited)
            break;
    }
    return out;
}

bool RecordLookup::readHits(const TableShape &shape, const QString &where, const QVariantList &binds, int limit, QList<RecordHit> *out,
                            Error *error)
{
    QStringList select{m_db.quote(shape.key)};
    for (const QString &c : shape.textColumns)
        select.append(m_db.quote(c));
    const QString sql = QStringLiteral("SELECT %1 FROM %2 WHERE %3 ORDER BY %4 LIMIT %5")
                            .arg(select.join(QStringLiteral(", ")), m_db.quote(shape.table), where, m_db.quote(shape.key))
                            .arg(qMax(1, limit));
    QSqlQuery q;
    if (!m_db.run(q, sql, binds, error)) {
        *error = error->prefixed(Tr::tr("cannot search table \"%1\"").arg(shape.table));
        return false;
    }
    while (q.next()) {
        RecordHit hit;
        hit.key = {shape.table, q.value(0).toString()};
        QStringList texts;
        for (int i = 1; i <= shape.textColumns.size(); ++i)
            texts.append(q.value(i).toString());
        hit.display = displayOf(texts);
        out->append(hit);
    }
    return true;
}

bool RecordLookup::fillLinks(RecordHit *hit, Error *error)
{
    const Result<QList<LinkStore::RowLink>> links = LinkStore::linksOfRow(m_db, hit->key.table, hit->key.localId);
    if (!links.into(error))
        return false;
    if (hit->source.isEmpty() && !links->isEmpty()) {
        const LinkStore::RowLink &first = links->first();
        hit->source = first.source;
        hit->entity = first.entity;
        hit->externalId = first.externalId;
    }
    hit->otherLinks = int(links->size()) - (hit->source.isEmpty() ? 0 : 1);
    hit->otherLinks = qMax(0, hit->otherLinks);
    return true;
}

Result<RecordDetail> RecordLookup::detail(const RecordKey &key, int changeLimit)
{
    const Result<TableShape> s = shape(key.table);
    if (!s)
        return s.error();
    const auto doing = [&](const Error &e) { return e.prefixed(Tr::tr("cannot read %1 %2").arg(key.table, key.localId)); };
    RecordDetail d;
    d.key = key;
    d.keyColumn = s->key;
    d.changeLimit = changeLimit;
    for (const auto &[source, entity] : entitiesOf(key.table))
        d.entities.append(source->name + QLatin1Char('/') + entity->name);

    Error error;
    ReadTransaction read(m_db);
    if (!read.begin(&error))
        return doing(error);

    // The row.
    if (keyAccepts(key.table, s->key, key.localId)) {
        QStringList select;
        for (const QString &c : s->columns)
            select.append(m_db.quote(c));
        const QSqlField keyField = m_db.db().record(key.table).field(s->key);
        const QVariant bound = isIntegerType(keyField.metaType()) ? Database::keyValue(key.localId) : QVariant(key.localId);
        QSqlQuery q;
        if (!m_db.run(q,
                      QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ?")
                          .arg(select.join(QStringLiteral(", ")), m_db.quote(key.table), m_db.quote(s->key)),
                      {bound}, &error))
            return doing(error);
        d.rowExists = q.next();
        QStringList texts;
        for (int i = 0; i < s->columns.size(); ++i) {
            RecordColumn c;
            c.name = s->columns.at(i);
            c.isKey = c.name == s->key;
            c.referencedTable = s->references.value(c.name);
            c.value = d.rowExists ? variantToJson(q.value(i)) : QJsonValue(QJsonValue::Null);
            if (s->textColumns.contains(c.name))
                texts.append(c.value.toString());
            d.columns.append(c);
        }
        d.display = displayOf(texts);
        if (d.rowExists && !s->deletedColumn.isEmpty()) {
            const QJsonValue deleted = d.value(s->deletedColumn);
            if (!deleted.isNull() && !deleted.isUndefined()) {
                d.deletedColumn = s->deletedColumn;
                d.deletedAt = deleted;
            }
        }
    }

    // The captured edit, then the links and the base each compares with.
    const Result<EditStore::Capture> capture = EditStore(m_db).capture(key.table, key.localId);
    if (!capture)
        return doing(capture.error());
    d.edited = capture->found;
    d.editBase = capture->base;
    d.editedAt = capture->editedAt;
    const Result<QList<LinkStore::RowLink>> links = LinkStore::linksOfRow(m_db, key.table, key.localId);
    if (!links)
        return doing(links.error());
    for (const LinkStore::RowLink &l : *links) {
        RecordLink link;
        link.link = l;
        const SourceConfig *source = m_config.source(l.source);
        const EntityConfig *entity = source ? source->entity(l.entity) : nullptr;
        link.configured = entity && entity->table == key.table;
        if (!l.baseJson.isEmpty()) {
            link.baseKind = RecordLink::BaseKind::Own;
            link.base = parseJsonObject(l.baseJson);
        } else if (capture->found) {
            link.baseKind = RecordLink::BaseKind::CapturedEdit;
            link.base = capture->base;
        } else {
            link.baseKind = RecordLink::BaseKind::Row;
            const QStringList synced = entity ? EntityTable::syncColumnsOf(*entity) : QStringList();
            for (const RecordColumn &c : std::as_const(d.columns)) {
                if (!c.isKey && (synced.isEmpty() || synced.contains(c.name)) && d.rowExists)
                    link.base.insert(c.name, c.value);
            }
        }
        d.links.append(link);
    }

    // Its conflicts: of each link's record, and of the row under any entity on its table (a
    // record unlinked since keeps its conflicts).
    ConflictStore conflicts(m_db);
    QList<ConflictFilter> filters;
    for (const RecordLink &l : std::as_const(d.links)) {
        ConflictFilter f;
        f.sources = {l.link.source};
        f.entity = l.link.entity;
        f.externalId = l.link.externalId;
        filters.append(f);
    }
    for (const auto &[source, entity] : entitiesOf(key.table)) {
        ConflictFilter f;
        f.sources = {source->name};
        f.entity = entity->name;
        f.localId = key.localId;
        filters.append(f);
    }
    QSet<qint64> seen;
    for (ConflictFilter &f : filters) {
        f.includeResolved = true;
        const Result<QList<Conflict>> list = conflicts.list(f);
        if (!list)
            return doing(list.error());
        for (const Conflict &c : *list) {
            if (seen.contains(c.id))
                continue;
            seen.insert(c.id);
            d.conflicts.append({c, false, QString(), QJsonObject()});
        }
    }
    std::sort(d.conflicts.begin(), d.conflicts.end(), [](const RecordConflict &a, const RecordConflict &b) { return a.conflict.id < b.conflict.id; });

    // The change log, and in it what each decision wrote (the resolver logs it at the instant it
    // marks the conflict resolved).
    Result<QList<Change>> changes = ChangeLog(m_db).forRow(key.table, key.localId, changeLimit > 0 ? changeLimit + 1 : 0);
    if (!changes)
        return doing(changes.error());
    d.changes = *changes;
    if (changeLimit > 0 && d.changes.size() > changeLimit) {
        d.changesLimited = true;
        d.changes.remove(0, d.changes.size() - changeLimit);
    }
    for (RecordConflict &rc : d.conflicts) {
        if (const Change *line = decisionLine(rc.conflict, d.changes)) {
            rc.hasWritten = true;
            rc.writtenOp = line->op;
            rc.written = line->values;
        }
    }

    // Newer versions of its records held back in quarantine.
    for (const RecordLink &l : std::as_const(d.links)) {
        QuarantineFilter f;
        f.sources = {l.link.source};
        f.entities = {l.link.entity};
        f.externalIds = {l.link.externalId};
        const Result<QList<QuarantineEntry>> held = ParkingLot::list(m_db, f);
        if (!held)
            return doing(held.error());
        d.quarantined += *held;
    }
    if (!read.commit(&error))
        return doing(error);
    return d;
}

} // namespace Tributary
