#include "ConnectionTest.h"

#include "util/Tr.h"

#include <QJsonDocument>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcConnectionTest, "tributary.core.connectiontest", QtInfoMsg)

namespace Tributary {

ConnectionTest::ConnectionTest(const Config &config, const QString &sourceName, QObject *parent)
    : QObject(parent), m_config(config), m_sourceName(sourceName), m_probe(new ApiProbe(config, sourceName, this))
{
    connect(m_probe, &ApiProbe::requestStarted, this, &ConnectionTest::requestStarted);
    connect(m_probe, &ApiProbe::entityFinished, this, &ConnectionTest::onEntityReported);
    connect(m_probe, &ApiProbe::finished, this, &ConnectionTest::onProbeFinished);
    const SourceConfig *source = m_config.source(sourceName);
    for (const QString &name : m_probe->entities()) {
        const EntityConfig *e = source ? source->entity(name) : nullptr;
        if (!e)
            continue;
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

// The probe is a child: it goes with the test, and its destructor stops the request in flight.
ConnectionTest::~ConnectionTest() = default;

void ConnectionTest::setTimeoutMs(int ms) { m_probe->setTimeoutMs(ms); }
int ConnectionTest::timeoutMs() const { return m_probe->timeoutMs(); }
bool ConnectionTest::isRunning() const { return m_probe->isRunning(); }
bool ConnectionTest::isFinished() const { return m_probe->isFinished(); }
const Error &ConnectionTest::error() const { return m_probe->error(); }
bool ConnectionTest::hasFailure() const { return m_probe->hasFailure(); }
ApiProbe::Activity ConnectionTest::activity() const { return m_probe->activity(); }

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
    qCInfo(lcConnectionTest).noquote() << "testing source" << m_sourceName << "with" << m_results.size() << "entities";
    m_probe->start();
}

void ConnectionTest::abort()
{
    m_probe->abort();
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

void ConnectionTest::onEntityReported(int reportIndex)
{
    const ProbeEntityReport &report = m_probe->reports().at(reportIndex);
    int index = -1;
    for (int i = 0; i < m_results.size() && index < 0; ++i) {
        if (m_results.at(i).entity == report.entity)
            index = i;
    }
    if (index < 0)
        return;
    ConnectionTestResult &r = m_results[index];
    r.finished = true;
    r.tested = true;
    r.report = report;
    r.error = report.requestError;
    const SourceConfig *source = m_config.source(m_sourceName);
    const EntityConfig *entity = source ? source->entity(r.entity) : nullptr;
    for (const AbsentField &a : report.absentFields) {
        const qsizetype dot = a.key.indexOf(QLatin1Char('.'));
        if (dot > 0)
            r.absentColumns.append(a.key.mid(dot + 1));
    }
    if (!r.error && entity) {
        const QJsonArray &page = report.firstPage.records;
        r.rawJson = prettyJson(page, m_maxRawBytes, &r.rawTruncated);
        const RecordMapper mapper(*entity, m_config.database, report.capabilities.cursorField);
        const qsizetype n = m_maxRecords > 0 ? qMin<qsizetype>(page.size(), m_maxRecords) : page.size();
        for (qsizetype i = 0; i < n; ++i) {
            const QJsonObject record = page.at(i).toObject();
            MappedRecord mapped = mapper.map(record);
            if (!mapped.isValid())
                ++r.mappingErrors;
            r.rawRecords.append(record);
            r.records.append(std::move(mapped));
        }
    }
    qCInfo(lcConnectionTest).noquote() << "source" << m_sourceName << "entity" << r.entity << ":"
                                       << (r.error ? r.error.toString() : QStringLiteral("%1 records on the first page, %2 not mappable")
                                                                              .arg(report.firstPage.records.size())
                                                                              .arg(r.mappingErrors));
    Q_EMIT entityFinished(index);
}

void ConnectionTest::onProbeFinished()
{
    // Entities the probe did not reach (a stop, the time limit): say so instead of waiting.
    const Error &why = m_probe->error();
    for (ConnectionTestResult &r : m_results) {
        if (r.finished)
            continue;
        r.finished = true;
        r.error = Error(why ? why.code : Error::Code::Aborted,
                        //: An entity the connection test did not reach; %1 says why (stopped, time limit).
                        Tr::tr("not tested: %1").arg(why ? why.message : Tr::tr("the test ended before this entity")));
    }
    Q_EMIT finished();
}

} // namespace Tributary
