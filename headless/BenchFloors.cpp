// The floors of `tributaryd bench`: how fast this machine can read the source and write the main
// database when nothing else is done, so that each step of a sync is measured against them and
// not against yesterday's machine. Each runs in a child tributaryd, as the steps do:
// - the fetch floor walks every page of every entity as the initial sync walks them, through the
//   same source and PageWalker (the same pagination, the same pages in flight, the JSON parsed),
//   and does nothing with the records;
// - the write floor inserts the rows the initial sync left in the application's tables into an
//   empty copy of the forum's schema (an SQLite file beside the main database, or a schema of its
//   own in the PostgreSQL database), in their key order, with one prepared statement per table
//   and a transaction per 10,000 rows, no state tables; only the inserts and commits are timed.

#include "Bench.h"
#include "CliCommon.h"
#include "Context.h"
#include "ExitCode.h"
#include "Progress.h"
#include "Tr.h"

#include "engine/run/PageWalker.h"
#include "state/Outbox.h"
#include "store/Database.h"
#include "store/EntityTable.h"
#include "store/Statements.h"

#include "forum-sim/ForumSchema.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace Tributary::Cli {

namespace {

constexpr int kWriteFloorBatch = 10000;
const QString kFloorSchema = QStringLiteral("tributary_bench_floor");

// The rows read from the source or written, per entity, as the sync's summary prints them (the
// parent reads them back), then the child's peak memory.
void printFloor(const QList<QPair<QString, qint64>> &rows, QTextStream &out)
{
    for (const auto &r : rows)
        out << "  " << r.first.leftJustified(12) << ' ' << Progress::number(r.second).rightJustified(12) << "\n";
    out << "  " << Tr::tr("Peak memory: %1").arg(Progress::peakMemory()) << "\n";
}

std::unique_ptr<Context> openFloor(const QStringList &arguments, const QString &flag, const QString &what, QTextStream &err,
                                   QList<const SourceConfig *> *sources, int *code)
{
    QCommandLineParser p;
    p.addOptions({configOption(), sourceOption(), QCommandLineOption(flag)});
    if (!parse(p, QStringLiteral("bench"), what, arguments, code))
        return nullptr;
    Opened opened = openSources(p.value(configOption()), p.value(sourceOption()), err, code);
    if (opened.context)
        *sources = opened.sources;
    return std::move(opened.context);
}

} // namespace

int benchFetchFloor(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    int code = ExitOk;
    QList<const SourceConfig *> sources;
    const std::unique_ptr<Context> ctx =
        openFloor(arguments, QStringLiteral("fetch-floor"),
                  Tr::tr("The benchmark's fetch floor: walks every page of every entity as an initial sync would, and writes nothing."),
                  err, &sources, &code);
    if (!ctx)
        return code;
    QList<QPair<QString, qint64>> rows;
    for (const SourceConfig *config : std::as_const(sources)) {
        const std::unique_ptr<Source> source = ctx->createSource(*config);
        if (!source)
            return ExitFailed;
        for (const EntityConfig *entity : config->orderedEntities()) {
            if (!entity->enabled)
                continue;
            // As an initial sync walks it: by change time from the beginning when the source
            // pages through that stably, else the full walk.
            const EntityCapabilities caps = source->capabilities(entity->name);
            PageRequest request;
            request.entity = entity->name;
            request.mode = caps.incremental && caps.stablePagination ? PageRequest::Mode::Incremental : PageRequest::Mode::Full;
            PageWalker walker(source.get(), request);
            qint64 records = 0;
            Error failed;
            QEventLoop loop;
            QObject::connect(&walker, &PageWalker::pageReady, &loop, [&](const Page &page) { records += page.records.size(); });
            QObject::connect(&walker, &PageWalker::finished, &loop, [&](const Error &e) {
                failed = e;
                loop.quit();
            });
            walker.start();
            if (walker.isRunning())
                loop.exec();
            if (failed) {
                err << "tributaryd bench: " << config->name << '/' << entity->name << ": " << failed.toString() << "\n";
                return ExitFailed;
            }
            rows.append({entity->name, records});
        }
    }
    printFloor(rows, out);
    return ExitOk;
}

int benchWriteFloor(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    int code = ExitOk;
    QList<const SourceConfig *> sources;
    const std::unique_ptr<Context> ctx =
        openFloor(arguments, QStringLiteral("write-floor"),
                  Tr::tr("The benchmark's write floor: inserts the application's rows into an empty copy of its schema and "
                         "prints the time the inserts took."),
                  err, &sources, &code);
    if (!ctx)
        return code;
    Database &main = ctx->database();
    DatabaseConfig target = ctx->config().database;
    QString floorFile;
    if (main.isSqlite()) {
        floorFile = QFileInfo(main.name()).absoluteDir().filePath(QStringLiteral("write-floor.sqlite"));
        removeSqlite(floorFile);
        target.path = floorFile;
    }
    Error e;
    std::unique_ptr<Database> floor = Database::open(target, QString(), &e, Database::Missing::Create);
    if (!floor) {
        err << "tributaryd bench: " << Tr::tr("cannot open the write floor's database: %1").arg(e.toString()) << "\n";
        return ExitFailed;
    }
    auto cleanUp = [&] {
        if (floorFile.isEmpty()) {
            Error ignored;
            floor->exec(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(kFloorSchema), &ignored);
        }
        floor.reset();
        if (!floorFile.isEmpty())
            removeSqlite(floorFile);
    };
    auto fail = [&](const QString &message) {
        err << "tributaryd bench: " << message << "\n";
        cleanUp();
        return int(ExitFailed);
    };
    if (floorFile.isEmpty()
        && !(floor->exec(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(kFloorSchema), &e)
             && floor->exec(QStringLiteral("CREATE SCHEMA %1").arg(kFloorSchema), &e)
             && floor->exec(QStringLiteral("SET search_path TO %1").arg(kFloorSchema), &e)))
        return fail(e.toString());
    QString why;
    if (!ForumSchema::createTables(floor->db(), &why))
        return fail(Tr::tr("cannot create the write floor's tables: %1").arg(why));

    QElapsedTimer timer;
    qint64 writingNs = 0;
    QList<QPair<QString, qint64>> rows;
    QSet<QString> done;
    for (const SourceConfig *config : std::as_const(sources)) {
        for (const EntityConfig *entity : config->orderedEntities()) {
            if (!entity->enabled || done.contains(entity->table))
                continue;
            done.insert(entity->table);
            // Every column the copy has too, the key included, so that references stay valid.
            const QStringList floorColumns = floor->columns(entity->table);
            QStringList columns, quoted, marks;
            for (const QString &c : main.columns(entity->table)) {
                if (!floorColumns.contains(c))
                    continue;
                columns.append(c);
                quoted.append(main.quote(c));
                marks.append(QStringLiteral("?"));
            }
            QSqlQuery read(main.db());
            read.setForwardOnly(true);
            if (!main.prepare(read, QStringLiteral("SELECT %1 FROM %2 ORDER BY %3").arg(quoted.join(QStringLiteral(", ")), main.quote(entity->table), main.quote(entity->key)), &e)
                || !main.exec(read, &e))
                return fail(e.toString());
            QSqlQuery insert(floor->db());
            if (!floor->prepare(insert, QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)").arg(floor->quote(entity->table), quoted.join(QStringLiteral(", ")), marks.join(QStringLiteral(", "))), &e))
                return fail(e.toString());
            qint64 written = 0;
            bool more = true;
            QList<QVariantList> batch;
            batch.reserve(kWriteFloorBatch);
            while (more) {
                batch.clear();
                while (batch.size() < kWriteFloorBatch && (more = read.next())) {
                    QVariantList row;
                    row.reserve(columns.size());
                    for (int i = 0; i < columns.size(); ++i)
                        row.append(read.value(i));
                    batch.append(row);
                }
                if (batch.isEmpty())
                    break;
                timer.start();
                if (!floor->transaction(&e))
                    return fail(e.toString());
                for (const QVariantList &row : std::as_const(batch)) {
                    for (int i = 0; i < row.size(); ++i)
                        insert.bindValue(i, row.at(i));
                    if (!floor->exec(insert, &e)) {
                        floor->rollback();
                        return fail(e.toString());
                    }
                }
                if (!floor->commit(&e))
                    return fail(e.toString());
                writingNs += timer.nsecsElapsed();
                written += batch.size();
            }
            rows.append({entity->name, written});
        }
    }
    cleanUp();
    printFloor(rows, out);
    //: The write floor's own time, in milliseconds, read back by the benchmark.
    out << "  " << Tr::tr("Writing took %1 ms").arg(writingNs / 1000000) << "\n";
    return ExitOk;
}

} // namespace Tributary::Cli

namespace Tributary::Cli {

// bench --capture-cost: what Tributary's triggers cost the main application's own writes. The
// application's statements (single-row UPDATEs of a synced text column, in transactions of 100,
// on a connection Tributary does not mark) are timed three times: with the edit capture the sync
// installed (docs/decisions/0024), with write-back's capture added (docs/write-back.md), and
// with no trigger at all. The triggers are put back as the sync left them afterwards.
int benchCaptureCost(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    constexpr int kUpdates = 20000;
    constexpr int kPerTransaction = 100;
    QList<const SourceConfig *> sources;
    int code = ExitOk;
    std::unique_ptr<Context> ctx = openFloor(arguments, QStringLiteral("capture-cost"),
                                             Tr::tr("Times the main application's updates with and without the capture triggers."), err,
                                             &sources, &code);
    if (!ctx)
        return code;
    Database &db = ctx->database();
    const SourceConfig &source = *sources.first();
    const EntityConfig *entity = source.entity(QStringLiteral("messages"));
    if (!entity)
        entity = &source.entities.first();
    QString column;
    for (const ColumnMapping &c : entity->columns) {
        if (c.type == QLatin1String("string") && column.isEmpty())
            column = c.column;
    }
    auto fail = [&](const QString &why) {
        err << "tributaryd bench --capture-cost: " << why << "\n";
        return ExitFailed;
    };
    if (column.isEmpty())
        return fail(Tr::tr("entity %1 maps no text column to update").arg(entity->name));
    QStringList ids;
    {
        QSqlQuery q(db.db());
        if (!q.exec(QStringLiteral("SELECT %1 FROM %2 ORDER BY %1 LIMIT %3").arg(db.quote(entity->key), db.quote(entity->table)).arg(kUpdates)))
            return fail(q.lastError().text());
        while (q.next())
            ids.append(q.value(0).toString());
    }
    if (ids.isEmpty())
        return fail(Tr::tr("table %1 is empty").arg(entity->table));

    // The application's own statements: Tributary's transaction() would mark them as its writes.
    int round = 0;
    auto timeUpdates = [&](qint64 *ms) {
        ++round;
        QSqlDatabase &conn = db.db();
        QSqlQuery q(conn);
        q.prepare(QStringLiteral("UPDATE %1 SET %2 = ? WHERE %3 = ?").arg(db.quote(entity->table), db.quote(column), db.quote(entity->key)));
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < ids.size(); i += kPerTransaction) {
            if (!conn.transaction())
                return false;
            for (int j = i; j < qMin(i + kPerTransaction, int(ids.size())); ++j) {
                q.addBindValue(QStringLiteral("bench round %1, row %2").arg(round).arg(ids.at(j)));
                q.addBindValue(Database::keyValue(ids.at(j)));
                if (!q.exec()) {
                    conn.rollback();
                    return false;
                }
            }
            if (!conn.commit())
                return false;
        }
        *ms = timer.elapsed();
        return true;
    };
    Statements statements(db);
    EntityTable table(db, statements, *entity);
    Outbox outbox(db);
    Error error;
    QString refused;
    QStringList watched = table.syncColumns();
    qint64 edits = 0, both = 0, none = 0, warmUp = 0;
    int dropped = 0;
    // Once untimed: the rows and the statements in the caches, as for the rounds after it.
    if (!timeUpdates(&warmUp) || !timeUpdates(&edits))
        return fail(db.db().lastError().text());
    if (!outbox.setTargets({{entity->table, source.name, entity->name}}, &dropped, &error) || !table.ensureOutboxCapture(watched, &refused, &error))
        return fail(error.toString());
    if (!timeUpdates(&both))
        return fail(db.db().lastError().text());
    // Nothing of Tributary's: write-back's capture off, the edit capture's triggers dropped.
    if (!outbox.setTargets({}, &dropped, &error) || !table.ensureOutboxCapture({}, &refused, &error))
        return fail(error.toString());
    if (!table.dropEditCapture(&error))
        return fail(error.toString());
    if (!timeUpdates(&none))
        return fail(db.db().lastError().text());
    // As the sync left them (the edits just made are the application's: captured from now on).
    QStringList columns;
    for (const SourceConfig &s : ctx->config().sources) {
        for (const EntityConfig &e : s.entities) {
            if (e.table == entity->table)
                columns += EntityTable::syncColumnsOf(e);
        }
    }
    if (!table.ensureEditCapture(columns, &refused, &error))
        return fail(error.toString());

    auto line = [&](const QString &what, qint64 ms) {
        const double perUpdate = double(ms) * 1000.0 / double(ids.size());
        const QString overhead = none > 0 ? QStringLiteral("%1%2 %").arg(ms >= none ? QStringLiteral("+") : QString()).arg(double(ms - none) * 100.0 / double(none), 0, 'f', 0)
                                          : QStringLiteral("—");
        out << "  " << Tr::tr("capture: %1: %2 (%3 µs per update, %4)").arg(what, Progress::duration(ms), QString::number(perUpdate, 'f', 1), overhead)
            << "\n";
    };
    out << "  " << Tr::tr("capture: %1 updates of %2.%3 by the application, %4 per transaction")
                       .arg(Progress::number(ids.size()), entity->table, column, QString::number(kPerTransaction))
        << "\n";
    line(Tr::tr("no triggers"), none);
    line(Tr::tr("edit capture (every synced table)"), edits);
    line(Tr::tr("edit and write-back capture"), both);
    return ExitOk;
}

} // namespace Tributary::Cli
