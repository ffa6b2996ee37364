// tributaryd bench: generates a forum of a given size with the real forum-sim binary, serves it over
// loopback and times syncs of it in child tributaryd processes (and, with --latency, how soon
// edits arrive through a child `tributaryd serve`: LatencyBench.cpp).

#include "ChildProcesses.h"
#include "CliCommon.h"
#include "Commands.h"
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
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>

namespace Tributary::Cli {

int benchCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    // bench --latency is another benchmark with options of its own (LatencyBench.cpp).
    if (arguments.contains(QStringLiteral("--latency")))
        return benchLatency(arguments, out, err);
    QCommandLineParser p;
    QCommandLineOption messagesOpt(QStringLiteral("messages"), Tr::tr("Messages in the forum (default 100000)."), QStringLiteral("N"),
                                   QStringLiteral("100000"));
    QCommandLineOption dirOpt(QStringLiteral("dir"), Tr::tr("Working directory (default: a new one under /tmp)."), QStringLiteral("DIR"));
    QCommandLineOption pageOpt(QStringLiteral("page-size"), Tr::tr("Records per page (default 1000)."), QStringLiteral("N"),
                               QStringLiteral("1000"));
    QCommandLineOption verifyOpt(QStringLiteral("verify"), Tr::tr("Also time a verify of the result."));
    QCommandLineOption latencyOpt(QStringLiteral("latency"),
                                  Tr::tr("Instead, measure how soon edits at the forum become visible in the main database through "
                                         "a child 'tributaryd serve': by webhook, and by scheduled polling with the webhooks lost. "
                                         "Its options: 'tributaryd bench --latency --help'."));
    p.addOptions({messagesOpt, dirOpt, pageOpt, verifyOpt, latencyOpt});
    int parsed = ExitOk;
    if (!parse(p, QStringLiteral("bench"),
               Tr::tr("Generates a forum of the given size, serves it with forum-sim over loopback, runs an "
                      "initial sync, a no-change incremental sync and a full re-read with nothing to write, "
                      "each in a child tributaryd, and prints records per second and peak memory of each."),
               arguments, &parsed))
        return parsed;
    const qint64 messages = qMax<qint64>(1000, p.value(messagesOpt).toLongLong());
    const qint64 users = qMax<qint64>(100, messages / 20), sections = 50, topics = qMax<qint64>(10, messages / 10);
    const QString dirPath = p.isSet(dirOpt) ? p.value(dirOpt)
                                            : QDir::temp().filePath(QStringLiteral("tributary-bench-%1").arg(QCoreApplication::applicationPid()));
    QDir dir(dirPath);
    dir.mkpath(QStringLiteral("."));
    const QString externalDb = dir.absoluteFilePath(QStringLiteral("external.sqlite"));
    const QString mainDb = dir.absoluteFilePath(QStringLiteral("main.sqlite"));
    const QString configPath = dir.absoluteFilePath(QStringLiteral("tributary.json"));

    QElapsedTimer t;
    t.start();
    const ForumSize size{users, sections, topics, messages};
    if (!generateForum(externalDb, size, 1, err) || !generateForum(mainDb, ForumSize(), 1, err))
        return ExitFailed;
    const qint64 records = size.records();
    out << Tr::tr("Generated %1 records (%2 messages) in %3").arg(Progress::number(records), Progress::number(messages), Progress::duration(t.elapsed()))
        << "\n";
    out.flush();

    ForumServer server;
    if (!server.start(externalDb, QString(), err))
        return ExitFailed;
    InitOptions init;
    init.url = server.url();
    init.database = mainDb;
    init.noAuth = true;
    init.timestampFormat = QStringLiteral("yyyy-MM-dd HH:mm:ss.ffffff");
    QString error;
    if (!writeForumConfig(init, configPath, &error)) {
        err << "tributaryd bench: " << error << "\n";
        return ExitFailed;
    }
    const bool edited = editConfig(
        configPath,
        [&](QJsonObject &, QJsonObject &src) {
            QJsonObject rest = src.value(QStringLiteral("rest")).toObject();
            QJsonObject pag = rest.value(QStringLiteral("pagination")).toObject();
            pag.insert(QStringLiteral("page_size"), p.value(pageOpt).toInt());
            rest.insert(QStringLiteral("pagination"), pag);
            src.insert(QStringLiteral("rest"), rest);
        },
        &error);
    if (!edited) {
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
        static const QRegularExpression re(QStringLiteral("Peak memory: (\\S+ MiB)"));
        r.peak = re.match(text).captured(1);
        // Summary rows: "  entity  fetched ..." (sync) or "  entity  at-source ..." (verify).
        static const QRegularExpression row(QStringLiteral("^  (users|sections|topics|messages) +([0-9,]+)"), QRegularExpression::MultilineOption);
        for (auto it = row.globalMatch(text); it.hasNext();)
            r.read += it.next().captured(2).remove(QLatin1Char(',')).toLongLong();
        if (r.exit != 0)
            err << Tr::tr("%1 exited %2:").arg(name, QString::number(r.exit)) << "\n" << text << child.readAllStandardError() << "\n";
        return r;
    };
    QList<Result> results;
    //: A step of the benchmark.
    results.append(runChild(Tr::tr("initial sync"), {QStringLiteral("sync"), QStringLiteral("--quiet"), QStringLiteral("--config"), configPath}));
    //: A step of the benchmark.
    results.append(runChild(Tr::tr("no-change sync"), {QStringLiteral("sync"), QStringLiteral("--quiet"), QStringLiteral("--config"), configPath}));
    //: A step of the benchmark.
    results.append(runChild(Tr::tr("full re-read"), {QStringLiteral("sync"), QStringLiteral("--quiet"), QStringLiteral("--full"), QStringLiteral("--config"), configPath}));
    if (p.isSet(verifyOpt))
        //: A step of the benchmark.
        results.append(runChild(Tr::tr("verify"), {QStringLiteral("verify"), QStringLiteral("--config"), configPath}));
    server.stop();

    out << "\n"
        << Tr::tr("Tributary benchmark: %1 records over loopback HTTP, page size %2").arg(Progress::number(records), p.value(pageOpt)) << "\n";
    int stepWidth = 16;
    for (const Result &r : std::as_const(results))
        stepWidth = qMax(stepWidth, int(r.name.size()));
    const TextTable table({{Tr::tr("step"), -stepWidth}, {Tr::tr("time"), 10}, {Tr::tr("records read"), 13}, {Tr::tr("records/s"), 12},
                           {Tr::tr("peak memory"), 12}});
    out << "  " << table.header() << "\n";
    int code = ExitOk;
    for (const Result &r : std::as_const(results)) {
        out << "  "
            << table.row({r.name, Progress::duration(r.ms), Progress::number(r.read),
                          Progress::number(qint64(r.read * 1000.0 / qMax<qint64>(1, r.ms))), r.peak})
            << (r.exit ? QStringLiteral("  ") + Tr::tr("(exit %1)").arg(r.exit) : QString()) << "\n";
        if (r.exit)
            code = ExitFailed;
    }
    out << "  " << Tr::tr("files: %1").arg(dir.absolutePath()) << "\n";
    return code;
}

} // namespace Tributary::Cli
