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

private:
    const EntityConfig &m_entity;
    QString m_timestampFormat;
    QString m_cursorField;
};

} // namespace Tributary
