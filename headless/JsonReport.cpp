#include "JsonReport.h"

#include "CliCommon.h"
#include "ExitCode.h"
#include "Progress.h"

#include <QJsonDocument>

namespace Tributary::Cli {

JsonReport::JsonReport(const QString &command, const QStringList &args, QTextStream &out)
    // parse() reads single-dash words as long options: -json is --json.
    : m_command(command), m_out(out), m_enabled(args.contains(QStringLiteral("--json")) || args.contains(QStringLiteral("-json"))),
      m_startedAt(QDateTime::currentDateTimeUtc())
{
    m_timer.start();
}

void JsonReport::setError(const Error &error)
{
    if (!m_error)
        m_error = error;
}

int JsonReport::refused(const QCommandLineParser &parser, int code)
{
    if (code == ExitOk) // --help
        return code;
    setError(Error(Error::Code::Config, parseProblem(parser)));
    return finish(code);
}

int JsonReport::finish(int exitCode)
{
    if (!m_enabled)
        return exitCode;
    // The envelope first, the command's own keys after it; a key the command set wins.
    QJsonObject doc{{QStringLiteral("schema"), kSchema},
                    {QStringLiteral("command"), m_command},
                    {QStringLiteral("status"), status(exitCode)},
                    {QStringLiteral("exit_code"), exitCode},
                    {QStringLiteral("error"), error(m_error)},
                    {QStringLiteral("started_at"), time(m_startedAt)},
                    {QStringLiteral("finished_at"), time(QDateTime::currentDateTimeUtc())},
                    {QStringLiteral("duration_ms"), m_timer.elapsed()}};
    for (auto it = m_document.constBegin(); it != m_document.constEnd(); ++it)
        doc.insert(it.key(), it.value());
    m_out << QJsonDocument(doc).toJson(QJsonDocument::Indented);
    m_out.flush();
    return exitCode;
}

QJsonValue JsonReport::time(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QJsonValue JsonReport::error(const Error &e)
{
    if (!e)
        return QJsonValue();
    return QJsonObject{{QStringLiteral("code"), Error::codeName(e.code)}, {QStringLiteral("message"), e.message}};
}

QJsonObject JsonReport::counts(const EntityCounts &c)
{
    // Every key always, unlike EntityCounts::toJson() (the stored history), which leaves out what
    // a read-only source never counts.
    return QJsonObject{{QStringLiteral("fetched"), c.fetched},     {QStringLiteral("skipped"), c.skipped},
                       {QStringLiteral("inserted"), c.inserted},   {QStringLiteral("linked"), c.linked},
                       {QStringLiteral("updated"), c.updated},     {QStringLiteral("unchanged"), c.unchanged},
                       {QStringLiteral("pending"), c.pending},     {QStringLiteral("quarantined"), c.quarantined},
                       {QStringLiteral("conflicts"), c.conflicts}, {QStringLiteral("deleted"), c.deleted},
                       {QStringLiteral("restored"), c.restored},   {QStringLiteral("retries"), c.retries},
                       {QStringLiteral("pushed"), c.pushed},       {QStringLiteral("refused"), c.refused}};
}

QJsonObject JsonReport::run(const RunResult &r, const QDateTime &startedAt, bool dryRun)
{
    QJsonArray entities;
    for (const QString &e : r.entityOrder) {
        if (!r.counts.contains(e))
            continue;
        QJsonObject o = counts(r.counts.value(e));
        o.insert(QStringLiteral("entity"), e);
        const qint64 total = r.counts.value(e).total;
        o.insert(QStringLiteral("total"), total < 0 ? QJsonValue() : QJsonValue(total));
        entities.append(o);
    }
    QJsonValue heldBy;
    if (r.heldBy)
        heldBy = QJsonObject{{QStringLiteral("worker"), r.heldBy->worker()}, {QStringLiteral("expires_at"), time(r.heldBy->expiresAt())}};
    // A dry run's id and a run that never began (held_by) have no row in the run history.
    const bool recorded = !dryRun && !r.heldBy && r.runId > 0;
    return QJsonObject{{QStringLiteral("source"), r.source},
                       {QStringLiteral("kind"), r.kindName()},
                       {QStringLiteral("run_id"), recorded ? QJsonValue(r.runId) : QJsonValue()},
                       {QStringLiteral("status"), RunResult::statusName(r.status)},
                       {QStringLiteral("resumes_at"), r.status == RunStatus::Paused ? time(r.resumesAt) : QJsonValue()},
                       {QStringLiteral("error"), error(r.error)},
                       {QStringLiteral("started_at"), time(startedAt)},
                       {QStringLiteral("finished_at"), time(startedAt.isValid() ? startedAt.addMSecs(r.elapsedMs) : QDateTime())},
                       {QStringLiteral("duration_ms"), r.elapsedMs},
                       {QStringLiteral("held_by"), heldBy},
                       {QStringLiteral("entities"), entities},
                       {QStringLiteral("totals"), counts(r.total())}};
}

QString JsonReport::status(int exitCode)
{
    switch (exitCode) {
    case ExitOk: return QStringLiteral("ok");
    case ExitPartial: return QStringLiteral("partial");
    case ExitDifferent: return QStringLiteral("different");
    case ExitInterrupted: return QStringLiteral("interrupted");
    default: return QStringLiteral("failed");
    }
}

} // namespace Tributary::Cli
