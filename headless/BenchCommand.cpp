// tributaryd bench: generates a forum of a given size with the real forum-sim binary, serves it over
// loopback and times syncs of it in child tributaryd processes; with --workers, times several
// `tributaryd serve` workers sharing several sources (BenchWorkers.cpp); with --latency, how soon
// edits arrive through a child `tributaryd serve` (LatencyBench.cpp). The main database is an
// SQLite file, or a PostgreSQL database given by --database (BenchDatabase).

#include "Bench.h"
#include "BenchDatabase.h"
#include "ChildProcesses.h"
#include "CliCommon.h"
#include "Commands.h"
#include "DatabaseArgument.h"
#include "ExitCode.h"
#include "InitCommand.h"
#include "LatencyBench.h"
#include "Progress.h"
#include "TextTable.h"
#include "Tr.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>

namespace Tributary::Cli {

ForumSize benchForumSize(qint64 messages)
{
    return ForumSize{qMax<qint64>(100, messages / 20), 50, qMax<qint64>(10, messages / 10), messages};
}

QString benchSourceName(int index, int count)
{
    return count == 1 ? QStringLiteral("forum") : QStringLiteral("forum-%1").arg(index + 1);
}

bool writeBenchConfig(const QStringList &urls, const BenchDatabase &db, int pageSize, const QString &configPath, QString *error)
{
    InitOptions init;
    init.url = urls.value(0);
    init.database = db.argument();
    init.databasePasswordEnv = db.passwordEnv();
    init.noAuth = true;
    init.timestampFormat = QStringLiteral("yyyy-MM-dd HH:mm:ss.ffffff");
    if (!writeForumConfig(init, configPath, error))
        return false;
    return editConfig(
        configPath,
        [&](QJsonObject &root, QJsonObject &src) {
            QJsonObject rest = src.value(QStringLiteral("rest")).toObject();
            QJsonObject pag = rest.value(QStringLiteral("pagination")).toObject();
            pag.insert(QStringLiteral("page_size"), pageSize);
            rest.insert(QStringLiteral("pagination"), pag);
            src.insert(QStringLiteral("rest"), rest);
            src.insert(QStringLiteral("schedule"), QJsonObject{{QStringLiteral("interval_seconds"), 86400},
                                                               {QStringLiteral("reconcile_interval_seconds"), 0},
                                                               {QStringLiteral("reconcile_on_missed_deletes"), false}});
            src.insert(QStringLiteral("name"), benchSourceName(0, int(urls.size())));
            // The other sources: the same, each at its own forum.
            QJsonArray sources = root.value(QStringLiteral("sources")).toArray();
            for (int i = 1; i < urls.size(); ++i) {
                QJsonObject copy = src;
                rest.insert(QStringLiteral("base_url"), urls.at(i));
                copy.insert(QStringLiteral("rest"), rest);
                copy.insert(QStringLiteral("name"), benchSourceName(i, int(urls.size())));
                sources.append(copy);
            }
            root.insert(QStringLiteral("sources"), sources);
        },
        error);
}

QString mebibytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1) + QStringLiteral(" MiB");
}

void printDatabaseSize(BenchDatabase &db, QTextStream &out, QTextStream &err)
{
    const BenchDatabase::Sizes sizes = db.sizes(err);
    if (sizes.application < 0) {
        if (!db.isPostgres())
            out << "  " << Tr::tr("main database: %1").arg(mebibytes(QFileInfo(db.argument()).size())) << "\n";
        return;
    }
    //: The benchmark's main database: its size, split into the application's tables and Tributary's own (tributary_*).
    out << "  "
        << Tr::tr("main database: %1 (application tables %2, Tributary's tables %3)")
               .arg(mebibytes(sizes.application + sizes.tributary), mebibytes(sizes.application), mebibytes(sizes.tributary))
        << "\n";
}

namespace {

// One source: an initial sync, a no-change sync, a full re-read (and a verify), each in a child.
int benchSteps(qint64 messages, int pageSize, bool verify, BenchDatabase &db, const QDir &dir, QTextStream &out, QTextStream &err)
{
    const QString externalDb = dir.absoluteFilePath(QStringLiteral("external.sqlite"));
    const QString configPath = dir.absoluteFilePath(QStringLiteral("tributary.json"));

    QElapsedTimer t;
    t.start();
    const ForumSize size = benchForumSize(messages);
    if (!generateForum(externalDb, size, 1, err))
        return ExitFailed;
    const qint64 records = size.records();
    out << Tr::tr("Generated %1 records (%2 messages) in %3").arg(Progress::number(records), Progress::number(messages), Progress::duration(t.elapsed()))
        << "\n";
    out.flush();

    ForumServer server;
    if (!server.start(externalDb, QString(), err))
        return ExitFailed;
    QString error;
    if (!writeBenchConfig({server.url()}, db, pageSize, configPath, &error)) {
        err << "tributaryd bench: " << error << "\n";
        return ExitFailed;
    }

    struct Result
    {
        QString name;
        qint64 ms = 0;
        qint64 read = 0; // records the step read from the source
        QString peak;
        int exit = 0;
        bool floor = false;
        bool reads = true; // its records/s and ratio to the floors mean something
        QString text;      // what the child printed
    };
    auto runChild = [&](const QString &name, const QStringList &args) {
        Result r;
        r.name = name;
        QProcess child;
        child.setProcessChannelMode(QProcess::SeparateChannels);
        // The summaries are read below.
        child.setProcessEnvironment(childEnvironment());
        QElapsedTimer timer;
        timer.start();
        child.start(QCoreApplication::applicationFilePath(), args);
        child.waitForFinished(-1);
        r.ms = timer.elapsed();
        r.exit = child.exitCode();
        const QString text = QString::fromUtf8(child.readAllStandardOutput());
        r.text = text;
        static const QRegularExpression re(QStringLiteral("Peak memory: (\\S+ MiB)"));
        r.peak = re.match(text).captured(1);
        // The write floor times its inserts itself: reading the rows back is not writing.
        static const QRegularExpression own(QStringLiteral("Writing took ([0-9]+) ms"));
        if (const QRegularExpressionMatch m = own.match(text); m.hasMatch())
            r.ms = m.captured(1).toLongLong();
        // Summary rows: "  entity  fetched ..." (sync) or "  entity  at-source ..." (verify).
        static const QRegularExpression row(QStringLiteral("^  (users|sections|topics|messages) +([0-9,]+)"), QRegularExpression::MultilineOption);
        for (auto it = row.globalMatch(text); it.hasNext();)
            r.read += it.next().captured(2).remove(QLatin1Char(',')).toLongLong();
        if (r.exit != 0)
            err << Tr::tr("%1 exited %2:").arg(name, QString::number(r.exit)) << "\n" << text << child.readAllStandardError() << "\n";
        return r;
    };
    QList<Result> results;
    //: A step of the benchmark: every page read as the initial sync reads them, nothing written.
    results.append(runChild(Tr::tr("fetch floor"), {QStringLiteral("bench"), QStringLiteral("--fetch-floor"), QStringLiteral("--config"), configPath}));
    results.last().floor = true;
    //: A step of the benchmark.
    results.append(runChild(Tr::tr("initial sync"), {QStringLiteral("sync"), QStringLiteral("--quiet"), QStringLiteral("--config"), configPath}));
    // After the initial sync, which made the rows it writes again.
    //: A step of the benchmark: the application's rows inserted into an empty copy of its tables, nothing else.
    results.append(runChild(Tr::tr("write floor"), {QStringLiteral("bench"), QStringLiteral("--write-floor"), QStringLiteral("--config"), configPath}));
    results.last().floor = true;
    //: A step of the benchmark.
    results.append(runChild(Tr::tr("no-change sync"), {QStringLiteral("sync"), QStringLiteral("--quiet"), QStringLiteral("--config"), configPath}));
    results.last().reads = false;
    //: A step of the benchmark.
    results.append(runChild(Tr::tr("full re-read"), {QStringLiteral("sync"), QStringLiteral("--quiet"), QStringLiteral("--full"), QStringLiteral("--config"), configPath}));
    if (verify)
        //: A step of the benchmark.
        results.append(runChild(Tr::tr("verify"), {QStringLiteral("verify"), QStringLiteral("--config"), configPath}));
    // Last: it edits the application's rows and takes the triggers off and on again.
    //: A step of the benchmark: the main application's updates timed with and without Tributary's triggers.
    results.append(runChild(Tr::tr("capture cost"), {QStringLiteral("bench"), QStringLiteral("--capture-cost"), QStringLiteral("--config"), configPath}));
    results.last().reads = false;
    const QString captureLines = results.last().text;
    server.stop();

    out << "\n"
        << Tr::tr("Tributary benchmark: %1 records over loopback HTTP, page size %2, main database %3").arg(Progress::number(records)).arg(pageSize).arg(db.argument()) << "\n";
    int stepWidth = 16;
    for (const Result &r : std::as_const(results))
        stepWidth = qMax(stepWidth, int(r.name.size()));
    // Each step against the slower of the two floors: what this machine allows, whatever its day.
    qint64 floorMs = 0;
    for (const Result &r : std::as_const(results)) {
        if (r.floor && !r.exit)
            floorMs = qMax(floorMs, r.ms);
    }
    //: Column of the benchmark's table: the step's time divided by the slower floor's.
    const TextTable table({{Tr::tr("step"), -stepWidth}, {Tr::tr("time"), 10}, {Tr::tr("records"), 13}, {Tr::tr("records/s"), 12},
                           {Tr::tr("peak memory"), 12}, {Tr::tr("× floor"), 8}});
    out << "  " << table.header() << "\n";
    int code = ExitOk;
    for (const Result &r : std::as_const(results)) {
        const QString ratio = r.reads && floorMs > 0 ? QString::number(double(r.ms) / double(floorMs), 'f', 2) : QStringLiteral("—");
        out << "  "
            << table.row({r.name, Progress::duration(r.ms), Progress::number(r.read),
                          r.reads ? Progress::number(qint64(r.read * 1000.0 / qMax<qint64>(1, r.ms))) : QStringLiteral("—"), r.peak, ratio})
            << (r.exit ? QStringLiteral("  ") + Tr::tr("(exit %1)").arg(r.exit) : QString()) << "\n";
        if (r.exit)
            code = ExitFailed;
    }
    //: Below the benchmark's table.
    out << "  " << Tr::tr("× floor: the step's time divided by the slower of the fetch floor and the write floor (%1).").arg(Progress::duration(floorMs))
        << "\n";
    // The capture step's own figures: the application's writes with and without the triggers.
    for (const QString &l : captureLines.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        out << l << "\n";
    printDatabaseSize(db, out, err);
    out << "  " << Tr::tr("files: %1").arg(dir.absolutePath()) << "\n";
    return code;
}

} // namespace

int benchCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    // bench --latency is another benchmark with options of its own (LatencyBench.cpp).
    if (arguments.contains(QStringLiteral("--latency")))
        return benchLatency(arguments, out, err);
    // The floors, each run by the benchmark in a child of its own (BenchFloors.cpp).
    if (arguments.contains(QStringLiteral("--fetch-floor")))
        return benchFetchFloor(arguments, out, err);
    if (arguments.contains(QStringLiteral("--write-floor")))
        return benchWriteFloor(arguments, out, err);
    if (arguments.contains(QStringLiteral("--capture-cost")))
        return benchCaptureCost(arguments, out, err);
    QCommandLineParser p;
    QCommandLineOption messagesOpt(QStringLiteral("messages"), Tr::tr("Messages in the forum (default 100000); with --workers, in all forums together."),
                                   QStringLiteral("N"), QStringLiteral("100000"));
    QCommandLineOption dirOpt(QStringLiteral("dir"), Tr::tr("Working directory (default: a new one under /tmp)."), QStringLiteral("DIR"));
    QCommandLineOption pageOpt(QStringLiteral("page-size"), Tr::tr("Records per page (default 1000)."), QStringLiteral("N"),
                               QStringLiteral("1000"));
    QCommandLineOption verifyOpt(QStringLiteral("verify"), Tr::tr("Also time a verify of the result."));
    QCommandLineOption databaseOpt(QStringLiteral("database"),
                                   Tr::tr("The main database: a PostgreSQL URL, postgresql://USER@HOST[:PORT]/DATABASE[?host=SOCKET_DIR], "
                                          "of a database without the forum's and Tributary's tables (they are created, and dropped "
                                          "at the end). Default: an SQLite file in the working directory."),
                                   QStringLiteral("URL"));
    QCommandLineOption passwordEnvOpt(QStringLiteral("database-password-env"),
                                      Tr::tr("The environment variable holding the PostgreSQL password (default: libpq's PGPASSWORD, "
                                             "~/.pgpass or a service file)."),
                                      QStringLiteral("VAR"));
    QCommandLineOption workersOpt(QStringLiteral("workers"),
                                  Tr::tr("Instead, time several 'tributaryd serve' workers sharing the sources: one round per "
                                         "number in the list, each on an empty main database, until every source's first sync "
                                         "has finished (for example 1,2,4)."),
                                  QStringLiteral("LIST"));
    QCommandLineOption sourcesOpt(QStringLiteral("sources"),
                                  Tr::tr("With --workers: how many sources (forums of their own, default 8); the messages are "
                                         "shared among them."),
                                  QStringLiteral("N"), QStringLiteral("8"));
    QCommandLineOption latencyOpt(QStringLiteral("latency"),
                                  Tr::tr("Instead, measure how soon edits at the forum become visible in the main database through "
                                         "a child 'tributaryd serve': by webhook, and by scheduled polling with the webhooks lost. "
                                         "Its options: 'tributaryd bench --latency --help'."));
    p.addOptions({messagesOpt, dirOpt, pageOpt, verifyOpt, databaseOpt, passwordEnvOpt, workersOpt, sourcesOpt, latencyOpt});
    int parsed = ExitOk;
    if (!parse(p, QStringLiteral("bench"),
               Tr::tr("Generates a forum of the given size, serves it with forum-sim over loopback, runs an "
                      "initial sync, a no-change incremental sync and a full re-read with nothing to write, "
                      "each in a child tributaryd, and prints records per second and peak memory of each, "
                      "and the size of the main database."),
               arguments, &parsed))
        return parsed;
    bool numbers = true;
    const qint64 messages = p.value(messagesOpt).toLongLong(&numbers);
    if (!numbers || messages < 1000 || messages > 100000000) {
        err << "tributaryd bench: " << Tr::tr("--messages: expected a number from 1000 to 100000000, got \"%1\"").arg(p.value(messagesOpt)) << "\n";
        return ExitUsage;
    }
    const int pageSize = p.value(pageOpt).toInt(&numbers);
    if (!numbers || pageSize < 1 || pageSize > 100000) {
        err << "tributaryd bench: " << Tr::tr("--page-size: expected a number from 1 to 100000, got \"%1\"").arg(p.value(pageOpt)) << "\n";
        return ExitUsage;
    }
    WorkersBench workers;
    workers.messages = messages;
    workers.pageSize = pageSize;
    if (p.isSet(workersOpt)) {
        for (const QString &item : p.value(workersOpt).split(QLatin1Char(','))) {
            const int n = item.trimmed().toInt(&numbers);
            if (!numbers || n < 1 || n > 16) {
                err << "tributaryd bench: " << Tr::tr("--workers: expected numbers from 1 to 16 separated by commas, got \"%1\"").arg(p.value(workersOpt))
                    << "\n";
                return ExitUsage;
            }
            workers.workers.append(n);
        }
        workers.sources = p.value(sourcesOpt).toInt(&numbers);
        if (!numbers || workers.sources < 1 || workers.sources > 64 || messages / workers.sources < 100) {
            err << "tributaryd bench: "
                << Tr::tr("--sources: expected a number from 1 to 64 leaving each source at least 100 messages, got \"%1\"").arg(p.value(sourcesOpt))
                << "\n";
            return ExitUsage;
        }
        if (p.isSet(verifyOpt)) {
            err << "tributaryd bench: " << Tr::tr("--verify times one source's steps; it does not go with --workers") << "\n";
            return ExitUsage;
        }
    } else if (p.isSet(sourcesOpt)) {
        err << "tributaryd bench: " << Tr::tr("--sources goes with --workers") << "\n";
        return ExitUsage;
    }
    const QString url = p.value(databaseOpt);
    if (!url.isEmpty() && !isPostgresUrl(url)) {
        err << "tributaryd bench: --database: " << Tr::tr("expected a postgresql:// URL (the default main database is an SQLite file), got \"%1\"").arg(url)
            << "\n";
        return ExitUsage;
    }
    const QString dirPath = p.isSet(dirOpt) ? p.value(dirOpt)
                                            : QDir::temp().filePath(QStringLiteral("tributary-bench-%1").arg(QCoreApplication::applicationPid()));
    QDir dir(dirPath);
    if (!dir.mkpath(QStringLiteral("."))) {
        err << "tributaryd bench: " << Tr::tr("cannot create %1").arg(dir.absolutePath()) << "\n";
        return ExitFailed;
    }
    BenchDatabase db;
    if (!db.setUp(url, p.value(passwordEnvOpt), dir.absoluteFilePath(QStringLiteral("main.sqlite")), err))
        return ExitFailed;
    const int code = workers.workers.isEmpty() ? benchSteps(messages, pageSize, p.isSet(verifyOpt), db, dir, out, err)
                                               : benchWorkers(workers, db, dir.absolutePath(), out, err);
    db.tearDown();
    if (db.isPostgres())
        out << "  " << Tr::tr("The benchmark's tables in %1 were dropped.").arg(db.argument()) << "\n";
    return code;
}

} // namespace Tributary::Cli
