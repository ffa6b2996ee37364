#pragma once

#include "Context.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QTextStream>
#include <QVariant>
#include <memory>

// What every tributaryd command shares: option parsing with help and errors printed the same way,
// the --config and --source options, and opening the configuration with its sources.
namespace Tributary {
class Progress;
}

namespace Tributary::Cli {

class JsonReport;

// Parses a command's options; prints help or errors itself. Returns false when the caller
// should exit with *code. `command` may hold a subcommand ("conflicts resolve"); positional
// arguments are refused unless `positional` is given to receive them.
bool parse(QCommandLineParser &p, const QString &command, const QString &description, const QStringList &args, int *code,
           QStringList *positional = nullptr);

// Why the parser refused a command line, as parse() prints it.
QString parseProblem(const QCommandLineParser &p);

struct Opened
{
    std::unique_ptr<Context> context;
    QList<const SourceConfig *> sources;
    Error error; // why there is no context (also printed)
};

// The configuration of --config, opened, and the sources --source selects (all enabled ones by
// default). On failure the messages are printed and *code says how to exit. `migrate` false
// leaves the main database's state tables unmigrated (a dry run writes nothing to it).
Opened openSources(const QString &configPath, const QString &source, QTextStream &err, int *code, bool migrate = true);


// Made when asked for, so their descriptions are translated (after main() installed the catalogue).
QCommandLineOption configOption();
QCommandLineOption sourceOption();
// --json, for the commands that print one document for scripts.
QCommandLineOption jsonOption();

// sync and reconcile with --json: the runs Progress kept, the first run's error as the document's,
// the document printed (see JsonReport). Returns `exitCode`.
int finishRuns(JsonReport &report, const Progress &progress, int exitCode);

} // namespace Tributary::Cli
