#include "Verifier.h"

#include "engine/run/PageWalker.h"
#include "engine/apply/RecordMapper.h"
#include "store/Database.h"
#include "state/ConflictStore.h"
#include "state/LinkStore.h"
#include "state/ParkingLot.h"
#include "store/Statements.h"
#include "util/Logging.h"
#include "util/Tr.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QTimer>

namespace Tributary {

namespace {
QString show(const QVariant &v)
{
    if (!v.isValid() || v.isNull())
        return QStringLiteral("NULL");
    QString s = v.toString();
    if (s.size() > 60)
        s = s.left(57) + QStringLiteral("...");
    return QLatin1Char('"') + s + QLatin1Char('"');
}
} // namespace

Verifier::Verifier(Database &db, const Config &config, const SourceConfig &source, Source *impl, QObject *parent)
    : QObject(parent), m_db(db), m_config(config), m_source(source), m_impl(impl),
      m_statements(std::make_unique<Statements>(db)), m_links(std::make_unique<LinkStore>(db, source.name)),
      m_parked(std::make_unique<ParkingLot>(db, source.name, *m_statements)),
      m_conflicts(std::make_unique<ConflictStore>(db, m_statements.get()))
{
}

Verifier::~Verifier() = default;

bool Verifier::isInSync() const
{
    if (m_error)
        return false;
    for (const EntityReport &r : m_reports) {
        if (r.missing || r.extra || r.different)
            return false;
    }
    return true;
}

void Verifier::start()
{
    QTimer::singleShot(0, this, [this] {
        Error error;
        // The ids seen at the source go to a temporary table, so memory stays flat however large
        // the source is; what is linked but unseen is then one query away.
        if (!m_links->beginVerify(&error)) {
            done(error);
            return;
        }
        m_todo = m_source.orderedEntities();
        nextEntity();
    });
}

void Verifier::stop()
{
    if (m_walker)
        m_walker->stop();
}

void Verifier::nextEntity()
{
    if (m_todo.isEmpty()) {
        done(Error());
        return;
    }
    m_entity = m_todo.takeFirst();
    EntityReport r;
    r.entity = m_entity->name;
    m_reports.append(r);
    PageRequest req;
    req.entity = m_entity->name;
    req.mode = PageRequest::Mode::Full;
    m_walker = new PageWalker(m_impl, req, this);
    connect(m_walker, &PageWalker::pageReady, this, &Verifier::onPage);
    connect(m_walker, &PageWalker::finished, this, &Verifier::onWalkFinished);
    m_walker->start();
}

void Verifier::example(const QString &line)
{
    EntityReport &r = m_reports.last();
    if (r.examples.size() < kExamples)
        r.examples.append(line);
}

void Verifier::onPage(const Page &page)
{
    EntityReport &r = m_reports.last();
    const EntityConfig &e = *m_entity;
    RecordMapper mapper(e, m_config.database, QString());
    Error error;

    QStringList selectColumns;
    for (const ColumnMapping &c : e.columns)
        selectColumns.append(c.column);
    for (const ReferenceMapping &ref : e.references)
        selectColumns.append(ref.column);
    QStringList quoted;
    for (const QString &c : std::as_const(selectColumns))
        quoted.append(m_db.quote(c));
    QSqlQuery sel;
    if (!m_db.prepare(sel, QStringLiteral("SELECT %1 FROM %2 WHERE %3 = ?").arg(quoted.join(QStringLiteral(", ")), m_db.quote(e.table), m_db.quote(e.key)), &error)) {
        m_walker->stop(error);
        return;
    }
    // Reads only (the seen ids go to a temporary table, which is not the main database): no
    // write lock, so verify runs while the application or a sync writes.
    if (!m_db.readTransaction(&error)) {
        m_walker->stop(error);
        return;
    }
    for (const QJsonValue &v : page.records) {
        ++r.sourceRecords;
        const MappedRecord m = mapper.map(v.toObject());
        auto quarantined = [&] {
            bool held = false;
            return m_parked->isQuarantined(e.name, m.externalId, &held, &error) && held;
        };
        // Not in the main database: known and explained when it is held in quarantine with its
        // reason (applied when the source changes it), missing otherwise.
        auto heldOrMissing = [&](const QString &why) {
            if (quarantined()) {
                ++r.invalid;
            } else {
                ++r.missing;
                example(why);
            }
        };
        if (!m.externalId.isEmpty() && !m_links->markVerified(e.name, m.externalId, &error))
            break;
        if (!m.isValid()) {
            heldOrMissing(Tr::tr("%1 %2: invalid at the source (%3: %4) and not in quarantine").arg(e.name, m.externalId, m.errorField, m.error));
            continue;
        }
        bool inConflict = false;
        if (!m_conflicts->hasOpen(m_source.name, e.name, m.externalId, &inConflict, &error))
            break;

        const LinkStore::Link link = m_links->find(e.name, m.externalId, &error);
        if (error)
            break;
        if (!link.found) {
            heldOrMissing(Tr::tr("%1 %2: not in the main database").arg(e.name, m.externalId));
            continue;
        }
        if (!link.deletedAt.isEmpty()) {
            ++r.missing;
            example(Tr::tr("%1 %2 (%3 id %4): deleted here after a reconciliation, but the source has it again (the next reconciliation restores it, as does any sync that reads the record)")
                        .arg(e.name, m.externalId, e.table, link.localId));
            continue;
        }
        sel.bindValue(0, link.localId.toLongLong() ? QVariant(link.localId.toLongLong()) : QVariant(link.localId));
        if (!m_db.exec(sel, &error))
            break;
        if (!sel.next()) {
            if (inConflict) {
                ++r.conflicts;
            } else {
                ++r.missing;
                example(Tr::tr("%1 %2: linked to %3 id %4, which no longer exists").arg(e.name, m.externalId, e.table, link.localId));
            }
            continue;
        }
        QVariantMap expected = m.values;
        for (const ReferenceMapping &ref : e.references) {
            const QString ext = m.refs.value(ref.column);
            expected.insert(ref.column, ext.isEmpty() ? QVariant() : QVariant(m_links->localId(ref.entity, ext, &error)));
        }
        const QJsonObject base = link.base();
        bool differs = false, diverges = false;
        for (int i = 0; i < selectColumns.size(); ++i) {
            const QString &c = selectColumns.at(i);
            const QVariant local = sel.value(i);
            const QVariant want = expected.value(c);
            if (sameValue(local, want))
                continue;
            if (c != e.updatedColumn && base.contains(c) && !sameValue(local, base.value(c).toVariant())) {
                diverges = true; // a local edit, or an adopted row's own value: kept on purpose
                continue;
            }
            if (c == e.updatedColumn)
                continue; // follows the other fields; a local edit moves it too
            differs = true;
            example(Tr::tr("%1 %2 (%3 id %4): %5 is %6 here but %7 at the source")
                        .arg(e.name, m.externalId, e.table, link.localId, c, show(local), show(want)));
        }
        sel.finish();
        if (differs)
            ++r.different;
        else if (inConflict)
            ++r.conflicts;
        else if (diverges)
            ++r.diverged;
        else
            ++r.matching;
    }
    if (error || !m_db.commit(&error)) {
        m_db.rollback();
        m_walker->stop(error);
        return;
    }
    Q_EMIT progress(e.name, r.sourceRecords);
}

bool Verifier::checkExtras(Error *error)
{
    EntityReport &r = m_reports.last();
    const Result<QList<LinkStore::LinkedId>> extras = m_links->notVerified(m_entity->name);
    if (!extras.into(error))
        return false;
    for (const LinkStore::LinkedId &x : *extras) {
        ++r.extra;
        example(Tr::tr("%1 %2 (%3 id %4): in the main database, gone from the source").arg(m_entity->name, x.externalId, m_entity->table, x.localId));
    }
    return true;
}

void Verifier::onWalkFinished(const Error &walkError)
{
    m_walker->deleteLater();
    m_walker = nullptr;
    Error error = walkError;
    if (!error)
        checkExtras(&error);
    if (error) {
        if (!error.message.contains(m_entity->name))
            error.message = QStringLiteral("%1/%2: %3").arg(m_source.name, m_entity->name, error.message);
        done(error);
        return;
    }
    nextEntity();
}

void Verifier::done(const Error &error)
{
    if (m_done)
        return;
    m_done = true;
    m_error = error;
    QTimer::singleShot(0, this, [this] { Q_EMIT finished(); });
}

} // namespace Tributary
