#include "Verifier.h"

#include "engine/run/PageWalker.h"
#include "engine/apply/Applier.h"
#include "engine/apply/PageMapping.h"
#include "engine/apply/RecordMapper.h"
#include "store/Database.h"
#include "state/ConflictStore.h"
#include "state/CursorStore.h"
#include "state/EditStore.h"
#include "state/LinkStore.h"
#include "state/ParkingLot.h"
#include "store/Statements.h"
#include "util/Logging.h"
#include "util/Tr.h"
#include "util/Values.h"

#include <QJsonDocument>
#include <QLocale>
#include <QSqlQuery>
#include <QTimer>

#include <algorithm>

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

// Counts as tributaryd prints them ("6,000"), whatever the language.
QString number(qint64 n)
{
    return QLocale(QLocale::English).toString(n);
}

QString someIds(const QStringList &ids, qint64 count)
{
    QString text = ids.join(QStringLiteral(", "));
    if (count > ids.size())
        text += QStringLiteral(", ...");
    return text;
}

} // namespace

const Verifier::Check *Verifier::EntityReport::check(Check::Kind kind) const
{
    for (const Check &c : checks) {
        if (c.kind == kind)
            return &c;
    }
    return nullptr;
}

bool Verifier::EntityReport::hasFailedCheck() const
{
    return std::any_of(checks.cbegin(), checks.cend(), [](const Check &c) { return c.outcome == Check::Outcome::Failed; });
}

int Verifier::EntityReport::uncheckedCount() const
{
    return int(std::count_if(checks.cbegin(), checks.cend(), [](const Check &c) { return c.outcome == Check::Outcome::NotChecked; }));
}

Verifier::Verifier(Database &db, const Config &config, const SourceConfig &source, Source *impl, QObject *parent)
    : QObject(parent), m_db(db), m_config(config), m_source(source), m_impl(impl),
      m_statements(std::make_unique<Statements>(db)), m_links(std::make_unique<LinkStore>(db, source.name)),
      m_parked(std::make_unique<ParkingLot>(db, source.name, *m_statements)),
      m_conflicts(std::make_unique<ConflictStore>(db, m_statements.get()))
{
}

Verifier::~Verifier()
{
    for (SourceJob *job : {static_cast<SourceJob *>(m_countJob.data()), static_cast<SourceJob *>(m_recordJob.data())}) {
        if (job) {
            job->disconnect(this);
            job->abort();
        }
    }
}

bool Verifier::isInSync() const
{
    if (m_error)
        return false;
    for (const EntityReport &r : m_reports) {
        if (r.missing || r.extra || r.different || r.hasFailedCheck())
            return false;
    }
    return true;
}

int Verifier::uncheckedCount() const
{
    int n = 0;
    for (const EntityReport &r : m_reports)
        n += r.uncheckedCount();
    return n;
}

void Verifier::start()
{
    QTimer::singleShot(0, this, [this] {
        Error error;
        // The ids seen at the source go to temporary tables, so memory stays flat however large
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
    if (m_countJob)
        m_countJob->abort();
    if (m_recordJob)
        m_recordJob->abort();
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
    m_caps = m_impl->capabilities(m_entity->name);
    m_cursor = Position();
    m_violation = Error();
    m_walkComplete = false;
    m_scanComplete = false;
    m_pages = 0;
    m_walkStarted = QDateTime();
    m_absentExplained = 0;
    m_repeated.clear();
    m_repeats = 0;
    m_absent.clear();
    Error error;
    CursorStore cursors(m_db);
    bool unmarked = false;
    m_hasStart = false;
    m_startFrom = QDateTime();
    if ((m_caps.incremental && !cursors.load(m_source.name, m_entity->name, CursorKind::Incremental, &m_cursor, &error))
        || !Applier::startBoundaryOf(m_db, cursors, m_source, *m_entity, m_caps, &m_startFrom, &m_hasStart, &unmarked, &error)) {
        failWith(error);
        return;
    }
    PageRequest req;
    req.entity = m_entity->name;
    req.mode = PageRequest::Mode::Full;
    m_guard.emplace(m_entity->name, m_entity->externalId, m_caps);
    m_guard->begin(req.mode, QString());
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

void Verifier::absent(const Absent &a)
{
    ++m_reports.last().missing;
    if (m_absent.size() < kExamples)
        m_absent.append(a);
}

void Verifier::addCheck(Check::Kind kind, Check::Outcome outcome, const QString &text)
{
    m_reports.last().checks.append({kind, outcome, text});
}

void Verifier::onPage(const Page &page)
{
    // The rules a sync's walk keeps: a page that breaks one is not compared, and the walk stops.
    if (Error violation = m_guard->check(page)) {
        m_violation = violation;
        m_walker->stop(violation);
        return;
    }
    ++m_pages;
    if (!m_walkStarted.isValid() && page.serverTime.isValid())
        m_walkStarted = page.serverTime;
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
    // Reads only (the seen ids go to a temporary table, which is not the main database): no
    // write lock, so verify runs while the application or a sync writes.
    if (!m_db.readTransaction(&error)) {
        m_walker->stop(error);
        return;
    }

    // The whole page is looked up at once, a few statements for each kind of look-up, never one
    // per record: which ids an earlier page named, which have an open conflict, their links,
    // the local rows those point to, and the links of the records they refer to.
    struct Incoming
    {
        QJsonObject record;
        MappedRecord mapped;
        QString value;
    };
    QList<Incoming> incoming;
    incoming.reserve(page.records.size());
    QStringList ids;
    QHash<QString, QStringList> referenced; // entity -> external ids the page's records refer to
    // Both threads map the page, half each (PageMapping): compared field by field, so no hash.
    PageMapping mapping(mapper, page.records, PageMapping::Split::Halves, false);
    mapping.mapOwnShare();
    for (qsizetype i = 0; i < page.records.size(); ++i) {
        const QJsonValue v = page.records.at(i);
        Incoming in{v.toObject(), {}, {}};
        in.mapped = v.isObject() ? mapping.take(i) : mapper.map(in.record, false);
        in.value = m_caps.cursorField.isEmpty() ? QString() : fieldText(in.record, m_caps.cursorField);
        if (!in.mapped.externalId.isEmpty())
            ids.append(in.mapped.externalId);
        for (const ReferenceMapping &ref : e.references) {
            const QString ext = in.mapped.refs.value(ref.column);
            if (!ext.isEmpty())
                referenced[ref.entity].append(ext);
        }
        incoming.append(in);
    }
    QSet<QString> namedBefore, inConflict;
    bool ok = m_links->markVerifiedPage(e.name, ids, &namedBefore, &error) && m_conflicts->openAmong(m_source.name, e.name, ids, &inConflict, &error)
        && m_links->prefetch(e.name, ids, &error);
    for (auto it = referenced.constBegin(); ok && it != referenced.constEnd(); ++it)
        ok = m_links->cacheLocalIds(it.key(), it.value(), &error);
    QHash<QString, QVariantList> rows; // local id -> the synced columns
    if (ok) {
        QVariantList keys;
        for (const QString &id : std::as_const(ids)) {
            const LinkStore::Link link = m_links->find(e.name, id, &error);
            if (link.found && link.deletedAt.isEmpty())
                keys.append(Database::keyValue(link.localId));
        }
        ok = !error
            && m_db.selectIn(QStringLiteral("SELECT %1, %2 FROM %3 WHERE %1 IN (%4)")
                                 .arg(m_db.quote(e.key), quoted.join(QStringLiteral(", ")), m_db.quote(e.table), QStringLiteral("%1")),
                             {}, keys,
                             [&](const QSqlQuery &q) {
                                 QVariantList values;
                                 values.reserve(selectColumns.size());
                                 for (int i = 0; i < selectColumns.size(); ++i)
                                     values.append(q.value(i + 1));
                                 rows.insert(q.value(0).toString(), values);
                             },
                             &error, &m_rowQuery);
    }
    QSet<QString> namedNow;
    for (qsizetype n = 0; ok && n < incoming.size(); ++n) {
        const Incoming &in = incoming.at(n);
        const MappedRecord &m = in.mapped;
        const QString &value = in.value;
        ++r.sourceRecords;
        // Not in the main database: explained when it is held in quarantine with its reason
        // (applied when the source changes it), missing otherwise.
        auto heldOrAbsent = [&](Absent a) {
            bool held = false;
            if (!m_parked->isQuarantined(e.name, m.externalId, &held, &error))
                return;
            if (held) {
                ++r.invalid;
                ++m_absentExplained;
                return;
            }
            if (a.why == Absent::Why::NotLinked && !m_parked->isPending(e.name, m.externalId, &held, &error))
                return;
            if (held)
                a.why = Absent::Why::Pending;
            absent(a);
        };
        if (!m.externalId.isEmpty()) {
            if (namedBefore.contains(m.externalId) || namedNow.contains(m.externalId)) {
                // Read before in this walk: compared then. Pages that overlap may also skip.
                ++m_repeats;
                if (m_repeated.size() < kExamples)
                    m_repeated.append(m.externalId);
                continue;
            }
            namedNow.insert(m.externalId);
            ++r.walkedIds;
        }
        if (!m.isValid()) {
            heldOrAbsent({Absent::Why::InvalidNotHeld, m.externalId, QString(), value, QStringLiteral("%1: %2").arg(m.errorField, m.error)});
            if (error)
                break;
            continue;
        }
        LinkStore::Link link = m_links->find(e.name, m.externalId, &error);
        if (error)
            break;
        if (!link.found && isBeforeStart(value)) {
            ++r.beforeStart;
            ++m_absentExplained;
            continue;
        }
        if (!link.found) {
            heldOrAbsent({Absent::Why::NotLinked, m.externalId, QString(), value, QString()});
            if (error)
                break;
            continue;
        }
        if (!link.deletedAt.isEmpty()) {
            absent({Absent::Why::DeletedHere, m.externalId, link.localId, value, QString()});
            continue;
        }
        const auto row = rows.constFind(link.localId);
        if (row == rows.constEnd()) {
            if (inConflict.contains(m.externalId)) {
                ++r.conflicts;
                ++m_absentExplained;
            } else {
                absent({Absent::Why::RowDeleted, m.externalId, link.localId, value, QString()});
            }
            continue;
        }
        // The columns come first in selectColumns, then the references (as local ids).
        const qsizetype firstRef = e.columns.size();
        QVariantList refValues;
        refValues.reserve(e.references.size());
        for (const ReferenceMapping &ref : e.references) {
            const QString ext = m.refs.value(ref.column);
            refValues.append(ext.isEmpty() ? QVariant() : QVariant(m_links->localId(ref.entity, ext, &error)));
        }
        if (error)
            break;
        // The base is read only for a record whose row differs from the source: most do not.
        std::optional<QJsonObject> base;
        bool differs = false, diverges = false;
        for (int i = 0; i < selectColumns.size(); ++i) {
            const QString &c = selectColumns.at(i);
            const QVariant &local = row->at(i);
            const QVariant want = i < firstRef ? m.values.value(c) : refValues.at(i - firstRef);
            if (sameValue(local, want))
                continue;
            if (c == e.updatedColumn)
                continue; // follows the other fields; a local edit moves it too
            if (!base) {
                // A link without a base of its own compares as its row unless the application's
                // edit was captured: a difference there is the source's change, not applied.
                bool derived = false, captured = false;
                if (!m_links->readBase(e.name, m.externalId, &link, &error)
                    || !EditStore(m_db, m_statements.get()).fillBase(e.table, &link, &derived, &captured, &error))
                    break;
                base = link.base();
            }
            if (base->contains(c) && !sameValue(local, base->value(c).toVariant())) {
                diverges = true; // a local edit, or an adopted row's own value: kept on purpose
                continue;
            }
            differs = true;
            example(Tr::tr("%1 %2 (%3 id %4): %5 is %6 here but %7 at the source")
                        .arg(e.name, m.externalId, e.table, link.localId, c, show(local), show(want)));
        }
        if (error)
            break;
        if (differs)
            ++r.different;
        else if (inConflict.contains(m.externalId))
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

void Verifier::onWalkFinished(const Error &walkError)
{
    m_walker->deleteLater();
    m_walker = nullptr;
    EntityReport &r = m_reports.last();
    r.sourceTotal = m_guard->latestTotal();
    if (m_violation) {
        // The walk cannot be shown complete: the entity fails, the others are still verified.
        addCheck(Check::Kind::Walk, Check::Outcome::Failed,
                 m_violation.message + Tr::tr(" A full sync walks %1 the same way and stops at the same page.").arg(m_entity->name));
        m_violation = Error();
        startIdScan();
        return;
    }
    if (walkError) {
        failWith(walkError);
        return;
    }
    // A walk the source ended must have read what the source counts; one that read another
    // number of records than the latest total is asked again, since records may have come or
    // gone while it ran.
    const qint64 latest = m_guard->latestTotal();
    if (m_guard->isShortOfTotal() || (latest >= 0 && r.walkedIds != latest)) {
        recount(m_guard->recountRequest(), [this](qint64 fresh) { walkChecked(fresh); });
        return;
    }
    walkChecked(-1);
}

void Verifier::walkChecked(qint64 freshTotal)
{
    EntityReport &r = m_reports.last();
    if (freshTotal >= 0)
        r.sourceTotal = freshTotal;
    if (Error shortfall = m_guard->checkEnd(freshTotal)) {
        addCheck(Check::Kind::Walk, Check::Outcome::Failed, shortfall.message);
    } else if (m_repeats > 0) {
        m_walkComplete = true;
        addCheck(Check::Kind::Walk, Check::Outcome::Failed,
                 Tr::tr("the walk read %1 record(s) a second time (ids %2): its pages overlap, so it may as well have skipped records.")
                         .arg(number(m_repeats), someIds(m_repeated, m_repeats))
                     + (m_caps.keys.continuation.isEmpty() ? QString() : Tr::tr(" Check %1.").arg(m_caps.keys.continuation)));
    } else {
        m_walkComplete = true;
        addCheck(Check::Kind::Walk, Check::Outcome::Passed,
                 Tr::tr("%1 records in %2 page(s), none read twice; the source ended the walk (no continuation after its last page)")
                     .arg(number(r.walkedIds), number(m_pages)));
    }
    startIdScan();
}

void Verifier::startIdScan()
{
    if (!m_caps.idScan) {
        addCheck(Check::Kind::IdScan, Check::Outcome::NotChecked,
                 Tr::tr("the source has no id scan for %1%2: the walk is the only listing of its records, so records the walk cannot "
                        "reach go unseen")
                     .arg(m_entity->name, m_caps.keys.idScan.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(m_caps.keys.idScan)));
        finishEntity();
        return;
    }
    m_reports.last().listedIds = 0;
    PageRequest req;
    req.entity = m_entity->name;
    req.mode = PageRequest::Mode::Ids;
    m_violation = Error();
    m_guard.emplace(m_entity->name, m_entity->externalId, m_caps);
    m_guard->begin(req.mode, QString());
    m_walker = new PageWalker(m_impl, req, this);
    connect(m_walker, &PageWalker::pageReady, this, &Verifier::onScanPage);
    connect(m_walker, &PageWalker::finished, this, &Verifier::onScanFinished);
    m_walker->start();
}

void Verifier::onScanPage(const Page &page)
{
    if (Error violation = m_guard->check(page)) {
        m_violation = violation;
        m_walker->stop(violation);
        return;
    }
    EntityReport &r = m_reports.last();
    Error error;
    // One transaction per page for the temporary table's writes; the main database is only read.
    if (!m_db.readTransaction(&error)) {
        m_walker->stop(error);
        return;
    }
    QStringList ids, values;
    ids.reserve(page.records.size());
    values.reserve(page.records.size());
    for (const QJsonValue &v : page.records) {
        const QJsonObject record = v.toObject();
        const QString id = fieldText(record, m_entity->externalId);
        if (id.isEmpty())
            continue;
        ids.append(id);
        values.append(m_caps.cursorField.isEmpty() ? QString() : fieldText(record, m_caps.cursorField));
    }
    if (!m_links->markListedPage(m_entity->name, ids, values, &r.listedIds, &error) || !m_db.commit(&error)) {
        m_db.rollback();
        m_walker->stop(error);
    }
}

void Verifier::onScanFinished(const Error &scanError)
{
    m_walker->deleteLater();
    m_walker = nullptr;
    if (m_violation) {
        addCheck(Check::Kind::IdScan, Check::Outcome::Failed, m_violation.message);
        m_violation = Error();
        // What it listed before it stopped is still at the source: records of it that the main
        // database lacks are missing all the same.
        compareListings();
        return;
    }
    if (scanError) {
        failWith(scanError);
        return;
    }
    if (m_guard->isShortOfTotal()) {
        recount(m_guard->recountRequest(), [this](qint64 fresh) { scanChecked(fresh); });
        return;
    }
    scanChecked(-1);
}

void Verifier::scanChecked(qint64 freshTotal)
{
    if (Error shortfall = m_guard->checkEnd(freshTotal))
        addCheck(Check::Kind::IdScan, Check::Outcome::Failed, shortfall.message);
    else
        m_scanComplete = true;
    compareListings();
}

void Verifier::compareListings()
{
    EntityReport &r = m_reports.last();
    const QString &entity = m_entity->name;
    // Ids the scan listed that the walk never reached: those not in the main database are missing
    // whatever the walk says (the walk may have stopped early, or not reach them at all). A record
    // changed after the walk began may have come into being after the walk passed its place: it
    // is no fault of the walk, and the next walk reaches it.
    qint64 listedOnly = 0, changedSince = 0;
    QStringList listedOnlyIds;
    const qint64 walkBegan = m_walkStarted.isValid() ? m_walkStarted.addSecs(-2).toMSecsSinceEpoch() * 1000 : 0;
    Error error;
    const bool read = m_links->forEachListedNotVerified(entity, [&](const LinkStore::ListedId &x) {
        qint64 changed = 0;
        const bool recent = m_walkStarted.isValid() && parseMicros(QJsonValue(x.value), &changed) && changed >= walkBegan;
        if (recent) {
            ++changedSince;
        } else {
            ++listedOnly;
            if (listedOnlyIds.size() < kExamples)
                listedOnlyIds.append(x.externalId);
        }
        if (x.isLinked())
            return true;
        bool held = false;
        if (!m_parked->isQuarantined(entity, x.externalId, &held, &error))
            return false;
        if (held) {
            ++r.invalid;
            ++m_absentExplained;
            return true;
        }
        if (x.localId.isEmpty() && isBeforeStart(x.value)) {
            ++r.beforeStart;
            ++m_absentExplained;
            return true;
        }
        if (x.localId.isEmpty() && !m_parked->isPending(entity, x.externalId, &held, &error))
            return false;
        Absent a{x.localId.isEmpty() ? (held ? Absent::Why::Pending : Absent::Why::NotLinked) : Absent::Why::DeletedHere, x.externalId,
                 x.localId, x.value, QString(), recent};
        absent(a);
        return true;
    }, &error);
    if (!read || error) {
        failWith(error);
        return;
    }
    if (r.check(Check::Kind::IdScan)) {
        finishEntity(); // the scan failed: its own check says why
        return;
    }
    if (!m_walkComplete) {
        addCheck(Check::Kind::IdScan, Check::Outcome::Passed,
                 Tr::tr("%1 ids listed; the walk did not complete, so the listing was only searched for records the main database lacks")
                     .arg(number(r.listedIds)));
        finishEntity();
        return;
    }
    r.listedNotWalked = listedOnly;
    const Result<LinkStore::IdSample> walkedOnly = m_links->verifiedNotListed(entity, kConfirmById);
    if (!walkedOnly) {
        failWith(walkedOnly.error());
        return;
    }
    // Records the walk read that the scan does not list may have been deleted in between: a
    // few are asked for by id, and those the source no longer has are no fault of the scan.
    m_confirmTodo = walkedOnly->count <= kConfirmById ? walkedOnly->ids : QStringList();
    m_stillThere.clear();
    m_goneSinceWalk = 0;
    const qint64 walkedOnlyCount = walkedOnly->count;
    const QStringList walkedOnlyIds = walkedOnly->ids.mid(0, kExamples);
    m_afterConfirm = [this, listedOnly, listedOnlyIds, changedSince, walkedOnlyCount, walkedOnlyIds] {
        EntityReport &report = m_reports.last();
        const qint64 walkedOnlyLeft = walkedOnlyCount - m_goneSinceWalk;
        const QStringList shown = m_goneSinceWalk > 0 ? m_stillThere.mid(0, kExamples) : walkedOnlyIds;
        report.walkedNotListed = walkedOnlyLeft;
        QStringList problems, notes;
        if (listedOnly > 0)
            problems.append(Tr::tr("%1 id(s) listed by the id scan were not reached by the walk (%2): a full sync walks the same way "
                                   "and misses them too")
                                .arg(number(listedOnly), someIds(listedOnlyIds, listedOnly)));
        if (walkedOnlyLeft > 0)
            problems.append(Tr::tr("%1 record(s) reached by the walk are absent from the id scan (%2): reconciliation decides deletes "
                                   "from that listing (it asks for each such record by id, and only a 404 deletes)")
                                .arg(number(walkedOnlyLeft), someIds(shown, walkedOnlyLeft)));
        if (changedSince > 0)
            notes.append(Tr::tr("%1 listed record(s) changed after the walk began, so the walk need not have met them").arg(number(changedSince)));
        if (m_goneSinceWalk > 0)
            notes.append(Tr::tr("%1 record(s) the walk read were deleted at the source before the scan").arg(number(m_goneSinceWalk)));
        const QString aside = notes.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(notes.join(QStringLiteral("; ")));
        if (problems.isEmpty())
            addCheck(Check::Kind::IdScan, Check::Outcome::Passed,
                     Tr::tr("%1 ids listed, each one reached by the walk, and the walk reached no other").arg(number(report.listedIds)) + aside);
        else
            addCheck(Check::Kind::IdScan, Check::Outcome::Failed,
                     Tr::tr("the source's two listings of %1 disagree: %2.").arg(m_entity->name, problems.join(QStringLiteral("; "))) + aside);
        finishEntity();
    };
    confirmNext();
}

void Verifier::confirmNext()
{
    if (m_confirmTodo.isEmpty()) {
        const std::function<void()> then = std::move(m_afterConfirm);
        m_afterConfirm = nullptr;
        then();
        return;
    }
    const QString id = m_confirmTodo.takeFirst();
    RecordJob *job = m_impl->fetchRecord(m_entity->name, id);
    m_recordJob = job;
    connect(job, &SourceJob::finished, this, [this, id](SourceJob *finished) {
        m_recordJob = nullptr;
        if (finished->error().code == Error::Code::Aborted) {
            failWith(finished->error());
            return;
        }
        // Only a 404 proves it gone; an answer that fails otherwise leaves it reported.
        if (!finished->hasError() && static_cast<RecordJob *>(finished)->isNotFound())
            ++m_goneSinceWalk;
        else
            m_stillThere.append(id);
        confirmNext();
    });
    job->start();
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

bool Verifier::checkTotal(Error *error)
{
    EntityReport &r = m_reports.last();
    const Result<qint64> linked = m_links->countLiveRows(m_entity->name, m_entity->table, m_entity->key);
    if (!linked.into(error))
        return false;
    r.linkedRows = *linked;
    if (r.sourceTotal < 0) {
        addCheck(Check::Kind::Total, Check::Outcome::NotChecked,
                 Tr::tr("the source reports no total for %1%2: only the walk's end (a last page without a continuation) shows that "
                        "it read everything; %3 rows of the main database are linked to it")
                     .arg(m_entity->name,
                          m_caps.keys.totalChoices.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(m_caps.keys.totalChoices),
                          number(r.linkedRows)));
        return true;
    }
    const QString held = m_absentExplained > 0
        ? Tr::tr(" and %1 record(s) are held back (in quarantine, changed before the source's start, or a conflict over a row the "
                 "application deleted)")
              .arg(number(m_absentExplained))
        : QString();
    QStringList problems;
    if (m_walkComplete && r.walkedIds != r.sourceTotal)
        problems.append(Tr::tr("the walk reached %1 distinct records").arg(number(r.walkedIds)));
    const qint64 accounted = r.linkedRows + m_absentExplained;
    if (accounted != r.sourceTotal) {
        const qint64 gap = accounted - r.sourceTotal;
        problems.append((gap > 0 ? Tr::tr("%1 rows of the main database are linked to it%2: %3 more than the source counts")
                                 : Tr::tr("%1 rows of the main database are linked to it%2: %3 fewer than the source counts"))
                            .arg(number(r.linkedRows), held, number(qAbs(gap))));
    }
    if (problems.isEmpty()) {
        addCheck(Check::Kind::Total, Check::Outcome::Passed,
                 m_walkComplete ? Tr::tr("the source counts %1, the walk reached %1, and %2 rows of the main database are linked to it%3")
                                      .arg(number(r.sourceTotal), number(r.linkedRows), held)
                                : Tr::tr("the source counts %1, and %2 rows of the main database are linked to it%3")
                                      .arg(number(r.sourceTotal), number(r.linkedRows), held));
    } else {
        // A count that differs by exactly the records found missing and extra is those records;
        // any other difference is news (records the walk never met, or a total that is wrong).
        const bool walkAgrees = !m_walkComplete || r.walkedIds == r.sourceTotal;
        const bool accountedFor = walkAgrees && r.sourceTotal - accounted == r.missing - r.extra;
        QString advice;
        if (accountedFor)
            advice = Tr::tr(" The missing and extra records above account for the difference.");
        else if (!m_caps.keys.total.isEmpty())
            advice = Tr::tr(" If the total itself is wrong, check %1.").arg(m_caps.keys.total);
        addCheck(Check::Kind::Total, Check::Outcome::Failed,
                 Tr::tr("the source counts %1 %2, but %3.").arg(number(r.sourceTotal), m_entity->name, problems.join(QStringLiteral("; "))) + advice);
    }
    return true;
}

void Verifier::finishEntity()
{
    EntityReport &r = m_reports.last();
    Error error;
    if (m_walkComplete) {
        checkExtras(&error);
    } else {
        addCheck(Check::Kind::Extras, Check::Outcome::NotChecked,
                 Tr::tr("the walk did not complete, so links to records it did not reach cannot be told gone from the source"));
    }
    if (!error)
        checkTotal(&error);
    if (error) {
        failWith(error);
        return;
    }
    // Missing records first: they matter most, and each says what brings it back.
    QStringList missing;
    for (const Absent &a : std::as_const(m_absent))
        missing.append(describe(a));
    r.examples = missing + r.examples;
    std::stable_sort(r.checks.begin(), r.checks.end(), [](const Check &a, const Check &b) { return a.kind < b.kind; });
    nextEntity();
}

void Verifier::recount(const PageRequest &request, std::function<void(qint64)> then)
{
    PageJob *job = m_impl->fetchPage(request);
    m_countJob = job;
    connect(job, &SourceJob::finished, this, [this, then = std::move(then)](SourceJob *finished) {
        m_countJob = nullptr;
        if (finished->error().code == Error::Code::Aborted) {
            failWith(finished->error());
            return;
        }
        if (finished->hasError())
            qCWarning(lcVerify).noquote() << QStringLiteral("%1/%2: cannot count the records again: %3")
                                                 .arg(m_source.name, m_entity->name, finished->error().toString());
        then(finished->hasError() ? -1 : static_cast<PageJob *>(finished)->page().total);
    });
    job->start();
}

bool Verifier::isBeforeStart(const QString &value) const
{
    QDateTime changed;
    return m_hasStart && parseTimestamp(QJsonValue(value), &changed) && changed < m_startFrom;
}

Verifier::Reach Verifier::incrementalReach(const QString &id, const QString &value, QString *why) const
{
    const QString &entity = m_entity->name;
    if (!m_caps.incremental) {
        *why = Tr::tr("every sync walks %1 whole").arg(entity);
        return Reach::Reads;
    }
    qint64 at = 0;
    const bool dated = parseMicros(QJsonValue(value), &at);
    if (m_cursor.value.isEmpty()) {
        switch (m_source.start.from) {
        case StartConfig::From::Beginning:
            *why = Tr::tr("%1 has no incremental cursor yet: the next sync reads it from the beginning").arg(entity);
            return Reach::Reads;
        case StartConfig::From::Now:
            *why = Tr::tr("%1 has no incremental cursor, and its start is \"now\": a first sync reads only what changes after it").arg(entity);
            return Reach::DoesNotRead;
        case StartConfig::From::Date: {
            const QString date = m_source.start.date.toString(Qt::ISODate);
            if (!dated)
                break;
            if (at < m_source.start.date.toMSecsSinceEpoch() * 1000) {
                *why = Tr::tr("its %1 %2 is before the start date %3").arg(m_caps.cursorField, value, date);
                return Reach::DoesNotRead;
            }
            *why = Tr::tr("its %1 %2 is not before the start date %3").arg(m_caps.cursorField, value, date);
            return Reach::Reads;
        }
        }
        *why = Tr::tr("its %1 is not a time").arg(m_caps.cursorField);
        return Reach::Unknown;
    }
    qint64 cursor = 0;
    if (!dated || !parseMicros(QJsonValue(m_cursor.value), &cursor)) {
        *why = Tr::tr("its %1 is not a time").arg(m_caps.cursorField);
        return Reach::Unknown;
    }
    if (at < cursor - qint64(m_source.overlapSeconds) * 1000000) {
        *why = m_source.overlapSeconds > 0
            ? Tr::tr("its %1 %2 is before the cursor %3, less overlap_seconds").arg(m_caps.cursorField, value, m_cursor.value)
            : Tr::tr("its %1 %2 is before the cursor %3").arg(m_caps.cursorField, value, m_cursor.value);
        return Reach::DoesNotRead;
    }
    if (m_caps.tieBreakById && value == m_cursor.value && !m_cursor.lastId.isEmpty() && compareIds(id, m_cursor.lastId) <= 0) {
        *why = Tr::tr("its %1 is the cursor's own value and its id sorts at or before the cursor's id %2, so the next sync skips it as "
                      "applied")
                   .arg(m_caps.cursorField, m_cursor.lastId);
        return Reach::DoesNotRead;
    }
    *why = Tr::tr("its %1 %2 is not before the cursor %3").arg(m_caps.cursorField, value, m_cursor.value);
    return Reach::Reads;
}

QString Verifier::describe(const Absent &a) const
{
    const QString &entity = m_entity->name;
    const QString full = QStringLiteral("tributaryd sync --full --source %1").arg(m_source.name);
    const QString reconcile = QStringLiteral("tributaryd reconcile --source %1").arg(m_source.name);
    switch (a.why) {
    case Absent::Why::Pending:
        return Tr::tr("%1 %2: waits in tributary_pending for a record it references. The next sync (incremental or full) or "
                      "reconciliation fetches what it waits for at its end and applies it, or quarantines it naming a reference the "
                      "source does not have.")
            .arg(entity, a.id);
    case Absent::Why::InvalidNotHeld:
        return Tr::tr("%1 %2: invalid at the source (%3) and not in quarantine. No sync applies it until the source corrects it or "
                      "the mapping accepts it; the next sync that reads it holds it in quarantine with the reason (%4 reads it).")
            .arg(entity, a.id, a.detail, full);
    case Absent::Why::RowDeleted:
        return Tr::tr("%1 %2: linked to %3 id %4, which the main application deleted. No sync or reconciliation re-creates it "
                      "(Tributary never brings back a row the application deleted): once the source changes the record, a sync "
                      "opens a local-deleted conflict, and tributaryd conflicts resolve ID --restore brings the row back.")
            .arg(entity, a.id, m_entity->table, a.localId);
    case Absent::Why::NotLinked:
    case Absent::Why::DeletedHere:
        break;
    }
    const bool deleted = a.why == Absent::Why::DeletedHere;
    QStringList text;
    if (a.walked && !deleted)
        text.append(Tr::tr("%1 %2: not in the main database.").arg(entity, a.id));
    else if (a.walked)
        text.append(Tr::tr("%1 %2 (%3 id %4): deleted here by a reconciliation, but the source has it again.").arg(entity, a.id, m_entity->table, a.localId));
    else if (!deleted)
        text.append(Tr::tr("%1 %2: listed by the source's id scan, but not reached by the walk and not in the main database.").arg(entity, a.id));
    else
        text.append(Tr::tr("%1 %2 (%3 id %4): deleted here by a reconciliation, but the source's id scan lists it again (the walk does not "
                           "reach it).")
                        .arg(entity, a.id, m_entity->table, a.localId));

    QString why;
    switch (incrementalReach(a.id, a.value, &why)) {
    case Reach::Reads:
        text.append(deleted ? Tr::tr("The next sync restores it (%1).").arg(why) : Tr::tr("The next sync reads it (%1).").arg(why));
        break;
    case Reach::DoesNotRead:
        text.append(deleted ? Tr::tr("An incremental sync will not restore it (%1).").arg(why)
                            : Tr::tr("An incremental sync will not bring it back (%1).").arg(why));
        break;
    case Reach::Unknown:
        text.append(Tr::tr("Whether an incremental sync reads it cannot be told (%1).").arg(why));
        break;
    }
    if (a.walked)
        text.append(deleted ? Tr::tr("%1 restores it.").arg(full) : Tr::tr("%1 brings it.").arg(full));
    else
        text.append(Tr::tr("%1 will not: its walk does not reach the record either.").arg(full));
    // Reconciliation lists the entity with its id scan, or (without one) with a walk like this
    // one; it fetches by id what the listing names and the main database lacks (200 or fewer in
    // an entity; more are caught up by a full walk).
    const bool listingCompletes = m_caps.idScan ? m_scanComplete : m_walkComplete;
    if (!listingCompletes)
        text.append(Tr::tr("%1 will not until its listing of %2 completes (see the checks).").arg(reconcile, entity));
    else if (a.walked)
        text.append(Tr::tr("So does %1.").arg(reconcile));
    else
        text.append(Tr::tr("%1 fetches it by id from its id scan, as long as no more than 200 records of %2 are missing from the main "
                           "database.")
                        .arg(reconcile, entity));
    return text.join(QLatin1Char(' '));
}

void Verifier::failWith(const Error &walkError)
{
    Error error = walkError;
    if (m_entity && error.code != Error::Code::Aborted && !error.message.contains(m_entity->name))
        error.message = QStringLiteral("%1/%2: %3").arg(m_source.name, m_entity->name, error.message);
    done(error);
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
