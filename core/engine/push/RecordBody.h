#pragma once

#include "config/Config.h"
#include "util/Error.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QVariantMap>
#include <functional>

namespace Tributary {

// The entity's mapping read backwards (write-back, docs/write-back.md): a row of the main
// database as the fields of the source's record. Column -> field path, the value from the
// column's type back to JSON; a reference column's local id -> the referenced record's external
// id at this source.
class RecordBody
{
public:
    explicit RecordBody(const EntityConfig &entity) : m_entity(entity) {}

    // The columns a push may send: mapped columns not marked "write": false (and not the
    // external id's field), then the reference columns.
    QStringList writableColumns() const;

    // A referenced row that has no record at the source yet.
    struct Missing
    {
        QString column;
        QString entity;  // the referenced entity
        QString localId; // the referenced row
    };
    // The external id of the row `localId` of `entity` at the source, null when it has none.
    using ExternalIdOf = std::function<bool(const QString &entity, const QString &localId, QString *externalId, Error *error)>;
    // `columns` of `row` as a record. False only for a failure (*error); references the source
    // does not know yet are listed in *missing and left out.
    bool build(const QVariantMap &row, const QStringList &columns, const ExternalIdOf &externalIdOf, QJsonObject *record,
               QList<Missing> *missing, Error *error) const;

    // One column's value in the record: NULL as null, integers and reals as numbers (integers
    // beyond 2^53 as text, exactly), booleans, timestamps as ISO-8601 UTC with microseconds,
    // JSON parsed, text as it is.
    static QJsonValue fieldValue(const QVariant &value, const QString &type);
    // An external id as the record carries it: a number when it is a whole number a JSON number
    // holds exactly (up to 2^53), else the text.
    static QJsonValue idValue(const QString &externalId);
    // `record` with `value` at the dotted `path` (objects made on the way).
    static void setAt(QJsonObject *record, const QString &path, const QJsonValue &value);

private:
    const EntityConfig &m_entity;
};

} // namespace Tributary
