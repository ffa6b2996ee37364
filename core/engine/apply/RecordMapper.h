#pragma once

#include "config/Config.h"
#include "util/Values.h"

#include <QHash>
#include <QJsonObject>
#include <QVariantMap>

namespace Tributary {

// A source record turned into what the main database will hold: typed values for the mapped
// columns, and references still in the source's id space (the applier translates them).
struct MappedRecord
{
    QString externalId;
    QVariantMap values;            // column -> value (QVariant() is NULL)
    QHash<QString, QString> refs;  // reference column -> external id of the referenced record
    QString cursorValue;           // raw value of the source's cursor field, for positions
    QString hash;                  // content hash over values and external references
    QString errorField;            // set when the record cannot be mapped
    QString error;

    bool isValid() const { return error.isEmpty(); }
};

// A mapped field that no record carries (RecordMapper::absentFields).
struct AbsentField
{
    QString key;           // in the entity's block: "columns.title", "references.user_id"; empty for the change field
    QString field;         // the field the configuration names
    bool required = false; // a "required" column: each record without it is quarantined already
};

class RecordMapper
{
public:
    RecordMapper(const EntityConfig &entity, const DatabaseConfig &database, const QString &cursorField);

    // `withHash` false leaves MappedRecord::hash empty: for callers that only look at the values
    // (verify, the match-key locks), the canonical text and its SHA-1 are most of the cost.
    MappedRecord map(const QJsonObject &record, bool withHash = true) const;

    // The mapped fields (columns, references, and the cursor field when the mapper knows it) that
    // no object of `records` carries at all (absent, not null), in configuration order: a wrong
    // name in the configuration (a snake_case name on a camelCase API) would otherwise write NULL
    // into every row. Columns and references declared "optional" are not checked. Empty when
    // `records` holds no object. The one answer to "which mapped fields are missing?" for the
    // sync (below) and the API probe.
    QList<AbsentField> absentFields(const QJsonArray &records) const;

    // The sync's refusal of a page with an absent field: an Error::Code::Config naming the
    // configuration key, the field and the fields the records do have; none when nothing is
    // absent or `records` is empty. A "required" column is left to the quarantine of each record.
    Error checkFieldsPresent(const QJsonArray &records, const QString &sourceName) const;

private:
    const EntityConfig &m_entity;
    QString m_timestampFormat;
    QString m_cursorField;
};

} // namespace Tributary
