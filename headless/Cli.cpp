#include "Cli.h"

#include "Commands.h"
#include "ExitCode.h"
#include "Tr.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

namespace Tributary::Cli {

namespace {

// The width of the command column: a name with its synopsis as wide or wider gets a line of its
// own, and its summary starts on the next.
constexpr int kCommandWidth = 9;

// 'tributaryd --help': a head, one entry per command of commands(), a foot.
QString usage()
{
    const QString indent(2 + kCommandWidth, QLatin1Char(' '));
    //: The head of 'tributaryd --help'; the list of commands follows. Keep "tributaryd".
    QString text = Tr::tr("Usage: tributaryd <command> [options]\n"
                          "\n"
                          "Keeps a main database in sync with paginated REST sources.\n"
                          "\n"
                          "Commands:")
        + QLatin1Char('\n');
    for (const Command &c : commands()) {
        const QString head = c.synopsis.isEmpty() ? c.name : c.name + QLatin1Char(' ') + c.synopsis;
        text += QStringLiteral("  ") + (head.size() < kCommandWidth ? head.leftJustified(kCommandWidth) : head + QLatin1Char('\n') + indent);
        text += c.summary.split(QLatin1Char('\n')).join(QLatin1Char('\n') + indent) + QLatin1Char('\n');
    }
    //: The end of 'tributaryd --help', after the list of commands. Keep the command names, the exit statuses and the
    //: environment variables.
    text += QLatin1Char('\n')
        + Tr::tr("Run 'tributaryd <command> --help' for the options of a command.\n"
                 "\n"
                 "Exit status: 0 ok, 1 failed, 2 usage or configuration error, 3 records quarantined or\n"
                 "pending, 4 a source refused the credentials, 5 verify found differences or a check failed,\n"
                 "6 interrupted.\n"
                 "\n"
                 "Messages follow the system's language (LANGUAGE, LC_ALL, LC_MESSAGES, LANG); TRIBUTARY_LANGUAGE\n"
                 "overrides it (de, en).")
        + QLatin1Char('\n');
    return text;
}

} // namespace

int run(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    // Records quarantined are listed in the summary; per-record warnings would flood a terminal.
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("tributary.core.applier.warning=false\ntributary.*.info=false"));
    const QString command = arguments.value(1);
    if (command.isEmpty() || command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
        (command.isEmpty() ? err : out) << usage();
        return command.isEmpty() ? ExitUsage : ExitOk;
    }
    if (command == QLatin1String("--version")) {
        out << "tributaryd " << QCoreApplication::applicationVersion() << "\n";
        return ExitOk;
    }
    for (const Command &c : commands()) {
        if (c.name == command)
            return c.run(arguments, out, err);
    }
    err << "tributaryd: " << Tr::tr("unknown command \"%1\"").arg(command) << "\n\n" << usage();
    return ExitUsage;
}

} // namespace Tributary::Cli
