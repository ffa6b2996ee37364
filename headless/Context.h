#pragma once

#include "config/Config.h"
#include "engine/SourceAdmin.h"
#include "engine/run/Run.h"
#include "engine/Verifier.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QTextStream>
#include <memory>

namespace Tributary {

class Database;
class Progress;
class Source;
class SignalWatcher;

// What every command that touches a configuration needs: the validated configuration, the main
// database with Tributary's state tables migrated and its schema checked, and a network manager.
class Context
{
public:
    ~Context();

    // Prints every problem to `err` and sets *exitCode (and *error, when given) when the context
    // cannot be opened. `migrate` false leaves the state tables as they are (a dry run migrates
    // its throwaway copy).
    static std::unique_ptr<Context> open(const QString &configPath, QTextStream &err, int *exitCode, bool migrate = true,
                                         Error *error = nullptr);

    const Config &config() const { return m_config; }
    Database &database() { return *m_db; }

    // The enabled sources, or the one named (enabled or not). Null list + *exitCode (and *error)
    // on error.
    QList<const SourceConfig *> sources(const QString &name, QTextStream &err, int *exitCode, Error *error = nullptr) const;
    std::unique_ptr<Source> createSource(const SourceConfig &source);

    // Sources the state tables still hold links or state for that the configuration no longer
    // names: their rows stay in place until someone detaches or purges them.
    QList<SourceAdmin::SourceState> removedSources();
    // One line per removed source, saying its rows stay and how to detach or purge it.
    static QString removedSourceNotice(const SourceAdmin::SourceState &source);
    void noticeRemovedSources(QTextStream &stream);

    // Runs one sync per source in turn and returns the exit status for all of them.
    int sync(const QList<const SourceConfig *> &sources, const RunRequest &request, Progress &progress,
             SignalWatcher *watcher, QList<RunResult> *results = nullptr);
    // The same on another database: a dry run's throwaway one (DryRun::database()).
    int sync(Database &db, const QList<const SourceConfig *> &sources, const RunRequest &request, Progress &progress,
             SignalWatcher *watcher, QList<RunResult> *results = nullptr);
    // Verifies each source, prints a report (or, with `json`, appends one object per source to it
    // and prints nothing on `out`); returns the exit status.
    int verify(const QList<const SourceConfig *> &sources, QTextStream &out, QTextStream &err, SignalWatcher *watcher,
               QJsonArray *json = nullptr);

private:
    Context() = default;
    Config m_config;
    std::unique_ptr<Database> m_db;
    QNetworkAccessManager m_nam;
};

} // namespace Tributary
