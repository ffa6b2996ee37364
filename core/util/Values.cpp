#include "Values.h"

#include <cstdlib>

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
        // Whole numbers that fit 64 bits are kept as integers by Qt's JSON parser: exact,
        // however large (ids above 2^53 must not collapse into one).
        qint64 whole = 0;
        if (isExactInteger(v, &whole))
            return QString::number(whole);
        const double d = v.toDouble();
        if (std::isfinite(d) && d == std::floor(d)) {
            if (std::fabs(d) < 9.007199254740992e15)
                return QString::number(qint64(d));
            return QString(); // a whole number too large to have been read exactly: no id
        }
        return QString::number(d, 'g', 17);
    }
    return QString();
}

bool isExactInteger(const QJsonValue &v, qint64 *out)
{
    if (!v.isDouble())
        return false;
    const QVariant var = v.toVariant();
    if (var.typeId() != QMetaType::LongLong)
        return false;
    *out = var.toLongLong();
    return true;
}

namespace {

// An ISO-8601 date and time as written, before any time zone arithmetic.
struct IsoParts
{
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    int micros = 0; // the fraction, to the microsecond (further digits are ignored)
    int offset = 0; // seconds east of UTC; 0 for "Z" or no zone
};

// Hand-parsed: this runs for every timestamp of every record. "YYYY-MM-DD[T ]HH:MM:SS", an
// optional fraction (. or ,), optional spaces, then "Z", "+HH:MM", "+HHMM" or nothing.
bool parseIso(const QString &text, IsoParts *p)
{
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
    if (n < 19 || !digits(0, 4, &p->year) || c[4] != QLatin1Char('-') || !digits(5, 2, &p->month) || c[7] != QLatin1Char('-')
        || !digits(8, 2, &p->day) || (c[10] != QLatin1Char('T') && c[10] != QLatin1Char(' ')) || !digits(11, 2, &p->hour)
        || c[13] != QLatin1Char(':') || !digits(14, 2, &p->minute) || c[16] != QLatin1Char(':') || !digits(17, 2, &p->second))
        return false;
    qsizetype at = 19;
    if (at < n && (c[at] == QLatin1Char('.') || c[at] == QLatin1Char(','))) {
        ++at;
        int place = 100000, count = 0;
        while (at < n && c[at].isDigit() && count < 9) {
            if (place > 0) {
                p->micros += (c[at].unicode() - '0') * place;
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
        p->offset = sign * (oh * 3600 + om * 60);
    }
    return at == n && QDate::isValid(p->year, p->month, p->day) && QTime::isValid(p->hour, p->minute, p->second);
}

// `parts` (in UTC) written in `format` without QDateTime, when the format is made only of the
// tokens yyyy, MM, dd, HH, mm, ss, zzz and ffffff and the separators " -:./" (the formats
// main databases use). Writes exactly what the general path writes (tst_values compares them);
// false when the format needs the general path. The format is read once into steps (it is the
// same for every timestamp of a run), then each timestamp only fills them in.
struct FormatStep
{
    char16_t token = 0; // 'y', 'f', 'z', 'M', 'd', 'H', 'm', 's', or 0 for a separator
    QChar separator;
};

bool compileFormat(const QString &format, QList<FormatStep> *steps)
{
    steps->clear();
    const QStringView f(format);
    for (qsizetype i = 0; i < f.size();) {
        const QStringView rest = f.mid(i);
        if (rest.startsWith(QLatin1String("yyyy"))) {
            steps->append(FormatStep{u'y', QChar()});
            i += 4;
        } else if (rest.startsWith(QLatin1String("ffffff"))) {
            steps->append(FormatStep{u'f', QChar()});
            i += 6;
        } else if (rest.startsWith(QLatin1String("zzz"))) {
            steps->append(FormatStep{u'z', QChar()});
            i += 3;
        } else if (rest.startsWith(QLatin1String("MM")) || rest.startsWith(QLatin1String("dd")) || rest.startsWith(QLatin1String("HH"))
                   || rest.startsWith(QLatin1String("mm")) || rest.startsWith(QLatin1String("ss"))) {
            const char16_t t = rest.at(0).unicode();
            steps->append(FormatStep{t, QChar()});
            i += 2;
            // A third letter of the same token ("MMM", "ddd") means something else to Qt.
            if (i < f.size() && f.at(i).unicode() == t)
                return false;
        } else if (QStringView(u" -:./").contains(rest.at(0))) {
            steps->append(FormatStep{0, rest.at(0)});
            ++i;
        } else {
            return false;
        }
    }
    return true;
}

bool formatFast(const IsoParts &parts, const QString &format, QString *out)
{
    thread_local QString compiledFormat;
    thread_local QList<FormatStep> steps;
    thread_local bool compiled = false, compiledOk = false;
    if (!compiled || format != compiledFormat) {
        compiledFormat = format;
        compiledOk = compileFormat(format, &steps);
        compiled = true;
    }
    if (!compiledOk)
        return false;
    out->clear();
    out->reserve(format.size());
    auto put = [out](int value, int width) {
        char buf[8];
        for (int i = width - 1; i >= 0; --i) {
            buf[i] = char('0' + value % 10);
            value /= 10;
        }
        out->append(QLatin1String(buf, width));
    };
    for (const FormatStep &step : std::as_const(steps)) {
        switch (step.token) {
        case 0: out->append(step.separator); break;
        case u'y': put(parts.year, 4); break;
        case u'f': put(parts.micros, 6); break;
        case u'z': put(0, 3); break; // the general path's QDateTime holds no milliseconds: the fraction is in ffffff
        case u'M': put(parts.month, 2); break;
        case u'd': put(parts.day, 2); break;
        case u'H': put(parts.hour, 2); break;
        case u'm': put(parts.minute, 2); break;
        default: put(parts.second, 2);
        }
    }
    return true;
}

} // namespace

QString normalizeTimestamp(const QJsonValue &v, const QString &format)
{
    if (v.isString()) {
        IsoParts parts;
        QString out;
        if (parseIso(v.toString().trimmed(), &parts) && parts.offset == 0 && formatFast(parts, format, &out))
            return out;
    }
    QDateTime dt;
    int micros = 0;
    if (!parseTimestamp(v, &dt, &micros))
        return {};
    QString out = dt.toString(format);
    // Qt formats milliseconds only; "ffffff" is our token for microseconds.
    out.replace(QStringLiteral("ffffff"), QStringLiteral("%1").arg(micros, 6, 10, QLatin1Char('0')));
    return out;
}

bool parseCount(const QJsonValue &v, qint64 *out)
{
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d < 0 || d != std::floor(d) || d > 9e15)
            return false;
        *out = qint64(d);
        return true;
    }
    if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().trimmed().toLongLong(&ok);
        if (!ok || n < 0)
            return false;
        *out = n;
        return true;
    }
    return false;
}

bool parseTimestamp(const QJsonValue &input, QDateTime *utc, int *microsOut)
{
    QDateTime dt;
    int micros = 0;
    QJsonValue v = input;
    if (v.isString()) {
        // Numeric text is unix seconds; a '-' makes it a date (or nothing), which spares the
        // number parse for every ISO time (this runs for each record of each page).
        const QString text = v.toString();
        if (!text.contains(QLatin1Char('-'))) {
            bool numeric = false;
            const double secs = text.toDouble(&numeric);
            if (numeric)
                v = QJsonValue(secs);
        }
    }
    if (v.isDouble()) {
        const double secs = v.toDouble();
        if (!std::isfinite(secs))
            return false;
        dt = QDateTime::fromMSecsSinceEpoch(qint64(std::floor(secs)) * 1000, Qt::UTC);
        micros = int(std::llround((secs - std::floor(secs)) * 1e6)) % 1000000;
    } else if (v.isString()) {
        IsoParts p;
        if (!parseIso(v.toString().trimmed(), &p))
            return false;
        micros = p.micros;
        dt = QDateTime(QDate(p.year, p.month, p.day), QTime(p.hour, p.minute, p.second), Qt::UTC);
        if (p.offset)
            dt = dt.addSecs(-p.offset);
    } else {
        return false;
    }
    *utc = dt;
    if (microsOut)
        *microsOut = micros;
    return true;
}

bool parseMicros(const QJsonValue &v, qint64 *micros)
{
    QDateTime at;
    int beyond = 0;
    if (!parseTimestamp(v, &at, &beyond))
        return false;
    // parseTimestamp keeps whole seconds in `at` and everything below them in `beyond`.
    *micros = at.toSecsSinceEpoch() * 1000000 + beyond;
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
    // A driver that types its columns (PostgreSQL) hands a timestamp back as a QDateTime, whose
    // text is nothing like the ISO text Tributary stored as the base: compare instants. A
    // QDateTime holds milliseconds, rounded from the column's microseconds, so two instants
    // closer than a millisecond are the same value as far as anyone reading the row can tell.
    const bool at = a.typeId() == QMetaType::QDateTime, bt = b.typeId() == QMetaType::QDateTime;
    if (at || bt) {
        auto micros = [](const QVariant &v, qint64 *out) {
            if (v.typeId() == QMetaType::QDateTime) {
                const QDateTime t = v.toDateTime();
                *out = t.toMSecsSinceEpoch() * 1000;
                return t.isValid();
            }
            return parseMicros(QJsonValue(v.toString()), out);
        };
        qint64 ua = 0, ub = 0;
        if (!micros(a, &ua) || !micros(b, &ub))
            return false;
        if (at && bt)
            return ua == ub;
        return std::abs(ua - ub) < 1000;
    }
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

void appendJson(QByteArray &out, const QString &text)
{
    // Qt's writer escapes '"', '\\' and the control characters below 0x20, and writes everything
    // else as UTF-8; text that is not valid UTF-16 (a lone surrogate) it escapes in its own way,
    // so that text goes through it.
    if (!QStringView(text).isValidUtf16()) {
        const QByteArray doc = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
        out.append(doc.constData() + 1, doc.size() - 2);
        return;
    }
    static const char hex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    out.append('"');
    const char *p = utf8.constData();
    const char *const end = p + utf8.size();
    const char *run = p; // the start of the bytes not escaped yet
    for (; p != end; ++p) {
        const uchar c = uchar(*p);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(run, p - run);
        run = p + 1;
        out.append('\\');
        switch (c) {
        case '"': out.append('"'); break;
        case '\\': out.append('\\'); break;
        case '\b': out.append('b'); break;
        case '\f': out.append('f'); break;
        case '\n': out.append('n'); break;
        case '\r': out.append('r'); break;
        case '\t': out.append('t'); break;
        default:
            out.append("u00", 3);
            out.append(hex[c >> 4]);
            out.append(hex[c & 0xf]);
        }
    }
    out.append(run, p - run);
    out.append('"');
}

void appendJson(QByteArray &out, const QVariant &v)
{
    if (!v.isValid() || v.isNull()) {
        out.append("null", 4);
        return;
    }
    switch (v.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        out.append(QByteArray::number(v.toLongLong()));
        return;
    case QMetaType::Bool:
        out.append(v.toBool() ? '1' : '0');
        return;
    case QMetaType::Double: {
        // Rare (real columns): Qt's own writer, for its exact number format.
        const QByteArray doc = QJsonDocument(QJsonArray{variantToJson(v)}).toJson(QJsonDocument::Compact);
        out.append(doc.constData() + 1, doc.size() - 2);
        return;
    }
    case QMetaType::QString:
        appendJson(out, *static_cast<const QString *>(v.constData()));
        return;
    default:
        appendJson(out, v.toString());
    }
}

QByteArray rowJson(const QVariantMap &row)
{
    // QVariantMap and QJsonObject both order keys by UTF-16 code units.
    QByteArray out;
    out.reserve(64 * (row.size() + 1));
    out.append('{');
    for (auto it = row.constBegin(); it != row.constEnd(); ++it) {
        if (it != row.constBegin())
            out.append(',');
        appendJson(out, it.key());
        out.append(':');
        appendJson(out, it.value());
    }
    out.append('}');
    return out;
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
