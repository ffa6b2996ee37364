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

class RecordMapper
{
public:
    RecordMapper(const EntityConfig &entity, const DatabaseConfig &database, const QString &cursorField);

    MappedRecord map(const QJsonObject &record) const;

    // The mapped fields (and the cursor field, when the mapper knows it) that no record of
    // `records` carries at all (absent, not null): a wrong name in the configuration (a snake_case
    // name on a camelCase API) would otherwise write NULL into every row. Columns and references
    // declared "optional" are not checked. An Error::Code::Config naming the configuration key,
    // the field and the fields the records do have; none when `records` is empty.
    Error checkFieldsPresent(const QJsonArray &records, const QString &sourceName) const;

private:
    const EntityConfig &m_entity;
    QString m_timestampFormat;
    QString m_cursorField;
};

} // namespace Tributary
