#pragma once

#include "config/Config.h"
#include "engine/apply/RecordMapper.h"
#include "engine/Source.h"
#include "util/Error.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <memory>

class QNetworkAccessManager;

namespace Tributary {

// What the first page of one entity looked like: where it came from, how the source pages, and
// every record as the mapper turns it into target columns (or why it cannot).
struct ConnectionTestResult
{
    QString entity;
    QString table;
    bool finished = false;
    Error error;                      // the page could not be fetched (network, auth, parse, config)
    QString url;                      // the URL that produced the page (redacted)
    EntityCapabilities capabilities;
    qint64 total = -1;                // records the whole walk would see, when the source says
    bool hasNextPage = false;         // the page carried a continuation
    int recordCount = 0;              // records on the page (all of them, mapped or not)
    int retries = 0;
    QString rawJson;                  // the page's records, pretty-printed, cut at maxRawBytes
    bool rawTruncated = false;
    QStringList columns;              // mapped columns, in configuration order
    QStringList referenceColumns;     // reference columns (values are the referenced external ids)
    QList<QJsonObject> rawRecords;    // the records that were mapped (at most maxRecords)
    QList<MappedRecord> records;      // the same records, mapped
    int mappingErrors = 0;
    QString externalIdField;          // the record field holding the external id
    QHash<QString, QStringList> fieldColumns; // source field -> columns and reference columns filled from it

    bool isOk() const { return finished && !error.isError(); }
    // Columns (or reference columns) filled from `field`: where a mapping error belongs.
    QStringList columnsForField(const QString &field) const { return fieldColumns.value(field); }
};

// Fetches the first page of each enabled entity of one source, as a full walk would start, and
// maps its records without writing anything anywhere: what the console's "Test connection"
// shows before a first sync. No database is opened; the source's own state is not read either.
//
//   auto *test = new ConnectionTest(config, "forum", this);
//   connect(test, &ConnectionTest::finished, ...);
//   test->start();
class ConnectionTest : public QObject
{
    Q_OBJECT
public:
    // Creates the source through SourceRegistry, over its own network access manager.
    ConnectionTest(const Config &config, const QString &sourceName, QObject *parent = nullptr);
    // Uses `source` (which must outlive the test) instead of creating one.
    ConnectionTest(const Config &config, const QString &sourceName, Source *source, QObject *parent = nullptr);
    ~ConnectionTest() override;

    // Limits, set before start(): the raw JSON kept per entity, the records mapped per entity,
    // and how long the whole test may take before the entities still waiting are aborted.
    void setMaxRawBytes(int bytes) { m_maxRawBytes = bytes; }
    void setMaxRecords(int records) { m_maxRecords = records; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    void start();
    // Stops every request still in flight; finished() is still emitted once.
    void abort();

    bool isRunning() const { return m_started && !m_done; }
    bool isFinished() const { return m_done; }
    // A problem that prevented the test as a whole (unknown source, no such source type).
    const Error &error() const { return m_error; }
    QString sourceName() const { return m_sourceName; }
    const QList<ConnectionTestResult> &results() const { return m_results; }
    const ConnectionTestResult *result(const QString &entity) const;

    // The records pretty-printed, cut at a line boundary when longer than maxBytes.
    static QString prettyJson(const QJsonArray &records, int maxBytes, bool *truncated);

Q_SIGNALS:
    void entityFinished(int index);
    void finished(); // exactly once, after every entity has finished or failed

private:
    void init(const Config &config);
    void onPageFinished(int index, Tributary::SourceJob *job);
    void onTimeout();
    void checkDone();

    Config m_config;
    QString m_sourceName;
    SourceConfig m_source;
    Source *m_impl = nullptr;
    std::unique_ptr<Source> m_ownedImpl;
    QNetworkAccessManager *m_nam = nullptr;
    QList<ConnectionTestResult> m_results;
    QList<QPointer<PageJob>> m_jobs;
    Error m_error;
    QTimer m_timer;
    int m_maxRawBytes = 256 * 1024;
    int m_maxRecords = 1000;
    int m_timeoutMs = 120000;
    bool m_started = false;
    bool m_done = false;
    bool m_timedOut = false;
};

} // namespace Tributary
