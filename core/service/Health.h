#pragma once

#include "config/Config.h"
#include "util/Error.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QStringList>

namespace Tributary {

class Database;
struct RunResult;

struct HealthStatus
{
    bool ok = true;
    QStringList reasons; // one line each, naming what is wrong
    QString worker;      // this worker, host:pid
    // Per source with a live lease: {source, worker, expires_at, this_worker}. Which worker runs
    // what, for people and load balancers looking at several workers.
    QJsonArray leases;
    QString leasesError; // why the leases could not be read (then "leases" is this message)

    QJsonObject toJson() const;
};

struct HealthOptions
{
    qint64 maxSuccessAgeSeconds = 3600; // a source whose last success is older is unhealthy
    qint64 startupGraceSeconds = 900;   // a source never run counts only after this long
};

// Answers /healthz: the database answers a trivial query, no source's last run failed (a revoked
// token, an unreachable source, ...), and every enabled source succeeded recently enough. The
// scheduler reports each finished run; probes read no tables. Thread-safe, except that the
// database check runs on the Database given, which belongs to the thread that opened it:
// evaluate() must be called in that thread.
class Health
{
public:
    explicit Health(const Config &config, HealthOptions options = HealthOptions(),
                    const QDateTime &startedAt = QDateTime::currentDateTimeUtc());

    void setDatabase(Database *db);
    // On a configuration reload.
    void setOptions(HealthOptions options);
    // The last finished run and the last success of each source, from tributary_runs (by any
    // worker): at startup, and at each evaluate() with a database, so that every worker sharing
    // the database says the same of a source whichever worker ran it. Only what is newer than
    // what this worker knows is taken.
    bool loadFromRuns(Database &db, Error *error = nullptr);
    // A finished run, from any thread.
    void reportRun(const RunResult &result, const QDateTime &finishedAt = QDateTime::currentDateTimeUtc());

    HealthStatus evaluate(const QDateTime &now = QDateTime::currentDateTimeUtc());

    // The database's own check: a trivial query, and for SQLite that the file still exists.
    static bool databaseReachable(Database &db, QString *why);

private:
    struct SourceState
    {
        bool hasRun = false;
        bool failed = false;     // the last finished run failed
        Error error;             // its error
        QDateTime lastSuccess;   // finish time of the last Ok or Partial run
        QDateTime lastFinished;  // finish time of the run that set `failed`
    };

    const Config &m_config;
    HealthOptions m_options;
    QDateTime m_startedAt;
    Database *m_db = nullptr;
    mutable QMutex m_mutex;
    QHash<QString, SourceState> m_sources;
};

} // namespace Tributary
