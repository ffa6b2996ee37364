// tributaryd bench --latency: how soon an edit made at the forum is visible in the main database.
// Everything is real: forum-sim serves a generated forum and sends signed webhooks, a child
// `tributaryd serve` receives them and runs its schedule, edits go through the forum's HTTP API
// and the main database is watched through a read-only SQLite connection, as any other reader
// of the application's tables would watch it.
//
// Phase 1 delivers every webhook and schedules polling too rarely to matter (30 s): what it
// measures is the webhook path (coalescing window, fetch by id, apply). Phase 2 drops every
// webhook, so only the scheduled incremental sync delivers: the latency is then spread over the
// interval (median about half of it) and bounded by the interval plus one run.

#include "LatencyBench.h"

#include "ChildProcesses.h"
#include "CliCommon.h"
#include "ExitCode.h"
#include "InitCommand.h"
#include "Progress.h"
#include "TextTable.h"
#include "Tr.h"
#include "state/LinkStore.h"
#include "state/Migrations.h"
#include "state/RunLog.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTcpServer>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <optional>

namespace Tributary::Cli {

namespace {

// One edit at the forum every 200 ms on average. The gaps vary (100 to 300 ms, seeded): at a
// fixed pace the edits would fall at the same points of the service's coalescing window every
// time, and the figures would describe that phase lock rather than edits arriving at any time.
constexpr int kEditSpacingMs = 200;
constexpr int kEditSpacingSpreadMs = 100;
constexpr int kPollMs = 5;          // how often the main database is looked at
constexpr int kMaxEdits = 1000;     // every edit touches another record (see Edit)
constexpr int kWebhookPhaseIntervalSeconds = 30;
constexpr qint64 kReadyTimeoutMs = 300000;
constexpr int kStopTimeoutMs = 30000;
const char kTokenEnv[] = "TRIBUTARY_BENCH_TOKEN";
const char kSecretEnv[] = "TRIBUTARY_BENCH_WEBHOOK_SECRET";

// Small enough for an initial sync of about a second; the edits need only records to edit.
const ForumSize kForum{250, 20, 500, 5000};

QString sourceName() { return QStringLiteral("forum"); }

// A port free at the time of asking. forum-sim must know the service's webhook URL before the
// service starts (it syncs from the forum at once), so the port is chosen here.
quint16 freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

// A read-only connection to the main database. WAL lets it read while the service writes; each
// statement is finished after use so that no read transaction pins an old snapshot. Tributary's
// own tables are read through the state layer; the application's through plain statements.
class MainDbReader
{
public:
    explicit MainDbReader(const QString &path)
    {
        Error ignored; // a reader that cannot open answers nothing, as before the first start
        m_db = Database::openSqliteReader(path, &ignored);
    }
    ~MainDbReader() { m_statements.clear(); }
    MainDbReader(const MainDbReader &) = delete;
    MainDbReader &operator=(const MainDbReader &) = delete;

    // The first row of a query on the application's tables, or an empty list when there is none
    // or the statement fails.
    QVariantList row(const QString &sql, const QVariantList &binds = {})
    {
        QVariantList values;
        QSqlQuery *q = statement(sql);
        if (!q)
            return values;
        for (int i = 0; i < binds.size(); ++i)
            q->bindValue(i, binds.at(i));
        if (q->exec() && q->next()) {
            for (int i = 0; i < q->record().count(); ++i)
                values.append(q->value(i));
        }
        q->finish();
        return values;
    }
    QVariant value(const QString &sql, const QVariantList &binds = {}) { return row(sql, binds).value(0); }

    // The newest run of any source; 0 before the service's first start (no state tables yet).
    qint64 latestRunId()
    {
        int version = 0;
        Error error;
        if (!m_db || !Migrations::version(*m_db, &version, &error) || version == 0)
            return 0;
        return RunLog(*m_db).latestId().valueOr(0);
    }
    // The first incremental run after `afterId` that finished, if any.
    std::optional<RunRecord> firstFinishedSync(qint64 afterId)
    {
        if (!m_db)
            return std::nullopt;
        RunFilter f;
        f.sources = {sourceName()};
        f.kinds = {RunKind::Incremental};
        f.finishedOnly = true;
        f.afterId = afterId;
        f.oldestFirst = true;
        f.limit = 1;
        const Result<QList<RunRecord>> runs = RunLog(*m_db).list(f);
        if (!runs || runs->isEmpty())
            return std::nullopt;
        return runs->first();
    }
    QString localId(const QString &entity, const QString &externalId)
    {
        if (!m_db)
            return QString();
        Error error;
        return LinkStore(*m_db, sourceName()).find(entity, externalId, &error).localId;
    }
    // Runs started after run `afterId`, by kind.
    QMap<QString, qint64> runsByKind(qint64 afterId)
    {
        QMap<QString, qint64> kinds;
        if (!m_db)
            return kinds;
        const QHash<QString, qint64> counts = RunLog(*m_db).countByKind(sourceName(), afterId).valueOr({});
        for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
            kinds.insert(it.key(), it.value());
        return kinds;
    }

private:
    // Prepared once, as the database is polled every few milliseconds; prepared again while
    // preparing fails (a table the service has not created yet).
    QSqlQuery *statement(const QString &sql)
    {
        if (!m_db)
            return nullptr;
        auto it = m_statements.find(sql);
        if (it == m_statements.end()) {
            auto q = std::make_unique<QSqlQuery>(m_db->db());
            q->setForwardOnly(true);
            if (!q->prepare(sql))
                return nullptr;
            it = m_statements.emplace(sql, std::move(q)).first;
        }
        return it->second.get();
    }

    std::unique_ptr<Database> m_db;
    std::map<QString, std::unique_ptr<QSqlQuery>> m_statements; // QSqlQuery cannot be copied
};

// `tributaryd serve` in a child process; its output goes to a log file beside the databases.
class ServiceProcess
{
public:
    ~ServiceProcess() { stop(); }

    void start(const QStringList &args, const QProcessEnvironment &env, const QString &logPath)
    {
        m_logPath = logPath;
        m_process.setProcessEnvironment(env);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.setStandardOutputFile(logPath);
        m_process.start(QCoreApplication::applicationFilePath(), args);
    }
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

    // SIGTERM, then waits. Empty when the service stopped with status 0, or had already ended
    // (whoever saw that said so); otherwise what went wrong.
    QString stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return QString();
        m_process.terminate();
        if (!m_process.waitForFinished(kStopTimeoutMs)) {
            m_process.kill();
            m_process.waitForFinished(5000);
            return Tr::tr("tributaryd serve did not stop within %1 of SIGTERM and was killed").arg(Progress::duration(kStopTimeoutMs));
        }
        return m_process.exitStatus() == QProcess::NormalExit && m_process.exitCode() == 0 ? QString() : howItEnded();
    }

    // How the process ended, for people, with the end of its log.
    QString howItEnded() const
    {
        if (m_process.error() == QProcess::FailedToStart)
            return Tr::tr("cannot start %1: %2").arg(QCoreApplication::applicationFilePath(), m_process.errorString());
        QFile log(m_logPath);
        QString tail;
        if (log.open(QIODevice::ReadOnly))
            tail = QString::fromUtf8(log.readAll().right(2000)).trimmed();
        const QString how = m_process.exitStatus() == QProcess::CrashExit ? Tr::tr("tributaryd serve crashed")
                                                                          : Tr::tr("tributaryd serve exited with status %1").arg(m_process.exitCode());
        return tail.isEmpty() ? how : how + QStringLiteral(":\n") + tail;
    }

private:
    QProcess m_process;
    QString m_logPath;
};

struct Bench
{
    QDir dir;
    QString externalDb;
    QString mainDb;
    QString configPath;
    QString token;
    QString secret;
    int edits = 50;
};

struct PhaseSpec
{
    int number = 1;
    int intervalSeconds = 30;
    bool dropWebhooks = false;
};

// One edit at the forum: a topic's title or a message's content set to a unique marker. Edits
// alternate between topics and messages and never touch one record twice, so each marker stays
// until it is seen.
struct Edit
{
    int number = 0; // 1-based, in the order made
    QString entity; // the source's entity, also the main database's table (the forum preset)
    QString column;
    qint64 externalId = 0;
    QVariant localId;
    QString marker;
    qint64 acknowledgedAt = -1; // ms on the phase's clock
};

struct PhaseResult
{
    int edits = 0;
    QList<qint64> latencies; // ms, of the edits that became visible
    QStringList failures;    // edits that did not, with why
    QStringList problems;    // the services: did not start, sync failed, did not stop cleanly
    QMap<QString, qint64> runs;
    qint64 initialSyncMs = -1;

    bool isOk() const { return failures.isEmpty() && problems.isEmpty() && latencies.size() == edits; }
};

// Nearest rank: the smallest latency that at least `share` of the visible edits did not exceed.
qint64 percentile(const QList<qint64> &sorted, double share)
{
    if (sorted.isEmpty())
        return -1;
    const qsizetype rank = qsizetype(std::ceil(share * double(sorted.size())));
    return sorted.at(qBound<qsizetype>(0, rank - 1, sorted.size() - 1));
}

QString milliseconds(qint64 ms) { return ms < 0 ? QStringLiteral("-") : Progress::number(ms); }

QString runsText(QMap<QString, qint64> runs)
{
    QStringList parts;
    // The two kinds the phases are about first, shown also when there were none.
    for (const QString &kind : {QStringLiteral("webhook"), QStringLiteral("incremental")})
        parts.append(QStringLiteral("%1 %2").arg(kind, Progress::number(runs.take(kind))));
    for (auto it = runs.constBegin(); it != runs.constEnd(); ++it)
        parts.append(QStringLiteral("%1 %2").arg(it.key(), Progress::number(it.value())));
    return parts.join(QStringLiteral(", "));
}

QString editFailure(const Edit &e, const QString &why)
{
    //: An edit of the latency benchmark that did not become visible: edit number, entity, external id, why.
    return Tr::tr("edit %1 (%2 %3): %4").arg(QString::number(e.number), e.entity, QString::number(e.externalId), why);
}

QList<Edit> plannedEdits(const PhaseSpec &spec, int count)
{
    QList<Edit> edits;
    const QString nonce = QString::number(QRandomGenerator::global()->generate(), 16);
    for (int i = 0; i < count; ++i) {
        Edit e;
        e.number = i + 1;
        const bool topic = i % 2 == 0;
        const qint64 k = i / 2;
        // Steps coprime with the counts: distinct records for up to 500 edits of each entity.
        e.entity = topic ? QStringLiteral("topics") : QStringLiteral("messages");
        e.column = topic ? QStringLiteral("title") : QStringLiteral("content");
        e.externalId = topic ? 1 + (k * 37 + spec.number * 11) % kForum.topics : 1 + (k * 97 + spec.number * 13) % kForum.messages;
        e.marker = QStringLiteral("latency probe %1.%2 %3").arg(spec.number).arg(i + 1).arg(nonce);
        edits.append(e);
    }
    return edits;
}

// Waits until the service answers /healthz with 200 and its first incremental run (started after
// run `runsBefore`) has finished. Empty when it did; otherwise what went wrong.
QString waitUntilReady(ServiceProcess &service, const QString &listen, const Bench &b, qint64 runsBefore, std::unique_ptr<MainDbReader> &reader)
{
    QNetworkAccessManager nam;
    QEventLoop loop;
    QTimer tick;
    tick.setInterval(20);
    QDeadlineTimer deadline(kReadyTimeoutMs);
    QNetworkReply *health = nullptr;
    bool healthy = false;
    QString lastHealth;
    QString problem;
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        if (!service.isRunning()) {
            problem = service.howItEnded();
            loop.quit();
            return;
        }
        if (deadline.hasExpired()) {
            problem = healthy ? Tr::tr("the initial sync did not finish within %1").arg(Progress::duration(kReadyTimeoutMs))
                              : Tr::tr("/healthz did not answer 200 within %1 (last answer: %2)")
                                    .arg(Progress::duration(kReadyTimeoutMs), lastHealth.isEmpty() ? QStringLiteral("-") : lastHealth);
            loop.quit();
            return;
        }
        if (!healthy && !health) {
            QNetworkRequest request(QUrl(QStringLiteral("http://%1/healthz").arg(listen)));
            request.setTransferTimeout(5000);
            health = nam.get(request);
            QObject::connect(health, &QNetworkReply::finished, &loop, [&] {
                const int status = health->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                lastHealth = status ? QStringLiteral("%1 %2").arg(status).arg(QString::fromUtf8(health->readAll()).trimmed())
                                    : health->errorString();
                healthy = status == 200;
                health->deleteLater();
                health = nullptr;
            });
        }
        if (!healthy)
            return;
        // The service has opened and migrated the main database by the time it listens.
        if (!reader)
            reader = std::make_unique<MainDbReader>(b.mainDb);
        const std::optional<RunRecord> run = reader->firstFinishedSync(runsBefore);
        if (!run)
            return;
        if (run->status != QLatin1String("ok") && run->status != QLatin1String("partial"))
            problem = Tr::tr("the initial sync ended %1: %2").arg(run->status, run->error);
        loop.quit();
    });
    tick.start();
    loop.exec();
    if (health)
        health->abort();
    return problem;
}

// Makes the edits, about one every kEditSpacingMs, and watches the main database for each.
void measure(QList<Edit> &edits, const QString &forumUrl, const Bench &b, int timeoutMs, ServiceProcess &service, MainDbReader &reader,
             PhaseResult &r)
{
    QNetworkAccessManager nam;
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    QTimer editTimer;
    editTimer.setSingleShot(true);
    QRandomGenerator gaps(quint32(edits.size()));
    QTimer pollTimer;
    pollTimer.setTimerType(Qt::PreciseTimer);
    pollTimer.setInterval(kPollMs);
    int next = 0;
    int inFlight = 0;
    QList<int> watched;
    bool serviceGone = false;

    auto fail = [&](int i, const QString &why) { r.failures.append(editFailure(edits.at(i), why)); };
    auto sendNext = [&] {
        if (next >= edits.size() || serviceGone) {
            editTimer.stop();
            return;
        }
        const int i = next++;
        editTimer.start(kEditSpacingMs - kEditSpacingSpreadMs + int(gaps.bounded(2 * kEditSpacingSpreadMs + 1)));
        Edit &e = edits[i];
        const QUrl url(QStringLiteral("%1/%2/%3").arg(forumUrl, e.entity, QString::number(e.externalId)));
        const QByteArray body = QJsonDocument(QJsonObject{{e.column, e.marker}}).toJson(QJsonDocument::Compact);
        QNetworkReply *reply = nam.sendCustomRequest(forumRequest(url, b.token), "PATCH", body);
        ++inFlight;
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply, i] {
            --inFlight;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status >= 200 && status < 300) {
                edits[i].acknowledgedAt = clock.elapsed();
                watched.append(i);
            } else {
                fail(i, status ? Tr::tr("PATCH answered %1").arg(status) : Tr::tr("PATCH failed: %1").arg(reply->errorString()));
            }
            reply->deleteLater();
        });
    };
    QObject::connect(&editTimer, &QTimer::timeout, &loop, sendNext);
    QObject::connect(&pollTimer, &QTimer::timeout, &loop, [&] {
        if (!serviceGone && !service.isRunning()) {
            serviceGone = true;
            editTimer.stop();
            r.problems.append(service.howItEnded());
            for (int i = next; i < edits.size(); ++i)
                fail(i, Tr::tr("not made: the service is gone"));
            next = int(edits.size());
        }
        const qint64 now = clock.elapsed();
        for (auto it = watched.begin(); it != watched.end();) {
            const Edit &e = edits.at(*it);
            const QVariant shown = reader.value(QStringLiteral("SELECT %1 FROM %2 WHERE id = ?").arg(e.column, e.entity), {e.localId});
            if (shown.toString() == e.marker) {
                r.latencies.append(clock.elapsed() - e.acknowledgedAt);
                it = watched.erase(it);
            } else if (serviceGone || now - e.acknowledgedAt > timeoutMs) {
                fail(*it, serviceGone ? Tr::tr("not visible when the service exited")
                                      : Tr::tr("not visible after %1").arg(Progress::duration(timeoutMs)));
                it = watched.erase(it);
            } else {
                ++it;
            }
        }
        if (next >= edits.size() && inFlight == 0 && watched.isEmpty())
            loop.quit();
    });
    sendNext();
    pollTimer.start();
    loop.exec();
}

PhaseResult runPhase(const Bench &b, const PhaseSpec &spec, QTextStream &out, QTextStream &err)
{
    PhaseResult r;
    r.edits = b.edits;
    const quint16 port = freeLoopbackPort();
    if (!port) {
        r.problems.append(Tr::tr("no free loopback port"));
        return r;
    }
    const QString listen = QStringLiteral("127.0.0.1:%1").arg(port);
    const QString webhookUrl = QStringLiteral("http://%1/webhooks/%2").arg(listen, sourceName());
    QStringList forumArgs{QStringLiteral("--seed"), QStringLiteral("1"), QStringLiteral("--webhook"), webhookUrl,
                          QStringLiteral("--webhook-secret"), b.secret};
    if (spec.dropWebhooks)
        forumArgs << QStringLiteral("--webhook-drop") << QStringLiteral("1");
    ForumServer forum;
    if (!forum.start(b.externalDb, b.token, err, forumArgs)) {
        r.problems.append(Tr::tr("forum-sim did not start"));
        return r;
    }
    out << "  " << Tr::tr("forum-sim serves %1 and sends its webhooks to %2").arg(forum.url(), webhookUrl) << "\n";

    InitOptions init;
    init.url = forum.url();
    init.database = b.mainDb;
    init.tokenEnv = QString::fromLatin1(kTokenEnv);
    init.webhookSecretEnv = QString::fromLatin1(kSecretEnv);
    init.timestampFormat = QStringLiteral("yyyy-MM-dd HH:mm:ss.ffffff"); // forum-sim's databases keep microseconds
    QString error;
    // No jitter, so that the polling phase's interval is the one asked for; no reconciliation.
    const QJsonObject schedule{{QStringLiteral("interval_seconds"), spec.intervalSeconds},
                               {QStringLiteral("reconcile_interval_seconds"), 0},
                               {QStringLiteral("jitter_share"), 0}};
    if (!writeForumConfig(init, b.configPath, &error)
        || !editConfig(b.configPath, [&](QJsonObject &, QJsonObject &source) { source.insert(QStringLiteral("schedule"), schedule); }, &error)) {
        r.problems.append(error);
        return r;
    }

    qint64 runsBefore = 0;
    {
        MainDbReader before(b.mainDb);
        runsBefore = before.latestRunId();
    }
    QProcessEnvironment env = childEnvironment();
    env.insert(QString::fromLatin1(kTokenEnv), b.token);
    env.insert(QString::fromLatin1(kSecretEnv), b.secret);
    const QString logPath = b.dir.absoluteFilePath(QStringLiteral("serve-%1.log").arg(spec.number));
    ServiceProcess service;
    QElapsedTimer started;
    started.start();
    service.start({QStringLiteral("serve"), QStringLiteral("--config"), b.configPath, QStringLiteral("--listen"), listen}, env, logPath);
    out << "  " << Tr::tr("tributaryd serve --listen %1 started (output in %2)").arg(listen, logPath) << "\n";
    out.flush();

    std::unique_ptr<MainDbReader> reader;
    const QString notReady = waitUntilReady(service, listen, b, runsBefore, reader);
    if (!notReady.isEmpty()) {
        r.problems.append(notReady);
        const QString stopped = service.stop();
        if (!stopped.isEmpty())
            r.problems.append(stopped);
        return r;
    }
    r.initialSyncMs = started.elapsed();
    out << "  " << Tr::tr("/healthz answers 200 and the initial sync finished %1 after the start").arg(Progress::duration(r.initialSyncMs))
        << "\n";

    QList<Edit> edits = plannedEdits(spec, b.edits);
    for (Edit &e : edits) {
        e.localId = reader->localId(e.entity, QString::number(e.externalId));
        // The application's tables have integer keys; links keep every key as text.
        bool isNumber = false;
        const qint64 n = e.localId.toLongLong(&isNumber);
        if (isNumber)
            e.localId = n;
    }
    const int timeoutMs = (3 * spec.intervalSeconds + 10) * 1000;
    const qint64 runsAtEdits = reader->latestRunId();
    //: %1: the number of edits; %2 to %3: milliseconds between two edits; %4: milliseconds between two looks.
    out << "  " << Tr::tr("%1 edit(s) through the forum's API, %2 to %3 ms apart; each watched in the main database every %4 ms",
                          nullptr, Progress::count(b.edits))
                       .arg(Progress::number(b.edits))
                       .arg(kEditSpacingMs - kEditSpacingSpreadMs)
                       .arg(kEditSpacingMs + kEditSpacingSpreadMs)
                       .arg(kPollMs)
        << "\n";
    out.flush();
    QList<Edit> known;
    for (int i = 0; i < edits.size(); ++i) {
        if (edits.at(i).localId.isValid() && !edits.at(i).localId.isNull())
            known.append(edits.at(i));
        else
            r.failures.append(editFailure(edits.at(i), Tr::tr("the record is not in the main database after the initial sync")));
    }
    measure(known, forum.url(), b, timeoutMs, service, *reader, r);
    r.runs = reader->runsByKind(runsAtEdits);
    std::sort(r.latencies.begin(), r.latencies.end());

    // What the service counted, for whoever looks into a surprising figure.
    if (service.isRunning()) {
        QNetworkAccessManager nam;
        QNetworkRequest request(QUrl(QStringLiteral("http://%1/metrics").arg(listen)));
        request.setTransferTimeout(10000);
        int status = 0;
        const QByteArray metrics = waitForReply(nam.get(request), &status);
        QFile f(b.dir.absoluteFilePath(QStringLiteral("metrics-%1.txt").arg(spec.number)));
        if (status == 200 && f.open(QIODevice::WriteOnly))
            f.write(metrics);
    }
    reader.reset();
    const QString stopped = service.stop();
    if (!stopped.isEmpty())
        r.problems.append(stopped);
    forum.stop();

    out << "  "
        << (r.latencies.isEmpty() ? Tr::tr("visible: %1 of %2").arg(QStringLiteral("0"), Progress::number(r.edits))
                                  : Tr::tr("visible: %1 of %2; median %3 ms, p95 %4 ms, max %5 ms")
                                        .arg(Progress::number(r.latencies.size()), Progress::number(r.edits),
                                             milliseconds(percentile(r.latencies, 0.5)), milliseconds(percentile(r.latencies, 0.95)),
                                             milliseconds(r.latencies.last())))
        << "\n";
    //: %1: run kinds with counts, e.g. "webhook 50, incremental 0" (kinds as the run history stores them).
    out << "  " << Tr::tr("runs of tributaryd during the edits: %1").arg(runsText(r.runs)) << "\n";
    for (const QString &f : std::as_const(r.failures))
        out << "  ! " << f << "\n";
    for (const QString &p : std::as_const(r.problems))
        out << "  ! " << p << "\n";
    out.flush();
    return r;
}

// Removes the files a run made (when they are not to be kept); the directory too when the
// benchmark made it.
void removeFiles(const QDir &dir, bool madeDir)
{
    if (madeDir) {
        QDir(dir.absolutePath()).removeRecursively();
        return;
    }
    const QStringList names{QStringLiteral("external.sqlite"), QStringLiteral("main.sqlite"), QStringLiteral("tributary.json"),
                            QStringLiteral("serve-1.log"),     QStringLiteral("serve-2.log"), QStringLiteral("metrics-1.txt"),
                            QStringLiteral("metrics-2.txt")};
    for (const QString &name : names) {
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(dir.absoluteFilePath(name + suffix));
    }
}

} // namespace

int benchLatency(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser p;
    QCommandLineOption latencyOpt(QStringLiteral("latency"), Tr::tr("This benchmark (rather than sync speed)."));
    QCommandLineOption editsOpt(QStringLiteral("edits"), Tr::tr("Edits per phase (default 50, at most %1).").arg(kMaxEdits), QStringLiteral("N"),
                                QStringLiteral("50"));
    QCommandLineOption intervalOpt(QStringLiteral("interval"), Tr::tr("Scheduled sync interval of the polling phase (default 5)."),
                                   QStringLiteral("SECONDS"), QStringLiteral("5"));
    QCommandLineOption dirOpt(QStringLiteral("dir"), Tr::tr("Working directory (default: a new one under /tmp)."), QStringLiteral("DIR"));
    QCommandLineOption keepOpt(QStringLiteral("keep"), Tr::tr("Keep the databases, the configuration and the service's logs (they are "
                                                              "also kept when something failed)."));
    p.addOptions({latencyOpt, editsOpt, intervalOpt, dirOpt, keepOpt});
    // "tributaryd bench --latency" as the command, wherever --latency was given.
    QStringList args = arguments;
    args.removeAll(QStringLiteral("--latency"));
    args.insert(2, QStringLiteral("--latency"));
    int code = ExitOk;
    if (!parse(p, QStringLiteral("bench --latency"),
               Tr::tr("Measures how soon an edit at the forum becomes visible in the main database. Generates a forum\n"
                      "(%1 messages), serves it with forum-sim, which sends signed webhooks, and runs a child\n"
                      "'tributaryd serve' on loopback. Then edits topics and messages through the forum's API, one every\n"
                      "%2 ms on average, and polls the main database read-only until each edit shows.\n"
                      "Phase 1: webhooks delivered; scheduled syncs every %3 s or more, too rare to matter.\n"
                      "Phase 2: every webhook dropped, so only the schedule (--interval) delivers.\n"
                      "Prints median, p95 and max of the time from the forum's answer to an edit until the row shows it,\n"
                      "and the runs of tributaryd by kind. Exit 0 only when every edit became visible and the service\n"
                      "started and stopped cleanly.")
                   .arg(Progress::number(kForum.messages))
                   .arg(kEditSpacingMs)
                   .arg(kWebhookPhaseIntervalSeconds),
               args, &code))
        return code;
    bool editsOk = false;
    bool intervalOk = false;
    const int edits = p.value(editsOpt).toInt(&editsOk);
    const int interval = p.value(intervalOpt).toInt(&intervalOk);
    if (!editsOk || edits < 1 || edits > kMaxEdits) {
        err << "tributaryd bench --latency: " << Tr::tr("--edits: expected a number from 1 to %1, got \"%2\"").arg(kMaxEdits).arg(p.value(editsOpt))
            << "\n";
        return ExitUsage;
    }
    if (!intervalOk || interval < 1 || interval > 86400) {
        err << "tributaryd bench --latency: " << Tr::tr("--interval: expected seconds from 1 to 86400, got \"%1\"").arg(p.value(intervalOpt))
            << "\n";
        return ExitUsage;
    }

    Bench b;
    b.edits = edits;
    const QString dirPath = p.isSet(dirOpt)
        ? p.value(dirOpt)
        : QDir::temp().filePath(QStringLiteral("tributary-bench-latency-%1").arg(QCoreApplication::applicationPid()));
    const bool madeDir = !QFileInfo::exists(dirPath);
    b.dir = QDir(dirPath);
    if (!b.dir.mkpath(QStringLiteral("."))) {
        err << "tributaryd bench --latency: " << Tr::tr("cannot create %1").arg(b.dir.absolutePath()) << "\n";
        return ExitFailed;
    }
    b.externalDb = b.dir.absoluteFilePath(QStringLiteral("external.sqlite"));
    b.mainDb = b.dir.absoluteFilePath(QStringLiteral("main.sqlite"));
    b.configPath = b.dir.absoluteFilePath(QStringLiteral("tributary.json"));
    b.token = QStringLiteral("bench-%1").arg(QRandomGenerator::system()->generate64(), 0, 16);
    b.secret = QString::number(QRandomGenerator::system()->generate64(), 16) + QString::number(QRandomGenerator::system()->generate64(), 16);
    for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        QFile::remove(b.externalDb + suffix);
        QFile::remove(b.mainDb + suffix);
    }

    QElapsedTimer t;
    t.start();
    if (!generateForum(b.externalDb, kForum, 1, err) || !generateForum(b.mainDb, ForumSize(), 1, err))
        return ExitFailed;
    out << Tr::tr("Generated %1 records (%2 messages) in %3")
               .arg(Progress::number(kForum.records()), Progress::number(kForum.messages), Progress::duration(t.elapsed()))
        << "\n";

    // Phase 1's schedule must not be what delivers an edit: its first run after the initial sync
    // comes well after the last edit.
    const int editWindowSeconds = (edits * kEditSpacingMs + 999) / 1000;
    const int webhookInterval = qMax(kWebhookPhaseIntervalSeconds, 2 * editWindowSeconds + 10);
    const QList<PhaseSpec> specs{{1, webhookInterval, false}, {2, interval, true}};
    QList<PhaseResult> results;
    for (const PhaseSpec &spec : specs) {
        out << "\n"
            << (spec.dropWebhooks ? Tr::tr("Phase %1: every webhook dropped, scheduled sync every %2 s").arg(spec.number).arg(spec.intervalSeconds)
                                  : Tr::tr("Phase %1: webhooks delivered, scheduled sync every %2 s").arg(spec.number).arg(spec.intervalSeconds))
            << "\n";
        out.flush();
        results.append(runPhase(b, spec, out, err));
    }

    out << "\n"
        << Tr::tr("Webhook latency: from the forum's answer to an edit until the main database shows it (ms), %1 edit(s) per phase",
                  nullptr, Progress::count(edits))
               .arg(Progress::number(edits))
        << "\n";
    QStringList names;
    int nameWidth = 0;
    for (const PhaseSpec &spec : specs) {
        names.append(spec.dropWebhooks ? Tr::tr("%1. polling every %2 s, webhooks lost").arg(spec.number).arg(spec.intervalSeconds)
                                       : Tr::tr("%1. webhooks (polling every %2 s)").arg(spec.number).arg(spec.intervalSeconds));
        nameWidth = qMax(nameWidth, int(names.last().size()));
    }
    const TextTable table({{Tr::tr("phase"), -nameWidth}, {Tr::tr("edits"), 6}, {Tr::tr("visible"), 8}, {Tr::tr("median"), 7},
                           {Tr::tr("p95"), 7}, {Tr::tr("max"), 7}, {Tr::tr("runs during the edits"), 0}});
    out << "  " << table.header() << "\n";
    bool ok = true;
    for (int i = 0; i < specs.size(); ++i) {
        const PhaseResult &r = results.at(i);
        out << "  "
            << table.row({names.at(i), Progress::number(r.edits), Progress::number(r.latencies.size()), milliseconds(percentile(r.latencies, 0.5)),
                          milliseconds(percentile(r.latencies, 0.95)), milliseconds(r.latencies.isEmpty() ? -1 : r.latencies.last()),
                          runsText(r.runs)})
            << "\n";
        ok = ok && r.isOk();
    }
    if (ok && !p.isSet(keepOpt)) {
        removeFiles(b.dir, madeDir);
    } else {
        out << "  " << Tr::tr("files: %1").arg(b.dir.absolutePath()) << "\n";
    }
    if (!ok)
        err << "tributaryd bench --latency: " << Tr::tr("not every edit became visible, or the service did not start or stop cleanly (see above)")
            << "\n";
    return ok ? ExitOk : ExitFailed;
}

} // namespace Tributary::Cli
