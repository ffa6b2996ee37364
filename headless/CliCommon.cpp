#include "CliCommon.h"

#include "ExitCode.h"
#include "JsonReport.h"
#include "Progress.h"
#include "Tr.h"
#include "store/Database.h"

#include <QCoreApplication>

namespace Tributary::Cli {

namespace {
// QCommandLineParser's own words, listed so that tributaryd's catalogue carries them: help and
// option errors are translated without Qt's qtbase catalogue installed.
[[maybe_unused]] const char *const kParserTexts[] = {
    QT_TRANSLATE_NOOP("QCommandLineParser", "Usage: %1"),
    QT_TRANSLATE_NOOP("QCommandLineParser", "[options]"),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Options:"),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Arguments:"),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Displays help on commandline options."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Displays help including Qt specific options."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Displays version information."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Unknown option '%1'."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Unknown options: %1."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Missing value after '%1'."),
    QT_TRANSLATE_NOOP("QCommandLineParser", "Unexpected value after '%1'."),
};
} // namespace

// Parses a command's options; prints help or errors itself. Returns false when the caller
// should exit with *code.
bool parse(QCommandLineParser &p, const QString &command, const QString &description, const QStringList &args, int *code,
           QStringList *positional)
{
    p.setApplicationDescription(description);
    p.addHelpOption();
    p.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    QStringList argv = args;
    // The command name, and the subcommand's ("quarantine list") when there is one.
    argv.remove(1, command.count(QLatin1Char(' ')) + 1);
    if (!p.parse(argv)) {
        QTextStream(stderr) << "tributaryd " << command << ": " << parseProblem(p) << "\n";
        *code = ExitUsage;
        return false;
    }
    if (p.isSet(QStringLiteral("help"))) {
        QString help = p.helpText();
        const QString options = QCoreApplication::translate("QCommandLineParser", "[options]");
        help.replace(QCoreApplication::arguments().first() + QLatin1Char(' ') + options,
                     QStringLiteral("tributaryd %1 %2").arg(command, options));
        QTextStream(stdout) << help;
        *code = ExitOk;
        return false;
    }
    if (positional)
        *positional = p.positionalArguments();
    else if (!p.positionalArguments().isEmpty()) {
        QTextStream(stderr) << "tributaryd " << command << ": " << parseProblem(p) << "\n";
        *code = ExitUsage;
        return false;
    }
    return true;
}

QString parseProblem(const QCommandLineParser &p)
{
    if (!p.errorText().isEmpty())
        return p.errorText();
    return p.positionalArguments().isEmpty() ? QString() : Tr::tr("unexpected argument %1").arg(p.positionalArguments().first());
}

// The configuration of --config, opened, and the sources --source selects (all enabled ones by
// default). On failure the messages are printed and *code says how to exit.
Opened openSources(const QString &configPath, const QString &source, QTextStream &err, int *code, bool migrate)
{
    Opened o;
    o.context = Context::open(configPath, err, code, migrate, &o.error);
    if (!o.context)
        return o;
    o.sources = o.context->sources(source, err, code, &o.error);
    if (*code != ExitOk)
        o.context.reset();
    return o;
}

QCommandLineOption configOption()
{
    return QCommandLineOption({QStringLiteral("c"), QStringLiteral("config")}, Tr::tr("The configuration file."), QStringLiteral("FILE"));
}

QCommandLineOption jsonOption()
{
    return QCommandLineOption(QStringLiteral("json"), Tr::tr("Print JSON for scripts."));
}

int finishRuns(JsonReport &report, const Progress &progress, int exitCode)
{
    const QJsonArray &runs = progress.runs();
    bool paused = false;
    bool errorSet = false;
    for (const QJsonValue &run : runs) {
        // A paused run's budget-spent is why it stopped, not a failure of the command.
        if (run.toObject().value(QStringLiteral("status")).toString() == QLatin1String("paused")) {
            paused = true;
            continue;
        }
        const QJsonObject error = run.toObject().value(QStringLiteral("error")).toObject();
        if (!error.isEmpty() && !errorSet) {
            report.insert(QStringLiteral("error"), error);
            errorSet = true;
        }
    }
    // Everything went well, and a run has more to read once its host's budget is back.
    if (paused && exitCode == ExitOk)
        report.insert(QStringLiteral("status"), QStringLiteral("paused"));
    report.insert(QStringLiteral("runs"), runs);
    report.insert(QStringLiteral("peak_memory_bytes"), Progress::peakMemoryBytes());
    return report.finish(exitCode);
}

QCommandLineOption sourceOption()
{
    return QCommandLineOption(QStringLiteral("source"), Tr::tr("Only this source."), QStringLiteral("NAME"));
}

} // namespace Tributary::Cli
