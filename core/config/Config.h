#pragma once

#include "net/RequestBudget.h"

#include "util/Error.h"

#include <QDateTime>
#include <QHostAddress>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QVariant>

namespace Tributary {

// Where a secret comes from. Secrets are never written in the configuration itself: either an
// environment variable, or a key of a separate JSON credentials file that only its owner may read.
struct SecretRef
{
    QString env;  // environment variable name
    QString file; // credentials file (JSON object), relative to the configuration file
    QString key;  // key in that file

    bool isSet() const { return !env.isEmpty() || !file.isEmpty(); }
    // Resolves the secret; on failure returns a null string and sets *error to a message naming
    // the variable or file (never the secret).
    QString resolve(const QString &baseDir, QString *error) const;
    QJsonObject toJson() const;
    // Parses {"env": "VAR"} or {"file": "creds.json", "key": "forum"}; a plain string is refused.
    static SecretRef fromJson(const QJsonValue &v, const QString &path, QStringList *errors);
};

struct DatabaseConfig
{
    QString driver = QStringLiteral("sqlite"); // "sqlite" or "postgres"
    QString path;                               // sqlite: file, relative to the configuration file
    QString host, name, user;                   // postgres
    int port = 5432;
    SecretRef password;
    // How timestamps are written to the main database (Qt date format, UTC). Laravel's default.
    QString timestampFormat = QStringLiteral("yyyy-MM-dd HH:mm:ss");
    int busyTimeoutMs = 10000;                  // wait this long for the main application's locks
};

// One target column filled from one source field.
struct ColumnMapping
{
    QString column;                    // column of the target table
    QString field;                     // dotted path in the source record ("author.email")
    QString type = QStringLiteral("string"); // string, integer, real, boolean, timestamp, json
    bool required = false;             // missing or null -> the record is quarantined
    // The source may leave the field out of every record of a page. Otherwise a field that no
    // record of a page carries is a configuration mistake (a wrong name), and the run fails.
    bool optional = false;
    // Write-back sends the column's value to the source (docs/write-back.md). False for what the
    // source sets itself and refuses or ignores (created_at, updated_at): "write": false.
    bool write = true;
};

// A foreign key: the source field holds an external id of another entity of the same source;
// the column receives that record's local id.
struct ReferenceMapping
{
    QString column;
    QString field;
    QString entity;
    bool nullable = false;
    bool optional = false; // as ColumnMapping::optional
};

// The words the configuration accepts where it offers a choice: what Config::fromJson checks
// against, and what an editor offers (the console reads them here rather than keep copies).
namespace ConfigVocabulary {
QStringList columnTypes();      // string, integer, real, boolean, timestamp, json
QStringList conflictPolicies(); // manual, source-wins, local-wins, newest-wins
QStringList deleteModes();      // soft, hard, ignore
QStringList directions();       // in, out, both
} // namespace ConfigVocabulary

struct EntityConfig
{
    QString name;                      // entity name at the source ("messages")
    QString table;                     // target table in the main database
    QString key = QStringLiteral("id"); // target primary key column
    QString externalId = QStringLiteral("id"); // field holding the external id
    QList<ColumnMapping> columns;
    QList<ReferenceMapping> references;
    QStringList match;                 // consolidation columns (compared trimmed, case-insensitive)
    QVariantMap defaults;              // column -> value for columns the source lacks (inserts only)
    QString conflictPolicy = QStringLiteral("manual"); // source-wins, local-wins, newest-wins, manual
    QHash<QString, QString> fieldPolicies; // column -> policy, overriding conflictPolicy for that column
    QString updatedColumn;             // column holding the row's modification time (newest-wins)
    // What reconciliation does to a row whose record is gone at the source: "soft" sets
    // deletedColumn (added by Tributary when missing), "hard" deletes the row, "ignore" only
    // notes it. A row edited locally is never deleted: that is an edit-versus-delete conflict.
    QString deleteMode = QStringLiteral("soft");
    QString deletedColumn = QStringLiteral("deleted_at");
    bool enabled = true;
    // Which way changes flow (docs/write-back.md): "in" (from the source, the default), "out"
    // (the main database's changes are pushed to the source, nothing is read) or "both". The
    // source's "direction" unless the entity names its own.
    QString direction = QStringLiteral("in");
    // Which rows the entity receives when it writes: "linked" (its own records, and the main
    // application's rows, even once pushed to another source) or "all" (also the rows another
    // source inserted: they are pushed on to this one).
    QString receive = QStringLiteral("linked");
    QJsonObject options;               // the whole entity object, for the source type's own keys

    bool reads() const { return direction != QLatin1String("out"); }
    bool writes() const { return direction != QLatin1String("in"); }
    const ColumnMapping *column(const QString &name) const;
    QStringList dependencies() const;  // entities referenced, excluding itself
    QString policyFor(const QString &column) const { return fieldPolicies.value(column, conflictPolicy); }
};

struct StartConfig
{
    enum class From { Beginning, Now, Date };
    From from = From::Beginning;
    QDateTime date; // From::Date, UTC
};

// When `tributaryd serve` runs a source (docs/configuration.md, "schedule").
struct ScheduleConfig
{
    int intervalSeconds = 300;            // incremental sync
    int reconcileIntervalSeconds = 86400; // reconciliation; 0: never scheduled
    double jitterShare = 0.1;             // each wait varies randomly by up to this share, both ways
    // After each sync, compare the records linked with the source's count; when deletes were
    // missed (lost webhooks), reconcile right away instead of at the next reconciliation.
    bool reconcileOnMissedDeletes = true;

    // A source's "schedule" object as the configuration reads it (`path` names it in errors);
    // the defaults for the keys it leaves out. Editors read it here too, never on their own.
    static ScheduleConfig fromJson(const QJsonObject &schedule, const QString &path, QStringList *errors);
};

// How a source's pushes are retried and watched (docs/write-back.md, "write_back").
struct WriteBackConfig
{
    int backoffSeconds = 30;       // first wait after an operation failed for a passing reason
    int maxBackoffSeconds = 3600;  // the wait doubles up to this
    // Health says "degraded" while an operation older than this waits (0: never).
    int maxAgeSeconds = 3600;

    static WriteBackConfig fromJson(const QJsonObject &o, const QString &path, QStringList *errors);
};

struct SourceConfig
{
    QString name;
    QString type;                      // registered source type ("rest")
    bool enabled = true;
    QString direction = QStringLiteral("in"); // the entities' default (EntityConfig::direction)
    WriteBackConfig writeBack;
    StartConfig start;
    // Incremental runs ask from this many seconds before their cursor (by the source's clock),
    // for writers that commit a change after a later one was already read. Re-read records are
    // found unchanged by their hash; only the late ones are written.
    int overlapSeconds = 0;
    // Reconciliation deletes nothing when more than this share of an entity's linked records is
    // missing from a complete scan (a source that suddenly lists nothing is an outage, not a purge).
    double maxDeleteShare = 0.1;
    // A run that lasts longer is stopped at its last committed page and fails naming this limit;
    // the next run goes on from there. 0: no limit.
    int maxRunSeconds = 12 * 3600;
    // Several sources feeding one row (through consolidation): when two of them change the same
    // field, the higher priority wins; equal priorities fall back to the entity's policy.
    int priority = 0;
    ScheduleConfig schedule;
    QJsonObject options;               // the whole source object, for the source type's own keys
    QList<EntityConfig> entities;
    QString baseDir;                   // directory of the configuration file (credentials, paths)

    const EntityConfig *entity(const QString &name) const;
    // Whether an enabled entity pushes changes to the source.
    bool writes() const;
    // Enabled entities, referenced ones before those that reference them. Cycles between
    // different entities are a configuration error reported by Config::validate().
    QList<const EntityConfig *> orderedEntities(QString *error = nullptr) const;
};

// The long-running service's own settings (docs/configuration.md, "service").
struct ServiceConfig
{
    QString listenHost = QStringLiteral("127.0.0.1"); // webhooks, /healthz and /metrics
    quint16 listenPort = 8470;
    qint64 maxSuccessAgeSeconds = 3600; // a source whose last success is older is unhealthy
    qint64 startupGraceSeconds = 900;   // a source never run counts only after this long
    // The listener's limits against slow or idle clients (HttpServer).
    int requestTimeoutSeconds = 10;     // a request's head and body arrive within this, or 408
    int idleTimeoutSeconds = 60;        // a keep-alive connection with no traffic is closed
    int maxConnections = 512;           // beyond, new connections are closed at once
    // How long a source's lease lasts unless renewed (every third of it while a run goes): the
    // longest a killed worker's sources wait before another worker takes them over. Every run
    // takes the lease, runs by hand too, so this applies beyond the service.
    int leaseSeconds = 30;
    QJsonObject options;                // the object as written, kept when the file is saved

    // "HOST:PORT", "[v6]:PORT"; false with *error saying what is wrong. Port 0 (any free port,
    // for tests and benchmarks) only with `allowAnyPort`.
    static bool parseListen(const QString &text, QString *host, quint16 *port, QString *error, bool allowAnyPort = false);
    // The address a host of "listen" stands for: an IP address, or localhost; null otherwise.
    static QHostAddress hostAddress(const QString &host);
};

// The one configuration file shared by the console and tributaryd.
struct Config
{
    QString filePath;
    DatabaseConfig database;
    ServiceConfig service;
    QList<SourceConfig> sources;
    // The request budgets ("hosts"), by host ("api.example.com", "127.0.0.1:8080") or by a name
    // sources choose with limits.budget. Hosts not named get HostLimits' defaults.
    QHash<QString, HostLimits> hosts;
    QJsonObject hostsOptions;          // the object as written, kept when the file is saved

    const SourceConfig *source(const QString &name) const;
    QString baseDir() const;
    QString databasePath() const;      // absolute SQLite path

    // Loads and validates; every problem is one line naming its key. Returns false on any problem.
    static bool load(const QString &path, Config *out, QStringList *errors);
    static bool fromJson(const QJsonObject &root, const QString &filePath, Config *out, QStringList *errors);
    QJsonObject toJson() const;
    bool save(const QString &path, QString *error) const;
};

} // namespace Tributary
