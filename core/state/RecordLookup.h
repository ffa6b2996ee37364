#pragma once

#include "config/Config.h"
#include "state/ChangeLog.h"
#include "state/ConflictStore.h"
#include "state/LinkStore.h"
#include "state/ParkingLot.h"
#include "util/Result.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QStringList>

namespace Tributary {

class Database;

// One row of the main database, as people point at it: its table and its key.
struct RecordKey
{
    QString table;
    QString localId;

    bool isValid() const { return !table.isEmpty() && !localId.isEmpty(); }
    bool operator==(const RecordKey &o) const { return table == o.table && localId == o.localId; }
};

// What to look for: a record by a source's external id, a row by its local id, or rows whose
// mapped text columns contain a value.
struct RecordQuery
{
    enum class By { ExternalId, LocalId, Value };
    By by = By::ExternalId;
    // ExternalId: the source and entity the id belongs to (both required). LocalId and Value:
    // the table of that entity only; empty, every table of the configuration.
    QString source;
    QString entity;
    QString text; // the id or the value (trimmed)
    int limit = 50;
};

// A candidate: one row, with the link it was found through (or its first link), and the text
// people recognise it by.
struct RecordHit
{
    RecordKey key;
    QString source;     // empty: the row has no link (the main application's own row)
    QString entity;
    QString externalId;
    int otherLinks = 0; // links of the row besides the one above
    QString display;    // the row's mapped text columns, shortened
    bool rowExists = true; // false: a link whose row is no longer in the table
};

struct RecordHits
{
    QList<RecordHit> hits;
    bool limited = false; // more rows matched than the query's limit; the first `limit` are listed
    int limit = 0;
    // An external id that has no link but is held in quarantine: why it never arrived.
    QList<QuarantineEntry> quarantined;
};

// One column of a row as the console shows it.
struct RecordColumn
{
    QString name;
    QJsonValue value;
    QString referencedTable; // a reference column: the table whose local id it holds
    bool isKey = false;
};

// A link of the row to one source, with the base the next sync compares with.
struct RecordLink
{
    enum class BaseKind {
        Own,          // the link keeps the values last applied (several sources, or older links)
        CapturedEdit, // the main application edited the row: the capture holds the values before
        Row,          // no edit since Tributary wrote the row: the row itself is the base
    };
    LinkStore::RowLink link;
    bool configured = false; // the source and entity are in the configuration
    BaseKind baseKind = BaseKind::Row;
    QJsonObject base; // the base's values (for BaseKind::Row the row's synced columns)
};

// The change log's line a decision on `c` wrote (ConflictResolver logs it at the instant it marks
// the conflict resolved, with the conflict's source and external id); null when there is none.
const Change *decisionLine(const Conflict &c, const QList<Change> &changes);

// A conflict of the row, with what its resolution wrote when a person decided it.
struct RecordConflict
{
    Conflict conflict;
    bool hasWritten = false;
    QString writtenOp;   // the change log's op of the decision: update, resolve, keep, restore, ...
    QJsonObject written; // the values the decision wrote
};

// Everything known about one row: the row, its links and their bases, the captured local edit,
// its conflicts and its change log.
struct RecordDetail
{
    RecordKey key;
    QString keyColumn;
    QStringList entities;        // "source/entity" of the configuration that feed the table
    bool rowExists = false;
    QList<RecordColumn> columns; // key, mapped columns, references, updated and deleted columns
    QString deletedColumn;       // soft delete: the column, when set on this row
    QJsonValue deletedAt;
    QList<RecordLink> links;
    bool edited = false;         // a captured edit of the main application
    QJsonObject editBase;        // the synced columns before the first edit
    QString editedAt;
    QList<RecordConflict> conflicts; // open and resolved, oldest first
    QList<Change> changes;       // oldest first
    bool changesLimited = false; // only the newest changeLimit lines
    int changeLimit = 0;
    QList<QuarantineEntry> quarantined; // versions of its records held in quarantine
    QString display;             // the row's text for people: its mapped text columns, shortened

    // The value of one of `columns` (Undefined when it is not one).
    QJsonValue value(const QString &column) const;
};

// The console's Records finder: finds rows by a source's external id, their local id or a value,
// and reads all there is about one. Tables and columns come only from the configuration, checked
// against the schema (quoted); every value is bound.
class RecordLookup
{
public:
    RecordLookup(Database &db, const Config &config) : m_db(db), m_config(config) {}

    Result<RecordHits> find(const RecordQuery &query);
    // NotFound when the table is not one the configuration syncs into.
    Result<RecordDetail> detail(const RecordKey &key, int changeLimit = 1000);

    // The tables of the configuration (each once, in the configuration's order).
    QStringList tables() const;
    // The entities of the configuration that write into `table`.
    QList<QPair<const SourceConfig *, const EntityConfig *>> entitiesOf(const QString &table) const;

private:
    struct TableShape
    {
        QString table;
        QString key;
        QStringList textColumns; // mapped string columns, in the schema
        QStringList columns;     // every column shown, key first
        QHash<QString, QString> references; // column -> referenced table
        QString deletedColumn;   // in the schema and used by a soft-deleting entity
    };
    Result<TableShape> shape(const QString &table);
    bool keyAccepts(const QString &table, const QString &key, const QString &localId);
    Result<RecordHits> byExternalId(const RecordQuery &query);
    Result<RecordHits> byRows(const RecordQuery &query);
    // Reads `shape.textColumns` of the rows `where` selects (with `binds`), at most `limit`.
    bool readHits(const TableShape &shape, const QString &where, const QVariantList &binds, int limit, QList<RecordHit> *out,
                  Error *error);
    bool fillLinks(RecordHit *hit, Error *error);
    static QString displayOf(const QStringList &texts);

    Database &m_db;
    const Config &m_config;
};

} // namespace Tributary
