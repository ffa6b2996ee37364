#include "Migrations.h"

#include "store/Database.h"

#include "util/Logging.h"
#include "util/Tr.h"

#include <QSqlQuery>

namespace Tributary::Migrations {

namespace {

// Version 1: the state Tributary keeps next to the data, so that a page, its links and its
// cursor commit in one transaction. Ids are TEXT: sources and main databases may use any key.
QStringList version1(const Database &db)
{
    const QString key = db.autoKeyType();
    return {
        QStringLiteral("CREATE TABLE tributary_schema (version INTEGER NOT NULL, applied_at TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE tributary_cursors (source TEXT NOT NULL, entity TEXT NOT NULL, kind TEXT NOT NULL, "
                       "position TEXT NOT NULL, run_id BIGINT, updated_at TEXT NOT NULL, "
                       "PRIMARY KEY (source, entity, kind))"),
        QStringLiteral("CREATE TABLE tributary_links (source TEXT NOT NULL, entity TEXT NOT NULL, external_id TEXT NOT NULL, "
                       "local_id TEXT NOT NULL, origin TEXT NOT NULL, base_hash TEXT NOT NULL, base TEXT NOT NULL, "
                       "seen_scan BIGINT NOT NULL DEFAULT 0, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, "
                       "PRIMARY KEY (source, entity, external_id))%1").arg(db.isSqlite() ? QStringLiteral(" WITHOUT ROWID") : QString()),
        QStringLiteral("CREATE INDEX tributary_links_local ON tributary_links (entity, local_id)"),
        QStringLiteral("CREATE TABLE tributary_pending (source TEXT NOT NULL, entity TEXT NOT NULL, external_id TEXT NOT NULL, "
                       "record TEXT NOT NULL, missing TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 1, "
                       "first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, run_id BIGINT, "
                       "PRIMARY KEY (source, entity, external_id))"),
        QStringLiteral("CREATE TABLE tributary_pending_refs (source TEXT NOT NULL, entity TEXT NOT NULL, "
                       "external_id TEXT NOT NULL, column_name TEXT NOT NULL, ref_entity TEXT NOT NULL, "
                       "ref_external_id TEXT NOT NULL, PRIMARY KEY (source, entity, external_id, column_name))"),
        QStringLiteral("CREATE INDEX tributary_pending_refs_ref ON tributary_pending_refs (source, ref_entity, ref_external_id)"),
        QStringLiteral("CREATE TABLE tributary_quarantine (source TEXT NOT NULL, entity TEXT NOT NULL, external_id TEXT NOT NULL, "
                       "record TEXT NOT NULL, field TEXT, reason TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 1, "
                       "first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, run_id BIGINT, "
                       "PRIMARY KEY (source, entity, external_id))"),
        QStringLiteral("CREATE TABLE tributary_conflicts (id %1, source TEXT NOT NULL, entity TEXT NOT NULL, "
                       "external_id TEXT NOT NULL, local_id TEXT, kind TEXT NOT NULL, fields TEXT NOT NULL, "
                       "base TEXT NOT NULL, local TEXT NOT NULL, remote TEXT NOT NULL, status TEXT NOT NULL, "
                       "resolution TEXT, resolved_by TEXT, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, "
                       "resolved_at TEXT, run_id BIGINT)").arg(key),
        QStringLiteral("CREATE INDEX tributary_conflicts_record ON tributary_conflicts (source, entity, external_id, status)"),
        QStringLiteral("CREATE TABLE tributary_runs (id %1, source TEXT NOT NULL, kind TEXT NOT NULL, started_at TEXT NOT NULL, "
                       "finished_at TEXT, status TEXT NOT NULL, error TEXT, counts TEXT, pid BIGINT)").arg(key),
        QStringLiteral("CREATE INDEX tributary_runs_source ON tributary_runs (source, id)"),
        QStringLiteral("CREATE TABLE tributary_changes (id %1, run_id BIGINT, source TEXT, entity TEXT, "
                       "table_name TEXT NOT NULL, local_id TEXT NOT NULL, external_id TEXT, op TEXT NOT NULL, "
                       "fields TEXT, actor TEXT NOT NULL, at TEXT NOT NULL)").arg(key),
        QStringLiteral("CREATE INDEX tributary_changes_row ON tributary_changes (table_name, local_id)"),
        QStringLiteral("CREATE TABLE tributary_leases (source TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at TEXT NOT NULL)"),
    };
}

// Version 2: deletes found by reconciliation. A link whose record is gone at the source keeps
// its row (soft delete or ignore) and is marked, so a record that comes back is restored.
QStringList version2()
{
    return {QStringLiteral("ALTER TABLE tributary_links ADD COLUMN deleted_at TEXT")};
}

// Version 3: several sources and people deciding conflicts. Which source set the local value of
// a conflicting field; the values a change wrote (history answers "who set this value");
// each source's entities and their tables, so a source removed from the configuration can still
// be detached or purged.
QStringList version3()
{
    return {
        QStringLiteral("ALTER TABLE tributary_conflicts ADD COLUMN local_by TEXT"),
        QStringLiteral("ALTER TABLE tributary_changes ADD COLUMN change_values TEXT"),
        QStringLiteral("CREATE INDEX tributary_conflicts_status ON tributary_conflicts (status, source, entity)"),
        QStringLiteral("CREATE TABLE tributary_entities (source TEXT NOT NULL, entity TEXT NOT NULL, table_name TEXT NOT NULL, "
                       "key_column TEXT NOT NULL, position INTEGER NOT NULL, updated_at TEXT NOT NULL, "
                       "PRIMARY KEY (source, entity))"),
        QStringLiteral("CREATE INDEX tributary_entities_table ON tributary_entities (table_name)"),
    };
}

// Version 4: several workers on one main database. The lease of each source (who runs it, until
// when, by the database server's clock in milliseconds so that expiry compares as a number: the
// version 1 table was never used and is replaced), the worker that made each run, and webhook
// hints handed from the worker that received them to the one that holds their source.
QStringList version4(const Database &db)
{
    return {
        QStringLiteral("DROP TABLE tributary_leases"),
        QStringLiteral("CREATE TABLE tributary_leases (source TEXT PRIMARY KEY, holder TEXT NOT NULL, host TEXT NOT NULL, "
                       "pid BIGINT NOT NULL, node TEXT NOT NULL, acquired_at BIGINT NOT NULL, renewed_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)"),
        QStringLiteral("ALTER TABLE tributary_runs ADD COLUMN worker TEXT"),
        QStringLiteral("CREATE TABLE tributary_hints (id %1, source TEXT NOT NULL, entity TEXT NOT NULL, external_id TEXT NOT NULL, "
                       "received_at BIGINT NOT NULL, received_by TEXT NOT NULL)").arg(db.autoKeyType()),
        QStringLiteral("CREATE UNIQUE INDEX tributary_hints_record ON tributary_hints (source, entity, external_id)"),
    };
}

// Version 5: the workers alive, each seen again every couple of seconds, so that a worker takes
// no more than its share of the sources while other workers are there to run them.
QStringList version5()
{
    return {QStringLiteral("CREATE TABLE tributary_workers (worker TEXT PRIMARY KEY, host TEXT NOT NULL, pid BIGINT NOT NULL, "
                           "node TEXT NOT NULL, started_at BIGINT NOT NULL, seen_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)")};
}

// Version 6: the main application's edits of synced rows, captured by triggers on the synced
// tables (EditCapture) with the row as it was before the first edit, so that a row nobody edited
// needs no base in its link (docs/decisions/0024). Tributary marks its own transactions: a row
// in tributary_writer on SQLite, a setting on PostgreSQL, read by the trigger function.
QStringList version6(const Database &db)
{
    QStringList steps{QStringLiteral("CREATE TABLE tributary_edits (table_name TEXT NOT NULL, local_id TEXT NOT NULL, base TEXT NOT NULL, "
                                     "edited_at TEXT NOT NULL, PRIMARY KEY (table_name, local_id))")};
    if (db.isSqlite()) {
        steps.append(QStringLiteral("CREATE TABLE tributary_writer (pid BIGINT NOT NULL)"));
        return steps;
    }
    // Arguments: the table as configured, its key column, and the synced columns (a JSON array).
    // Only an update that changes a synced column counts; the first edit's old values stay.
    steps.append(QStringLiteral(
        // SECURITY DEFINER: the application's role needs no right on tributary_edits, and its
        // statement can never fail for want of one; the search path is the migration's.
        "CREATE OR REPLACE FUNCTION tributary_capture_edit() RETURNS trigger LANGUAGE plpgsql "
        "SECURITY DEFINER SET search_path FROM CURRENT AS $fn$\n"
        "DECLARE\n"
        "    old_row jsonb := to_jsonb(OLD);\n"
        "    new_row jsonb;\n"
        "BEGIN\n"
        "    IF current_setting('tributary.writer', true) = 'on' THEN\n"
        "        RETURN NULL;\n"
        "    END IF;\n"
        "    IF TG_OP = 'UPDATE' THEN\n"
        "        new_row := to_jsonb(NEW);\n"
        "        IF NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(TG_ARGV[2]::jsonb) AS c(name)\n"
        "                       WHERE old_row -> c.name IS DISTINCT FROM new_row -> c.name) THEN\n"
        "            RETURN NULL;\n"
        "        END IF;\n"
        "    END IF;\n"
        "    INSERT INTO tributary_edits (table_name, local_id, base, edited_at)\n"
        "    SELECT TG_ARGV[0], old_row ->> TG_ARGV[1], COALESCE(jsonb_object_agg(c.name, old_row -> c.name), '{}'::jsonb)::text,\n"
        "           to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')\n"
        "    FROM jsonb_array_elements_text(TG_ARGV[2]::jsonb) AS c(name)\n"
        "    ON CONFLICT (table_name, local_id) DO NOTHING;\n"
        "    RETURN NULL;\n"
        "END\n"
        "$fn$"));
    return steps;
}

// Version 7: a run's inserted rows get no change log line each; the link records the run that
// inserted its row and stands for the line until it is removed (docs/decisions/0025). Links
// made before keep their lines in the log (run_id NULL).
QStringList version7()
{
    return {QStringLiteral("ALTER TABLE tributary_links ADD COLUMN run_id BIGINT")};
}

// Version 8: each `serve` worker publishes its schedule with its beat (when it will next sync,
// reconcile or try a turn again, per source), so that a console can say when the next runs are.
QStringList version8()
{
    return {QStringLiteral("ALTER TABLE tributary_workers ADD COLUMN plan TEXT")};
}

// Version 9: write-back (docs/write-back.md). Which sources receive the main application's
// changes of which table (tributary_outbox_targets, kept from the configuration), and the
// operations waiting to be pushed (tributary_outbox): one row per source and local row, which
// the capture triggers insert or bump (version) in the application's own transaction, so that
// three edits of a row before a push are one operation.
QStringList version9(const Database &db)
{
    QStringList steps{
        QStringLiteral("CREATE TABLE tributary_outbox_targets (table_name TEXT NOT NULL, source TEXT NOT NULL, entity TEXT NOT NULL, "
                       "receive_all INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (table_name, source))"),
        QStringLiteral("CREATE TABLE tributary_outbox (id %1, source TEXT NOT NULL, entity TEXT NOT NULL, table_name TEXT NOT NULL, "
                       "local_id TEXT NOT NULL, version BIGINT NOT NULL DEFAULT 1, made_at TEXT NOT NULL, changed_at TEXT NOT NULL, "
                       "state TEXT NOT NULL DEFAULT 'pending', attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at TEXT NOT NULL DEFAULT '', "
                       "sent_at TEXT, last_error TEXT, idempotency_key TEXT, "
                       "UNIQUE (source, table_name, local_id))").arg(db.autoKeyType()),
        QStringLiteral("CREATE INDEX tributary_outbox_due ON tributary_outbox (source, state, next_attempt_at)"),
    };
    if (db.isSqlite()) {
        // Which source Tributary writes for: its changes of a shared row go on to the others.
        steps.append(QStringLiteral("ALTER TABLE tributary_writer ADD COLUMN source TEXT"));
        return steps;
    }
    // Arguments: the table as configured, its key column and the watched columns (a JSON array:
    // an update that changes none of them is no change to push). SECURITY DEFINER as for the
    // edits. The application's changes go to every target; Tributary's, written for one source, go to
    // the other targets that link the row (or receive every row): a shared row stays the same
    // everywhere. A change Tributary makes for nobody in particular goes nowhere.
    steps.append(QStringLiteral(
        "CREATE OR REPLACE FUNCTION tributary_capture_out() RETURNS trigger LANGUAGE plpgsql "
        "SECURITY DEFINER SET search_path FROM CURRENT AS $fn$\n"
        "DECLARE\n"
        "    row_id text;\n"
        "    writer text := NULL;\n"
        "    at text := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"');\n"
        "BEGIN\n"
        "    IF current_setting('tributary.writer', true) = 'on' THEN\n"
        "        writer := COALESCE(current_setting('tributary.writer_source', true), '');\n"
        "        IF writer = '' THEN\n"
        "            RETURN NULL;\n"
        "        END IF;\n"
        "    END IF;\n"
        "    IF TG_OP = 'DELETE' THEN\n"
        "        row_id := to_jsonb(OLD) ->> TG_ARGV[1];\n"
        "    ELSE\n"
        "        row_id := to_jsonb(NEW) ->> TG_ARGV[1];\n"
        "    END IF;\n"
        "    IF TG_OP = 'UPDATE' AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements_text(TG_ARGV[2]::jsonb) AS c(name)\n"
        "                                        WHERE to_jsonb(OLD) -> c.name IS DISTINCT FROM to_jsonb(NEW) -> c.name) THEN\n"
        "        RETURN NULL;\n"
        "    END IF;\n"
        "    INSERT INTO tributary_outbox (source, entity, table_name, local_id, made_at, changed_at)\n"
        "    SELECT t.source, t.entity, t.table_name, row_id, at, at FROM tributary_outbox_targets t WHERE t.table_name = TG_ARGV[0]\n"
        "      AND (writer IS NULL OR (t.source <> writer AND (t.receive_all <> 0 OR EXISTS (SELECT 1 FROM tributary_links l\n"
        "           WHERE l.source = t.source AND l.entity = t.entity AND l.local_id = row_id))))\n"
        "    ON CONFLICT (source, table_name, local_id) DO UPDATE SET version = tributary_outbox.version + 1,\n"
        "        changed_at = EXCLUDED.changed_at, state = 'pending', next_attempt_at = '';\n"
        "    RETURN NULL;\n"
        "END\n"
        "$fn$"));
    return steps;
}

} // namespace

bool version(Database &db, int *version, Error *error)
{
    *version = 0;
    if (!db.hasTable(QStringLiteral("tributary_schema")))
        return true;
    QSqlQuery q;
    if (!db.run(q, QStringLiteral("SELECT MAX(version) FROM tributary_schema"), {}, error)) {
        *error = error->prefixed(Tr::tr("cannot read the state version of the main database"));
        return false;
    }
    *version = q.next() ? q.value(0).toInt() : 0;
    return true;
}

bool run(Database &db, Error *error)
{
    int current = 0;
    if (!version(db, &current, error))
        return false;
    if (current > kCurrentVersion) {
        *error = Error(Error::Code::Database,
                       Tr::tr("the main database was upgraded by a newer Tributary (state version %1; this build knows %2)")
                           .arg(current).arg(kCurrentVersion));
        return false;
    }
    if (current == kCurrentVersion) {
        db.setMarksWrites(true);
        return true;
    }
    // Several processes may start at once (workers, a sync by hand beside the service): one
    // migrates while the others wait for its lock (PostgreSQL) or its write lock (SQLite's
    // BEGIN IMMEDIATE), then each reads the version again and finds nothing left to do.
    if (!db.transaction(error))
        return false;
    if (!db.lockSchema(error) || !version(db, &current, error)) {
        db.rollback();
        return false;
    }
    if (current >= kCurrentVersion) {
        db.rollback();
        db.setMarksWrites(true);
        return true;
    }
    QStringList steps;
    if (current < 1)
        steps += version1(db);
    if (current < 2)
        steps += version2();
    if (current < 3)
        steps += version3();
    if (current < 4)
        steps += version4(db);
    if (current < 5)
        steps += version5();
    if (current < 6)
        steps += version6(db);
    if (current < 7)
        steps += version7();
    if (current < 8)
        steps += version8();
    if (current < 9)
        steps += version9(db);
    for (const QString &sql : std::as_const(steps)) {
        if (!db.exec(sql, error)) {
            db.rollback();
            return false;
        }
    }
    QSqlQuery q;
    if (!db.prepare(q, QStringLiteral("INSERT INTO tributary_schema (version, applied_at) VALUES (?, ?)"), error)) {
        db.rollback();
        return false;
    }
    q.addBindValue(kCurrentVersion);
    q.addBindValue(Database::now());
    if (!db.exec(q, error) || !db.commit(error)) {
        db.rollback();
        return false;
    }
    qCInfo(lcStore) << "state tables migrated from version" << current << "to" << kCurrentVersion;
    db.setMarksWrites(true);
    return true;
}

} // namespace Tributary::Migrations
