#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

// tributaryd's commands, each in its own file (SyncCommand.cpp, ...), and the one table that
// names them: run() dispatches by it and the usage text is written from it.
namespace Tributary::Cli {

struct Command
{
    QString name;     // as typed: "conflicts"
    QString synopsis; // what follows the name in the usage text: "list|show ID|resolve"; may be empty
    QString summary;  // one line of the usage text (translated); '\n' continues it on another line
    int (*run)(const QStringList &arguments, QTextStream &out, QTextStream &err);
};

// Every command, in the order of the usage text. Made when asked for, so the summaries are
// translated (after main() installed the catalogue).
QList<Command> commands();

// Each command: `arguments` is the whole command line (arguments[1] is the command's name); the
// exit status (ExitCode.h).
int initCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);
int probeCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);
int syncCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);
int serveCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);
int reconcileCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);
int statusCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);
int verifyCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);
int conflictsCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);
int historyCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);
int quarantineCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);
int outboxCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);
int cursorCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);
int sourceCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);
int demoCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);
int benchCommand(const QStringList &arguments, QTextStream &out, QTextStream &err);

} // namespace Tributary::Cli
