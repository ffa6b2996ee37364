#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QVariant>

// Values as records, rows and people see them: below the engine, so that the store, the state
// layer and the configuration can use them without reaching up into the engine.
namespace Tributary {

// Value at a dotted path ("author.email"); Undefined when any step is missing.
QJsonValue valueAt(const QJsonObject &record, const QString &path);
// External ids are compared as text: 42, 42.0 and "42" are the same id. Whole numbers are kept
// exactly (64 bits); a whole number the JSON parser could only read approximately (beyond 64
// bits) has no id (an empty string), never a neighbour's.
QString idString(const QJsonValue &v);
// Whether `v` is a JSON number that was read as an exact 64-bit integer.
bool isExactInteger(const QJsonValue &v, qint64 *out);
// A record's field as text: strings as they are, numbers as idString() writes them.
QString fieldText(const QJsonObject &record, const QString &path);
// Ids sort numerically when both are integers, as sources sort them; otherwise as text.
int compareIds(const QString &a, const QString &b);

// ISO-8601 (any fraction, Z or offset; or unix seconds) -> UTC text in `format` (Qt date format;
// "ffffff" stands for microseconds). Null string when the input is not a timestamp.
QString normalizeTimestamp(const QJsonValue &v, const QString &format);
// The same parsing, to a UTC time (milliseconds) plus the microseconds beyond them. Numeric text
// ("1700000000") is read as unix seconds. False when the value is not a timestamp.
bool parseTimestamp(const QJsonValue &v, QDateTime *utc, int *micros = nullptr);
// The same parsing, to one number: microseconds since the epoch, UTC. Orders and compares times
// exactly at the precision cursors keep. False when the value is not a time (empty included).
bool parseMicros(const QJsonValue &v, qint64 *micros);
// A count as APIs write one (a total, a page number): a whole, non-negative JSON number (exact,
// so at most 9e15) or decimal text. False for anything else.
bool parseCount(const QJsonValue &v, qint64 *out);

// Value comparison across representations: NULL equals only NULL; numbers compare as numbers
// (1 == 1.0); a number and a text compare as numbers when the text is one ("42" == 42, as a column
// with text affinity may hand it back); a QDateTime (a typed driver's timestamp) and a time as text
// compare as instants, to the millisecond; texts compare exactly.
bool sameValue(const QVariant &a, const QVariant &b);
QJsonValue variantToJson(const QVariant &v);
QJsonObject variantMapToJson(const QVariantMap &row);
// A value on one line for people: text in quotes, NULL, numbers and JSON as written, line breaks
// as \n, cut to `maxChars` with "..." (messages, conflict tables, history).
QString displayValue(const QJsonValue &v, int maxChars);

// JSON as the state tables store it: compact, one line.
QString compactJson(const QJsonObject &o);
// The same text that compactJson(variantMapToJson(row)) makes, as UTF-8, written directly: the
// engine writes one for every record it applies (the base, the content hash), and building a
// QJsonObject first costs more than the rest of the record's mapping. Held to the general path
// by tst_values.
QByteArray rowJson(const QVariantMap &row);
// Appends `value` as variantToJson() and a compact QJsonDocument would write it.
void appendJson(QByteArray &out, const QVariant &value);
void appendJson(QByteArray &out, const QString &text);
QString compactJson(const QJsonArray &a);
QJsonObject parseJsonObject(const QString &text);
QJsonArray parseJsonArray(const QString &text);

// Consolidation keys are compared trimmed of spaces and with ASCII letters lower-cased, exactly as
// the SQL expression lower(trim(column)) does in SQLite and PostgreSQL.
QString normalizeMatchKey(const QString &value);

} // namespace Tributary
