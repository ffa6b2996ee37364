#pragma once

#include <QString>

namespace Tributary::Cli {

// What `tributaryd init --preset forum` writes; demo and bench write their forums' configurations
// the same way.
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

// Writes a configuration for a Good Forum source from the built-in preset.
bool writeForumConfig(const InitOptions &options, const QString &output, QString *error);

} // namespace Tributary::Cli
