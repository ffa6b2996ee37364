#include "CliCommon.h"

#include "ExitCode.h"

#include <QCoreApplication>

namespace Tributary::Cli {

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
        QTextStream(stderr) << "tributaryd " << command << ": " << p.errorText() << "\n";
        *code = ExitUsage;
        return false;
    }
    if (p.isSet(QStringLiteral("help"))) {
        QString help = p.helpText();
        help.replace(QCoreApplication::arguments().first() + QStringLiteral(" [options]"),
                     QStringLiteral("tributaryd %1 [options]").arg(command));
        QTextStream(stdout) << help;
        *code = ExitOk;
        return false;
    }
    if (positional)
        *positional = p.positionalArguments();
    else if (!p.positionalArguments().isEmpty()) {
        QTextStream(stderr) << "tributaryd " << command << ": unexpected argument " << p.positionalArguments().first() << "\n";
        *code = ExitUsage;
        return false;
    }
    return true;
}

// The configuration of --config, opened, and the sources --source selects (all enabled ones by
// default). On failure the messages are printed and *code says how to exit.
Opened openSources(const QString &configPath, const QString &source, QTextStream &err, int *code, bool migrate)
{
    Opened o;
    o.context = Context::open(configPath, err, code, migrate);
    if (!o.context)
        return o;
    o.sources = o.context->sources(source, err, code);
    if (*code != ExitOk)
        o.context.reset();
    return o;
}

const QCommandLineOption &configOption()
{
    static const QCommandLineOption option({QStringLiteral("c"), QStringLiteral("config")}, QStringLiteral("The configuration file."),
                                           QStringLiteral("FILE"));
    return option;
}

const QCommandLineOption &sourceOption()
{
    static const QCommandLineOption option(QStringLiteral("source"), QStringLiteral("Only this source."), QStringLiteral("NAME"));
    return option;
}

} // namespace Tributary::Cli
