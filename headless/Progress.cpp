#include "Progress.h"

#include "JsonReport.h"
#include "TextTable.h"
#include "Tr.h"

#include <QLocale>

#include <cstdio>
#include <limits>
#include <sys/resource.h>
#include <unistd.h>

namespace Tributary {

using Cli::TextTable;

Progress::Progress(QTextStream &out, QTextStream &err, bool interactive, bool quiet)
    : m_out(out), m_err(err), m_tty(interactive), m_quiet(quiet)
{
}

bool Progress::stderrIsTerminal() { return ::isatty(fileno(stderr)) == 1; }

QString Progress::number(qint64 n) { return QLocale(QLocale::English).toString(n); }

int Progress::count(qint64 n) { return int(qMin<qint64>(n, std::numeric_limits<int>::max())); }

QString Progress::duration(qint64 ms)
{
    if (ms < 10000)
        return QString::number(ms / 1000.0, 'f', 2) + QStringLiteral(" s");
    const qint64 s = ms / 1000;
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString Progress::peakMemory()
{
    return QString::number(peakMemoryBytes() / 1048576.0, 'f', 1) + QStringLiteral(" MiB");
}

qint64 Progress::peakMemoryBytes()
{
    struct rusage ru = {};
    ::getrusage(RUSAGE_SELF, &ru);
    return qint64(ru.ru_maxrss) * 1024; // kilobytes on Linux
}

void Progress::sourceStarted(const QString &source)
{
    m_sourceStartedAt = QDateTime::currentDateTimeUtc();
    if (!m_quiet)
        m_err << (m_dryRun ? Cli::Tr::tr("Dry run of source %1") : Cli::Tr::tr("Syncing source %1")).arg(source) << Qt::endl;
}

void Progress::entityStarted(const QString &entity)
{
    m_entityTimer.start();
    m_lastPrint.start();
    if (m_quiet)
        return;
    if (m_tty)
        m_err << "\r\x1b[K" << line(entity, EntityCounts(), false) << Qt::flush;
}

QString Progress::line(const QString &entity, const EntityCounts &c, bool final) const
{
    const qint64 ms = qMax<qint64>(1, m_entityTimer.elapsed());
    const qint64 done = c.fetched;
    const double rate = done * 1000.0 / ms;
    QString bar;
    if (c.total > 0) {
        const double f = qBound(0.0, double(done) / double(c.total), 1.0);
        const int width = 24;
        const int filled = int(f * width);
        bar = QStringLiteral("[%1%2] %3%  ").arg(QString(filled, QLatin1Char('#')), QString(width - filled, QLatin1Char('-')))
                  .arg(int(f * 100), 3);
        if (!final && rate > 0 && c.total > done)
            bar += Cli::Tr::tr("ETA %1").arg(duration(qint64((c.total - done) / rate * 1000))) + QStringLiteral("  ");
    }
    //: Progress of one entity: records fetched so far, records per second, time.
    return QStringLiteral("  %1 %2").arg(entity.leftJustified(10), bar)
        + Cli::Tr::tr("%1 record(s)  %2/s  %3", nullptr, count(done))
              .arg(number(done), number(qint64(rate)), final ? Cli::Tr::tr("done in %1").arg(duration(ms)) : duration(ms));
}

void Progress::update(const QString &entity, const EntityCounts &counts)
{
    if (m_quiet)
        return;
    if (m_tty) {
        m_err << "\r\x1b[K" << line(entity, counts, false) << Qt::flush;
    } else if (m_lastPrint.elapsed() >= 2000) {
        m_lastPrint.restart();
        m_err << line(entity, counts, false) << Qt::endl;
    }
}

void Progress::entityFinished(const QString &entity, const EntityCounts &counts)
{
    if (m_quiet)
        return;
    if (m_tty)
        m_err << "\r\x1b[K";
    m_err << line(entity, counts, true) << Qt::endl;
}

QString Progress::runStatus(const QString &status)
{
    if (status == QLatin1String("ok"))
        return Cli::Tr::tr("OK");
    if (status == QLatin1String("partial"))
        return Cli::Tr::tr("PARTIAL");
    if (status == QLatin1String("failed"))
        return Cli::Tr::tr("FAILED");
    if (status == QLatin1String("interrupted"))
        return Cli::Tr::tr("INTERRUPTED");
    if (status == QLatin1String("paused"))
        return Cli::Tr::tr("PAUSED");
    if (status == QLatin1String("running"))
        return Cli::Tr::tr("RUNNING");
    return status.toUpper();
}

void Progress::summary(const RunResult &r)
{
    if (m_tty && !m_quiet)
        m_err << "\r\x1b[K" << Qt::flush;
    if (m_json) {
        m_runs.append(Cli::JsonReport::run(r, m_sourceStartedAt, m_dryRun));
        return;
    }
    if (m_dryRun) {
        dryRunSummary(r);
        return;
    }
    //: A run's summary: source, kind of run, run id, status, time taken.
    m_out << Cli::Tr::tr("Source %1: %2, run %3, %4 in %5")
                 .arg(r.source, RunKinds::describe(r.kind), QString::number(r.runId), runStatus(RunResult::statusName(r.status)), duration(r.elapsedMs))
          << "\n";
    const TextTable table({{Cli::Tr::tr("entity"), -10}, {Cli::Tr::tr("fetched"), 9}, {Cli::Tr::tr("skipped"), 8}, {Cli::Tr::tr("inserted"), 9},
                           {Cli::Tr::tr("linked"), 7}, {Cli::Tr::tr("updated"), 8}, {Cli::Tr::tr("unchanged"), 10}, {Cli::Tr::tr("pending"), 8},
                           {Cli::Tr::tr("quarantined"), 12}, {Cli::Tr::tr("conflicts"), 10}});
    m_out << "  " << table.header() << "\n";
    for (const QString &e : r.entityOrder) {
        if (!r.counts.contains(e))
            continue;
        const EntityCounts c = r.counts.value(e);
        m_out << "  "
              << table.row({e, number(c.fetched), number(c.skipped), number(c.inserted), number(c.linked), number(c.updated),
                            number(c.unchanged), number(c.pending), number(c.quarantined), number(c.conflicts)})
              << "\n";
    }
    const EntityCounts t = r.total();
    if (t.written() == 0 && t.conflicts == 0 && t.pushed == 0 && t.refused == 0 && !r.error)
        m_out << "  " << Cli::Tr::tr("Nothing to write: the main database already had every change.") << "\n";
    if (t.conflicts > 0)
        m_out << "  "
              << Cli::Tr::tr("%1 record(s) changed on both sides wait(s) for a person (the other fields were applied); see: tributaryd conflicts list.",
                        nullptr, count(t.conflicts))
                     .arg(number(t.conflicts))
              << "\n";
    if (t.skipped > 0)
        m_out << "  " << Cli::Tr::tr("skipped: records at the cursor's boundary, already applied by an earlier run.") << "\n";
    if (t.retries > 0)
        m_out << "  " << Cli::Tr::tr("%1 request(s) retried after transient failures.", nullptr, count(t.retries)).arg(number(t.retries)) << "\n";
    if (t.deleted > 0 || t.restored > 0)
        m_out << "  "
              << Cli::Tr::tr("%1 row(s) deleted (records gone at the source), %2 restored (records back).", nullptr, count(t.deleted))
                     .arg(number(t.deleted), number(t.restored))
              << "\n";
    if (t.pending > 0)
        m_out << "  "
              << Cli::Tr::tr("%1 record(s) still wait(s) for a referenced record; the next run retries them.", nullptr, count(t.pending))
                     .arg(number(t.pending))
              << "\n";
    if (t.quarantined > 0)
        m_out << "  "
              << Cli::Tr::tr("%1 record(s) quarantined; see: tributaryd quarantine list.", nullptr, count(t.quarantined)).arg(number(t.quarantined))
              << "\n";
    if (t.pushed > 0)
        m_out << "  "
              << Cli::Tr::tr("%1 change(s) of the main database pushed to the source.", nullptr, count(t.pushed)).arg(number(t.pushed))
              << "\n";
    if (t.refused > 0)
        m_out << "  "
              << Cli::Tr::tr("%1 change(s) refused by the source; see: tributaryd outbox list --refused.", nullptr, count(t.refused))
                     .arg(number(t.refused))
              << "\n";
    if (r.status == RunStatus::Paused)
        //: A paused run's note: when it goes on (local time), then why it stopped.
        m_out << "  " << Cli::Tr::tr("Paused until %1: %2").arg(QLocale().toString(r.resumesAt.toLocalTime(), QLocale::ShortFormat),
                                                                   r.error.message)
              << "\n";
    else if (r.error)
        m_out << "  " << Cli::Tr::tr("Error: %1").arg(r.error.message) << "\n";
    m_out << "  " << Cli::Tr::tr("Peak memory: %1").arg(peakMemory()) << "\n";
    m_out.flush();
}

void Progress::dryRunSummary(const RunResult &r)
{
    // The run id and the times belong to the throwaway database: not shown.
    //: A dry run's summary: source, kind of run, status it would end with, time taken.
    m_out << Cli::Tr::tr("Source %1: DRY RUN of the %2, would end %3 (%4). Nothing was written to the main database.")
                 .arg(r.source, RunKinds::describe(r.kind), runStatus(RunResult::statusName(r.status)), duration(r.elapsedMs))
          << "\n";
    const TextTable table({{Cli::Tr::tr("entity"), -10}, {Cli::Tr::tr("fetched"), 9}, {Cli::Tr::tr("would insert"), 13}, {Cli::Tr::tr("update"), 8},
                           {Cli::Tr::tr("delete"), 8}, {Cli::Tr::tr("link"), 6}, {Cli::Tr::tr("conflicts"), 10}, {Cli::Tr::tr("quarantine"), 11},
                           {Cli::Tr::tr("unchanged"), 10}});
    m_out << "  " << table.header() << "\n";
    for (const QString &e : r.entityOrder) {
        if (!r.counts.contains(e))
            continue;
        const EntityCounts c = r.counts.value(e);
        m_out << "  "
              << table.row({e, number(c.fetched), number(c.inserted), number(c.updated), number(c.deleted), number(c.linked),
                            number(c.conflicts), number(c.quarantined), number(c.unchanged)})
              << "\n";
    }
    const EntityCounts t = r.total();
    if (t.written() == 0 && t.conflicts == 0 && t.quarantined == 0 && !r.error)
        m_out << "  " << Cli::Tr::tr("Nothing to write: the main database already has every change.") << "\n";
    if (t.restored > 0)
        m_out << "  "
              << Cli::Tr::tr("%1 deleted row(s) would be restored (records back at the source).", nullptr, count(t.restored)).arg(number(t.restored))
              << "\n";
    if (t.pending > 0)
        m_out << "  " << Cli::Tr::tr("%1 record(s) would wait for a referenced record.", nullptr, count(t.pending)).arg(number(t.pending)) << "\n";
    if (t.quarantined > 0)
        m_out << "  " << Cli::Tr::tr("%1 record(s) would be quarantined.", nullptr, count(t.quarantined)).arg(number(t.quarantined)) << "\n";
    if (t.conflicts > 0)
        m_out << "  "
              << Cli::Tr::tr("%1 conflict(s) would wait for a person (a field changed on both sides, or a delete that meets a local edit).",
                        nullptr, count(t.conflicts))
                     .arg(number(t.conflicts))
              << "\n";
    if (r.error)
        m_out << "  " << Cli::Tr::tr("Error: %1").arg(r.error.message) << "\n";
    m_out.flush();
}

} // namespace Tributary
