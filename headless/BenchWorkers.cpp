// tributaryd bench --workers: several `tributaryd serve` processes sharing several sources through
// the main database's leases. Each round starts its workers on an empty main database and times
// until every source's first sync has finished; the runs each worker made show how the sources
// were shared.

#include "Bench.h"
#include "BenchDatabase.h"
#include "ChildProcesses.h"
#include "ExitCode.h"
#include "Progress.h"
#include "TextTable.h"
#include "Tr.h"

#include "state/RunLog.h"
#include "store/Database.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QMap>
#include <QSet>
#include <QProcess>
#include <QThread>

#include <memory>
#include <vector>

namespace Tributary::Cli {

namespace {

// A worker's peak resident memory from /proc (it is still running); 0 when unknown.
qint64 peakResidentBytes(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return 0;
}

struct Round
{
    int workers = 0;
    qint64 ms = 0;
    qint64 records = 0;      // read by the sources' first syncs
    qint64 peakBytes = 0;    // the largest worker's
    QStringList runsPerWorker; // "3", "5": how many sources each worker synced
    QString failure;         // why the round does not count; empty when it does
};

// The finished runs so far, or nothing while the workers have not made the state tables yet.
QList<RunRecord> finishedRuns(Database &db)
{
    if (!db.hasTable(QStringLiteral("tributary_runs")))
        return {};
    RunFilter filter;
    filter.finishedOnly = true;
    RunLog log(db);
    Result<QList<RunRecord>> runs = log.list(filter);
    return runs ? runs.value() : QList<RunRecord>();
}

Round runRound(int count, const WorkersBench &bench, const QList<ForumSize> &forums, BenchDatabase &db, const QString &configPath,
               const QDir &dir, QTextStream &err)
{
    Round round;
    round.workers = count;
    std::vector<std::unique_ptr<QProcess>> workers;
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < count; ++i) {
        auto worker = std::make_unique<QProcess>();
        worker->setProcessEnvironment(childEnvironment());
        const QString log = dir.absoluteFilePath(QStringLiteral("workers-%1-worker-%2.log").arg(count).arg(i + 1));
        worker->setStandardOutputFile(log);
        worker->setStandardErrorFile(log, QIODevice::Append);
        worker->start(QCoreApplication::applicationFilePath(),
                      {QStringLiteral("serve"), QStringLiteral("--config"), configPath, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
        workers.push_back(std::move(worker));
    }
    qint64 allRecords = 0;
    for (const ForumSize &f : forums)
        allRecords += f.records();
    // At least 100 records a second, and five minutes to start: a slower round is reported as stuck.
    QDeadlineTimer deadline(300000 + allRecords * 10);
    QList<RunRecord> runs;
    while (true) {
        if (Database *conn = db.connection(err))
            runs = finishedRuns(*conn);
        QSet<QString> done;
        for (const RunRecord &r : std::as_const(runs))
            done.insert(r.source);
        if (done.size() >= bench.sources)
            break;
        for (const auto &w : workers) {
            if (w->state() == QProcess::NotRunning && round.failure.isEmpty())
                round.failure = Tr::tr("a worker exited (%1), see %2").arg(w->exitCode()).arg(dir.absolutePath());
        }
        if (round.failure.isEmpty() && deadline.hasExpired())
            round.failure = Tr::tr("not every source had synced after %1").arg(Progress::duration(timer.elapsed()));
        if (!round.failure.isEmpty())
            break;
        // The workers are other processes: nothing here to wait on but their rows.
        QThread::msleep(100);
    }
    round.ms = timer.elapsed();
    for (const auto &w : workers)
        round.peakBytes = qMax(round.peakBytes, peakResidentBytes(w->processId()));
    for (const auto &w : workers)
        w->terminate();
    for (const auto &w : workers) {
        if (!w->waitForFinished(60000)) {
            w->kill();
            w->waitForFinished(5000);
        }
    }
    if (!round.failure.isEmpty())
        return round;
    QMap<QString, int> byWorker;
    QHash<QString, qint64> expected;
    for (int i = 0; i < forums.size(); ++i)
        expected.insert(benchSourceName(i, int(forums.size())), forums.at(i).records());
    for (const RunRecord &r : std::as_const(runs)) {
        const EntityCounts total = r.total();
        round.records += total.fetched;
        ++byWorker[r.worker];
        const qint64 want = expected.value(r.source);
        if (r.status != QLatin1String("ok") || total.fetched != want || total.quarantined || total.pending) {
            round.failure = Tr::tr("the first sync of %1 ended %2 with %3 of %4 records read, %5 quarantined, %6 pending: %7")
                                .arg(r.source, r.status, Progress::number(total.fetched), Progress::number(want),
                                     Progress::number(total.quarantined), Progress::number(total.pending), r.error);
            break;
        }
    }
    for (auto it = byWorker.cbegin(); it != byWorker.cend(); ++it)
        round.runsPerWorker.append(QString::number(it.value()));
    // Workers that synced nothing are shown as 0.
    while (round.runsPerWorker.size() < count)
        round.runsPerWorker.append(QStringLiteral("0"));
    return round;
}

} // namespace

int benchWorkers(const WorkersBench &bench, BenchDatabase &db, const QString &dirPath, QTextStream &out, QTextStream &err)
{
    const QDir dir(dirPath);
    QElapsedTimer t;
    t.start();
    QList<ForumSize> forums;
    qint64 records = 0;
    for (int i = 0; i < bench.sources; ++i) {
        // The messages shared out; the first forums take the remainder.
        const qint64 messages = bench.messages / bench.sources + (i < bench.messages % bench.sources ? 1 : 0);
        forums.append(benchForumSize(messages));
        records += forums.last().records();
        if (!generateForum(dir.absoluteFilePath(QStringLiteral("external-%1.sqlite").arg(i + 1)), forums.last(), quint64(i + 1), err))
            return ExitFailed;
    }
    out << Tr::tr("Generated %1 forums, %2 records (%3 messages) in %4")
               .arg(bench.sources)
               .arg(Progress::number(records), Progress::number(bench.messages), Progress::duration(t.elapsed()))
        << "\n";
    out.flush();

    std::vector<std::unique_ptr<ForumServer>> servers;
    QStringList urls;
    for (int i = 0; i < bench.sources; ++i) {
        servers.push_back(std::make_unique<ForumServer>());
        if (!servers.back()->start(dir.absoluteFilePath(QStringLiteral("external-%1.sqlite").arg(i + 1)), QString(), err))
            return ExitFailed;
        urls.append(servers.back()->url());
    }
    const QString configPath = dir.absoluteFilePath(QStringLiteral("tributary.json"));
    QString error;
    if (!writeBenchConfig(urls, db, bench.pageSize, configPath, &error)) {
        err << "tributaryd bench: " << error << "\n";
        return ExitFailed;
    }

    QList<Round> rounds;
    int code = ExitOk;
    for (int i = 0; i < bench.workers.size(); ++i) {
        if (i > 0 && !db.reset(err))
            return ExitFailed;
        rounds.append(runRound(bench.workers.at(i), bench, forums, db, configPath, dir, err));
        const Round &r = rounds.last();
        if (!r.failure.isEmpty()) {
            err << "tributaryd bench: " << Tr::tr("%n worker(s): ", nullptr, r.workers) << r.failure << "\n";
            code = ExitFailed;
        }
        //: Progress of the workers benchmark: one round done.
        out << Tr::tr("%n worker(s): every source synced in %1", nullptr, r.workers).arg(Progress::duration(r.ms)) << "\n";
        out.flush();
        if (i + 1 == bench.workers.size())
            printDatabaseSize(db, out, err);
    }
    for (auto &server : servers)
        server->stop();

    out << "\n"
        << Tr::tr("Tributary benchmark: %1 sources, %2 records over loopback HTTP, page size %3, main database %4")
               .arg(bench.sources)
               .arg(Progress::number(records))
               .arg(bench.pageSize)
               .arg(db.argument())
        << "\n";
    const TextTable table({{Tr::tr("workers"), 7}, {Tr::tr("time"), 10}, {Tr::tr("records read"), 13}, {Tr::tr("records/s"), 12},
                           {Tr::tr("peak memory"), 12}, {Tr::tr("sources per worker"), -18}});
    out << "  " << table.header() << "\n";
    for (const Round &r : std::as_const(rounds)) {
        // The last column is left-aligned: no padding after it.
        const QString row = table.row({QString::number(r.workers), Progress::duration(r.ms), Progress::number(r.records),
                                       Progress::number(qint64(r.records * 1000.0 / qMax<qint64>(1, r.ms))), mebibytes(r.peakBytes),
                                       r.runsPerWorker.join(QLatin1Char('+'))});
        qsizetype end = row.size();
        while (end > 0 && row.at(end - 1) == QLatin1Char(' '))
            --end;
        out << "  " << QStringView(row).left(end)
            << (r.failure.isEmpty() ? QString() : QStringLiteral("  ") + Tr::tr("(failed)")) << "\n";
    }
    //: How to read the workers benchmark's "peak memory" column.
    out << "  " << Tr::tr("peak memory: the largest worker's; files and worker logs: %1").arg(dir.absolutePath()) << "\n";
    return code;
}

} // namespace Tributary::Cli
