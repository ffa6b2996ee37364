#pragma once

#include "engine/run/Run.h"
#include "util/Error.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

namespace Tributary::Cli {

// The one document `--json` prints on standard output for the commands that report a result
// (sync, reconcile, verify, probe, init), in every outcome, and the shapes commands share in it.
// Described key by key in docs/json-output.md, as JSON Schemas in docs/schemas/. kSchema is raised
// only when a key changes meaning or goes away; new keys may appear without raising it.
class JsonReport
{
public:
    static constexpr int kSchema = 1;

    // On when the command line holds --json: known before parsing, so that a command line the
    // parser refuses still gets its document.
    JsonReport(const QString &command, const QStringList &args, QTextStream &out);

    bool isEnabled() const { return m_enabled; }
    // A key of the command's own; a key of the envelope given here replaces the envelope's (sync
    // and verify give `error` the first failed run's or source's object as it is).
    void insert(const QString &key, const QJsonValue &value) { m_document.insert(key, value); }
    // The document's `error`: the first one given is kept.
    void setError(const Error &error);
    // parse() returned false: help was printed (nothing more to say) or the command line was
    // refused (its document says why). Returns `code`.
    int refused(const QCommandLineParser &parser, int code);
    // The command ends with `exitCode`: with --json the document is printed (its status and
    // exit_code follow from `exitCode`). Returns `exitCode`.
    int finish(int exitCode);

    // The shapes shared by the commands' documents.
    static QJsonValue time(const QDateTime &t); // ISO-8601 UTC with milliseconds, or null
    static QJsonValue error(const Error &e);    // {code, message}, or null when there is none
    static QJsonObject counts(const EntityCounts &c);
    // One run of one source as sync and reconcile report it.
    static QJsonObject run(const RunResult &r, const QDateTime &startedAt, bool dryRun);
    // The document's status for an exit status: ok, partial, different, failed, interrupted.
    static QString status(int exitCode);

private:
    QString m_command;
    QTextStream &m_out;
    bool m_enabled;
    QDateTime m_startedAt;
    QElapsedTimer m_timer;
    Error m_error;
    QJsonObject m_document;
};

} // namespace Tributary::Cli
