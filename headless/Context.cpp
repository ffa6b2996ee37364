#include "Context.h"

#include "ExitCode.h"
#include "Progress.h"
#include "SignalWatcher.h"
#include "engine/Source.h"
#include "engine/SourceRegistry.h"
#include "store/Database.h"
#include "util/Logging.h"

#include <QEventLoop>

namespace Tributary {

Context::~Context() = default;

std::unique_ptr<Context> Context::open(const QString &configPath, QTextStream &err, int *exitCode, bool migrate)
{
    std::unique_ptr<Context> c(new Context);
    QStringList problems;
    if (configPath.isEmpty()) {
        err << "tributaryd: --config FILE is required\n";
        *exitCode = ExitUsage;
        return nullptr;
    }
    if (!Config::load(configPath, &c->m_config, &problems)) {
        err << "tributaryd: the configuration " << configPath << " is not valid:\n";
        for (const QString &p : std::as_const(problems))
            err << "  " << p << "\n";
        *exitCode = ExitUsage;
        return nullptr;
    }
    Error error;
    c->m_db = Database::open(c->m_config.database, c->m_config.baseDir(), &error);
    if (!c->m_db || (migrate && !Migrations::run(*c->m_db, &error))) {
        err << "tributaryd: " << error.toString() << "\n";
        *exitCode = error.code == Error::Code::Config ? ExitUsage : ExitFailed;
        return nullptr;
    }
    problems = checkSchema(*c->m_db, c->m_config);
    if (!problems.isEmpty()) {
        err << "tributaryd: the configuration does not match the main database " << c->m_db->db().databaseName() << ":\n";
        for (const QString &p : std::as_const(problems))
            err << "  " << p << "\n";
        *exitCode = ExitUsage;
        return nullptr;
    }
    *exitCode = ExitOk;
    return c;
}

QList<const SourceConfig *> Context::sources(const QString &name, QTextStream &err, int *exitCode) const
{
    QList<const SourceConfig *> out;
    if (!name.isEmpty()) {
        const SourceConfig *s = m_config.source(name);
        if (!s) {
            QStringList names;
            for (const SourceConfig &sc : m_config.sources)
                names.append(sc.name);
            err << "tributaryd: no source \"" << name << "\" in the configuration (it has: " << names.join(QStringLiteral(", ")) << ")\n";
            *exitCode = ExitUsage;
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
    // A database Tributary never wrote to (a dry run does not migrate it) has no sources at all.
    if (Migrations::version(*m_db) == 0)
        return {};
    Error error;
    QList<SourceAdmin::SourceState> out = SourceAdmin::removedSources(*m_db, m_config, &error);
    if (error)
        qCWarning(lcEngine).noquote() << "cannot list the sources removed from the configuration:" << error.toString();
    return out;
}

QString Context::removedSourceNotice(const SourceAdmin::SourceState &s)
{
    return QStringLiteral("source \"%1\" is no longer in the configuration: its %2 linked row%3 stay%4 in place in the main database; "
                          "'tributaryd source detach %1' forgets its links, 'tributaryd source purge %1' deletes the rows only it brought.")
        .arg(s.name, Progress::number(s.links), s.links == 1 ? QString() : QStringLiteral("s"), s.links == 1 ? QStringLiteral("s") : QString());
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
    case RunResult::Status::Partial: return ExitPartial;
    case RunResult::Status::Interrupted: return ExitInterrupted;
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

int Context::sync(const QList<const SourceConfig *> &sources, const SyncOptions &options, Progress &progress,
                  SignalWatcher *watcher, QList<RunResult> *results)
{
    return sync(*m_db, sources, options, progress, watcher, results);
}

int Context::sync(Database &db, const QList<const SourceConfig *> &sources, const SyncOptions &options, Progress &progress,
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
        SyncRun run(db, m_config, *s, impl.get(), options);
        QEventLoop loop;
        QObject::connect(&run, &SyncRun::entityStarted, &run, [&](const QString &e) { progress.entityStarted(e); });
        QObject::connect(&run, &SyncRun::progress, &run, [&](const QString &e, const EntityCounts &c) { progress.update(e, c); });
        QObject::connect(&run, &SyncRun::entityFinished, &run, [&](const QString &e, const EntityCounts &c) { progress.entityFinished(e, c); });
        QObject::connect(&run, &SyncRun::finished, &loop, &QEventLoop::quit);
        if (watcher)
            QObject::connect(watcher, &SignalWatcher::stopRequested, &run, &SyncRun::stop);
        run.start();
        loop.exec();
        progress.summary(run.result());
        if (results)
            results->append(run.result());
        code = worse(code, exitCodeFor(run.result()));
    }
    return code;
}

int Context::verify(const QList<const SourceConfig *> &sources, QTextStream &out, QTextStream &err, SignalWatcher *watcher)
{
    int code = ExitOk;
    for (const SourceConfig *s : sources) {
        std::unique_ptr<Source> impl = createSource(*s);
        if (!impl)
            return ExitUsage;
        err << "Verifying source " << s->name << " against the main database...\n";
        err.flush();
        Verifier v(*m_db, m_config, *s, impl.get());
        QEventLoop loop;
        QObject::connect(&v, &Verifier::finished, &loop, &QEventLoop::quit);
        if (watcher)
            QObject::connect(watcher, &SignalWatcher::stopRequested, &v, &Verifier::stop);
        v.start();
        loop.exec();
        out << QStringLiteral("Source %1:\n").arg(s->name);
        out << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7 %8 %9\n")
                   .arg(QStringLiteral("entity"), -10).arg(QStringLiteral("at source"), 10).arg(QStringLiteral("matching"), 9)
                   .arg(QStringLiteral("missing"), 8).arg(QStringLiteral("extra"), 6).arg(QStringLiteral("different"), 10)
                   .arg(QStringLiteral("kept local"), 12).arg(QStringLiteral("conflicts"), 10).arg(QStringLiteral("quarantined"), 12);
        for (const Verifier::EntityReport &r : v.reports()) {
            out << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7 %8 %9\n")
                       .arg(r.entity, -10).arg(Progress::number(r.sourceRecords), 10).arg(Progress::number(r.matching), 9)
                       .arg(Progress::number(r.missing), 8).arg(Progress::number(r.extra), 6).arg(Progress::number(r.different), 10)
                       .arg(Progress::number(r.diverged), 12).arg(Progress::number(r.conflicts), 10).arg(Progress::number(r.invalid), 12);
        }
        for (const Verifier::EntityReport &r : v.reports()) {
            for (const QString &e : r.examples)
                out << "    e.g. " << e << "\n";
        }
        if (v.error()) {
            out << "  Verification could not finish: " << v.error().toString() << "\n";
            code = worse(code, v.error().code == Error::Code::Auth ? ExitAuth
                               : v.error().code == Error::Code::Aborted ? ExitInterrupted : ExitFailed);
        } else if (v.isInSync()) {
            out << "  IN SYNC: every record at the source is in the main database, linked once, with its values and references.\n";
            bool kept = false, held = false;
            for (const Verifier::EntityReport &r : v.reports()) {
                kept = kept || r.diverged > 0 || r.conflicts > 0;
                held = held || r.invalid > 0;
            }
            if (kept)
                out << "  kept local: values the main application set (edits, or rows adopted through a match key) are kept by design.\n";
            if (held)
                out << "  quarantined: invalid or unresolvable records are held with their reason in tributary_quarantine.\n";
        } else {
            out << "  NOT IN SYNC: see the counts and examples above.\n";
            code = worse(code, ExitDifferent);
        }
        out << "  Peak memory: " << Progress::peakMemory() << "\n";
        out.flush();
    }
    return code;
}

} // namespace Tributary
