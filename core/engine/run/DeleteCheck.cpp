#include "DeleteCheck.h"

#include "config/Config.h"
#include "engine/apply/Applier.h"
#include "util/Logging.h"

namespace Tributary {

DeleteCheck::DeleteCheck(Source *impl, Applier &applier, const SourceConfig &source, QList<const EntityConfig *> entities, QObject *parent)
    : RunJob(parent), m_impl(impl), m_applier(applier), m_source(source), m_todo(std::move(entities))
{
}

DeleteCheck::~DeleteCheck()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->abort();
    }
}

void DeleteCheck::start()
{
    next();
}

void DeleteCheck::stop()
{
    if (m_stopping || isDone())
        return;
    m_stopping = true;
    if (m_job)
        m_job->abort();
    else
        next();
}

void DeleteCheck::next()
{
    if (isDone())
        return;
    if (m_todo.isEmpty() || m_stopping) {
        done(m_stopping ? Error(Error::Code::Aborted, QStringLiteral("stopped")) : Error());
        return;
    }
    const EntityConfig *entity = m_todo.takeFirst();
    PageRequest request;
    request.entity = entity->name;
    request.mode = PageRequest::Mode::Full;
    request.countOnly = true;
    PageJob *job = m_impl->fetchPage(request);
    m_job = job;
    connect(job, &SourceJob::finished, this, [this, entity](SourceJob *answer) {
        m_job = nullptr;
        const qint64 total = answer->hasError() ? -1 : static_cast<PageJob *>(answer)->page().total;
        if (answer->hasError() && answer->error().code != Error::Code::Aborted) {
            // Only a check: the run itself succeeded. The next run asks again.
            qCWarning(lcEngine).noquote() << QStringLiteral("%1/%2: cannot count the records at the source: %3")
                                                 .arg(m_source.name, entity->name, answer->error().toString());
        }
        if (total >= 0) {
            LinkStore::ScanCounts links;
            Error error;
            if (!m_applier.countForScan(*entity, 0, &links, &error)) {
                done(error);
                return;
            }
            if (links.active > total) {
                m_missed.append(QStringLiteral("%1: %2 linked, the source lists %3").arg(entity->name, QString::number(links.active), QString::number(total)));
                qCInfo(lcEngine).noquote() << QStringLiteral("%1/%2: %3 records linked but the source lists %4: deletes were missed")
                                                  .arg(m_source.name, entity->name, QString::number(links.active), QString::number(total));
            }
        }
        next();
    });
    job->start();
}

} // namespace Tributary
