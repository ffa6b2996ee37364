#include "IdScan.h"

#include "config/Config.h"
#include "engine/apply/Applier.h"
#include "engine/run/PageWalker.h"
#include "util/Logging.h"
#include "util/Tr.h"
#include "util/Values.h"

namespace Tributary {

const QString &IdScan::scannedMark()
{
    static const QString mark = QStringLiteral("scanned");
    return mark;
}

const QString &IdScan::sweptMark()
{
    static const QString mark = QStringLiteral("swept");
    return mark;
}

IdScan::IdScan(Source *impl, Applier &applier, const SourceConfig &source, const EntityConfig &entity, qint64 scan, QObject *parent)
    : RunJob(parent), m_impl(impl), m_applier(applier), m_source(source), m_entity(entity), m_scan(scan)
{
}

IdScan::~IdScan()
{
    if (m_countJob) {
        m_countJob->disconnect(this);
        m_countJob->abort();
    }
}

void IdScan::start()
{
    Position p;
    Error error;
    if (!m_applier.cursors().load(m_source.name, m_entity.name, CursorKind::Reconcile, &p, &error)) {
        done(error);
        return;
    }
    const bool sameScan = p.value.toLongLong() == m_scan;
    // The ids an earlier run's pages listed without a link were in that run's memory only: an
    // entity where it found some is read again from its start, or they would never be fetched.
    const bool again = sameScan && p.unlinked > 0;
    if (sameScan && p.lastId == scannedMark() && !again) {
        m_skipped = true; // scanned already in this scan, before an interruption
        done(Error());
        return;
    }
    if (again)
        qCInfo(lcEngine).noquote() << QStringLiteral("%1/%2: the interrupted scan had listed %3 records never linked; scanning the entity again")
                                          .arg(m_source.name, m_entity.name)
                                          .arg(p.unlinked);
    PageRequest r;
    r.entity = m_entity.name;
    r.mode = PageRequest::Mode::Ids;
    r.token = sameScan && !again && p.lastId != scannedMark() ? p.token : QString();
    m_guard.emplace(m_entity.name, m_entity.externalId, m_impl->capabilities(m_entity.name));
    m_guard->begin(r.mode, QString(), r.token, r.token.isEmpty() ? 0 : (p.walked > 0 ? p.walked : -1));
    m_walker = new PageWalker(m_impl, r, this);
    connect(m_walker, &PageWalker::pageReady, this, &IdScan::onPage);
    connect(m_walker, &PageWalker::finished, this, &IdScan::onFinished);
    m_walker->start();
}

void IdScan::stop()
{
    if (m_stopping || isDone())
        return;
    m_stopping = true;
    if (m_walker)
        m_walker->stop();
    if (m_countJob)
        m_countJob->abort();
}

void IdScan::onPage(const Page &page)
{
    if (Error violation = m_guard->check(page)) {
        m_walker->stop(violation);
        return;
    }
    EntityCounts &counts = m_applier.counts()[m_entity.name];
    counts.fetched += page.records.size();
    counts.retries += page.retries;
    if (page.total >= 0 && counts.total < 0)
        counts.total = page.total;
    QStringList ids;
    for (const QJsonValue &v : page.records) {
        const QString id = fieldText(v.toObject(), m_entity.externalId);
        if (!id.isEmpty())
            ids.append(id);
    }
    QStringList unlinked;
    Error error;
    Position at(QString::number(m_scan), QString(), page.nextToken, page.nextToken.isEmpty() ? 0 : qMax<qint64>(0, m_guard->walked()));
    at.unlinked = m_unlinked.size(); // stampSeen adds this page's
    if (!m_applier.stampSeen(m_entity, ids, m_scan, at, &unlinked, &error)) {
        m_walker->stop(error);
        return;
    }
    m_unlinked += unlinked;
    Q_EMIT progress(m_entity.name, counts);
    if (m_stopping)
        m_walker->stop();
}

void IdScan::onFinished(const Error &walkError)
{
    m_walker->deleteLater();
    m_walker = nullptr;
    // A scan the source ended must have listed what the source counts: deletes are decided
    // from what it did not list.
    if (!walkError && !m_stopping && m_guard->isShortOfTotal()) {
        PageJob *job = m_impl->fetchPage(m_guard->recountRequest());
        m_countJob = job;
        connect(job, &SourceJob::finished, this, &IdScan::onRecount);
        job->start();
        return;
    }
    finishScan(walkError);
}

void IdScan::onRecount(SourceJob *job)
{
    m_countJob = nullptr;
    if (job->error().code == Error::Code::Aborted) {
        finishScan(job->error());
        return;
    }
    finishScan(m_guard->checkEnd(job->hasError() ? -1 : static_cast<PageJob *>(job)->page().total));
}

void IdScan::finishScan(Error error)
{
    if (!error) {
        Position scanned(QString::number(m_scan), scannedMark(), QString());
        scanned.unlinked = m_unlinked.size();
        m_applier.cursors().save(m_source.name, m_entity.name, CursorKind::Reconcile, scanned, m_applier.runId(), &error);
    }
    if (error) {
        if (error.code == Error::Code::Aborted) {
            error.message = Tr::tr("stopped during the scan of %1: nothing was deleted").arg(m_entity.name);
        } else {
            const QString context = Tr::tr("source %1, entity %2").arg(m_source.name, m_entity.name);
            if (!error.message.startsWith(context))
                error.message = context + QStringLiteral(": ") + error.message;
            error.message += Tr::tr(" (the scan is incomplete: nothing was deleted; the next reconcile resumes it)");
        }
    }
    done(error);
}

} // namespace Tributary
