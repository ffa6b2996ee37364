#include "IdScan.h"

#include "config/Config.h"
#include "engine/apply/Applier.h"
#include "engine/run/PageWalker.h"
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

void IdScan::start()
{
    Position p;
    Error error;
    if (!m_applier.cursors().load(m_source.name, m_entity.name, CursorKind::Reconcile, &p, &error)) {
        done(error);
        return;
    }
    if (p.value.toLongLong() == m_scan && p.lastId == scannedMark()) {
        m_skipped = true; // scanned already in this scan, before an interruption
        done(Error());
        return;
    }
    PageRequest r;
    r.entity = m_entity.name;
    r.mode = PageRequest::Mode::Ids;
    r.token = p.value.toLongLong() == m_scan ? p.token : QString();
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
}

void IdScan::onPage(const Page &page)
{
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
    if (!m_applier.stampSeen(m_entity, ids, m_scan, {QString::number(m_scan), QString(), page.nextToken}, &unlinked, &error)) {
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
    Error error = walkError;
    if (!error)
        m_applier.cursors().save(m_source.name, m_entity.name, CursorKind::Reconcile, {QString::number(m_scan), scannedMark(), QString()},
                                 m_applier.runId(), &error);
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
