#include "Applier.h"

#include "store/Database.h"
#include "util/Logging.h"
#include "util/Tr.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <optional>

namespace Tributary {

namespace {

QString compact(const QJsonObject &o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }
QString compact(const QJsonArray &a) { return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact)); }

QJsonObject rowToJson(const QVariantMap &row)
{
    QJsonObject o;
    for (auto it = row.constBegin(); it != row.constEnd(); ++it)
        o.insert(it.key(), variantToJson(it.value()));
    return o;
}

} // namespace

struct Applier::EntityState
{
    const EntityConfig *entity = nullptr;
    std::unique_ptr<RecordMapper> mapper;
    QStringList syncColumns;  // mapped columns and reference columns, in a fixed order
    QString insertSql;
    QStringList insertColumns;
    QString selectSql;
    QStringList selectColumns;
    QString matchSql;
};

Applier::Applier(Database &db, const Config &config, const SourceConfig &source, qint64 runId)
    : m_db(db), m_config(config), m_source(source), m_runId(runId), m_links(db, source.name)
{
}

Applier::~Applier() = default;

QString Applier::normalizeMatchKey(const QString &value)
{
    int b = 0, e = value.size();
    while (b < e && value.at(b) == QLatin1Char(' '))
        ++b;
    while (e > b && value.at(e - 1) == QLatin1Char(' '))
        --e;
    QString out = value.mid(b, e - b);
    for (QChar &c : out) {
        if (c.unicode() >= 'A' && c.unicode() <= 'Z')
            c = QChar(c.unicode() + 32);
    }
    return out;
}

bool Applier::prepare(Error *error)
{
    for (const EntityConfig &e : m_source.entities) {
        if (!e.enabled || e.match.isEmpty())
            continue;
        QStringList exprs;
        for (const QString &c : e.match)
            exprs.append(QStringLiteral("lower(trim(%1))").arg(m_db.quote(c)));
        const QString name = QStringLiteral("tributary_match_%1_%2").arg(e.table, e.match.join(QLatin1Char('_')));
        if (!m_db.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS %1 ON %2 (%3)")
                           .arg(m_db.quote(name), m_db.quote(e.table), exprs.join(QStringLiteral(", "))),
                       error))
            return false;
    }
    m_now = Database::now();
    // Remember where each entity's rows live, so that this source can be detached or purged even
    // after it is removed from the configuration, and so that other sources find rows they share.
    // Written only when it changed: every run prepares (a service's webhook runs several times a
    // second), and each write would be a transaction of its own.
    QHash<QString, QString> remembered; // entity -> "table\nkey\nposition"
    {
        QSqlQuery q;
        if (!m_db.prepare(q, QStringLiteral("SELECT entity, table_name, key_column, position FROM tributary_entities WHERE source = ?"), error))
            return false;
        q.addBindValue(m_source.name);
        if (!m_db.exec(q, error))
            return false;
        while (q.next())
            remembered.insert(q.value(0).toString(), QStringLiteral("%1\n%2\n%3").arg(q.value(1).toString(), q.value(2).toString(),
                                                                                   q.value(3).toString()));
    }
    QString order;
    const QList<const EntityConfig *> ordered = m_source.orderedEntities(&order);
    for (int i = 0; i < ordered.size(); ++i) {
        if (remembered.value(ordered.at(i)->name) == QStringLiteral("%1\n%2\n%3").arg(ordered.at(i)->table, ordered.at(i)->key).arg(i))
            continue;
        QSqlQuery q;
        if (!m_db.prepare(q, QStringLiteral("INSERT INTO tributary_entities (source, entity, table_name, key_column, position, updated_at) "
                                            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source, entity) DO UPDATE SET "
                                            "table_name = excluded.table_name, key_column = excluded.key_column, "
                                            "position = excluded.position, updated_at = excluded.updated_at"),
                          error))
            return false;
        q.addBindValue(m_source.name);
        q.addBindValue(ordered.at(i)->name);
        q.addBindValue(ordered.at(i)->table);
        q.addBindValue(ordered.at(i)->key);
        q.addBindValue(i);
        q.addBindValue(m_now);
        if (!m_db.exec(q, error))
            return false;
    }
    // The latest reconciliation scan: links made from now on count as seen by it.
    qint64 scan = 0;
    for (const EntityConfig &e : m_source.entities) {
        Error ignored;
        scan = qMax(scan, loadCursor(m_db, m_source.name, e.name, QStringLiteral("reconcile"), &ignored).value.toLongLong());
    }
    m_links.setCurrentScan(scan);
    return loadParked(error);
}

namespace {
QString recordKey(const QString &entity, const QString &externalId) { return entity + QChar(0x1f) + externalId; }
} // namespace

bool Applier::loadParked(Error *error)
{
    m_parked.clear();
    m_awaited.clear();
    m_parkedKnown = false; // until read: every record is treated as possibly parked
    const QList<QPair<QString, QSet<QString> *>> queries = {
        {QStringLiteral("SELECT entity, external_id FROM tributary_pending WHERE source = ?"), &m_parked},
        {QStringLiteral("SELECT entity, external_id FROM tributary_quarantine WHERE source = ?"), &m_parked},
        {QStringLiteral("SELECT ref_entity, ref_external_id FROM tributary_pending_refs WHERE source = ?"), &m_awaited},
    };
    for (const auto &[sql, set] : queries) {
        QSqlQuery q;
        if (!m_db.prepare(q, sql, error))
            return false;
        q.addBindValue(m_source.name);
        if (!m_db.exec(q, error))
            return false;
        while (q.next())
            set->insert(recordKey(q.value(0).toString(), q.value(1).toString()));
    }
    m_parkedKnown = true;
    return true;
}

void Applier::afterRollback()
{
    m_links.dropCache();
    m_newlyLinked.clear();
    Error ignored;
    if (!loadParked(&ignored))
        qCWarning(lcApplier).noquote() << "cannot reload pending and quarantined records:" << ignored.toString();
}

Applier::EntityState &Applier::state(const EntityConfig &entity)
{
    auto &slot = m_states[entity.name];
    if (slot)
        return *slot;
    slot = std::make_shared<EntityState>();
    EntityState &st = *slot;
    st.entity = &entity;
    // The source's cursor field is only known to the source; the mapper needs it only for positions,
    // which the engine computes, so it is not needed here.
    st.mapper = std::make_unique<RecordMapper>(entity, m_config.database, QString());
    for (const ColumnMapping &c : entity.columns)
        st.syncColumns.append(c.column);
    for (const ReferenceMapping &r : entity.references)
        st.syncColumns.append(r.column);

    st.insertColumns = st.syncColumns;
    for (auto it = entity.defaults.constBegin(); it != entity.defaults.constEnd(); ++it)
        st.insertColumns.append(it.key());
    QStringList quoted, marks;
    for (const QString &c : std::as_const(st.insertColumns)) {
        quoted.append(m_db.quote(c));
        marks.append(QStringLiteral("?"));
    }
    st.insertSql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) RETURNING %4")
                       .arg(m_db.quote(entity.table), quoted.join(QStringLiteral(", ")), marks.join(QStringLiteral(", ")),
                            m_db.quote(entity.key));

    st.selectColumns = st.syncColumns;
    if (!entity.updatedColumn.isEmpty() && !st.selectColumns.contains(entity.updatedColumn))
        st.selectColumns.append(entity.updatedColumn);
    quoted.clear();
    for (const QString &c : std::as_const(st.selectColumns))
        quoted.append(m_db.quote(c));
    // The compare-and-write of three-way detection must see the row as it is when written: SQLite
    // holds the write lock for the whole page (BEGIN IMMEDIATE); PostgreSQL locks the row.
    st.selectSql = QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ?%4")
                       .arg(quoted.join(QStringLiteral(", ")), m_db.quote(entity.table), m_db.quote(entity.key),
                            m_db.isSqlite() ? QString() : QStringLiteral(" FOR UPDATE"));

    if (!entity.match.isEmpty()) {
        QStringList conds;
        for (const QString &c : entity.match)
            conds.append(QStringLiteral("lower(trim(%1)) = ?").arg(m_db.quote(c)));
        st.matchSql = QStringLiteral("SELECT %1 FROM %2 WHERE %3 ORDER BY %1 LIMIT 1")
                          .arg(m_db.quote(entity.key), m_db.quote(entity.table), conds.join(QStringLiteral(" AND ")));
    }
    return st;
}

QSqlQuery &Applier::statement(const QString &sql, Error *error)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto q = std::make_shared<QSqlQuery>();
        if (!m_db.prepare(*q, sql, error))
            return *q; // not cached: the caller sees the error and stops
        it = m_statements.insert(sql, q);
    }
    return **it;
}

bool Applier::applyPage(const EntityConfig &entity, const QJsonArray &records, const QString &cursorKind,
                        const Position &position, Error *error)
{
    for (int attempt = 0; attempt < 2; ++attempt) {
        const bool careful = attempt == 1;
        const auto savedCounts = m_counts;
        m_now = Database::now();
        m_links.setTimestamp(m_now);
        Error e;
        if (m_db.transaction(&e) && applyAll(entity, records, careful, &e) && resolvePending(&e)
            && saveCursor(m_db, m_source.name, entity.name, cursorKind, position, m_runId, &e) && m_db.commit(&e)) {
            if (careful)
                afterRollback(); // savepoints may have undone removals from the sets
            return true;
        }
        m_db.rollback();
        afterRollback();
        m_counts = savedCounts;
        if (careful || e.code != Error::Code::Database) {
            *error = e;
            return false;
        }
        // One record the database refuses (a constraint, a value it cannot store) must not stop
        // the source: replay the page record by record, quarantining the ones that fail.
        qCWarning(lcApplier).noquote() << QStringLiteral("%1/%2: a page failed (%3); applying it record by record")
                                              .arg(m_source.name, entity.name, e.toString());
    }
    return false;
}

bool Applier::inTransaction(const std::function<bool()> &body, Error *error)
{
    m_now = Database::now();
    m_links.setTimestamp(m_now);
    if (!m_db.transaction(error))
        return false;
    if (body() && !error->isError() && m_db.commit(error))
        return true;
    m_db.rollback();
    afterRollback();
    return false;
}

bool Applier::applyRecords(const EntityConfig &entity, const QJsonArray &records, Error *error)
{
    const auto savedCounts = m_counts;
    if (inTransaction([&] { return applyAll(entity, records, true, error) && resolvePending(error); }, error)) {
        afterRollback(); // savepoints may have undone removals from the sets
        return true;
    }
    m_counts = savedCounts;
    return false;
}

bool Applier::applyAll(const EntityConfig &entity, const QJsonArray &records, bool careful, Error *error)
{
    int failed = 0;
    Error first;
    QStringList ids;
    ids.reserve(records.size());
    for (const QJsonValue &v : records) {
        const QString id = RecordMapper::idString(RecordMapper::valueAt(v.toObject(), entity.externalId));
        if (!id.isEmpty())
            ids.append(id);
    }
    if (!m_links.prefetch(entity.name, ids, error))
        return false;
    for (const QJsonValue &v : records) {
        const QJsonObject raw = v.toObject();
        if (!careful) {
            if (!applyRaw(entity, raw, error))
                return false;
            continue;
        }
        if (!m_db.exec(QStringLiteral("SAVEPOINT tributary_record"), error))
            return false;
        const auto countsBefore = m_counts;
        const qsizetype linkedBefore = m_newlyLinked.size();
        Error e;
        if (applyRaw(entity, raw, &e)) {
            if (!m_db.exec(QStringLiteral("RELEASE SAVEPOINT tributary_record"), error))
                return false;
            continue;
        }
        m_links.dropCache();
        m_counts = countsBefore;
        m_newlyLinked.resize(linkedBefore);
        if (!m_db.exec(QStringLiteral("ROLLBACK TO SAVEPOINT tributary_record"), error)
            || !m_db.exec(QStringLiteral("RELEASE SAVEPOINT tributary_record"), error))
            return false;
        if (e.code != Error::Code::Database) {
            *error = e;
            return false;
        }
        if (!failed++)
            first = e;
        const QString id = RecordMapper::idString(RecordMapper::valueAt(raw, entity.externalId));
        if (!toQuarantine(entity, raw, id, QString(),
                          Tr::tr("the main database refused the record: %1").arg(e.detail.section(QStringLiteral(" -- "), 0, 0)),
                          error))
            return false;
    }
    // Every record failing is not a bad record but a database in trouble: fail the page instead.
    if (failed > 1 && failed == records.size()) {
        *error = first;
        return false;
    }
    return true;
}

bool Applier::applyRaw(const EntityConfig &entity, const QJsonObject &raw, Error *error)
{
    EntityState &st = state(entity);
    const MappedRecord m = st.mapper->map(raw);
    if (!m.isValid())
        return toQuarantine(entity, raw, m.externalId, m.errorField, m.error, error);
    return applyMapped(entity, raw, m, error);
}

bool Applier::applyMapped(const EntityConfig &entity, const QJsonObject &raw, const MappedRecord &m, Error *error)
{
    EntityState &st = state(entity);
    EntityCounts &counts = m_counts[entity.name];
    const LinkStore::Link link = m_links.find(entity.name, m.externalId, error);
    if (error->isError())
        return false;
    // A record that reconciliation had found gone is back: undo the delete first.
    if (link.found && !link.deletedAt.isEmpty() && !restoreRow(st, m, link, error))
        return false;
    if (link.found && link.hash == m.hash) {
        if (link.deletedAt.isEmpty())
            ++counts.unchanged;
        return clearParked(entity.name, m.externalId, error);
    }

    QVariantMap row = m.values;
    QList<QPair<QString, QString>> missing;
    for (const ReferenceMapping &ref : entity.references) {
        const auto it = m.refs.constFind(ref.column);
        if (it == m.refs.constEnd()) {
            row.insert(ref.column, QVariant());
            continue;
        }
        const QString local = m_links.localId(ref.entity, *it, error);
        if (error->isError())
            return false;
        if (local.isNull())
            missing.append({ref.column, ref.entity + QChar(0x1f) + *it});
        else
            row.insert(ref.column, Database::keyValue(local));
    }
    if (!missing.isEmpty())
        return toPending(entity, raw, m, missing, error);

    const bool ok = link.found ? updateRow(st, m, link, row, error) : insertRow(st, m, row, error);
    return ok && clearParked(entity.name, m.externalId, error);
}

bool Applier::insertRow(EntityState &st, const MappedRecord &m, const QVariantMap &row, Error *error)
{
    const EntityConfig &entity = *st.entity;
    EntityCounts &counts = m_counts[entity.name];
    const QJsonObject base = rowToJson(row);

    if (!st.matchSql.isEmpty()) {
        bool usable = true;
        QSqlQuery &q = statement(st.matchSql, error);
        if (error->isError())
            return false;
        for (int i = 0; i < entity.match.size(); ++i) {
            const QVariant v = row.value(entity.match.at(i));
            usable = usable && !v.isNull() && !v.toString().trimmed().isEmpty();
            q.bindValue(i, normalizeMatchKey(v.toString()));
        }
        if (usable) {
            if (!m_db.exec(q, error))
                return false;
            if (q.next()) {
                // The same user or section already exists (locally or through another source):
                // link it, never duplicate it. Its local values stay as they are; differences are
                // local divergence that three-way detection respects from now on.
                const QString localId = q.value(0).toString();
                q.finish();
                if (!m_links.insert(entity.name, m.externalId, localId, QStringLiteral("matched"), m.hash, base, error))
                    return false;
                ++counts.linked;
                m_newlyLinked.append({entity.name, m.externalId});
                return logChange(entity, localId, m.externalId, QStringLiteral("link"), QJsonValue(), error);
            }
            q.finish();
        }
    }

    QSqlQuery &q = statement(st.insertSql, error);
    if (error->isError())
        return false;
    int i = 0;
    for (const QString &c : std::as_const(st.insertColumns))
        q.bindValue(i++, row.contains(c) ? row.value(c) : entity.defaults.value(c));
    if (!m_db.exec(q, error))
        return false;
    if (!q.next()) {
        *error = Error(Error::Code::Database, Tr::tr("%1: the insert returned no key").arg(entity.table));
        return false;
    }
    const QString localId = q.value(0).toString();
    q.finish();
    if (!m_links.insert(entity.name, m.externalId, localId, QStringLiteral("inserted"), m.hash, base, error))
        return false;
    ++counts.inserted;
    m_newlyLinked.append({entity.name, m.externalId});
    return logChange(entity, localId, m.externalId, QStringLiteral("insert"), QJsonValue(), error);
}

bool Applier::updateRow(EntityState &st, const MappedRecord &m, const LinkStore::Link &link, const QVariantMap &row, Error *error)
{
    const EntityConfig &entity = *st.entity;
    EntityCounts &counts = m_counts[entity.name];
    const QJsonObject remote = rowToJson(row);
    const QJsonObject base = link.base();

    QSqlQuery &sel = statement(st.selectSql, error);
    if (error->isError())
        return false;
    sel.bindValue(0, Database::keyValue(link.localId));
    if (!m_db.exec(sel, error))
        return false;
    if (!sel.next()) {
        sel.finish();
        // The main application deleted the row that the source has just changed: never resurrect
        // it silently, never lose the remote change: it waits as an edit-versus-delete conflict.
        ++counts.conflicts;
        if (!recordConflict(st, m, link.localId, QStringLiteral("local-deleted"), st.syncColumns, base, QJsonObject(),
                            remote, QString(), error))
            return false;
        return m_links.update(entity.name, m.externalId, m.hash, remote, error);
    }
    QVariantMap local;
    for (int i = 0; i < st.selectColumns.size(); ++i)
        local.insert(st.selectColumns.at(i), sel.value(i));
    sel.finish();

    // Three-way, field by field: base is what the source said last time.
    QVariantMap changes;
    QStringList waiting;                    // fields left for a person (manual)
    QMap<QString, QStringList> decided;     // resolution label -> fields decided by a rule
    QJsonObject cBase, cLocal, cRemote, localBy;
    std::optional<QList<OtherSource>> others; // read only when both sides changed a field
    for (const QString &c : std::as_const(st.syncColumns)) {
        if (c == entity.updatedColumn)
            continue; // bookkeeping, follows the other fields; never a conflict on its own
        const QVariant r = row.value(c);
        const QVariant l = local.value(c);
        const bool hasBase = base.contains(c);
        const QVariant b = hasBase ? base.value(c).toVariant() : l;
        if (sameValue(r, b) || sameValue(l, r))
            continue;
        if (sameValue(l, b)) {
            changes.insert(c, r);
            continue;
        }
        // Both sides changed this field, to different values.
        if (!others) {
            others = otherSources(entity, link.localId, error);
            if (error->isError())
                return false;
        }
        const Decision d = decide(entity, c, l, row, local, *others);
        if (d.takeRemote)
            changes.insert(c, r);
        if (d.label.isEmpty())
            waiting.append(c);
        else
            decided[d.label].append(c);
        if (!d.owner.isEmpty())
            localBy.insert(c, d.owner);
        cBase.insert(c, variantToJson(b));
        cLocal.insert(c, variantToJson(l));
        cRemote.insert(c, variantToJson(r));
    }
    if (!changes.isEmpty() && !entity.updatedColumn.isEmpty() && row.contains(entity.updatedColumn)
        && !sameValue(row.value(entity.updatedColumn), local.value(entity.updatedColumn)))
        changes.insert(entity.updatedColumn, row.value(entity.updatedColumn));

    if (!changes.isEmpty()) {
        QStringList sets;
        for (auto it = changes.constBegin(); it != changes.constEnd(); ++it)
            sets.append(m_db.quote(it.key()) + QStringLiteral(" = ?"));
        QSqlQuery &upd = statement(QStringLiteral("UPDATE %1 SET %2 WHERE %3 = ?")
                                       .arg(m_db.quote(entity.table), sets.join(QStringLiteral(", ")), m_db.quote(entity.key)),
                                   error);
        if (error->isError())
            return false;
        int i = 0;
        for (auto it = changes.constBegin(); it != changes.constEnd(); ++it)
            upd.bindValue(i++, it.value());
        upd.bindValue(i, Database::keyValue(link.localId));
        if (!m_db.exec(upd, error))
            return false;
        ++counts.updated;
        QJsonObject values;
        for (auto it = changes.constBegin(); it != changes.constEnd(); ++it)
            values.insert(it.key(), variantToJson(it.value()));
        if (!logChange(entity, link.localId, m.externalId, QStringLiteral("update"), QJsonArray::fromStringList(changes.keys()), error,
                       values))
            return false;
    } else if (waiting.isEmpty() && decided.isEmpty()) {
        ++counts.unchanged;
    }
    auto pick = [](const QJsonObject &o, const QStringList &fields) {
        QJsonObject out;
        for (const QString &f : fields) {
            if (o.contains(f))
                out.insert(f, o.value(f));
        }
        return out;
    };
    if (!waiting.isEmpty()) {
        ++counts.conflicts;
        if (!recordConflict(st, m, link.localId, QStringLiteral("field"), waiting, pick(cBase, waiting), pick(cLocal, waiting),
                            pick(cRemote, waiting), QString(), error, pick(localBy, waiting)))
            return false;
    }
    // Decided by a rule: recorded as resolved, so every collision stays visible in the history.
    for (auto it = decided.constBegin(); it != decided.constEnd(); ++it) {
        if (!recordConflict(st, m, link.localId, QStringLiteral("field"), it.value(), pick(cBase, it.value()), pick(cLocal, it.value()),
                            pick(cRemote, it.value()), it.key(), error, pick(localBy, it.value())))
            return false;
    }
    // The base becomes what the source says now, so a field kept locally is not raised again until
    // the source changes it again.
    return m_links.update(entity.name, m.externalId, m.hash, remote, error);
}

QList<Applier::OtherSource> Applier::otherSources(const EntityConfig &entity, const QString &localId, Error *error)
{
    QList<OtherSource> out;
    QSqlQuery &q = statement(QStringLiteral("SELECT l.source, l.base FROM tributary_entities e JOIN tributary_links l "
                                            "ON l.source = e.source AND l.entity = e.entity AND l.local_id = ? "
                                            "WHERE e.table_name = ? AND e.source <> ? AND l.deleted_at IS NULL"),
                             error);
    if (error->isError())
        return out;
    q.bindValue(0, localId);
    q.bindValue(1, entity.table);
    q.bindValue(2, m_source.name);
    if (!m_db.exec(q, error))
        return out;
    while (q.next()) {
        const SourceConfig *other = m_config.source(q.value(0).toString());
        out.append({q.value(0).toString(), other ? other->priority : 0,
                    QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object()});
    }
    q.finish();
    return out;
}

namespace {
// Whether timestamp text `a` is later than `b` (both as the main database stores them; any
// ISO-8601 form). Text that is not a timestamp compares as text.
bool isLater(const QVariant &a, const QVariant &b)
{
    QDateTime ta, tb;
    int ma = 0, mb = 0;
    if (RecordMapper::parseTimestamp(QJsonValue(a.toString()), &ta, &ma) && RecordMapper::parseTimestamp(QJsonValue(b.toString()), &tb, &mb))
        return ta > tb || (ta == tb && ma > mb);
    return a.toString() > b.toString();
}
} // namespace

Applier::Decision Applier::decide(const EntityConfig &entity, const QString &column, const QVariant &local, const QVariantMap &remoteRow,
                                  const QVariantMap &localRow, const QList<OtherSource> &others) const
{
    Decision d;
    // Who set the local value: another source whose last value it is, or else the main application.
    const OtherSource *owner = nullptr;
    for (const OtherSource &o : others) {
        if (o.base.contains(column) && sameValue(o.base.value(column).toVariant(), local) && (!owner || o.priority > owner->priority))
            owner = &o;
    }
    if (owner) {
        d.owner = owner->source;
        if (owner->priority != m_source.priority) {
            d.takeRemote = m_source.priority > owner->priority;
            d.label = QStringLiteral("priority:") + (d.takeRemote ? m_source.name : owner->source);
            return d;
        }
    }
    const QString policy = entity.policyFor(column);
    if (policy == QLatin1String("manual"))
        return d; // waits for a person
    d.label = QStringLiteral("policy:") + policy;
    if (policy == QLatin1String("source-wins"))
        d.takeRemote = true;
    else if (policy == QLatin1String("newest-wins"))
        // A tie keeps the value already in the row: a rule must not flip-flop on equal clocks.
        d.takeRemote = isLater(remoteRow.value(entity.updatedColumn), localRow.value(entity.updatedColumn));
    return d;
}

bool Applier::recordConflict(EntityState &st, const MappedRecord &m, const QString &localId, const QString &kind,
                             const QStringList &fields, const QJsonObject &base, const QJsonObject &local,
                             const QJsonObject &remote, const QString &resolution, Error *error, const QJsonObject &localBy)
{
    const EntityConfig &entity = *st.entity;
    const QString &now = m_now;
    const bool open = resolution.isEmpty();
    if (open) {
        // One open conflict per record: a newer remote version replaces what it said before.
        QSqlQuery &find = statement(QStringLiteral("SELECT id, fields, base, local, remote, local_by FROM tributary_conflicts "
                                                   "WHERE source = ? AND entity = ? AND external_id = ? AND status = 'open' AND kind = ?"),
                                    error);
        if (error->isError())
            return false;
        find.bindValue(0, m_source.name);
        find.bindValue(1, entity.name);
        find.bindValue(2, m.externalId);
        find.bindValue(3, kind);
        if (!m_db.exec(find, error))
            return false;
        if (find.next()) {
            const qlonglong id = find.value(0).toLongLong();
            QStringList allFields;
            for (const QJsonValue &f : QJsonDocument::fromJson(find.value(1).toString().toUtf8()).array())
                allFields.append(f.toString());
            QJsonObject b = QJsonDocument::fromJson(find.value(2).toString().toUtf8()).object();
            QJsonObject l = QJsonDocument::fromJson(find.value(3).toString().toUtf8()).object();
            QJsonObject r = QJsonDocument::fromJson(find.value(4).toString().toUtf8()).object();
            QJsonObject by = QJsonDocument::fromJson(find.value(5).toString().toUtf8()).object();
            find.finish();
            for (const QString &f : fields) {
                if (!allFields.contains(f))
                    allFields.append(f);
                if (!b.contains(f))
                    b.insert(f, base.value(f));
                l.insert(f, local.value(f));
                r.insert(f, remote.value(f));
                if (localBy.contains(f))
                    by.insert(f, localBy.value(f));
                else
                    by.remove(f);
            }
            QSqlQuery &upd = statement(QStringLiteral("UPDATE tributary_conflicts SET fields = ?, base = ?, local = ?, remote = ?, "
                                                      "local_by = ?, updated_at = ?, run_id = ? WHERE id = ?"),
                                       error);
            if (error->isError())
                return false;
            upd.bindValue(0, compact(QJsonArray::fromStringList(allFields)));
            upd.bindValue(1, compact(b));
            upd.bindValue(2, compact(l));
            upd.bindValue(3, compact(r));
            upd.bindValue(4, by.isEmpty() ? QVariant() : QVariant(compact(by)));
            upd.bindValue(5, now);
            upd.bindValue(6, m_runId);
            upd.bindValue(7, id);
            return m_db.exec(upd, error);
        }
        find.finish();
    }
    QSqlQuery &ins = statement(QStringLiteral("INSERT INTO tributary_conflicts (source, entity, external_id, local_id, kind, fields, "
                                              "base, local, remote, status, resolution, resolved_by, created_at, updated_at, "
                                              "resolved_at, run_id, local_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                               error);
    if (error->isError())
        return false;
    ins.bindValue(0, m_source.name);
    ins.bindValue(1, entity.name);
    ins.bindValue(2, m.externalId);
    ins.bindValue(3, localId);
    ins.bindValue(4, kind);
    ins.bindValue(5, compact(QJsonArray::fromStringList(fields)));
    ins.bindValue(6, compact(base));
    ins.bindValue(7, compact(local));
    ins.bindValue(8, compact(remote));
    ins.bindValue(9, open ? QStringLiteral("open") : QStringLiteral("resolved"));
    ins.bindValue(10, open ? QVariant() : QVariant(resolution));
    ins.bindValue(11, open ? QVariant() : QVariant(QStringLiteral("policy")));
    ins.bindValue(12, now);
    ins.bindValue(13, now);
    ins.bindValue(14, open ? QVariant() : QVariant(now));
    ins.bindValue(15, m_runId);
    ins.bindValue(16, localBy.isEmpty() ? QVariant() : QVariant(compact(localBy)));
    return m_db.exec(ins, error);
}

bool Applier::logChange(const EntityConfig &entity, const QString &localId, const QString &externalId, const QString &op,
                        const QJsonValue &fields, Error *error, const QJsonObject &values)
{
    QSqlQuery &q = statement(QStringLiteral("INSERT INTO tributary_changes (run_id, source, entity, table_name, local_id, "
                                            "external_id, op, fields, actor, at, change_values) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                             error);
    if (error->isError())
        return false;
    q.bindValue(0, m_runId);
    q.bindValue(1, m_source.name);
    q.bindValue(2, entity.name);
    q.bindValue(3, entity.table);
    q.bindValue(4, localId);
    q.bindValue(5, externalId);
    q.bindValue(6, op);
    q.bindValue(7, fields.isArray() ? QVariant(compact(fields.toArray())) : QVariant());
    q.bindValue(8, QStringLiteral("source:") + m_source.name);
    q.bindValue(9, m_now);
    q.bindValue(10, values.isEmpty() ? QVariant() : QVariant(compact(values)));
    return m_db.exec(q, error);
}

bool Applier::toPending(const EntityConfig &entity, const QJsonObject &raw, const MappedRecord &m,
                        const QList<QPair<QString, QString>> &missing, Error *error)
{
    QJsonArray missingJson;
    for (const auto &ms : missing)
        missingJson.append(QJsonObject{{QStringLiteral("column"), ms.first},
                                       {QStringLiteral("entity"), ms.second.section(QChar(0x1f), 0, 0)},
                                       {QStringLiteral("external_id"), ms.second.section(QChar(0x1f), 1)}});
    const QString &now = m_now;
    QSqlQuery &q = statement(QStringLiteral("INSERT INTO tributary_pending (source, entity, external_id, record, missing, attempts, "
                                            "first_seen, last_seen, run_id) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?) "
                                            "ON CONFLICT (source, entity, external_id) DO UPDATE SET record = excluded.record, "
                                            "missing = excluded.missing, attempts = tributary_pending.attempts + 1, "
                                            "last_seen = excluded.last_seen, run_id = excluded.run_id"),
                             error);
    if (error->isError())
        return false;
    q.bindValue(0, m_source.name);
    q.bindValue(1, entity.name);
    q.bindValue(2, m.externalId);
    q.bindValue(3, compact(raw));
    q.bindValue(4, compact(missingJson));
    q.bindValue(5, now);
    q.bindValue(6, now);
    q.bindValue(7, m_runId);
    if (!m_db.exec(q, error))
        return false;
    QSqlQuery &del = statement(QStringLiteral("DELETE FROM tributary_pending_refs WHERE source = ? AND entity = ? AND external_id = ?"), error);
    if (error->isError())
        return false;
    del.bindValue(0, m_source.name);
    del.bindValue(1, entity.name);
    del.bindValue(2, m.externalId);
    if (!m_db.exec(del, error))
        return false;
    QSqlQuery &ref = statement(QStringLiteral("INSERT INTO tributary_pending_refs (source, entity, external_id, column_name, "
                                              "ref_entity, ref_external_id) VALUES (?, ?, ?, ?, ?, ?)"),
                               error);
    if (error->isError())
        return false;
    for (const auto &ms : missing) {
        ref.bindValue(0, m_source.name);
        ref.bindValue(1, entity.name);
        ref.bindValue(2, m.externalId);
        ref.bindValue(3, ms.first);
        ref.bindValue(4, ms.second.section(QChar(0x1f), 0, 0));
        ref.bindValue(5, ms.second.section(QChar(0x1f), 1));
        if (!m_db.exec(ref, error))
            return false;
    }
    m_parked.insert(recordKey(entity.name, m.externalId));
    for (const auto &ms : missing)
        m_awaited.insert(ms.second); // already entity + 0x1f + id
    ++m_counts[entity.name].pending;
    return true;
}

bool Applier::toQuarantine(const EntityConfig &entity, const QJsonObject &raw, const QString &externalId,
                           const QString &field, const QString &reason, Error *error)
{
    // A record without a usable id is still kept, under a key derived from its content.
    const QString key = externalId.isEmpty()
        ? QStringLiteral("(no id) ") + QString::fromLatin1(QCryptographicHash::hash(compact(raw).toUtf8(), QCryptographicHash::Sha1).toHex().left(12))
        : externalId;
    const QString &now = m_now;
    QSqlQuery &q = statement(QStringLiteral("INSERT INTO tributary_quarantine (source, entity, external_id, record, field, reason, "
                                            "attempts, first_seen, last_seen, run_id) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?) "
                                            "ON CONFLICT (source, entity, external_id) DO UPDATE SET record = excluded.record, "
                                            "field = excluded.field, reason = excluded.reason, "
                                            "attempts = tributary_quarantine.attempts + 1, last_seen = excluded.last_seen, "
                                            "run_id = excluded.run_id"),
                             error);
    if (error->isError())
        return false;
    q.bindValue(0, m_source.name);
    q.bindValue(1, entity.name);
    q.bindValue(2, key);
    q.bindValue(3, compact(raw));
    q.bindValue(4, field.isEmpty() ? QVariant() : QVariant(field));
    q.bindValue(5, reason);
    q.bindValue(6, now);
    q.bindValue(7, now);
    q.bindValue(8, m_runId);
    if (!m_db.exec(q, error))
        return false;
    qCWarning(lcApplier).noquote() << QStringLiteral("%1/%2 record %3 quarantined: %4%5")
                                          .arg(m_source.name, entity.name, key, field.isEmpty() ? QString() : field + QStringLiteral(": "), reason);
    m_parked.insert(recordKey(entity.name, key));
    ++m_counts[entity.name].quarantined;
    // It cannot wait for its references any more: it is parked here instead.
    if (!externalId.isEmpty()) {
        for (const QString &table : {QStringLiteral("tributary_pending"), QStringLiteral("tributary_pending_refs")}) {
            QSqlQuery &del = statement(QStringLiteral("DELETE FROM %1 WHERE source = ? AND entity = ? AND external_id = ?").arg(table), error);
            if (error->isError())
                return false;
            del.bindValue(0, m_source.name);
            del.bindValue(1, entity.name);
            del.bindValue(2, externalId);
            if (!m_db.exec(del, error))
                return false;
        }
    }
    return true;
}

bool Applier::clearParked(const QString &entity, const QString &externalId, Error *error)
{
    const QString key = recordKey(entity, externalId);
    if (m_parkedKnown && !m_parked.contains(key))
        return true;
    for (const QString &table : {QStringLiteral("tributary_pending"), QStringLiteral("tributary_pending_refs"),
                                 QStringLiteral("tributary_quarantine")}) {
        QSqlQuery &del = statement(QStringLiteral("DELETE FROM %1 WHERE source = ? AND entity = ? AND external_id = ?").arg(table), error);
        if (error->isError())
            return false;
        del.bindValue(0, m_source.name);
        del.bindValue(1, entity);
        del.bindValue(2, externalId);
        if (!m_db.exec(del, error))
            return false;
    }
    m_parked.remove(key);
    return true;
}

bool Applier::resolvePending(Error *error)
{
    // Only records waiting for something linked in this transaction can have become applicable.
    while (!m_newlyLinked.isEmpty()) {
        QList<QPair<QString, QString>> linked;
        for (const auto &l : std::as_const(m_newlyLinked)) {
            if (m_awaited.remove(recordKey(l.first, l.second)) || !m_parkedKnown)
                linked.append(l);
        }
        m_newlyLinked.clear();
        if (linked.isEmpty())
            break;
        QSqlQuery &q = statement(QStringLiteral("SELECT p.entity, p.external_id, p.record FROM tributary_pending_refs r "
                                                "JOIN tributary_pending p ON p.source = r.source AND p.entity = r.entity "
                                                "AND p.external_id = r.external_id "
                                                "WHERE r.source = ? AND r.ref_entity = ? AND r.ref_external_id = ?"),
                                 error);
        if (error->isError())
            return false;
        QList<QPair<QString, QJsonObject>> ready;
        QSet<QString> seen;
        for (const auto &l : linked) {
            q.bindValue(0, m_source.name);
            q.bindValue(1, l.first);
            q.bindValue(2, l.second);
            if (!m_db.exec(q, error))
                return false;
            while (q.next()) {
                const QString key = q.value(0).toString() + QChar(0x1f) + q.value(1).toString();
                if (seen.contains(key))
                    continue;
                seen.insert(key);
                ready.append({q.value(0).toString(), QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object()});
            }
            q.finish();
        }
        for (const auto &r : std::as_const(ready)) {
            const EntityConfig *entity = m_source.entity(r.first);
            if (!entity)
                continue;
            --m_counts[entity->name].pending; // counted again if it still waits
            if (!applyRaw(*entity, r.second, error))
                return false;
        }
    }
    m_newlyLinked.clear();
    return true;
}

bool Applier::restoreRow(EntityState &st, const MappedRecord &m, const LinkStore::Link &link, Error *error)
{
    const EntityConfig &entity = *st.entity;
    if (entity.deleteMode == QLatin1String("soft")) {
        QSqlQuery &q = statement(QStringLiteral("UPDATE %1 SET %2 = NULL WHERE %3 = ?")
                                     .arg(m_db.quote(entity.table), m_db.quote(entity.deletedColumn), m_db.quote(entity.key)),
                                 error);
        if (error->isError())
            return false;
        q.bindValue(0, Database::keyValue(link.localId));
        if (!m_db.exec(q, error))
            return false;
    }
    ++m_counts[entity.name].restored;
    return m_links.setDeleted(entity.name, m.externalId, QString(), error)
        && logChange(entity, link.localId, m.externalId, QStringLiteral("restore"), QJsonValue(), error);
}

bool Applier::locallyEdited(EntityState &st, const LinkStore::Link &link, bool *rowExists, Error *error, QJsonObject *localValues)
{
    QSqlQuery &sel = statement(st.selectSql, error);
    if (error->isError())
        return false;
    sel.bindValue(0, Database::keyValue(link.localId));
    if (!m_db.exec(sel, error))
        return false;
    *rowExists = sel.next();
    bool edited = false;
    if (*rowExists) {
        const QJsonObject base = link.base();
        if (localValues) {
            for (int i = 0; i < st.selectColumns.size(); ++i) {
                if (st.selectColumns.at(i) != st.entity->updatedColumn)
                    localValues->insert(st.selectColumns.at(i), variantToJson(sel.value(i)));
            }
        }
        for (int i = 0; i < st.selectColumns.size() && !edited; ++i) {
            const QString &c = st.selectColumns.at(i);
            if (c != st.entity->updatedColumn && base.contains(c) && !sameValue(sel.value(i), base.value(c).toVariant()))
                edited = true;
        }
    }
    sel.finish();
    return edited;
}

bool Applier::ensureDeletedColumn(const EntityConfig &entity, Error *error)
{
    if (entity.deleteMode != QLatin1String("soft") || m_db.columns(entity.table).contains(entity.deletedColumn))
        return true;
    // The documented migration for soft deletes (docs/operations.md): a nullable timestamp the
    // main application may ignore or use (Laravel's SoftDeletes reads exactly this column).
    qCInfo(lcApplier).noquote() << QStringLiteral("adding column %1.%2 for soft deletes").arg(entity.table, entity.deletedColumn);
    return m_db.exec(QStringLiteral("ALTER TABLE %1 ADD COLUMN %2 %3 NULL")
                         .arg(m_db.quote(entity.table), m_db.quote(entity.deletedColumn),
                              m_db.isSqlite() ? QStringLiteral("DATETIME") : QStringLiteral("TIMESTAMP")),
                     error);
}

bool Applier::stampSeen(const EntityConfig &entity, const QStringList &ids, qint64 scan, const Position &position,
                        QStringList *unlinked, Error *error)
{
    const bool ok = inTransaction([&] {
        if (!m_links.prefetch(entity.name, ids, error))
            return false;
        constexpr int kChunk = 250;
        for (qsizetype at = 0; at < ids.size(); at += kChunk) {
            const QStringList chunk = ids.mid(at, kChunk);
            QSqlQuery q;
            if (!m_db.prepare(q, QStringLiteral("UPDATE tributary_links SET seen_scan = ? WHERE source = ? AND entity = ? AND external_id IN (%1)")
                                     .arg(QStringList(chunk.size(), QStringLiteral("?")).join(QLatin1Char(','))),
                              error))
                return false;
            q.addBindValue(scan);
            q.addBindValue(m_source.name);
            q.addBindValue(entity.name);
            for (const QString &id : chunk)
                q.addBindValue(id);
            if (!m_db.exec(q, error))
                return false;
        }
        for (const QString &id : ids) {
            const LinkStore::Link link = m_links.find(entity.name, id, error);
            if (error->isError())
                return false;
            if (!link.found && !m_parked.contains(recordKey(entity.name, id)))
                unlinked->append(id);
        }
        return saveCursor(m_db, m_source.name, entity.name, QStringLiteral("reconcile"), position, m_runId, error);
    }, error);
    if (!ok)
        unlinked->clear();
    return ok;
}

bool Applier::planSweep(const EntityConfig &entity, qint64 scan, SweepPlan *plan, Error *error)
{
    QSqlQuery q;
    if (!m_db.prepare(q, QStringLiteral("SELECT COUNT(*), COALESCE(SUM(CASE WHEN seen_scan < ? THEN 1 ELSE 0 END), 0) FROM tributary_links "
                                        "WHERE source = ? AND entity = ? AND deleted_at IS NULL"),
                      error))
        return false;
    q.addBindValue(scan);
    q.addBindValue(m_source.name);
    q.addBindValue(entity.name);
    if (!m_db.exec(q, error) || !q.next())
        return false;
    plan->active = q.value(0).toLongLong();
    plan->unseen = q.value(1).toLongLong();
    return true;
}

QStringList Applier::unseen(const EntityConfig &entity, qint64 scan, Error *error)
{
    QStringList out;
    QSqlQuery q;
    if (!m_db.prepare(q, QStringLiteral("SELECT external_id FROM tributary_links WHERE source = ? AND entity = ? "
                                        "AND deleted_at IS NULL AND seen_scan < ? ORDER BY external_id"),
                      error))
        return out;
    q.addBindValue(m_source.name);
    q.addBindValue(entity.name);
    q.addBindValue(scan);
    if (!m_db.exec(q, error))
        return out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

bool Applier::sweep(const EntityConfig &entity, const QStringList &goneIds, Error *error)
{
    EntityState &st = state(entity);
    EntityCounts &counts = m_counts[entity.name];
    QList<LinkStore::Link> gone;
    for (const QString &id : goneIds) {
        gone.append(m_links.find(entity.name, id, error));
        if (error->isError())
            return false;
    }
    return inTransaction([&] {
        bool ok = true;
        for (qsizetype i = 0; ok && i < gone.size(); ++i) {
            const LinkStore::Link &link = gone.at(i);
            const QString &id = goneIds.at(i);
            bool exists = false;
            QJsonObject localValues;
            const bool edited = locallyEdited(st, link, &exists, error, &localValues);
            ok = !error->isError();
            if (!ok)
                break;
            if (!link.found || !link.deletedAt.isEmpty())
                continue;
            if (link.origin == QLatin1String("matched")) {
                // An adopted row is the main application's own: the source letting go of it only
                // unlinks it.
                ok = m_links.setDeleted(entity.name, id, m_now, error)
                    && logChange(entity, link.localId, id, QStringLiteral("unlink"), QJsonValue(), error);
                continue;
            }
            if (exists && edited) {
                // Never a silent loss: a row the main application changed since it was last applied
                // stays, and the delete waits for a person as an edit-versus-delete conflict.
                MappedRecord m;
                m.externalId = id;
                ++counts.conflicts;
                ok = recordConflict(st, m, link.localId, QStringLiteral("remote-deleted"), st.syncColumns, link.base(), localValues,
                                    QJsonObject(), QString(), error)
                    && m_links.setDeleted(entity.name, id, m_now, error);
                continue;
            }
            if (exists && entity.deleteMode == QLatin1String("soft")) {
                QSqlQuery &q = statement(QStringLiteral("UPDATE %1 SET %2 = ? WHERE %3 = ?")
                                             .arg(m_db.quote(entity.table), m_db.quote(entity.deletedColumn), m_db.quote(entity.key)),
                                         error);
                ok = !error->isError();
                if (ok) {
                    q.bindValue(0, m_db.formatTimestamp(QDateTime::currentDateTimeUtc()));
                    q.bindValue(1, Database::keyValue(link.localId));
                    ok = m_db.exec(q, error);
                }
            } else if (exists && entity.deleteMode == QLatin1String("hard")) {
                QSqlQuery &q = statement(QStringLiteral("DELETE FROM %1 WHERE %2 = ?").arg(m_db.quote(entity.table), m_db.quote(entity.key)), error);
                ok = !error->isError();
                if (ok) {
                    q.bindValue(0, Database::keyValue(link.localId));
                    ok = m_db.exec(q, error);
                }
            }
            if (!ok)
                break;
            ++counts.deleted;
            // A hard-deleted row is gone for good: a record that comes back is a new one.
            ok = (entity.deleteMode == QLatin1String("hard") ? m_links.remove(entity.name, id, error)
                                                             : m_links.setDeleted(entity.name, id, m_now, error))
                && logChange(entity, link.localId, id, entity.deleteMode == QLatin1String("soft") ? QStringLiteral("soft-delete")
                                                       : entity.deleteMode == QLatin1String("hard") ? QStringLiteral("delete")
                                                                                                     : QStringLiteral("gone"),
                             QJsonValue(), error);
        }
        return ok;
    }, error);
}

QList<Applier::MissingRef> Applier::missingReferences(Error *error)
{
    QList<MissingRef> out;
    QSqlQuery q;
    if (!m_db.prepare(q, QStringLiteral("SELECT DISTINCT r.ref_entity, r.ref_external_id, "
                                        "EXISTS (SELECT 1 FROM tributary_quarantine z WHERE z.source = r.source "
                                        "AND z.entity = r.ref_entity AND z.external_id = r.ref_external_id) "
                                        "FROM tributary_pending_refs r "
                                        "LEFT JOIN tributary_links l ON l.source = r.source AND l.entity = r.ref_entity "
                                        "AND l.external_id = r.ref_external_id "
                                        "WHERE r.source = ? AND l.local_id IS NULL AND NOT EXISTS (SELECT 1 FROM tributary_pending p "
                                        "WHERE p.source = r.source AND p.entity = r.ref_entity AND p.external_id = r.ref_external_id) "
                                        "ORDER BY 1, 2"),
                      error))
        return out;
    q.addBindValue(m_source.name);
    if (!m_db.exec(q, error))
        return out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toBool()});
    return out;
}

bool Applier::quarantineStuckPending(Error *error)
{
    // Every pending record waits only on other pending records now. Peel off the records nothing
    // waits for (waiters) and those waiting on nothing pending, repeatedly: what remains sits on
    // a cycle. Cycle members are quarantined as such; their waiters follow through the chain.
    struct Node
    {
        QString entity, id, column, target;
        QJsonObject record;
        QSet<QString> out, in;
    };
    QHash<QString, Node> nodes;
    {
        QSqlQuery q;
        if (!m_db.prepare(q, QStringLiteral("SELECT p.entity, p.external_id, p.record, r.column_name, r.ref_entity, r.ref_external_id "
                                            "FROM tributary_pending p JOIN tributary_pending_refs r ON r.source = p.source "
                                            "AND r.entity = p.entity AND r.external_id = p.external_id WHERE p.source = ?"),
                          error))
            return false;
        q.addBindValue(m_source.name);
        if (!m_db.exec(q, error))
            return false;
        while (q.next()) {
            Node &n = nodes[recordKey(q.value(0).toString(), q.value(1).toString())];
            n.entity = q.value(0).toString();
            n.id = q.value(1).toString();
            if (n.record.isEmpty())
                n.record = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
            const QString target = recordKey(q.value(4).toString(), q.value(5).toString());
            if (n.column.isEmpty()) {
                n.column = q.value(3).toString();
                n.target = q.value(4).toString() + QLatin1Char(' ') + q.value(5).toString();
            }
            n.out.insert(target);
        }
    }
    if (nodes.isEmpty())
        return true;
    for (auto it = nodes.begin(); it != nodes.end(); ++it) {
        QSet<QString> pendingTargets;
        for (const QString &t : std::as_const(it->out)) {
            if (nodes.contains(t)) {
                pendingTargets.insert(t);
                nodes[t].in.insert(it.key());
            }
        }
        it->out = pendingTargets;
    }
    for (bool peeled = true; peeled;) {
        peeled = false;
        const QStringList keys = nodes.keys();
        for (const QString &k : keys) {
            const Node &n = nodes.value(k);
            if (!n.in.isEmpty() && !n.out.isEmpty())
                continue;
            for (const QString &t : n.out)
                nodes[t].in.remove(k);
            for (const QString &w : n.in)
                nodes[w].out.remove(k);
            nodes.remove(k);
            peeled = true;
        }
    }
    const bool ok = inTransaction([&] {
        for (const Node &n : std::as_const(nodes)) {
            const EntityConfig *cfg = m_source.entity(n.entity);
            if (!cfg)
                continue;
            --m_counts[n.entity].pending;
            if (!toQuarantine(*cfg, n.record, n.id, n.column,
                              Tr::tr("%1 references %2, which waits for this record in turn (a cycle of references)").arg(n.column, n.target),
                              error))
                return false;
        }
        return true;
    }, error);
    if (!ok)
        return false;
    for (const Node &n : std::as_const(nodes)) {
        if (!quarantineWaitingFor(n.entity, n.id, Tr::tr("which is quarantined"), error))
            return false;
    }
    return true;
}

bool Applier::isLinked(const QString &entity, const QString &externalId, Error *error)
{
    return !m_links.localId(entity, externalId, error).isNull();
}

bool Applier::isPending(const QString &entity, const QString &externalId, Error *error)
{
    QSqlQuery &q = statement(QStringLiteral("SELECT 1 FROM tributary_pending WHERE source = ? AND entity = ? AND external_id = ?"), error);
    if (error->isError())
        return false;
    q.bindValue(0, m_source.name);
    q.bindValue(1, entity);
    q.bindValue(2, externalId);
    if (!m_db.exec(q, error))
        return false;
    const bool found = q.next();
    q.finish();
    return found;
}

bool Applier::quarantineWaitingFor(const QString &entity, const QString &externalId, const QString &reason, Error *error)
{
    return inTransaction([&] {
        // Whatever waits for a record that will never come cannot be applied either: follow the chain.
        QList<std::tuple<QString, QString, QString>> work{{entity, externalId, reason}};
        QSqlQuery &q = statement(QStringLiteral("SELECT p.entity, p.external_id, p.record, r.column_name FROM tributary_pending_refs r "
                                                "JOIN tributary_pending p ON p.source = r.source AND p.entity = r.entity "
                                                "AND p.external_id = r.external_id "
                                                "WHERE r.source = ? AND r.ref_entity = ? AND r.ref_external_id = ?"),
                                 error);
        while (!error->isError() && !work.isEmpty()) {
            const auto [e, id, why] = work.takeFirst();
            q.bindValue(0, m_source.name);
            q.bindValue(1, e);
            q.bindValue(2, id);
            if (!m_db.exec(q, error))
                break;
            QList<std::tuple<QString, QString, QJsonObject, QString>> waiting;
            while (q.next())
                waiting.append({q.value(0).toString(), q.value(1).toString(),
                                QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object(), q.value(3).toString()});
            q.finish();
            for (const auto &[we, wid, record, column] : std::as_const(waiting)) {
                const EntityConfig *cfg = m_source.entity(we);
                if (!cfg)
                    continue;
                --m_counts[we].pending;
                const QString fieldReason = Tr::tr("%1 references %2 %3, %4").arg(column, e, id, why);
                if (!toQuarantine(*cfg, record, wid, column, fieldReason, error))
                    break;
                work.append({we, wid, Tr::tr("which is quarantined")});
            }
        }
        return !error->isError();
    }, error);
}

QList<QPair<QString, QString>> Applier::quarantined(const QStringList &entities, const QStringList &externalIds, Error *error)
{
    QList<QPair<QString, QString>> out;
    QSqlQuery q;
    if (!m_db.prepare(q, QStringLiteral("SELECT entity, external_id FROM tributary_quarantine WHERE source = ? ORDER BY entity, external_id"), error))
        return out;
    q.addBindValue(m_source.name);
    if (!m_db.exec(q, error))
        return out;
    while (q.next()) {
        const QString entity = q.value(0).toString(), id = q.value(1).toString();
        if ((entities.isEmpty() || entities.contains(entity)) && (externalIds.isEmpty() || externalIds.contains(id)))
            out.append({entity, id});
    }
    return out;
}

bool Applier::dropFromQuarantine(const QString &entity, const QString &externalId, Error *error)
{
    QSqlQuery q;
    if (!m_db.prepare(q, QStringLiteral("DELETE FROM tributary_quarantine WHERE source = ? AND entity = ? AND external_id = ?"), error))
        return false;
    q.addBindValue(m_source.name);
    q.addBindValue(entity);
    q.addBindValue(externalId);
    if (!m_db.exec(q, error))
        return false;
    m_parked.remove(recordKey(entity, externalId));
    return true;
}

QHash<QString, qint64> Applier::pendingCounts(Error *error)
{
    QHash<QString, qint64> out;
    QSqlQuery q;
    if (!m_db.prepare(q, QStringLiteral("SELECT entity, COUNT(*) FROM tributary_pending WHERE source = ? GROUP BY entity"), error))
        return out;
    q.addBindValue(m_source.name);
    if (!m_db.exec(q, error))
        return out;
    while (q.next())
        out.insert(q.value(0).toString(), q.value(1).toLongLong());
    return out;
}

Position Applier::loadCursor(Database &db, const QString &source, const QString &entity, const QString &kind, Error *error)
{
    QSqlQuery q;
    if (!db.prepare(q, QStringLiteral("SELECT position FROM tributary_cursors WHERE source = ? AND entity = ? AND kind = ?"), error))
        return {};
    q.addBindValue(source);
    q.addBindValue(entity);
    q.addBindValue(kind);
    if (!db.exec(q, error) || !q.next())
        return {};
    return Position::fromJson(QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object());
}

bool Applier::saveCursor(Database &db, const QString &source, const QString &entity, const QString &kind,
                         const Position &position, qint64 runId, Error *error)
{
    QSqlQuery q;
    if (!db.prepare(q, QStringLiteral("INSERT INTO tributary_cursors (source, entity, kind, position, run_id, updated_at) "
                                      "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source, entity, kind) DO UPDATE SET "
                                      "position = excluded.position, run_id = excluded.run_id, updated_at = excluded.updated_at"),
                    error))
        return false;
    q.addBindValue(source);
    q.addBindValue(entity);
    q.addBindValue(kind);
    q.addBindValue(compact(position.toJson()));
    q.addBindValue(runId);
    q.addBindValue(Database::now());
    return db.exec(q, error);
}

} // namespace Tributary
