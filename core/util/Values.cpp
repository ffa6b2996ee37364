#include "Values.h"

#include <QJsonDocument>
#include <cmath>

namespace Tributary {

QJsonValue valueAt(const QJsonObject &record, const QString &path)
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

QString idString(const QJsonValue &v)
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

QString normalizeTimestamp(const QJsonValue &v, const QString &format)
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

bool parseTimestamp(const QJsonValue &input, QDateTime *utc, int *microsOut)
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

QString fieldText(const QJsonObject &record, const QString &path)
{
    const QJsonValue v = valueAt(record, path);
    return v.isString() ? v.toString() : idString(v);
}

int compareIds(const QString &a, const QString &b)
{
    bool okA = false, okB = false;
    const qlonglong na = a.toLongLong(&okA), nb = b.toLongLong(&okB);
    if (okA && okB)
        return na < nb ? -1 : (na > nb ? 1 : 0);
    return QString::compare(a, b);
}

QJsonObject variantMapToJson(const QVariantMap &row)
{
    QJsonObject o;
    for (auto it = row.constBegin(); it != row.constEnd(); ++it)
        o.insert(it.key(), variantToJson(it.value()));
    return o;
}

QString compactJson(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QString compactJson(const QJsonArray &a)
{
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QJsonObject parseJsonObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QJsonArray parseJsonArray(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).array();
}

QString normalizeMatchKey(const QString &value)
{
    int b = 0, e = value.size();
    while (b < e && value.at(b) == QLatin1Char(' '))
        ++b;
    while (e > b && value.at(e - 1) == QLatin1Char(' '))
        --e;
    QString out = value.mid(b, e - b);
    for (QChar &c : out) {
        if (c.unicode() >= 'A' && c.unicode() <= 'Z')
            c = QChar(c.unicode() + 32);
    }
    return out;
}

} // namespace Tributary
