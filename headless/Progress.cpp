#include "Progress.h"

#include <QLocale>

#include <cstdio>
#include <sys/resource.h>
#include <unistd.h>

namespace Tributary {

Progress::Progress(QTextStream &out, QTextStream &err, bool interactive, bool quiet)
    : m_out(out), m_err(err), m_tty(interactive), m_quiet(quiet)
{
}

bool Progress::stderrIsTerminal() { return ::isatty(fileno(stderr)) == 1; }

QString Progress::number(qint64 n) { return QLocale(QLocale::English).toString(n); }

QString Progress::duration(qint64 ms)
{
    if (ms < 10000)
        return QString::number(ms / 1000.0, 'f', 2) + QStringLiteral(" s");
    const qint64 s = ms / 1000;
    return QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString Progress::peakMemory()
{
    struct rusage ru = {};
    ::getrusage(RUSAGE_SELF, &ru);
    return QString::number(ru.ru_maxrss / 1024.0, 'f', 1) + QStringLiteral(" MiB");
}

void Progress::sourceStarted(const QString &source)
{
    if (!m_quiet)
        m_err << (m_dryRun ? "Dry run of source " : "Syncing source ") << source << Qt::endl;
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
            bar += QStringLiteral("ETA %1  ").arg(duration(qint64((c.total - done) / rate * 1000)));
    }
    return QStringLiteral("  %1 %2%3 records  %4/s  %5")
        .arg(entity, -10)
        .arg(bar)
        .arg(number(done))
        .arg(number(qint64(rate)))
        .arg(final ? QStringLiteral("done in %1").arg(duration(ms)) : duration(ms));
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

void Progress::summary(const RunResult &r)
{
    if (m_tty && !m_quiet)
        m_err << "\r\x1b[K" << Qt::flush;
    if (m_dryRun) {
        dryRunSummary(r);
        return;
    }
    const QString what = r.kind == QLatin1String("reconcile")          ? QStringLiteral("reconciliation")
                       : r.kind == QLatin1String("quarantine-retry") ? QStringLiteral("quarantine retry")
                                                                     : r.kind + QStringLiteral(" sync");
    m_out << QStringLiteral("Source %1: %2, run %3, %4 in %5\n")
                 .arg(r.source, what).arg(r.runId).arg(RunResult::statusName(r.status).toUpper(), duration(r.elapsedMs));
    const QString header = QStringLiteral("  %1 %2 %3 %4 %5 %6 %7 %8 %9")
                               .arg(QStringLiteral("entity"), -10).arg(QStringLiteral("fetched"), 9).arg(QStringLiteral("skipped"), 8)
                               .arg(QStringLiteral("inserted"), 9).arg(QStringLiteral("linked"), 7).arg(QStringLiteral("updated"), 8)
                               .arg(QStringLiteral("unchanged"), 10).arg(QStringLiteral("pending"), 8).arg(QStringLiteral("quarantined"), 12);
    m_out << header << QStringLiteral(" %1\n").arg(QStringLiteral("conflicts"), 10);
    for (const QString &e : r.entityOrder) {
        if (!r.counts.contains(e))
            continue;
        const EntityCounts c = r.counts.value(e);
        m_out << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7 %8 %9")
                     .arg(e, -10).arg(number(c.fetched), 9).arg(number(c.skipped), 8).arg(number(c.inserted), 9).arg(number(c.linked), 7)
                     .arg(number(c.updated), 8).arg(number(c.unchanged), 10).arg(number(c.pending), 8).arg(number(c.quarantined), 12)
              << QStringLiteral(" %1\n").arg(number(c.conflicts), 10);
    }
    const EntityCounts t = r.total();
    if (t.written() == 0 && t.conflicts == 0 && !r.error)
        m_out << "  Nothing to write: the main database already had every change.\n";
    if (t.conflicts > 0)
        m_out << "  " << number(t.conflicts) << (t.conflicts == 1 ? " record" : " records")
              << " changed on both sides wait" << (t.conflicts == 1 ? "s" : "")
              << " for a person (the other fields were applied); see: tributaryd conflicts list.\n";
    if (t.skipped > 0)
        m_out << "  skipped: records at the cursor's boundary, already applied by an earlier run.\n";
    if (t.retries > 0)
        m_out << "  " << number(t.retries) << " requests were retried after transient failures.\n";
    if (t.deleted > 0 || t.restored > 0)
        m_out << "  " << number(t.deleted) << " rows deleted (records gone at the source), " << number(t.restored) << " restored (records back).\n";
    if (t.pending > 0)
        m_out << "  " << number(t.pending) << " records still wait for a referenced record; the next run retries them.\n";
    if (t.quarantined > 0)
        m_out << "  " << number(t.quarantined) << " records were quarantined; see: tributaryd quarantine list.\n";
    if (r.error)
        m_out << "  Error: " << r.error.message << "\n";
    m_out << "  Peak memory: " << peakMemory() << "\n";
    m_out.flush();
}

void Progress::dryRunSummary(const RunResult &r)
{
    // The run id and the times belong to the throwaway database: not shown.
    const QString what = r.kind == QLatin1String("reconcile") ? QStringLiteral("reconciliation") : r.kind + QStringLiteral(" sync");
    m_out << QStringLiteral("Source %1: DRY RUN of the %2, would end %3 (%4). Nothing was written to the main database.\n")
                 .arg(r.source, what, RunResult::statusName(r.status).toUpper(), duration(r.elapsedMs));
    m_out << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7 %8 %9\n")
                 .arg(QStringLiteral("entity"), -10).arg(QStringLiteral("fetched"), 9).arg(QStringLiteral("would insert"), 13)
                 .arg(QStringLiteral("update"), 8).arg(QStringLiteral("delete"), 8).arg(QStringLiteral("link"), 6)
                 .arg(QStringLiteral("conflicts"), 10).arg(QStringLiteral("quarantine"), 11).arg(QStringLiteral("unchanged"), 10);
    for (const QString &e : r.entityOrder) {
        if (!r.counts.contains(e))
            continue;
        const EntityCounts c = r.counts.value(e);
        m_out << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7 %8 %9\n")
                     .arg(e, -10).arg(number(c.fetched), 9).arg(number(c.inserted), 13).arg(number(c.updated), 8)
                     .arg(number(c.deleted), 8).arg(number(c.linked), 6).arg(number(c.conflicts), 10)
                     .arg(number(c.quarantined), 11).arg(number(c.unchanged), 10);
    }
    const EntityCounts t = r.total();
    if (t.written() == 0 && t.conflicts == 0 && t.quarantined == 0 && !r.error)
        m_out << "  Nothing to write: the main database already has every change.\n";
    if (t.restored > 0)
        m_out << "  " << number(t.restored) << " deleted rows would be restored (records back at the source).\n";
    if (t.pending > 0)
        m_out << "  " << number(t.pending) << " records would wait for a referenced record.\n";
    if (t.quarantined > 0)
        m_out << "  " << number(t.quarantined) << " records would be quarantined.\n";
    if (t.conflicts > 0)
        m_out << "  " << number(t.conflicts) << (t.conflicts == 1 ? " conflict" : " conflicts")
              << " would wait for a person (a field changed on both sides, or a delete that meets a local edit).\n";
    if (r.error)
        m_out << "  Error: " << r.error.message << "\n";
    m_out.flush();
}

} // namespace Tributary
