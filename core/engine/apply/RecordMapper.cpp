#include "RecordMapper.h"

#include "util/Tr.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>
#include <cmath>

namespace Tributary {

RecordMapper::RecordMapper(const EntityConfig &entity, const DatabaseConfig &database, const QString &cursorField)
    : m_entity(entity), m_timestampFormat(database.timestampFormat), m_cursorField(cursorField)
{
}

namespace {

QString typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Bool: return Tr::tr("a boolean");
    case QJsonValue::Double: return Tr::tr("a number");
    case QJsonValue::String: return Tr::tr("a string");
    case QJsonValue::Array: return Tr::tr("an array");
    case QJsonValue::Object: return Tr::tr("an object");
    default: return Tr::tr("null");
    }
}

// A whole number beyond 64 bits: JSON parsers (Qt's too) read it only approximately, so two
// neighbours would become one. The source must send such ids as strings.
QString tooLarge(const QJsonValue &v)
{
    return Tr::tr("the number %1 is too large to be read exactly (beyond 64 bits); ask the source to send it as a string")
        .arg(QString::number(v.toDouble(), 'g', 17));
}

} // namespace

QList<AbsentField> RecordMapper::absentFields(const QJsonArray &records) const
{
    QList<AbsentField> wanted;
    for (const ColumnMapping &c : m_entity.columns) {
        if (!c.optional)
            wanted.append({QStringLiteral("columns.") + c.column, c.field, c.required});
    }
    for (const ReferenceMapping &r : m_entity.references) {
        if (!r.optional)
            wanted.append({QStringLiteral("references.") + r.column, r.field, false});
    }
    if (!m_cursorField.isEmpty())
        wanted.append({QString(), m_cursorField, false});
    bool anyObject = false;
    for (const QJsonValue &v : records) {
        if (!v.isObject())
            continue;
        anyObject = true;
        const QJsonObject record = v.toObject();
        for (qsizetype i = wanted.size() - 1; i >= 0; --i) {
            if (!valueAt(record, wanted.at(i).field).isUndefined())
                wanted.removeAt(i);
        }
        if (wanted.isEmpty())
            break;
    }
    return anyObject ? wanted : QList<AbsentField>();
}

Error RecordMapper::checkFieldsPresent(const QJsonArray &records, const QString &sourceName) const
{
    QList<AbsentField> absent = absentFields(records);
    absent.erase(std::remove_if(absent.begin(), absent.end(), [](const AbsentField &a) { return a.required; }), absent.end());
    if (absent.isEmpty())
        return Error();
    int objects = 0;
    QStringList present; // what the first record does carry, to show the likely right name
    for (const QJsonValue &v : records) {
        if (!v.isObject())
            continue;
        if (objects++ == 0)
            present = v.toObject().keys();
    }
    const QString path = QStringLiteral("sources.%1.entities.%2").arg(sourceName, m_entity.name);
    const QString &key = absent.first().key;
    const QString &field = absent.first().field;
    const QString message = key.isEmpty()
        ? Tr::tr("%1: the field \"%2\" that the source's change filter sorts and filters on is in none of the %3 record(s) of the page; "
                 "check the source's incremental field (the records have: %4)", nullptr, objects)
              .arg(path, field, QString::number(objects), present.join(QStringLiteral(", ")))
        : Tr::tr("%1.%2: the field \"%3\" is in none of the %4 record(s) of the page; correct the field name, or declare the "
                 "column \"optional\": true if the source leaves it out (the records have: %5)", nullptr, objects)
              .arg(path, key, field, QString::number(objects), present.join(QStringLiteral(", ")));
    return Error(Error::Code::Config, message);
}

MappedRecord RecordMapper::map(const QJsonObject &record, bool withHash) const
{
    MappedRecord out;
    auto fail = [&out](const QString &field, const QString &why) {
        if (out.error.isEmpty()) {
            out.errorField = field;
            out.error = why;
        }
    };

    const QJsonValue idValue = valueAt(record, m_entity.externalId);
    out.externalId = idString(idValue);
    if (out.externalId.isEmpty())
        fail(m_entity.externalId, idValue.isDouble() ? tooLarge(idValue)
                                                     : Tr::tr("missing external id (expected a string or a number, got %1)").arg(typeName(idValue)));

    if (!m_cursorField.isEmpty()) {
        const QJsonValue c = valueAt(record, m_cursorField);
        out.cursorValue = c.isString() ? c.toString() : idString(c);
    }

    for (const ColumnMapping &c : m_entity.columns) {
        const QJsonValue v = valueAt(record, c.field);
        if (v.isNull() || v.isUndefined()) {
            if (c.required)
                fail(c.field, v.isNull() ? Tr::tr("required field is null") : Tr::tr("required field is missing"));
            out.values.insert(c.column, QVariant());
            continue;
        }
        // Built only for a failure: map() runs for every field of every record.
        auto expected = [&] { return Tr::tr("expected %1, got %2").arg(c.type, typeName(v)); };
        if (c.type == QLatin1String("string")) {
            if (!v.isString()) {
                fail(c.field, expected());
                continue;
            }
            const QString s = v.toString();
            // NUL cannot be stored faithfully by every driver: reject it clearly instead of truncating.
            if (s.contains(QChar(0))) {
                fail(c.field, Tr::tr("contains a NUL character"));
                continue;
            }
            // A lone surrogate ("\ud800" is valid JSON syntax) is not Unicode: SQLite would fuse it
            // with the next character on the way in. Refuse it rather than store something else.
            if (!QStringView(s).isValidUtf16()) {
                fail(c.field, Tr::tr("is not valid Unicode (an unpaired UTF-16 surrogate)"));
                continue;
            }
            out.values.insert(c.column, s);
        } else if (c.type == QLatin1String("integer")) {
            qint64 whole = 0;
            if (isExactInteger(v, &whole)) {
                out.values.insert(c.column, whole);
                continue;
            }
            const double d = v.toDouble(qQNaN());
            if (!v.isDouble() || d != std::floor(d) || std::fabs(d) > 9.007199254740992e15) {
                fail(c.field, v.isDouble() && d == std::floor(d) ? tooLarge(v) : Tr::tr("expected a whole number, got %1").arg(typeName(v)));
                continue;
            }
            out.values.insert(c.column, qint64(d));
        } else if (c.type == QLatin1String("real")) {
            if (!v.isDouble()) {
                fail(c.field, expected());
                continue;
            }
            out.values.insert(c.column, v.toDouble());
        } else if (c.type == QLatin1String("boolean")) {
            if (!v.isBool()) {
                fail(c.field, expected());
                continue;
            }
            out.values.insert(c.column, v.toBool() ? 1 : 0);
        } else if (c.type == QLatin1String("timestamp")) {
            const QString ts = normalizeTimestamp(v, m_timestampFormat);
            if (ts.isNull()) {
                fail(c.field, Tr::tr("expected an ISO-8601 timestamp or unix seconds, got %1")
                                  .arg(v.isString() ? QStringLiteral("\"%1\"").arg(v.toString().left(40)) : typeName(v)));
                continue;
            }
            out.values.insert(c.column, ts);
        } else { // json
            const QJsonDocument doc = v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject());
            out.values.insert(c.column, v.isArray() || v.isObject() ? QString::fromUtf8(doc.toJson(QJsonDocument::Compact))
                                                                     : v.toVariant().toString());
        }
    }

    for (const ReferenceMapping &r : m_entity.references) {
        const QJsonValue v = valueAt(record, r.field);
        if (v.isNull() || v.isUndefined()) {
            if (!r.nullable)
                fail(r.field, (v.isNull() ? Tr::tr("reference to %1 is null but not nullable") : Tr::tr("reference to %1 is missing but not nullable"))
                                  .arg(r.entity));
            continue;
        }
        const QString id = idString(v);
        if (id.isEmpty()) {
            fail(r.field, v.isDouble() ? tooLarge(v) : Tr::tr("reference to %1: expected an id, got %2").arg(r.entity, typeName(v)));
            continue;
        }
        if (r.entity == m_entity.name && id == out.externalId) {
            fail(r.field, Tr::tr("references itself"));
            continue;
        }
        out.refs.insert(r.column, id);
    }

    if (withHash && out.isValid()) {
        // The hash covers what Tributary writes, in the source's id space: an unchanged hash means
        // there is nothing to apply, whatever the local ids became. The text hashed is the compact
        // JSON {"r":{refs},"v":{values}} with sorted keys, as earlier versions wrote it through
        // QJsonDocument (rowJson writes the same bytes), so stored hashes stay comparable.
        QVariantMap refs;
        for (auto it = out.refs.constBegin(); it != out.refs.constEnd(); ++it)
            refs.insert(it.key(), it.value());
        QByteArray canonical = QByteArrayLiteral("{\"r\":");
        canonical += rowJson(refs);
        canonical += ",\"v\":";
        canonical += rowJson(out.values);
        canonical += '}';
        // The digest's first 64 bits: a changed record passes for unchanged once in 2^64, and the
        // link stores 16 characters instead of 40 (issue 14). A link from an older version, with
        // all 40, differs once and is written again with these.
        out.hash = QString::fromLatin1(QCryptographicHash::hash(canonical, QCryptographicHash::Sha1).left(8).toHex());
    }
    return out;
}

} // namespace Tributary
