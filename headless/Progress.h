#pragma once

#include "state/RunCounts.h"
#include "engine/run/Run.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QTextStream>

namespace Tributary {

// Shows a sync as it runs: on a terminal one live progress line per entity (a bar when the
// source reports a total), elsewhere plain lines a log can keep. Summaries go to `out`.
class Progress
{
public:
    Progress(QTextStream &out, QTextStream &err, bool interactive, bool quiet = false);

    // Dry run: summaries say what a run would write (see DryRun), not what it wrote.
    void setDryRun(bool dryRun) { m_dryRun = dryRun; }
    // --json: the summaries are kept for the document (runs()) instead of printed on `out`;
    // progress lines still go to `err`.
    void setJson(bool json) { m_json = json; }
    // Each run's summary so far, as JsonReport::run() shapes it.
    const QJsonArray &runs() const { return m_runs; }

    void sourceStarted(const QString &source);
    void entityStarted(const QString &entity);
    void update(const QString &entity, const EntityCounts &counts);
    void entityFinished(const QString &entity, const EntityCounts &counts);
    void summary(const RunResult &result);

    static bool stderrIsTerminal();
    static QString number(qint64 n);
    static QString duration(qint64 ms);
    static QString peakMemory(); // this process's peak resident memory, e.g. "84.2 MiB"
    static qint64 peakMemoryBytes();
    // The n that picks a translated message's plural form (Tr::tr(text, nullptr, count(n))).
    static int count(qint64 n);
    // For people: "OK", "PARTIAL", ..., translated (run kinds: RunKinds::describe()).
    static QString runStatus(const QString &status);

private:
    QString line(const QString &entity, const EntityCounts &counts, bool final) const;
    void dryRunSummary(const RunResult &result);

    QTextStream &m_out;
    QTextStream &m_err;
    bool m_tty;
    bool m_quiet;
    bool m_dryRun = false;
    bool m_json = false;
    QJsonArray m_runs;
    QDateTime m_sourceStartedAt;
    QElapsedTimer m_entityTimer;
    QElapsedTimer m_lastPrint;
};

} // namespace Tributary
