#pragma once

#include "config/Config.h"

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

    // Value at a dotted path ("author.email"); Undefined when any step is missing.
    static QJsonValue valueAt(const QJsonObject &record, const QString &path);
    // External ids are compared as text: 42, 42.0 and "42" are the same id.
    static QString idString(const QJsonValue &v);
    // ISO-8601 (any fraction, Z or offset; or unix seconds) -> UTC text in `format` (Qt date
    // format; "ffffff" stands for microseconds). Null string when the input is not a timestamp.
    static QString normalizeTimestamp(const QJsonValue &v, const QString &format);
    // The same parsing, to a UTC time (milliseconds) plus the microseconds beyond them. Numeric
    // text ("1700000000") is read as unix seconds. False when the value is not a timestamp.
    static bool parseTimestamp(const QJsonValue &v, QDateTime *utc, int *micros = nullptr);

private:
    const EntityConfig &m_entity;
    QString m_timestampFormat;
    QString m_cursorField;
};

// Value comparison across representations: NULL equals only NULL; numbers compare as numbers
// (1 == 1.0); a number and a text compare as numbers when the text is one ("42" == 42, as a
// column with text affinity may hand it back); texts compare exactly.
bool sameValue(const QVariant &a, const QVariant &b);
QJsonValue variantToJson(const QVariant &v);
// A value on one line for people: text in quotes, NULL, numbers and JSON as written, line
// breaks as \n, cut to `maxChars` with "..." (messages, conflict tables, history).
QString displayValue(const QJsonValue &v, int maxChars);

} // namespace Tributary
