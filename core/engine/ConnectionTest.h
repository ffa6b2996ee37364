#pragma once

#include "config/Config.h"
#include "engine/ApiProbe.h"
#include "engine/apply/RecordMapper.h"
#include "util/Error.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>

namespace Tributary {

// What the console's Test connection shows for one entity: ApiProbe's verdicts, exactly what
// `tributaryd probe` prints, and the first page a sync would read, mapped as the sync would write
// it (or why a record cannot be).
struct ConnectionTestResult
{
    QString entity;
    QString table;
    bool finished = false;            // the probe is done with the entity, or the test ended before it
    bool tested = false;              // `report` holds the probe's verdicts
    ProbeEntityReport report;         // capabilities, the first page, the checks
    Error error;                      // the first page could not be read, or the test ended before the entity
    QString rawJson;                  // the first page's records, pretty-printed, cut at maxRawBytes
    bool rawTruncated = false;
    QStringList columns;              // mapped columns, in configuration order
    QStringList referenceColumns;     // reference columns (values are the referenced external ids)
    QList<QJsonObject> rawRecords;    // the records that were mapped (at most maxRecords)
    QList<MappedRecord> records;      // the same records, mapped
    int mappingErrors = 0;
    QString externalIdField;          // the record field holding the external id
    QHash<QString, QStringList> fieldColumns; // source field -> columns and reference columns filled from it
    // Columns and reference columns whose field no record the probe read carries: the "fields"
    // check fails on them, and their NULLs are not values.
    QStringList absentColumns;

    bool isOk() const { return finished && !error.isError(); }
    // A check failed, or the entity could not be tested.
    bool hasFailure() const { return finished && (error.isError() || report.hasFailure()); }
    // Columns (or reference columns) filled from `field`: where a mapping error belongs.
    QStringList columnsForField(const QString &field) const { return fieldColumns.value(field); }
};

// The console's "Test connection" for one source: runs ApiProbe (the checks of `tributaryd
// probe`, through the same code) and maps the first page of each entity without writing anything
// anywhere, so that a person sees the verdicts next to the rows a first sync would write. No
// database is opened; the source's own state is not read either.
//
//   auto *test = new ConnectionTest(config, "forum", this);
//   connect(test, &ConnectionTest::finished, ...);
//   test->start();
class ConnectionTest : public QObject
{
    Q_OBJECT
public:
    // Creates the source through SourceRegistry (ApiProbe's), over its own network access manager.
    ConnectionTest(const Config &config, const QString &sourceName, QObject *parent = nullptr);
    ~ConnectionTest() override;

    // Limits, set before start(): the raw JSON kept per entity, the records mapped per entity,
    // and how long the whole test may take.
    void setMaxRawBytes(int bytes) { m_maxRawBytes = bytes; }
    void setMaxRecords(int records) { m_maxRecords = records; }
    void setTimeoutMs(int ms);
    int timeoutMs() const;

    void start();
    // Stops the request in flight; finished() is still emitted once. Entities not tested yet say so.
    void abort();

    bool isRunning() const;
    bool isFinished() const;
    // A problem that ended the test as a whole (unknown source, no such source type, the time
    // limit, a stop): ApiProbe's.
    const Error &error() const;
    // Any check failed, or the test could not finish: what the overall verdict says.
    bool hasFailure() const;
    QString sourceName() const { return m_sourceName; }
    const QList<ConnectionTestResult> &results() const { return m_results; }
    const ConnectionTestResult *result(const QString &entity) const;
    // What the test waits for now (entity, request, URL, how long).
    ApiProbe::Activity activity() const;
    const ApiProbe *probe() const { return m_probe; }

    // The records pretty-printed, cut at a line boundary when longer than maxBytes.
    static QString prettyJson(const QJsonArray &records, int maxBytes, bool *truncated);

Q_SIGNALS:
    void requestStarted(); // activity() changed
    void entityFinished(int index);
    void finished(); // exactly once, after every entity has been tested or the test ended

private:
    void onEntityReported(int reportIndex);
    void onProbeFinished();

    Config m_config;
    QString m_sourceName;
    ApiProbe *m_probe = nullptr;
    QList<ConnectionTestResult> m_results;
    int m_maxRawBytes = 256 * 1024;
    int m_maxRecords = 1000;
};

} // namespace Tributary
