#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace Tributary::Cli {

// What `tributaryd init --preset forum` writes; demo and bench write their forums' configurations
// the same way.
struct InitOptions
{
    QString url;
    QString database;      // an SQLite file or a postgresql:// URL (DatabaseArgument.h)
    QString databasePasswordEnv; // PostgreSQL: the variable holding the password; empty: libpq's own
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

// What `tributaryd init --detect` is asked.
struct DetectOptions
{
    QStringList urls;      // one listing per entity, all on one origin
    QString output;        // the configuration file; empty: standard output
    QString database;      // the main database (a file or a postgresql:// URL); its tables are matched when it has them
    QString databasePasswordEnv;
    QString tokenEnv;      // a bearer token from this environment variable; empty: no auth
    QString sourceName = QStringLiteral("api");
    QString start = QStringLiteral("beginning");
    bool force = false;
};

class JsonReport;

// Detects the API behind the URLs (RestDetector), writes its configuration and probes it
// (InitDetect.cpp). The exit status: 0 written and no check failed, 1 nothing detected, a URL not
// detected or a check failed (what was detected is written), 2 usage. With --json (`report`
// enabled) standard output carries the report's document alone, the configuration in it; what is
// said for people goes to standard error.
int initDetect(const DetectOptions &options, QTextStream &out, QTextStream &err, JsonReport *report);

} // namespace Tributary::Cli
