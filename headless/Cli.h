#pragma once

#include <QStringList>
#include <QTextStream>

namespace Tributary::Cli {

// Runs one tributaryd command line and returns its exit status (see ExitCode.h).
int run(const QStringList &arguments);

// tributaryd conflicts list|show|resolve (ConflictsCommand.cpp).
int conflicts(const QStringList &arguments, QTextStream &out, QTextStream &err);
// tributaryd history TABLE ID (HistoryCommand.cpp).
int history(const QStringList &arguments, QTextStream &out, QTextStream &err);

// tributaryd source list|detach|purge (SourceCommand.cpp).
int source(const QStringList &arguments, QTextStream &out, QTextStream &err);

// tributaryd serve: the long-running service (ServeCommand.cpp).
int serve(const QStringList &arguments, QTextStream &out, QTextStream &err);

// Commands implemented in DemoCommand.cpp.
int demo(const QStringList &arguments, QTextStream &out, QTextStream &err);
int bench(const QStringList &arguments, QTextStream &out, QTextStream &err);

// Writes a configuration for a Good Forum source from the built-in preset.
struct InitOptions
{
    QString url;
    QString database;
    QString tokenEnv = QStringLiteral("FORUM_TOKEN");
    QString sourceName = QStringLiteral("forum");
    QString start = QStringLiteral("beginning"); // beginning, now, or an ISO date
    QString timestampFormat;                     // empty: the preset's
    bool noAuth = false;
    // Webhooks: the environment variable holding the signing secret; empty: no webhook block.
    QString webhookSecretEnv;
};
bool writeForumConfig(const InitOptions &options, const QString &output, QString *error);

} // namespace Tributary::Cli
