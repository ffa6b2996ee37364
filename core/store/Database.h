#pragma once

#include "config/Config.h"
#include "util/Error.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <functional>
#include <memory>

namespace Tributary {

// One connection to the main database, owned by the thread that opened it (Qt's SQL drivers are
// not thread-safe): each thread opens its own with a unique name and closes it there. Everything
// that differs between SQLite and PostgreSQL is answered here, so the rest of the code has one
// SQL dialect to speak.
class Database
{
public:
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // What open() does when the SQLite file does not exist.
    enum class Missing {
        Refuse, // an error naming database.path: Tributary syncs into the application's database,
                // and a typo in the path must not become an empty database of its own
        Create, // create it: for whoever makes a database on purpose (test fixtures, generators)
    };
    static std::unique_ptr<Database> open(const DatabaseConfig &config, const QString &baseDir, Error *error,
                                          Missing missing = Missing::Refuse);
    // A read-only connection to an SQLite main database, for watchers that must not write (a
    // benchmark looking at what the service applied). WAL lets it read while a writer works.
    static std::unique_ptr<Database> openSqliteReader(const QString &path, Error *error);

    // The connection itself, for code that reads the main application's own tables (the demo, a
    // benchmark's watcher, tests). Tributary's tables are read and written through core/state.
    QSqlDatabase &db() { return m_db; }
    // The database's name for people: the SQLite file, or the PostgreSQL database.
    QString name() const { return m_db.databaseName(); }
    bool isOpen() const { return m_db.isOpen(); }
    // Whether a trivial statement answers; *why says what is wrong when not. A connection the
    // server dropped (PostgreSQL restarted) is opened again once, here, outside a transaction.
    bool ping(QString *why);
    QStringList tables() const;
    const DatabaseConfig &config() const { return m_config; }
    bool isSqlite() const { return m_sqlite; }
    QString connectionName() const { return m_name; }

    QString quote(const QString &identifier) const;
    // SQL type of an auto-incrementing integer key, a large text, a timestamp text.
    QString autoKeyType() const;
    // Current UTC time as the state tables store it (ISO-8601 with milliseconds).
    static QString now();
    // SQL for "now" as milliseconds since the epoch, read from the database server's clock
    // (PostgreSQL's clock_timestamp(); SQLite, on one host, the local clock): one clock for every
    // worker sharing the database, which leases compare their expiry with. An integer expression.
    QString nowMsSql() const;
    // Local ids are kept as text in the state tables; integer keys are bound as integers so that
    // PostgreSQL's typed columns accept them.
    static QVariant keyValue(const QString &localId);
    // A time as the main application's timestamp columns hold it (database.timestamp_format).
    QString formatTimestamp(const QDateTime &utc) const;

    // One unit of work. Normally a real transaction; while a transaction is held (below) a
    // savepoint inside it, so that code which commits page by page runs unchanged in a dry run.
    bool transaction(Error *error);
    // A unit of work that only reads: one consistent view of the database without the write
    // lock, so that it never waits for (nor holds up) the application's writes or a sync's
    // pages. On SQLite BEGIN DEFERRED, which with WAL reads a snapshot while writers go on;
    // transaction() is BEGIN IMMEDIATE. Ended by commit() or rollback() like any other.
    bool readTransaction(Error *error);
    bool commit(Error *error);
    void rollback();
    // Marks every transaction() as Tributary's own writing, so that the triggers which capture
    // the main application's edits of synced rows let it pass (docs/decisions/0024): on SQLite a
    // row in tributary_writer from after BEGIN to just before COMMIT, on PostgreSQL
    // SET LOCAL tributary.writer. Turned on once the state tables have that version.
    void setMarksWrites(bool marks) { m_marksWrites = marks; }
    bool marksWrites() const { return m_marksWrites; }
    // The source whose changes the following transactions write (empty: none in particular, a
    // person's decision or Tributary's own upkeep). Write-back's capture passes them on to the
    // other sources that share the row (docs/write-back.md); the edit capture lets every mark pass.
    void setWriterSource(const QString &source) { m_writerSource = source; }
    const QString &writerSource() const { return m_writerSource; }

    // Inside a transaction: waits until no other transaction holds `key`, and holds it until this
    // one ends. Two runs (two sources, two workers) adopting or inserting the row of the same
    // match key take turns, so the second finds the row the first made instead of inserting a
    // duplicate. On PostgreSQL a transaction-scoped advisory lock on a 64-bit hash of the key
    // (a collision only makes two keys wait for each other); on SQLite nothing, since
    // transaction() already holds the only write lock. See docs/decisions/0021.
    bool lockKey(const QString &key, Error *error);
    // lockKey() for each of `keys`, in one order every caller shares (sorted, each once): two
    // transactions that each need several keys (two sources' pages sharing e-mails in different
    // orders) then wait for each other instead of deadlocking.
    bool lockKeys(QStringList keys, Error *error);
    // The lock of schema work (state migrations, the match index, the soft-delete column): one
    // process at a time changes the schema, and each reads again what it found once it holds it.
    bool lockSchema(Error *error) { return lockKey(QStringLiteral("tributary schema"), error); }

    // Held transaction, for dry runs (DryRun::Mode::Transaction): begins an outer transaction
    // that nothing commits. Until discardHeldTransaction(), transaction() is
    // SAVEPOINT tributary_txn, commit() releases it and rollback() rolls back to it; statements
    // run outside transaction() join the outer one. discardHeldTransaction() rolls everything
    // back. While held, other connections cannot see what this one wrote, and the rows it wrote
    // stay locked (on SQLite, the whole database stays locked for writers).
    bool holdTransaction(Error *error);
    void discardHeldTransaction();
    bool isTransactionHeld() const { return m_held; }
    // Whether what is written here is thrown away (a dry run's copy, or a held transaction):
    // a run on it coordinates with no other worker (it takes no lease).
    bool isThrowaway() const { return m_throwaway || m_held; }
    void setThrowaway(bool throwaway) { m_throwaway = throwaway; }

    // Prepares a statement; on failure sets *error with the SQL and the driver's message.
    bool prepare(QSqlQuery &q, const QString &sql, Error *error);
    bool exec(QSqlQuery &q, Error *error);
    bool exec(const QString &sql, Error *error);
    // Prepares `sql`, binds `binds` in order and runs it: one statement in one call, for reads and
    // writes that are not repeated per record.
    bool run(QSqlQuery &q, const QString &sql, const QVariantList &binds, Error *error);

    // Runs `sql`, a SELECT whose "%1" stands for the placeholders of an IN list, for `values` a
    // chunk at a time (the chunk's values bound after `binds`), calling `each` for every row it
    // returns: the look-ups of a whole page in a few statements instead of one per record. One
    // statement serves every chunk (a short chunk repeats its last value, which an IN list does
    // not mind); `reuse` (optional) keeps it prepared from one call to the next, as Qt's prepare of
    // hundreds of placeholders costs more than the query.
    bool selectIn(const QString &sql, const QVariantList &binds, const QVariantList &values, const std::function<void(const QSqlQuery &)> &each,
                  Error *error, QSqlQuery *reuse = nullptr);

    // A wake-up for the other workers sharing the database: PostgreSQL's NOTIFY on `channel`
    // with `payload` (delivered when the current transaction commits). Nothing on SQLite, whose
    // workers poll. A wake-up is only a hint: listeners never depend on it.
    bool notify(const QString &channel, const QString &payload, Error *error);
    // Calls `onNotification` (in this connection's thread, with the payload) for each NOTIFY on
    // `channel` from another connection, for as long as `context` lives. False when the
    // database cannot deliver notifications (SQLite) or the subscription failed.
    bool subscribe(const QString &channel, QObject *context, std::function<void(const QString &payload)> onNotification);

    bool hasTable(const QString &table);
    QStringList columns(const QString &table);
    // The columns an INSERT must fill: NOT NULL, no default, not generated by the database (an
    // SQLite INTEGER PRIMARY KEY, a serial or identity column).
    QStringList requiredColumns(const QString &table);
    // The table's foreign keys: column -> the table it refers to.
    QHash<QString, QString> foreignKeys(const QString &table);

private:
    Database() = default;
    QSqlDatabase m_db;
    QString m_name;
    DatabaseConfig m_config;
    bool m_sqlite = true;
    QStringList m_channels; // LISTENed to; subscribed again when ping() reconnects
    bool m_held = false;
    bool m_throwaway = false;
    bool m_marksWrites = false;
    QString m_writerSource;
    bool m_marked = false; // SQLite: this transaction's row is in tributary_writer
    bool markWriter(Error *error);
};

// Checks every table and column the configuration names against the real schema. Each problem
// names the configuration key and the table or column.
QStringList checkSchema(Database &db, const Config &config);

} // namespace Tributary
