// LogOutput: the text and JSON lines of `tributaryd serve --log-format`, written from several
// threads at once into a real file, and the masking of resolved secrets, bearer tokens and
// secret query parameters.
#include "config/Config.h"
#include "util/LogOutput.h"
#include "util/Redaction.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUrl>

#include <array>
#include <cstdio>
#include <memory>
#include <vector>

using namespace Tributary;

Q_LOGGING_CATEGORY(lcTestAlpha, "tributary.test.alpha")
Q_LOGGING_CATEGORY(lcTestBeta, "tributary.test.beta")
Q_LOGGING_CATEGORY(lcTestQuiet, "tributary.test.quiet")
Q_LOGGING_CATEGORY(lcTestWorker, "tributary.test.worker")

namespace {

constexpr int kThreads = 4;
constexpr int kPerThread = 1000;

// Resolved through real SecretRefs in initTestCase(). The environment secret has characters a
// URL encodes, so its encoded form is masked too.
const char kEnvVar[] = "TRIBUTARY_TEST_LOG_SECRET";
const QString kEnvSecret = QStringLiteral("s3cr3t+Env/Value=91");
const char kShortVar[] = "TRIBUTARY_TEST_LOG_SHORT";
const QString kShortSecret = QStringLiteral("pw123"); // 5 characters: not registered
const QString kFileSecret = QStringLiteral("file-secret-Qx7Lm2");

struct Entry
{
    QDateTime time;
    QString level;
    QString category;
    QString message;
    qint64 pid = -1; // JSON only
};

const QStringList kLevels = {QStringLiteral("debug"), QStringLiteral("info"), QStringLiteral("warning"),
                             QStringLiteral("critical"), QStringLiteral("fatal")};

bool parseTime(const QString &text, QDateTime *time)
{
    static const QRegularExpression format(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$"));
    if (!format.match(text).hasMatch())
        return false;
    *time = QDateTime::fromString(text, Qt::ISODateWithMs);
    return time->isValid() && time->timeSpec() == Qt::UTC;
}

// Text: "TIME LEVEL(8) CATEGORY: MESSAGE", further lines of the message indented by four spaces.
bool parseText(const QByteArray &data, QList<Entry> *entries, QString *error)
{
    static const QRegularExpression line(QStringLiteral("^(\\S+) (.{8}) ([^\\s:]+): (.*)$"),
                                         QRegularExpression::DotMatchesEverythingOption);
    if (!data.endsWith('\n')) {
        *error = QStringLiteral("the file does not end with a newline");
        return false;
    }
    const QList<QByteArray> lines = data.left(data.size() - 1).split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QString text = QString::fromUtf8(lines.at(i));
        if (text.startsWith(QLatin1String("    ")) && !entries->isEmpty()) {
            entries->last().message += QLatin1Char('\n') + text.mid(4);
            continue;
        }
        const QRegularExpressionMatch m = line.match(text);
        Entry e;
        if (!m.hasMatch() || !parseTime(m.captured(1), &e.time) || !kLevels.contains(m.captured(2).trimmed())) {
            *error = QStringLiteral("line %1 does not parse: %2").arg(i + 1).arg(text);
            return false;
        }
        e.level = m.captured(2).trimmed();
        e.category = m.captured(3);
        e.message = m.captured(4);
        entries->append(e);
    }
    return true;
}

// JSON: one compact object per line with exactly time, level, category, message and pid.
bool parseJson(const QByteArray &data, QList<Entry> *entries, QString *error)
{
    if (!data.endsWith('\n')) {
        *error = QStringLiteral("the file does not end with a newline");
        return false;
    }
    const QList<QByteArray> lines = data.left(data.size() - 1).split('\n');
    const QStringList keys = {QStringLiteral("category"), QStringLiteral("level"), QStringLiteral("message"),
                              QStringLiteral("pid"), QStringLiteral("time")};
    for (int i = 0; i < lines.size(); ++i) {
        QJsonParseError pe;
        const QJsonDocument doc = QJsonDocument::fromJson(lines.at(i), &pe);
        const QJsonObject o = doc.object();
        Entry e;
        if (!doc.isObject() || o.keys() != keys || !o.value(QLatin1String("time")).isString()
            || !parseTime(o.value(QLatin1String("time")).toString(), &e.time)
            || !kLevels.contains(o.value(QLatin1String("level")).toString())
            || !o.value(QLatin1String("category")).isString() || !o.value(QLatin1String("message")).isString()
            || !o.value(QLatin1String("pid")).isDouble()) {
            *error = QStringLiteral("line %1 does not parse (%2): %3").arg(i + 1).arg(pe.errorString(), QString::fromUtf8(lines.at(i)));
            return false;
        }
        e.level = o.value(QLatin1String("level")).toString();
        e.category = o.value(QLatin1String("category")).toString();
        e.message = o.value(QLatin1String("message")).toString();
        e.pid = qint64(o.value(QLatin1String("pid")).toDouble());
        entries->append(e);
    }
    return true;
}

// Message `i` of worker `w`, as logged (redacted = false) and as it must appear in the file.
QString workerMessage(int w, int i, bool redacted)
{
    const QString head = QStringLiteral("worker %1 message %2: ").arg(w).arg(i);
    switch (i % 4) {
    case 0:
        return head + QStringLiteral("plain text");
    case 1:
        return head + QStringLiteral("using ") + (redacted ? QStringLiteral("***") : kEnvSecret) + QStringLiteral(" now");
    case 2:
        return head + QStringLiteral("GET https://forum.example/api/posts?page=%1&token=%2")
                          .arg(i)
                          .arg(redacted ? QStringLiteral("***") : QStringLiteral("tok%1abc").arg(i));
    default:
        return head + QStringLiteral("Authorization: Bearer %1 (refused)")
                          .arg(redacted ? QStringLiteral("***") : QStringLiteral("bearer.%1-%2xyz").arg(w).arg(i));
    }
}

const char *workerLevel(int i)
{
    return i % 4 == 3 ? "warning" : "info";
}

void logFromWorker(int w)
{
    for (int i = 0; i < kPerThread; ++i) {
        if (i % 4 == 3)
            qCWarning(lcTestWorker).noquote() << workerMessage(w, i, false);
        else
            qCInfo(lcTestWorker).noquote() << workerMessage(w, i, false);
    }
}

} // namespace

class tst_LogOutput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void parseFormat_data();
    void parseFormat();
    void redactPatterns_data();
    void redactPatterns();
    void resolvedSecretsAreMasked();
    void shortSecretsAreNotRegistered();
    void linesFromManyThreads_data();
    void linesFromManyThreads();
    void uninstallRestoresThePreviousHandler();

private:
    QTemporaryDir m_dir;
};

void tst_LogOutput::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // As QT_LOGGING_RULES would: the handler must only see what the categories let through.
    // (A system qtlogging.ini may turn debug off everywhere; these rules take precedence.)
    QLoggingCategory::setFilterRules(QStringLiteral("tributary.test.*.debug=true\ntributary.test.quiet.debug=false"));

    qputenv(kEnvVar, kEnvSecret.toUtf8());
    qputenv(kShortVar, kShortSecret.toUtf8());
    QString error;
    SecretRef env;
    env.env = QString::fromLatin1(kEnvVar);
    QCOMPARE(env.resolve(m_dir.path(), &error), kEnvSecret);
    SecretRef shortRef;
    shortRef.env = QString::fromLatin1(kShortVar);
    QCOMPARE(shortRef.resolve(m_dir.path(), &error), kShortSecret);

    QFile creds(m_dir.filePath(QStringLiteral("creds.json")));
    QVERIFY(creds.open(QIODevice::WriteOnly));
    creds.write(QJsonDocument(QJsonObject{{QStringLiteral("forum"), kFileSecret}}).toJson());
    creds.close();
    QVERIFY(creds.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    SecretRef file;
    file.file = QStringLiteral("creds.json");
    file.key = QStringLiteral("forum");
    QCOMPARE(file.resolve(m_dir.path(), &error), kFileSecret);
}

void tst_LogOutput::cleanup()
{
    LogOutput::uninstall();
}

void tst_LogOutput::parseFormat_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<bool>("json");
    QTest::newRow("text") << "text" << true << false;
    QTest::newRow("json") << "json" << true << true;
    QTest::newRow("upper case") << "JSON" << false << false;
    QTest::newRow("empty") << "" << false << false;
    QTest::newRow("other") << "logfmt" << false << false;
}

void tst_LogOutput::parseFormat()
{
    QFETCH(QString, name);
    QFETCH(bool, ok);
    QFETCH(bool, json);
    // Start from the other format, so that a parse that changes nothing is noticed.
    const LogOutput::Format expected = json ? LogOutput::Format::Json : LogOutput::Format::Text;
    const LogOutput::Format before = ok && !json ? LogOutput::Format::Json : LogOutput::Format::Text;
    LogOutput::Format format = before;
    QCOMPARE(LogOutput::parseFormat(name, &format), ok);
    QCOMPARE(format, ok ? expected : before);
}

void tst_LogOutput::redactPatterns_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("nothing") << "run 12 of forum: 40 records in 120 ms" << "run 12 of forum: 40 records in 120 ms";
    QTest::newRow("empty") << "" << "";
    QTest::newRow("authorization bearer")
        << "header Authorization: Bearer abc.DEF-ghi_9 (refused)" << "header Authorization: Bearer *** (refused)";
    QTest::newRow("authorization basic") << "authorization: basic dXNlcjpwYXNz" << "authorization: basic ***";
    QTest::newRow("authorization, unknown scheme") << "Authorization: opaque value 42\nnext line"
                                                   << "Authorization: ***\nnext line";
    QTest::newRow("authorization, qdebug pair")
        << "(\"Authorization\", \"Bearer xyz123\") (\"Accept\", \"*/*\")"
        << "(\"Authorization\", \"Bearer ***\") (\"Accept\", \"*/*\")";
    QTest::newRow("proxy-authorization json") << "{\"Proxy-Authorization\":\"Digest user=\\\"a\\\"\"}"
                                              << "{\"Proxy-Authorization\":\"***\"}";
    QTest::newRow("bearer alone") << "sent Bearer eyJhbGciOi.J9+x/y== then" << "sent Bearer *** then";
    QTest::newRow("bearer prose") << "check the bearer token (env FORUM_TOKEN)" << "check the bearer token (env FORUM_TOKEN)";
    QTest::newRow("token query") << "GET https://api.example/v1/items?page=2&token=abc123&limit=5"
                                 << "GET https://api.example/v1/items?page=2&token=***&limit=5";
    QTest::newRow("named query parameters")
        << "?access_token=a1&api_key=k2&key=k3&secret=s4&password=p5&signature=z6&name=bob"
        << "?access_token=***&api_key=***&key=***&secret=***&password=***&signature=***&name=bob";
    QTest::newRow("query names containing secret words")
        << "https://h/x?refresh_token=r&client_secret=c&X-Amz-Signature=s&page_token=p"
        << "https://h/x?refresh_token=***&client_secret=***&X-Amz-Signature=***&page_token=***";
    QTest::newRow("ordinary query") << "https://h/x?monkey=banana&keyboard=1&sort=desc" << "https://h/x?monkey=banana&keyboard=1&sort=desc";
    QTest::newRow("key= in prose") << "key=value is not a query" << "key=value is not a query";
    QTest::newRow("forum signature") << "X-Forum-Signature: sha256=0a1b2c3d4e rejected"
                                     << "X-Forum-Signature: *** rejected";
    QTest::newRow("forum signature json") << "{\"X-Forum-Signature\":\"sha256=abcd\",\"X-Forum-Timestamp\":\"17\"}"
                                          << "{\"X-Forum-Signature\":\"***\",\"X-Forum-Timestamp\":\"17\"}";
    QTest::newRow("api key header") << "X-Api-Key: k-123456 sent" << "X-Api-Key: *** sent";
    QTest::newRow("api key header without x-") << "Api-Key: k-123456 sent" << "Api-Key: *** sent";
    QTest::newRow("apikey json") << "{\"apikey\":\"k-123456\",\"page\":2}" << "{\"apikey\":\"***\",\"page\":2}";
    QTest::newRow("api key prose") << "check the API key sent as X-Api-Key (env KEY)" << "check the API key sent as X-Api-Key (env KEY)";
    QTest::newRow("user info") << "connecting to https://bob:hunter22@db.example/x" << "connecting to https://bob:***@db.example/x";
}

void tst_LogOutput::redactPatterns()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(Redaction::redact(text), expected);
}

void tst_LogOutput::resolvedSecretsAreMasked()
{
    QCOMPARE(Redaction::redact(QStringLiteral("env %1, twice %1.").arg(kEnvSecret)), QStringLiteral("env ***, twice ***."));
    QCOMPARE(Redaction::redact(QStringLiteral("file %1").arg(kFileSecret)), QStringLiteral("file ***"));
    // The form a URL carries it in.
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(kEnvSecret));
    QVERIFY(encoded != kEnvSecret);
    QCOMPARE(Redaction::redact(QStringLiteral("https://h/cb?state=%1&page=2").arg(encoded)),
             QStringLiteral("https://h/cb?state=***&page=2"));
    // The forms a JSON body carries it in: quotes and backslashes escaped, and "/" as PHP writes it.
    QString php = kEnvSecret;
    php.replace(QLatin1Char('/'), QLatin1String("\\/"));
    QVERIFY(php != kEnvSecret);
    QCOMPARE(Redaction::redact(QStringLiteral("{\"echo\":\"%1\"}").arg(php)), QStringLiteral("{\"echo\":\"***\"}"));
}

void tst_LogOutput::shortSecretsAreNotRegistered()
{
    // Resolved in initTestCase() like the others, but five characters: ordinary text keeps it.
    QCOMPARE(Redaction::redact(QStringLiteral("version pw123 of pw1234")), QStringLiteral("version pw123 of pw1234"));
    Redaction::addSecret(QStringLiteral("abcde"));
    QCOMPARE(Redaction::redact(QStringLiteral("abcde abcdef")), QStringLiteral("abcde abcdef"));
    Redaction::addSecret(QStringLiteral("abcdef"));
    QCOMPARE(Redaction::redact(QStringLiteral("abcde abcdef")), QStringLiteral("abcde ***"));
}

void tst_LogOutput::linesFromManyThreads_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("text") << "text";
    QTest::newRow("json") << "json";
}

void tst_LogOutput::linesFromManyThreads()
{
    QFETCH(QString, format);
    LogOutput::Format f = LogOutput::Format::Text;
    QVERIFY(LogOutput::parseFormat(format, &f));
    const QString path = m_dir.filePath(QStringLiteral("log-%1.txt").arg(format));
    FILE *stream = std::fopen(QFile::encodeName(path).constData(), "w");
    QVERIFY(stream);

    const QDateTime before = QDateTime::currentDateTimeUtc();
    LogOutput::install(f, stream);
    qCDebug(lcTestAlpha) << "alpha debug";
    qCInfo(lcTestAlpha) << "alpha info";
    qCWarning(lcTestBeta) << "beta warning";
    qCCritical(lcTestBeta) << "beta critical";
    qCDebug(lcTestQuiet) << "quiet debug";
    qCInfo(lcTestQuiet) << "quiet info";
    qCInfo(lcTestAlpha).noquote() << "first line\nsecond line\r\nthird line\n";
    qCInfo(lcTestBeta).noquote() << QStringLiteral("quote \" backslash \\ tab \t bell \x07 Grüße ✓");
    qCInfo(lcTestBeta).noquote() << "short secret" << kShortSecret << "stays";
    qCInfo(lcTestBeta).noquote() << "file secret" << kFileSecret;

    std::vector<std::unique_ptr<QThread>> threads;
    for (int w = 0; w < kThreads; ++w)
        threads.emplace_back(QThread::create(logFromWorker, w));
    for (const auto &t : threads)
        t->start();
    for (const auto &t : threads)
        QVERIFY(t->wait(120000));
    const QDateTime after = QDateTime::currentDateTimeUtc();
    LogOutput::uninstall();
    std::fclose(stream);

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray data = file.readAll();
    QList<Entry> entries;
    QString error;
    QVERIFY2(f == LogOutput::Format::Json ? parseJson(data, &entries, &error) : parseText(data, &entries, &error),
             qPrintable(error));

    // Nothing secret reached the file, and the masks did.
    QVERIFY(!data.contains(kEnvSecret.toUtf8()));
    QVERIFY(!data.contains(kFileSecret.toUtf8()));
    QVERIFY(!data.contains("tok2abc"));
    QVERIFY(!data.contains("bearer.0-3xyz"));
    QVERIFY(data.contains("***"));

    // The main thread's lines, in order, before any worker's.
    const QString multiLine = f == LogOutput::Format::Json ? QStringLiteral("first line\nsecond line\r\nthird line\n")
                                                           : QStringLiteral("first line\nsecond line\nthird line");
    const QList<std::array<QString, 3>> expectedFirst = {
        {QStringLiteral("debug"), QStringLiteral("tributary.test.alpha"), QStringLiteral("alpha debug")},
        {QStringLiteral("info"), QStringLiteral("tributary.test.alpha"), QStringLiteral("alpha info")},
        {QStringLiteral("warning"), QStringLiteral("tributary.test.beta"), QStringLiteral("beta warning")},
        {QStringLiteral("critical"), QStringLiteral("tributary.test.beta"), QStringLiteral("beta critical")},
        {QStringLiteral("info"), QStringLiteral("tributary.test.quiet"), QStringLiteral("quiet info")},
        {QStringLiteral("info"), QStringLiteral("tributary.test.alpha"), multiLine},
        {QStringLiteral("info"), QStringLiteral("tributary.test.beta"), QStringLiteral("quote \" backslash \\ tab \t bell \x07 Grüße ✓")},
        {QStringLiteral("info"), QStringLiteral("tributary.test.beta"), QStringLiteral("short secret pw123 stays")},
        {QStringLiteral("info"), QStringLiteral("tributary.test.beta"), QStringLiteral("file secret ***")},
    };
    QCOMPARE(entries.size(), expectedFirst.size() + kThreads * kPerThread);
    for (int i = 0; i < expectedFirst.size(); ++i) {
        QCOMPARE(entries.at(i).level, expectedFirst.at(i)[0]);
        QCOMPARE(entries.at(i).category, expectedFirst.at(i)[1]);
        QCOMPARE(entries.at(i).message, expectedFirst.at(i)[2]);
    }

    // Every worker line whole, once, and in its thread's order: no line was cut, lost or mixed.
    QHash<int, int> next;
    static const QRegularExpression workerHead(QStringLiteral("^worker (\\d+) message (\\d+): "));
    for (qsizetype i = expectedFirst.size(); i < entries.size(); ++i) {
        const Entry &e = entries.at(i);
        QCOMPARE(e.category, QStringLiteral("tributary.test.worker"));
        const QRegularExpressionMatch m = workerHead.match(e.message);
        QVERIFY2(m.hasMatch(), qPrintable(e.message));
        const int w = m.captured(1).toInt();
        const int n = next.value(w);
        QCOMPARE(e.message, workerMessage(w, n, true));
        QCOMPARE(e.level, QString::fromLatin1(workerLevel(n)));
        next[w] = n + 1;
    }
    QCOMPARE(next.size(), kThreads);
    for (auto it = next.cbegin(); it != next.cend(); ++it)
        QCOMPARE(it.value(), kPerThread);

    // Times are UTC with milliseconds, taken when the message was written.
    const QDateTime from = before.addMSecs(-1);
    for (const Entry &e : std::as_const(entries)) {
        QVERIFY2(e.time >= from && e.time <= after, qPrintable(e.time.toString(Qt::ISODateWithMs)));
        if (f == LogOutput::Format::Json)
            QCOMPARE(e.pid, QCoreApplication::applicationPid());
    }
    if (f == LogOutput::Format::Text) {
        // The level is padded so that categories line up: "…Z info     tributary.test.alpha: …".
        QVERIFY(data.contains(" info     tributary.test.alpha: alpha info\n"));
        QVERIFY(data.contains(" critical tributary.test.beta: beta critical\n"));
        QVERIFY(data.contains("first line\n    second line\n    third line\n"));
    } else {
        QVERIFY(data.contains("\"message\":\"first line\\nsecond line\\r\\nthird line\\n\""));
    }
}

void tst_LogOutput::uninstallRestoresThePreviousHandler()
{
    const QString path = m_dir.filePath(QStringLiteral("uninstall.txt"));
    FILE *stream = std::fopen(QFile::encodeName(path).constData(), "w");
    QVERIFY(stream);
    const QtMessageHandler testHandler = qInstallMessageHandler(nullptr);
    qInstallMessageHandler(testHandler);

    LogOutput::install(LogOutput::Format::Text, stream);
    LogOutput::install(LogOutput::Format::Json, stream); // again: only the format changes
    qCInfo(lcTestAlpha) << "while installed";
    LogOutput::uninstall();
    qCInfo(lcTestAlpha) << "after uninstall";
    const QtMessageHandler restored = qInstallMessageHandler(testHandler);
    std::fclose(stream);

    QVERIFY(restored == testHandler);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 2); // one line, then the empty rest after its newline
    QVERIFY(lines.at(0).startsWith("{\"time\":"));
    QVERIFY(lines.at(0).contains("while installed"));
    QVERIFY(lines.at(1).isEmpty());
}

QTEST_GUILESS_MAIN(tst_LogOutput)
#include "tst_logoutput.moc"
