#include "Context.h"

#include "net/RequestBudget.h"

#include "ExitCode.h"
#include "JsonReport.h"
#include "Progress.h"
#include "SignalWatcher.h"
#include "TextTable.h"
#include "Tr.h"
#include "engine/Source.h"
#include "engine/SourceRegistry.h"
#include "state/Migrations.h"
#include "store/Database.h"
#include "util/Logging.h"

#include <QEventLoop>
#include <QJsonArray>

namespace Tributary {

using Cli::TextTable;

Context::~Context() = default;

std::unique_ptr<Context> Context::open(const QString &configPath, QTextStream &err, int *exitCode, bool migrate, Error *why)
{
    std::unique_ptr<Context> c(new Context);
    auto refuse = [&](int code, const Error &error, const QStringList &problems = {}) -> std::unique_ptr<Context> {
        err << "tributaryd: " << error.message << "\n";
        for (const QString &p : problems)
            err << "  " << p << "\n";
        *exitCode = code;
        if (why) {
            *why = error;
            if (!problems.isEmpty())
                why->message += QLatin1Char(' ') + problems.join(QStringLiteral("; "));
        }
        return nullptr;
    };
    QStringList problems;
    if (configPath.isEmpty())
        return refuse(ExitUsage, Error(Error::Code::Config, Cli::Tr::tr("--config FILE is required")));
    if (!Config::load(configPath, &c->m_config, &problems))
        return refuse(ExitUsage, Error(Error::Code::Config, Cli::Tr::tr("the configuration %1 is not valid:").arg(configPath)), problems);
    // Every request of this process to one host draws from one budget, set from the file once.
    RequestBudgets::instance().configure(c->m_config.hosts);
    Error error;
    c->m_db = Database::open(c->m_config.database, c->m_config.baseDir(), &error);
    if (!c->m_db || (migrate && !Migrations::run(*c->m_db, &error))) {
        error.message = error.toString(); // what was printed, the database's own words with it
        return refuse(error.code == Error::Code::Config ? ExitUsage : ExitFailed, error);
    }
    problems = checkSchema(*c->m_db, c->m_config);
    if (!problems.isEmpty())
        return refuse(ExitUsage, Error(Error::Code::Config, Cli::Tr::tr("the configuration does not match the main database %1:").arg(c->m_db->name())),
                      problems);
    *exitCode = ExitOk;
    return c;
}

QList<const SourceConfig *> Context::sources(const QString &name, QTextStream &err, int *exitCode, Error *error) const
{
    QList<const SourceConfig *> out;
    if (!name.isEmpty()) {
        const SourceConfig *s = m_config.source(name);
        if (!s) {
            QStringList names;
            for (const SourceConfig &sc : m_config.sources)
                names.append(sc.name);
            const QString message = Cli::Tr::tr("no source \"%1\" in the configuration (it has: %2)").arg(name, names.join(QStringLiteral(", ")));
            err << "tributaryd: " << message << "\n";
            *exitCode = ExitUsage;
            if (error)
                *error = Error(Error::Code::NotFound, message);
            return {};
        }
        out.append(s);
    } else {
        for (const SourceConfig &s : m_config.sources) {
            if (s.enabled)
                out.append(&s);
        }
    }
    *exitCode = ExitOk;
    return out;
}

std::unique_ptr<Source> Context::createSource(const SourceConfig &source)
{
    return SourceRegistry::create(source, &m_nam);
}

QList<SourceAdmin::SourceState> Context::removedSources()
{
    Error error;
    QList<SourceAdmin::SourceState> out = SourceAdmin::removedSources(*m_db, m_config, &error);
    if (error)
        qCWarning(lcEngine).noquote() << "cannot list the sources removed from the configuration:" << error.toString();
    return out;
}

QString Context::removedSourceNotice(const SourceAdmin::SourceState &s)
{
    return Cli::Tr::tr("source \"%1\" is no longer in the configuration: its %2 linked row(s) stay(s) in place in the main database; "
                  "'tributaryd source detach %1' forgets its links, 'tributaryd source purge %1' deletes the rows only it brought.",
                  nullptr, Progress::count(s.links))
        .arg(s.name, Progress::number(s.links));
}

void Context::noticeRemovedSources(QTextStream &stream)
{
    for (const SourceAdmin::SourceState &s : removedSources())
        stream << removedSourceNotice(s) << "\n";
    stream.flush();
}

namespace {
int exitCodeFor(const RunResult &r)
{
    switch (r.status) {
    case RunResult::Status::Ok: return ExitOk;
    case RunResult::Status::Paused: return ExitOk; // a success that goes on later (resumesAt)
    case RunResult::Status::Partial: return ExitPartial;
    case RunResult::Status::Interrupted: return ExitInterrupted;
    case RunResult::Status::Running: // never the status of a finished run
    case RunResult::Status::Failed:
        if (r.error.code == Error::Code::Auth)
            return ExitAuth;
        return r.error.code == Error::Code::Config ? ExitUsage : ExitFailed;
    }
    return ExitFailed;
}

// The most serious status wins: a script sees the worst thing that happened.
int worse(int a, int b)
{
    static const int rank[] = {0, 5, 7, 1, 6, 2, 3}; // ok < partial < different < interrupted < failed < auth < usage
    auto r = [](int code) { return code >= 0 && code <= 6 ? rank[code] : 8; };
    return r(a) >= r(b) ? a : b;
}
} // namespace

int Context::sync(const QList<const SourceConfig *> &sources, const RunRequest &request, Progress &progress,
                  SignalWatcher *watcher, QList<RunResult> *results)
{
    return sync(*m_db, sources, request, progress, watcher, results);
}

int Context::sync(Database &db, const QList<const SourceConfig *> &sources, const RunRequest &request, Progress &progress,
                  SignalWatcher *watcher, QList<RunResult> *results)
{
    int code = ExitOk;
    for (const SourceConfig *s : sources) {
        if (watcher && watcher->lastSignal())
            return worse(code, ExitInterrupted);
        std::unique_ptr<Source> impl = createSource(*s);
        if (!impl)
            return ExitUsage;
        progress.sourceStarted(s->name);
        const std::unique_ptr<Run> owned = Run::create(db, m_config, *s, impl.get(), request);
        Run &run = *owned;
        QEventLoop loop;
        QObject::connect(&run, &Run::entityStarted, &run, [&](const QString &e) { progress.entityStarted(e); });
        QObject::connect(&run, &Run::progress, &run, [&](const QString &e, const EntityCounts &c) { progress.update(e, c); });
        QObject::connect(&run, &Run::entityFinished, &run, [&](const QString &e, const EntityCounts &c) { progress.entityFinished(e, c); });
        QObject::connect(&run, &Run::finished, &loop, &QEventLoop::quit);
        if (watcher)
            QObject::connect(watcher, &SignalWatcher::stopRequested, &run, &Run::stop);
        run.start();
        loop.exec();
        progress.summary(run.result());
        if (results)
            results->append(run.result());
        code = worse(code, exitCodeFor(run.result()));
    }
    return code;
}

namespace {

QString checkName(Verifier::Check::Kind kind)
{
    switch (kind) {
    //: verify: the check that the walk of the source kept its invariants and reached its end
    case Verifier::Check::Kind::Walk: return Cli::Tr::tr("walk");
    //: verify: the check of the source's own total
    case Verifier::Check::Kind::Total: return Cli::Tr::tr("total");
    //: verify: the check of the source's id listing against the walk
    case Verifier::Check::Kind::IdScan: return Cli::Tr::tr("id scan");
    //: verify: the check for links to records gone from the source
    case Verifier::Check::Kind::Extras: return Cli::Tr::tr("extras");
    }
    return {};
}

QString outcomeName(Verifier::Check::Outcome outcome)
{
    switch (outcome) {
    case Verifier::Check::Outcome::Passed: return Cli::Tr::tr("ok");
    case Verifier::Check::Outcome::Failed: return Cli::Tr::tr("FAILED");
    case Verifier::Check::Outcome::NotChecked: return Cli::Tr::tr("not checked");
    }
    return {};
}

// verify --json: one source's reports (docs/json-output.md, "verify"). The names are the machine
// ones, never translated; `message` and `examples` are for people.
QJsonObject verifyJson(const QString &source, const Verifier &v, int exitCode)
{
    static const char *const kCheckIds[] = {"walk", "total", "id_scan", "extras"};
    static const char *const kResults[] = {"passed", "failed", "not_checked"};
    auto optional = [](qint64 n) { return n < 0 ? QJsonValue() : QJsonValue(n); };
    QJsonArray entities;
    for (const Verifier::EntityReport &r : v.reports()) {
        QJsonArray checks;
        for (const Verifier::Check &c : r.checks)
            checks.append(QJsonObject{{QStringLiteral("check"), QLatin1String(kCheckIds[int(c.kind)])},
                                      {QStringLiteral("result"), QLatin1String(kResults[int(c.outcome)])},
                                      {QStringLiteral("message"), c.text}});
        entities.append(QJsonObject{{QStringLiteral("entity"), r.entity},
                                    {QStringLiteral("source_records"), r.sourceRecords},
                                    {QStringLiteral("matching"), r.matching},
                                    {QStringLiteral("missing"), r.missing},
                                    {QStringLiteral("extra"), r.extra},
                                    {QStringLiteral("different"), r.different},
                                    {QStringLiteral("kept_local"), r.diverged},
                                    {QStringLiteral("conflicts"), r.conflicts},
                                    {QStringLiteral("quarantined"), r.invalid},
                                    {QStringLiteral("before_start"), r.beforeStart},
                                    {QStringLiteral("walked_ids"), r.walkedIds},
                                    {QStringLiteral("source_total"), optional(r.sourceTotal)},
                                    {QStringLiteral("linked_rows"), optional(r.linkedRows)},
                                    {QStringLiteral("listed_ids"), optional(r.listedIds)},
                                    {QStringLiteral("listed_not_walked"), r.listedNotWalked},
                                    {QStringLiteral("walked_not_listed"), r.walkedNotListed},
                                    {QStringLiteral("checks"), checks},
                                    {QStringLiteral("examples"), QJsonArray::fromStringList(r.examples)}});
    }
    return QJsonObject{{QStringLiteral("source"), source},
                       {QStringLiteral("status"), Cli::JsonReport::status(exitCode)},
                       {QStringLiteral("in_sync"), !v.error() && v.isInSync()},
                       {QStringLiteral("not_checked"), v.uncheckedCount()},
                       {QStringLiteral("error"), Cli::JsonReport::error(v.error())},
                       {QStringLiteral("entities"), entities}};
}

} // namespace

int Context::verify(const QList<const SourceConfig *> &sources, QTextStream &out, QTextStream &err, SignalWatcher *watcher, QJsonArray *json)
{
    int code = ExitOk;
    for (const SourceConfig *s : sources) {
        std::unique_ptr<Source> impl = createSource(*s);
        if (!impl)
            return ExitUsage;
        err << Cli::Tr::tr("Verifying source %1 against the main database...").arg(s->name) << "\n";
        err.flush();
        Verifier v(*m_db, m_config, *s, impl.get());
        QEventLoop loop;
        QObject::connect(&v, &Verifier::finished, &loop, &QEventLoop::quit);
        if (watcher)
            QObject::connect(watcher, &SignalWatcher::stopRequested, &v, &Verifier::stop);
        v.start();
        loop.exec();
        const int verdict = !v.error()                                     ? (v.isInSync() ? ExitOk : ExitDifferent)
                            : v.error().code == Error::Code::Auth    ? ExitAuth
                            : v.error().code == Error::Code::Aborted ? ExitInterrupted
                                                                     : ExitFailed;
        code = worse(code, verdict);
        if (json) {
            json->append(verifyJson(s->name, v, verdict));
            continue;
        }
        out << Cli::Tr::tr("Source %1:").arg(s->name) << "\n";
        const TextTable table({{Cli::Tr::tr("entity"), -10}, {Cli::Tr::tr("at source"), 10}, {Cli::Tr::tr("matching"), 9}, {Cli::Tr::tr("missing"), 8},
                               {Cli::Tr::tr("extra"), 6}, {Cli::Tr::tr("different"), 10}, {Cli::Tr::tr("kept local"), 12}, {Cli::Tr::tr("conflicts"), 10},
                               {Cli::Tr::tr("quarantined"), 12}});
        out << "  " << table.header() << "\n";
        for (const Verifier::EntityReport &r : v.reports()) {
            out << "  "
                << table.row({r.entity, Progress::number(r.sourceRecords), Progress::number(r.matching), Progress::number(r.missing),
                              Progress::number(r.extra), Progress::number(r.different), Progress::number(r.diverged),
                              Progress::number(r.conflicts), Progress::number(r.invalid)})
                << "\n";
        }
        // The checks besides the record-by-record comparison: the walk's invariants, the source's
        // total, the id scan, and what could not be checked.
        // The names' widths in the language shown ("ID-Auflistung", "nicht geprüft").
        int checkWidth = 8, resultWidth = 11;
        for (const Verifier::EntityReport &r : v.reports()) {
            for (const Verifier::Check &c : r.checks) {
                checkWidth = qMax(checkWidth, int(checkName(c.kind).size()));
                resultWidth = qMax(resultWidth, int(outcomeName(c.outcome).size()));
            }
        }
        const TextTable checks({{Cli::Tr::tr("entity"), -10}, {Cli::Tr::tr("check"), -checkWidth}, {Cli::Tr::tr("result"), -resultWidth},
                                {Cli::Tr::tr("what was found"), 0}});
        bool anyCheck = false;
        for (const Verifier::EntityReport &r : v.reports())
            anyCheck = anyCheck || !r.checks.isEmpty();
        if (anyCheck)
            out << "  " << checks.header() << "\n";
        for (const Verifier::EntityReport &r : v.reports()) {
            for (const Verifier::Check &c : r.checks)
                out << "  " << checks.row({r.entity, checkName(c.kind), outcomeName(c.outcome), c.text}) << "\n";
        }
        for (const Verifier::EntityReport &r : v.reports()) {
            for (const QString &e : r.examples)
                out << "    " << Cli::Tr::tr("e.g. %1").arg(e) << "\n";
        }
        bool held = false;
        qint64 beforeStart = 0;
        for (const Verifier::EntityReport &r : v.reports()) {
            held = held || r.invalid > 0;
            beforeStart += r.beforeStart;
        }
        if (beforeStart > 0)
            out << "  "
                << Cli::Tr::tr("before start: %1 record(s) changed before the source's start (sources.%2.start) and are not imported, by "
                               "configuration; they are not counted as missing.",
                               nullptr, Progress::count(beforeStart))
                       .arg(Progress::number(beforeStart), s->name)
                << "\n";
        if (held)
            out << "  "
                << Cli::Tr::tr("quarantined: records held with their reason (tributaryd quarantine list). No sync or reconciliation applies "
                               "them while the cause remains: fix it at the source or in the mapping, then run tributaryd quarantine retry.")
                << "\n";
        if (v.error()) {
            out << "  " << Cli::Tr::tr("Verification could not finish: %1").arg(v.error().toString()) << "\n";
        } else if (v.isInSync()) {
            out << "  " << Cli::Tr::tr("IN SYNC: every record at the source is in the main database, linked once, with its values and references.")
                << "\n";
            bool kept = false;
            for (const Verifier::EntityReport &r : v.reports())
                kept = kept || r.diverged > 0 || r.conflicts > 0;
            if (kept)
                out << "  " << Cli::Tr::tr("kept local: values the main application set (edits, or rows adopted through a match key) are kept by design.")
                    << "\n";
            if (const int unchecked = v.uncheckedCount())
                out << "  "
                    << Cli::Tr::tr("NOT CHECKED: %1 check(s) could not run (\"not checked\" above). Every check that ran passed, so the "
                                   "exit status is 0; what was not checked is only as sure as the walk.",
                                   nullptr, Progress::count(unchecked))
                           .arg(Progress::number(unchecked))
                    << "\n";
        } else {
            out << "  " << Cli::Tr::tr("NOT IN SYNC: see the counts, the checks and the examples above.") << "\n";
        }
        out << "  " << Cli::Tr::tr("Peak memory: %1").arg(Progress::peakMemory()) << "\n";
        out.flush();
    }
    return code;
}

} // namespace Tributary
