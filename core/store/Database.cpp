#include "Database.h"

#include "util/Values.h"

#include "util/Logging.h"
#include "util/Tr.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlRecord>
#include <QThread>

namespace Tributary {

namespace {
QAtomicInt s_connectionCounter;

// SQLSTATEs of a transaction that lost to another one: deadlock_detected, serialization_failure,
// lock_not_available. Retrying the transaction is the documented answer to each.
bool isTransientState(const QString &state)
{
    return state == QLatin1String("40P01") || state == QLatin1String("40001") || state == QLatin1String("55P03");
}

Error sqlError(const QString &what, const QSqlError &e, const QString &sql = {})
{
    QString detail = e.text();
    if (!sql.isEmpty())
        detail += QStringLiteral(" -- in: ") + sql.simplified().left(300);
    Error error(Error::Code::Database, what, detail);
    error.transient = isTransientState(e.nativeErrorCode());
    return error;
}
} // namespace

Database::~Database()
{
    if (m_db.isOpen())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

std::unique_ptr<Database> Database::open(const DatabaseConfig &config, const QString &baseDir, Error *error, Missing missing)
{
    std::unique_ptr<Database> d(new Database);
    d->m_config = config;
    d->m_sqlite = config.driver != QLatin1String("postgres");
    d->m_name = QStringLiteral("tributary-%1-%2")
                    .arg(quintptr(QThread::currentThreadId()), 0, 16)
                    .arg(s_connectionCounter.fetchAndAddRelaxed(1));
    const QString driver = d->m_sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL");
    if (!QSqlDatabase::isDriverAvailable(driver)) {
        *error = Error(Error::Code::Database,
                       Tr::tr("the Qt SQL driver %1 is not installed (Debian: %2)")
                           .arg(driver, d->m_sqlite ? QStringLiteral("libqt6sql6-sqlite") : QStringLiteral("libqt6sql6-psql")));
        return nullptr;
    }
    d->m_db = QSqlDatabase::addDatabase(driver, d->m_name);
    if (d->m_sqlite) {
        const QString path = QDir(baseDir).absoluteFilePath(config.path);
        if (!QFileInfo(path).absoluteDir().exists()) {
            *error = Error(Error::Code::Database, Tr::tr("database.path: directory of %1 does not exist").arg(path));
            return nullptr;
        }
        // SQLite would create the file; a path that names no database is a mistake in the
        // configuration, and the sync would fill an empty file nobody reads.
        if (missing == Missing::Refuse && !QFileInfo::exists(path)) {
            *error = Error(Error::Code::Config,
                           Tr::tr("database.path: the main database %1 does not exist (database.path is \"%2\"); Tributary "
                                  "syncs into the application's existing database and does not create one")
                               .arg(path, config.path));
            return nullptr;
        }
        d->m_db.setDatabaseName(path);
        d->m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(config.busyTimeoutMs));
    } else {
        d->m_db.setHostName(config.host);
        d->m_db.setPort(config.port);
        d->m_db.setDatabaseName(config.name);
        d->m_db.setUserName(config.user);
        // The server's NOTICE lines ("already exists, skipping") are not for the operator: libpq
        // would print each on stderr. A server that does not answer fails the open in bounded
        // time instead of hanging a run. The driver itself sets the session's time zone to UTC.
        d->m_db.setConnectOptions(QStringLiteral("connect_timeout=10 application_name=tributary "
                                                 "options='-c client_min_messages=warning'"));
        if (config.password.isSet()) {
            QString why;
            const QString pw = config.password.resolve(baseDir, &why);
            if (pw.isNull()) {
                *error = Error(Error::Code::Config, QStringLiteral("database.password: %1").arg(why));
                return nullptr;
            }
            d->m_db.setPassword(pw);
        }
    }
    if (!d->m_db.open()) {
        *error = sqlError(Tr::tr("cannot open the main database %1").arg(d->m_db.databaseName()), d->m_db.lastError());
        return nullptr;
    }
    if (d->m_sqlite) {
        // WAL lets the main application read while a page is being applied; synchronous=NORMAL
        // keeps every committed page across a process kill (only an OS crash may lose the last
        // commits, which the cursor then replays).
        // The page cache is a bound, not an allocation, so memory stays flat: 12 MiB, since the
        // operating system's file cache serves the rest of a million-record source's indexes as
        // well (a 64 MiB cache imported 1M messages no faster than 8 or 16; docs/performance.md).
        // A page's commit writes every index page it touched to the WAL; a checkpoint copies them
        // into the database and syncs it. Checkpointing every 128 MiB of WAL rather than SQLite's
        // 4 MiB copies a page touched by many commits once, not once per commit; the file is
        // truncated back to 64 MiB after a checkpoint.
        // Temporary tables (verify's seen ids) stay on disk: they grow with the source.
        for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=OFF",
                                   "PRAGMA cache_size=-12288", "PRAGMA wal_autocheckpoint=32768", "PRAGMA journal_size_limit=67108864",
                                   "PRAGMA temp_store=FILE"}) {
            if (!d->exec(QString::fromLatin1(pragma), error))
                return nullptr;
        }
    }
    return d;
}

std::unique_ptr<Database> Database::openSqliteReader(const QString &path, Error *error)
{
    std::unique_ptr<Database> d(new Database);
    d->m_config.path = path;
    d->m_sqlite = true;
    d->m_name = QStringLiteral("tributary-reader-%1-%2")
                    .arg(quintptr(QThread::currentThreadId()), 0, 16)
                    .arg(s_connectionCounter.fetchAndAddRelaxed(1));
    d->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), d->m_name);
    d->m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=2000"));
    d->m_db.setDatabaseName(path);
    if (!d->m_db.open()) {
        *error = sqlError(Tr::tr("cannot open the main database %1").arg(path), d->m_db.lastError());
        return nullptr;
    }
    return d;
}

QString Database::quote(const QString &identifier) const
{
    return m_db.driver()->escapeIdentifier(identifier, QSqlDriver::FieldName);
}

QString Database::autoKeyType() const
{
    return m_sqlite ? QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT") : QStringLiteral("BIGSERIAL PRIMARY KEY");
}

QString Database::formatTimestamp(const QDateTime &utc) const
{
    return normalizeTimestamp(QJsonValue(utc.toUTC().toString(Qt::ISODateWithMs)), m_config.timestampFormat);
}

QVariant Database::keyValue(const QString &localId)
{
    bool ok = false;
    const qlonglong n = localId.toLongLong(&ok);
    return ok ? QVariant(n) : QVariant(localId);
}

QString Database::now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString Database::nowMsSql() const
{
    // SQLite: the Julian day of 'now' (stable within one statement) less the epoch's, in ms.
    return m_sqlite ? QStringLiteral("CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER)")
                    : QStringLiteral("CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)");
}

bool Database::transaction(Error *error)
{
    if (m_held)
        return exec(QStringLiteral("SAVEPOINT tributary_txn"), error);
    if (m_sqlite) {
        // IMMEDIATE takes the write lock up front, so a page never fails half-way on a lock that
        // the main application holds; the busy timeout waits for it instead.
        return exec(QStringLiteral("BEGIN IMMEDIATE"), error) && markWriter(error);
    }
    if (!m_db.transaction()) {
        *error = sqlError(Tr::tr("cannot start a transaction"), m_db.lastError());
        return false;
    }
    return markWriter(error);
}

bool Database::markWriter(Error *error)
{
    if (!m_marksWrites)
        return true;
    if (!m_sqlite) {
        if (!exec(QStringLiteral("SET LOCAL tributary.writer = 'on'"), error))
            return false;
        // Bound: a source's name is the configuration's. Empty when it is nobody's in particular.
        QSqlQuery q;
        return run(q, QStringLiteral("SELECT set_config('tributary.writer_source', ?, true)"), {m_writerSource}, error);
    }
    // Nobody else sees the row: SQLite has one writer at a time, and it never outlives the
    // transaction (commit() deletes it; a rollback or a crash takes it back).
    QSqlQuery q;
    if (!run(q, QStringLiteral("INSERT INTO tributary_writer (pid, source) VALUES (?, ?)"),
             {QCoreApplication::applicationPid(), m_writerSource.isEmpty() ? QVariant() : QVariant(m_writerSource)}, error))
        return false;
    m_marked = true;
    return true;
}

bool Database::readTransaction(Error *error)
{
    if (m_held)
        return exec(QStringLiteral("SAVEPOINT tributary_txn"), error);
    if (m_sqlite)
        return exec(QStringLiteral("BEGIN DEFERRED"), error);
    if (!m_db.transaction()) {
        *error = sqlError(Tr::tr("cannot start a transaction"), m_db.lastError());
        return false;
    }
    return true;
}

bool Database::commit(Error *error)
{
    if (m_held)
        return exec(QStringLiteral("RELEASE SAVEPOINT tributary_txn"), error);
    if (m_sqlite) {
        if (m_marked && !exec(QStringLiteral("DELETE FROM tributary_writer"), error))
            return false;
        m_marked = false;
        return exec(QStringLiteral("COMMIT"), error);
    }
    if (!m_db.commit()) {
        *error = sqlError(Tr::tr("cannot commit"), m_db.lastError());
        return false;
    }
    return true;
}

void Database::rollback()
{
    if (m_held) {
        // Back to where the unit of work began, and out of it: the outer transaction goes on
        // (on PostgreSQL this also clears the error state a failed statement left).
        QSqlQuery q(m_db);
        if (q.exec(QStringLiteral("ROLLBACK TO SAVEPOINT tributary_txn")))
            q.exec(QStringLiteral("RELEASE SAVEPOINT tributary_txn"));
        return;
    }
    if (m_sqlite) {
        m_marked = false;
        QSqlQuery q(m_db);
        q.exec(QStringLiteral("ROLLBACK"));
    } else {
        m_db.rollback();
    }
}

bool Database::lockKey(const QString &key, Error *error)
{
    if (m_sqlite)
        return true;
    QSqlQuery q;
    return run(q, QStringLiteral("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))"), {key}, error);
}

bool Database::lockKeys(QStringList keys, Error *error)
{
    if (m_sqlite)
        return true;
    keys.sort();
    keys.removeDuplicates();
    for (const QString &key : std::as_const(keys)) {
        if (!lockKey(key, error))
            return false;
    }
    return true;
}

bool Database::holdTransaction(Error *error)
{
    if (m_held) {
        *error = Error(Error::Code::Database, Tr::tr("a transaction is already held on the main database"));
        return false;
    }
    // On SQLite the outer transaction is IMMEDIATE for the same reason as a page's: a deferred
    // one that reads first could not take the write lock later if someone else wrote meanwhile.
    if (!transaction(error))
        return false;
    m_held = true;
    return true;
}

void Database::discardHeldTransaction()
{
    if (!m_held)
        return;
    m_held = false;
    rollback();
}

bool Database::prepare(QSqlQuery &q, const QString &sql, Error *error)
{
    q = QSqlQuery(m_db);
    // Every result is read once, front to back: no need for Qt to cache rows.
    q.setForwardOnly(true);
    if (!q.prepare(sql)) {
        *error = sqlError(Tr::tr("cannot prepare a statement on the main database"), q.lastError(), sql);
        return false;
    }
    return true;
}

bool Database::exec(QSqlQuery &q, Error *error)
{
    if (!q.exec()) {
        *error = sqlError(Tr::tr("a statement failed on the main database"), q.lastError(), q.lastQuery());
        return false;
    }
    return true;
}

bool Database::exec(const QString &sql, Error *error)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql)) {
        *error = sqlError(Tr::tr("a statement failed on the main database"), q.lastError(), sql);
        return false;
    }
    return true;
}

bool Database::run(QSqlQuery &q, const QString &sql, const QVariantList &binds, Error *error)
{
    if (!prepare(q, sql, error))
        return false;
    for (const QVariant &b : binds)
        q.addBindValue(b);
    return exec(q, error);
}

bool Database::selectIn(const QString &sql, const QVariantList &binds, const QVariantList &values,
                        const std::function<void(const QSqlQuery &)> &each, Error *error, QSqlQuery *reuse)
{
    if (values.isEmpty())
        return true;
    constexpr qsizetype kChunk = 250; // well under every driver's limit of bound parameters
    // A statement kept for reuse always has the full chunk; a one-off one no more than it needs.
    const qsizetype size = reuse ? kChunk : qMin(kChunk, values.size());
    QStringList marks;
    marks.reserve(size);
    for (qsizetype i = 0; i < size; ++i)
        marks.append(QStringLiteral("?"));
    const QString text = sql.arg(marks.join(QLatin1Char(',')));
    QSqlQuery local(m_db);
    QSqlQuery &q = reuse ? *reuse : local;
    if (q.lastQuery() != text) {
        q.setForwardOnly(true);
        if (!prepare(q, text, error))
            return false;
    }
    for (qsizetype at = 0; at < values.size(); at += size) {
        const qsizetype last = qMin(at + size, values.size()) - 1;
        int index = 0;
        for (const QVariant &b : binds)
            q.bindValue(index++, b);
        for (qsizetype i = 0; i < size; ++i)
            q.bindValue(index++, values.at(qMin(at + i, last)));
        if (!exec(q, error))
            return false;
        while (q.next())
            each(q);
        q.finish();
    }
    return true;
}

bool Database::notify(const QString &channel, const QString &payload, Error *error)
{
    if (m_sqlite)
        return true;
    QSqlQuery q;
    return run(q, QStringLiteral("SELECT pg_notify(?, ?)"), {channel, payload}, error);
}

bool Database::subscribe(const QString &channel, QObject *context, std::function<void(const QString &payload)> onNotification)
{
    if (m_sqlite || !m_db.driver()->hasFeature(QSqlDriver::EventNotifications))
        return false;
    QSqlDriver *driver = m_db.driver();
    if (!driver->subscribedToNotifications().contains(channel) && !driver->subscribeToNotification(channel))
        return false;
    if (!m_channels.contains(channel))
        m_channels.append(channel);
    QObject::connect(driver, &QSqlDriver::notification, context,
                     [channel, onNotification](const QString &name, QSqlDriver::NotificationSource source, const QVariant &payload) {
                         if (name == channel && source == QSqlDriver::OtherSource)
                             onNotification(payload.toString());
                     });
    return true;
}

bool Database::ping(QString *why)
{
    if (m_db.isOpen()) {
        QSqlQuery q(m_db);
        if (q.exec(QStringLiteral("SELECT 1")) && q.next())
            return true;
        *why = q.lastError().text();
    }
    if (m_sqlite || m_held) {
        if (why->isEmpty())
            *why = Tr::tr("the connection is closed");
        return false;
    }
    // The server went away and came back (a restart, a failover): the old connection stays
    // broken for good, so a long-running service would report the database down forever.
    m_db.close();
    if (!m_db.open()) {
        *why = m_db.lastError().text();
        return false;
    }
    QSqlQuery again(m_db);
    if (!again.exec(QStringLiteral("SELECT 1")) || !again.next()) {
        *why = again.lastError().text();
        return false;
    }
    // The old session's LISTENs ended with it.
    for (const QString &channel : std::as_const(m_channels)) {
        if (!m_db.driver()->subscribeToNotification(channel))
            qCWarning(lcStore) << "cannot listen to" << channel << "again after reconnecting:" << m_db.driver()->lastError().text();
    }
    qCInfo(lcStore) << "reconnected to the main database" << m_db.databaseName();
    return true;
}

QStringList Database::tables() const
{
    return m_db.tables(QSql::Tables);
}

bool Database::hasTable(const QString &table)
{
    return m_db.tables(QSql::Tables).contains(table);
}

QStringList Database::columns(const QString &table)
{
    const QSqlRecord r = m_db.record(table);
    QStringList out;
    for (int i = 0; i < r.count(); ++i)
        out.append(r.fieldName(i));
    return out;
}

QStringList Database::requiredColumns(const QString &table)
{
    QStringList out;
    if (m_sqlite) {
        // The pragma rather than QSqlField: the driver reads DEFAULT '' as no default at all.
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT name FROM pragma_table_info(?) WHERE \"notnull\" = 1 AND dflt_value IS NULL "
                                 "AND NOT (pk = 1 AND upper(type) = 'INTEGER')"));
        q.addBindValue(table);
        if (q.exec()) {
            while (q.next())
                out.append(q.value(0).toString());
        }
        return out;
    }
    const QSqlRecord r = m_db.record(table);
    for (int i = 0; i < r.count(); ++i) {
        const QSqlField f = r.field(i);
        if (f.requiredStatus() == QSqlField::Required && !f.isAutoValue() && !f.defaultValue().isValid())
            out.append(f.name());
    }
    return out;
}

QHash<QString, QString> Database::foreignKeys(const QString &table)
{
    QHash<QString, QString> out;
    QSqlQuery q(m_db);
    if (m_sqlite)
        q.prepare(QStringLiteral("SELECT \"from\", \"table\" FROM pragma_foreign_key_list(?)"));
    else
        q.prepare(QStringLiteral("SELECT kcu.column_name, ccu.table_name FROM information_schema.table_constraints tc "
                                 "JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name "
                                 "AND kcu.table_schema = tc.table_schema "
                                 "JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name "
                                 "AND ccu.table_schema = tc.table_schema "
                                 "WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_name = ? AND tc.table_schema = current_schema()"));
    q.addBindValue(table);
    if (q.exec()) {
        while (q.next())
            out.insert(q.value(0).toString(), q.value(1).toString());
    }
    return out;
}

QStringList checkSchema(Database &db, const Config &config)
{
    QStringList problems;
    const QStringList tables = db.db().tables(QSql::Tables);
    for (const SourceConfig &s : config.sources) {
        if (!s.enabled)
            continue;
        for (const EntityConfig &e : s.entities) {
            if (!e.enabled)
                continue;
            const QString path = QStringLiteral("sources.%1.entities.%2").arg(s.name, e.name);
            if (!tables.contains(e.table)) {
                problems.append(Tr::tr("%1.table: the main database has no table \"%2\"").arg(path, e.table));
                continue;
            }
            const QStringList cols = db.columns(e.table);
            auto need = [&](const QString &key, const QString &column) {
                if (!column.isEmpty() && !cols.contains(column))
                    problems.append(Tr::tr("%1.%2: table \"%3\" has no column \"%4\" (it has: %5)")
                                        .arg(path, key, e.table, column, cols.join(QStringLiteral(", "))));
            };
            need(QStringLiteral("key"), e.key);
            need(QStringLiteral("updated_column"), e.updatedColumn);
            for (const ColumnMapping &c : e.columns)
                need(QStringLiteral("columns.") + c.column, c.column);
            for (const ReferenceMapping &r : e.references)
                need(QStringLiteral("references.") + r.column, r.column);
            for (auto it = e.defaults.constBegin(); it != e.defaults.constEnd(); ++it)
                need(QStringLiteral("defaults.") + it.key(), it.key());
            // A column every insert must fill and nothing fills: each new row would be refused,
            // page after page. Said now, naming the way out.
            QStringList filled = {e.key, e.updatedColumn};
            for (const ColumnMapping &c : e.columns)
                filled.append(c.column);
            for (const ReferenceMapping &r : e.references)
                filled.append(r.column);
            filled += e.defaults.keys();
            for (const QString &column : db.requiredColumns(e.table)) {
                if (!filled.contains(column, Qt::CaseInsensitive))
                    problems.append(Tr::tr("%1: table \"%2\" requires a value in column \"%3\" (NOT NULL, no default) and the mapping "
                                           "gives it none, so every new row would be refused; map a field to it in \"columns\", "
                                           "or give it a value in \"defaults\"")
                                        .arg(path, e.table, column));
            }
        }
    }
    return problems;
}

} // namespace Tributary
