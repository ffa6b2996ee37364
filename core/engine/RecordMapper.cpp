#include "RecordMapper.h"

#include "util/Tr.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>

namespace Tributary {

RecordMapper::RecordMapper(const EntityConfig &entity, const DatabaseConfig &database, const QString &cursorField)
    : m_entity(entity), m_timestampFormat(database.timestampFormat), m_cursorField(cursorField)
{
}

QJsonValue RecordMapper::valueAt(const QJsonObject &record, const QString &path)
{
    if (!path.contains(QLatin1Char('.')))
        return record.value(path);
    QJsonValue v = record;
    for (const QStringView part : QStringView(path).split(QLatin1Char('.'))) {
        if (!v.isObject())
            return QJsonValue(QJsonValue::Undefined);
        v = v.toObject().value(part);
    }
    return v;
}

QString RecordMapper::idString(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.007199254740992e15)
            return QString::number(qint64(d));
        return QString::number(d, 'g', 17);
    }
    return QString();
}

QString RecordMapper::normalizeTimestamp(const QJsonValue &v, const QString &format)
{
    QDateTime dt;
    int micros = 0;
    if (!parseTimestamp(v, &dt, &micros))
        return {};
    QString out = dt.toString(format);
    // Qt formats milliseconds only; "ffffff" is our token for microseconds.
    out.replace(QStringLiteral("ffffff"), QStringLiteral("%1").arg(micros, 6, 10, QLatin1Char('0')));
    return out;
}

bool RecordMapper::parseTimestamp(const QJsonValue &input, QDateTime *utc, int *microsOut)
{
    QDateTime dt;
    int micros = 0;
    QJsonValue v = input;
    if (v.isString()) {
        bool numeric = false;
        const double secs = v.toString().toDouble(&numeric);
        if (numeric && !v.toString().contains(QLatin1Char('-')))
            v = QJsonValue(secs);
    }
    if (v.isDouble()) {
        const double secs = v.toDouble();
        if (!std::isfinite(secs))
            return false;
        dt = QDateTime::fromMSecsSinceEpoch(qint64(std::floor(secs)) * 1000, Qt::UTC);
        micros = int(std::llround((secs - std::floor(secs)) * 1e6)) % 1000000;
    } else if (v.isString()) {
        // Hand-parsed: this runs for every timestamp of every record.
        const QString text = v.toString().trimmed();
        const QChar *c = text.constData();
        const qsizetype n = text.size();
        auto digits = [&](qsizetype at, int count, int *out) {
            if (at + count > n)
                return false;
            int value = 0;
            for (int i = 0; i < count; ++i) {
                const char16_t ch = c[at + i].unicode();
                if (ch < '0' || ch > '9')
                    return false;
                value = value * 10 + (ch - '0');
            }
            *out = value;
            return true;
        };
        int y, mo, d, h, mi, se;
        if (n < 19 || !digits(0, 4, &y) || c[4] != QLatin1Char('-') || !digits(5, 2, &mo) || c[7] != QLatin1Char('-')
            || !digits(8, 2, &d) || (c[10] != QLatin1Char('T') && c[10] != QLatin1Char(' ')) || !digits(11, 2, &h)
            || c[13] != QLatin1Char(':') || !digits(14, 2, &mi) || c[16] != QLatin1Char(':') || !digits(17, 2, &se))
            return false;
        qsizetype at = 19;
        if (at < n && (c[at] == QLatin1Char('.') || c[at] == QLatin1Char(','))) {
            ++at;
            int place = 100000, count = 0;
            while (at < n && c[at].isDigit() && count < 9) {
                if (place > 0) {
                    micros += (c[at].unicode() - '0') * place;
                    place /= 10;
                }
                ++at;
                ++count;
            }
            if (count == 0)
                return false;
        }
        while (at < n && c[at] == QLatin1Char(' '))
            ++at;
        int offset = 0;
        if (at < n && c[at] == QLatin1Char('Z')) {
            ++at;
        } else if (at < n && (c[at] == QLatin1Char('+') || c[at] == QLatin1Char('-'))) {
            const int sign = c[at] == QLatin1Char('-') ? -1 : 1;
            int oh = 0, om = 0;
            if (!digits(at + 1, 2, &oh))
                return false;
            at += 3;
            if (at < n && c[at] == QLatin1Char(':'))
                ++at;
            if (!digits(at, 2, &om))
                return false;
            at += 2;
            offset = sign * (oh * 3600 + om * 60);
        }
        if (at != n)
            return false;
        const QDate date(y, mo, d);
        const QTime time(h, mi, se);
        if (!date.isValid() || !time.isValid())
            return false;
        dt = QDateTime(date, time, Qt::UTC);
        if (offset)
            dt = dt.addSecs(-offset);
    } else {
        return false;
    }
    *utc = dt;
    if (microsOut)
        *microsOut = micros;
    return true;
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

} // namespace

MappedRecord RecordMapper::map(const QJsonObject &record) const
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
        fail(m_entity.externalId, Tr::tr("missing external id (expected a string or a number, got %1)").arg(typeName(idValue)));

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
            const double d = v.toDouble(qQNaN());
            if (!v.isDouble() || d != std::floor(d) || std::fabs(d) > 9.007199254740992e15) {
                fail(c.field, Tr::tr("expected a whole number, got %1").arg(typeName(v)));
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
            fail(r.field, Tr::tr("reference to %1: expected an id, got %2").arg(r.entity, typeName(v)));
            continue;
        }
        if (r.entity == m_entity.name && id == out.externalId) {
            fail(r.field, Tr::tr("references itself"));
            continue;
        }
        out.refs.insert(r.column, id);
    }

    if (out.isValid()) {
        // The hash covers what Tributary writes, in the source's id space: an unchanged hash means
        // there is nothing to apply, whatever the local ids became. QJsonObject sorts its keys.
        QJsonObject values, refs;
        for (auto it = out.values.constBegin(); it != out.values.constEnd(); ++it)
            values.insert(it.key(), variantToJson(it.value()));
        for (auto it = out.refs.constBegin(); it != out.refs.constEnd(); ++it)
            refs.insert(it.key(), it.value());
        const QByteArray canonical = QJsonDocument(QJsonObject{{QStringLiteral("v"), values}, {QStringLiteral("r"), refs}})
                                         .toJson(QJsonDocument::Compact);
        out.hash = QString::fromLatin1(QCryptographicHash::hash(canonical, QCryptographicHash::Sha1).toHex());
    }
    return out;
}

QString displayValue(const QJsonValue &v, int maxChars)
{
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("NULL");
    QString s = v.isString() ? QStringLiteral("\"%1\"").arg(v.toString())
                             : QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    s.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    return s.size() > maxChars ? s.left(maxChars - 3) + QStringLiteral("...") : s;
}

QJsonValue variantToJson(const QVariant &v)
{
    if (!v.isValid() || v.isNull())
        return QJsonValue(QJsonValue::Null);
    switch (v.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return QJsonValue(v.toLongLong());
    case QMetaType::Double:
        return QJsonValue(v.toDouble());
    case QMetaType::Bool:
        return QJsonValue(v.toBool() ? 1 : 0);
    default:
        return QJsonValue(v.toString());
    }
}

bool sameValue(const QVariant &a, const QVariant &b)
{
    const bool an = !a.isValid() || a.isNull();
    const bool bn = !b.isValid() || b.isNull();
    if (an || bn)
        return an == bn;
    auto isNumber = [](const QVariant &v) {
        const int t = v.typeId();
        return t == QMetaType::Int || t == QMetaType::LongLong || t == QMetaType::UInt || t == QMetaType::ULongLong
            || t == QMetaType::Double || t == QMetaType::Bool;
    };
    if (isNumber(a) && isNumber(b))
        return a.toDouble() == b.toDouble();
    if (isNumber(a) != isNumber(b)) {
        // A column with text affinity may hand back "42" for 42: compare as numbers when the text is one.
        bool ok = false;
        const double d = (isNumber(a) ? b : a).toString().toDouble(&ok);
        return ok && d == (isNumber(a) ? a : b).toDouble();
    }
    return a.toString() == b.toString();
}

} // namespace Tributary
