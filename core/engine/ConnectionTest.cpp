#include "ConnectionTest.h"

#include "engine/SourceRegistry.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>

Q_LOGGING_CATEGORY(lcConnectionTest, "tributary.core.connectiontest", QtInfoMsg)

namespace Tributary {

ConnectionTest::ConnectionTest(const Config &config, const QString &sourceName, QObject *parent)
    : QObject(parent), m_config(config), m_sourceName(sourceName)
{
    init(config);
    if (m_error)
        return;
    m_nam = new QNetworkAccessManager(this);
    m_ownedImpl = SourceRegistry::create(m_source, m_nam);
    m_impl = m_ownedImpl.get();
    if (!m_impl)
        m_error = Error(Error::Code::Config, QStringLiteral("sources.%1.type: unknown source type \"%2\"; expected one of: %3")
                                                 .arg(m_sourceName, m_source.type, SourceRegistry::types().join(QStringLiteral(", "))));
}

ConnectionTest::ConnectionTest(const Config &config, const QString &sourceName, Source *source, QObject *parent)
    : QObject(parent), m_config(config), m_sourceName(sourceName), m_impl(source)
{
    init(config);
    if (!m_error && !m_impl)
        m_error = Error(Error::Code::Internal, QStringLiteral("no source to test"));
}

ConnectionTest::~ConnectionTest()
{
    // Jobs still in flight belong to the source; they must not call back into a test that is
    // going away.
    for (const QPointer<PageJob> &job : std::as_const(m_jobs)) {
        if (job) {
            disconnect(job, nullptr, this, nullptr);
            job->abort();
        }
    }
}

void ConnectionTest::init(const Config &config)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionTest::onTimeout);
    const SourceConfig *source = config.source(m_sourceName);
    if (!source) {
        m_error = Error(Error::Code::NotFound, QStringLiteral("the configuration has no source \"%1\"").arg(m_sourceName));
        return;
    }
    m_source = *source;
    QString cycle;
    const QList<const EntityConfig *> entities = m_source.orderedEntities(&cycle);
    if (!cycle.isEmpty()) {
        m_error = Error(Error::Code::Config, QStringLiteral("sources.%1.entities: %2").arg(m_sourceName, cycle));
        return;
    }
    for (const EntityConfig *e : entities) {
        ConnectionTestResult r;
        r.entity = e->name;
        r.table = e->table;
        r.externalIdField = e->externalId;
        for (const ColumnMapping &c : e->columns) {
            r.columns.append(c.column);
            r.fieldColumns[c.field].append(c.column);
        }
        for (const ReferenceMapping &ref : e->references) {
            r.referenceColumns.append(ref.column);
            r.fieldColumns[ref.field].append(ref.column);
        }
        m_results.append(r);
    }
}

const ConnectionTestResult *ConnectionTest::result(const QString &entity) const
{
    for (const ConnectionTestResult &r : m_results) {
        if (r.entity == entity)
            return &r;
    }
    return nullptr;
}

void ConnectionTest::start()
{
    if (m_started)
        return;
    m_started = true;
    if (m_error || m_results.isEmpty()) {
        // Never finish inside start(): the caller connects first, then starts.
        QTimer::singleShot(0, this, &ConnectionTest::checkDone);
        return;
    }
    qCInfo(lcConnectionTest).noquote() << "testing source" << m_sourceName << "with" << m_results.size() << "entities";
    m_jobs.resize(m_results.size());
    for (int i = 0; i < m_results.size(); ++i) {
        ConnectionTestResult &r = m_results[i];
        r.capabilities = m_impl->capabilities(r.entity);
        // A full walk's first page: what a first sync reads first, whatever the cursor says.
        PageRequest request;
        request.entity = r.entity;
        request.mode = PageRequest::Mode::Full;
        PageJob *job = m_impl->fetchPage(request);
        m_jobs[i] = job;
        connect(job, &SourceJob::finished, this, [this, i](SourceJob *done) { onPageFinished(i, done); });
        job->start();
    }
    if (m_timeoutMs > 0)
        m_timer.start(m_timeoutMs);
}

void ConnectionTest::abort()
{
    if (!m_started || m_done)
        return;
    for (int i = 0; i < m_jobs.size(); ++i) {
        if (m_jobs.at(i))
            m_jobs.at(i)->abort();
    }
}

void ConnectionTest::onTimeout()
{
    m_timedOut = true;
    for (int i = 0; i < m_jobs.size(); ++i) {
        if (m_jobs.at(i))
            m_jobs.at(i)->abort();
    }
}

QString ConnectionTest::prettyJson(const QJsonArray &records, int maxBytes, bool *truncated)
{
    QByteArray text = QJsonDocument(records).toJson(QJsonDocument::Indented);
    *truncated = false;
    if (maxBytes > 0 && text.size() > maxBytes) {
        const qsizetype total = text.size();
        // Cut at a line end: never inside a UTF-8 sequence, and the lines shown stay whole.
        qsizetype cut = text.lastIndexOf('\n', maxBytes - 1);
        if (cut <= 0)
            cut = 0;
        text.truncate(cut);
        text += QStringLiteral("\n... (%1 of %2 bytes shown)\n").arg(cut).arg(total).toUtf8();
        *truncated = true;
    }
    return QString::fromUtf8(text);
}

void ConnectionTest::onPageFinished(int index, SourceJob *done)
{
    ConnectionTestResult &r = m_results[index];
    m_jobs[index] = nullptr;
    r.finished = true;
    auto *job = static_cast<PageJob *>(done);
    const Page &page = job->page();
    r.url = page.url;
    r.retries = page.retries;
    if (job->hasError()) {
        r.error = job->error();
        if (m_timedOut && r.error.code == Error::Code::Aborted)
            r.error = Error(Error::Code::Network, QStringLiteral("source %1, entity %2: no answer within %3 s")
                                                      .arg(m_sourceName, r.entity, QString::number(m_timeoutMs / 1000.0)));
        qCInfo(lcConnectionTest).noquote() << "source" << m_sourceName << "entity" << r.entity << "failed:" << r.error.toString();
    } else {
        r.total = page.total;
        r.hasNextPage = !page.nextToken.isEmpty();
        r.recordCount = int(page.records.size());
        r.rawJson = prettyJson(page.records, m_maxRawBytes, &r.rawTruncated);
        const EntityConfig *entity = m_source.entity(r.entity);
        const RecordMapper mapper(*entity, m_config.database, r.capabilities.cursorField);
        const int n = m_maxRecords > 0 ? qMin(r.recordCount, m_maxRecords) : r.recordCount;
        for (int i = 0; i < n; ++i) {
            const QJsonObject record = page.records.at(i).toObject();
            MappedRecord mapped = mapper.map(record);
            if (!mapped.isValid())
                ++r.mappingErrors;
            r.rawRecords.append(record);
            r.records.append(std::move(mapped));
        }
        // A field no record carries (a wrong name) would be NULL in every row: the sync refuses
        // such a page, and so does the test, with the records still shown.
        if (const Error wrong = mapper.checkFieldsPresent(page.records, m_sourceName))
            r.error = wrong;
        qCInfo(lcConnectionTest).noquote() << "source" << m_sourceName << "entity" << r.entity << ":" << r.recordCount
                                           << "records," << r.mappingErrors << "not mappable, total" << r.total;
    }
    Q_EMIT entityFinished(index);
    checkDone();
}

void ConnectionTest::checkDone()
{
    if (m_done)
        return;
    for (const ConnectionTestResult &r : std::as_const(m_results)) {
        if (!r.finished && !m_error)
            return;
    }
    m_done = true;
    m_timer.stop();
    Q_EMIT finished();
}

} // namespace Tributary
