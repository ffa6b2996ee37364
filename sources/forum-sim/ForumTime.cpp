#include "ForumTime.h"

#include <QDate>
#include <QRegularExpression>

#include <chrono>

namespace Tributary {

namespace {

// Howard Hinnant's civil-from-days: exact for the proleptic Gregorian calendar, and far cheaper
// than QDateTime when a generator formats millions of timestamps.
void civilFromDays(qint64 z, int *y, unsigned *m, unsigned *d)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 yy = static_cast<qint64>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = static_cast<int>(yy + (*m <= 2 ? 1 : 0));
}

qint64 daysFromCivil(int y, unsigned m, unsigned d)
{
    y -= m <= 2 ? 1 : 0;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<qint64>(doe) - 719468;
}

void putDigits(char *p, qint64 value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        p[i] = char('0' + value % 10);
        value /= 10;
    }
}

int digitsAt(const char *p, int n)
{
    int v = 0;
    for (int i = 0; i < n; ++i) {
        if (p[i] < '0' || p[i] > '9')
            return -1;
        v = v * 10 + (p[i] - '0');
    }
    return v;
}

} // namespace

QByteArray ForumTime::formatDb(qint64 usecs)
{
    constexpr qint64 usPerDay = 86400LL * 1000000LL;
    qint64 days = usecs / usPerDay;
    qint64 rest = usecs % usPerDay;
    if (rest < 0) {
        rest += usPerDay;
        --days;
    }
    int y;
    unsigned m, d;
    civilFromDays(days, &y, &m, &d);
    const qint64 secs = rest / 1000000;
    const qint64 micros = rest % 1000000;
    QByteArray out(26, Qt::Uninitialized);
    char *p = out.data();
    putDigits(p, y, 4);
    p[4] = '-';
    putDigits(p + 5, m, 2);
    p[7] = '-';
    putDigits(p + 8, d, 2);
    p[10] = ' ';
    putDigits(p + 11, secs / 3600, 2);
    p[13] = ':';
    putDigits(p + 14, (secs / 60) % 60, 2);
    p[16] = ':';
    putDigits(p + 17, secs % 60, 2);
    p[19] = '.';
    putDigits(p + 20, micros, 6);
    return out;
}

QByteArray ForumTime::nowDb()
{
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    return formatDb(std::chrono::duration_cast<std::chrono::microseconds>(now).count());
}

void ForumTime::appendApi(QByteArray &out, const char *db, qsizetype len)
{
    if (len < 19) { // not ours; show it as it is rather than invent a time
        out.append(db, len);
        return;
    }
    out.append(db, 10);
    out.append('T');
    out.append(db + 11, 8);
    out.append('.');
    qsizetype frac = 0;
    if (len > 20 && db[19] == '.') {
        frac = qMin<qsizetype>(len - 20, 6);
        out.append(db + 20, frac);
    }
    for (; frac < 6; ++frac)
        out.append('0');
    out.append('Z');
}

QByteArray ForumTime::toApi(const QByteArray &db)
{
    QByteArray out;
    out.reserve(27);
    appendApi(out, db.constData(), db.size());
    return out;
}

bool ForumTime::parseDb(const QByteArray &db, qint64 *usecs)
{
    if (db.size() < 19)
        return false;
    const char *p = db.constData();
    const int y = digitsAt(p, 4), mo = digitsAt(p + 5, 2), d = digitsAt(p + 8, 2);
    const int h = digitsAt(p + 11, 2), mi = digitsAt(p + 14, 2), s = digitsAt(p + 17, 2);
    if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || mi < 0 || s < 0)
        return false;
    qint64 micros = 0;
    if (db.size() > 20 && p[19] == '.') {
        int n = 0;
        for (qsizetype i = 20; i < db.size() && n < 6; ++i, ++n) {
            if (p[i] < '0' || p[i] > '9')
                return false;
            micros = micros * 10 + (p[i] - '0');
        }
        for (; n < 6; ++n)
            micros *= 10;
    }
    *usecs = (daysFromCivil(y, unsigned(mo), unsigned(d)) * 86400 + h * 3600 + mi * 60 + s)
            * 1000000LL
        + micros;
    return true;
}

bool ForumTime::parseIso(const QString &text, QByteArray *db)
{
    static const QRegularExpression re(QStringLiteral(
        "^(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?"
        "(Z|z|[+-]\\d{2}(?::?\\d{2})?)?$"));
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return false;
    const int y = m.capturedView(1).toInt(), mo = m.capturedView(2).toInt(),
              d = m.capturedView(3).toInt();
    if (!QDate::isValid(y, mo, d))
        return false;
    const int h = m.capturedView(4).isEmpty() ? 0 : m.capturedView(4).toInt();
    const int mi = m.capturedView(5).isEmpty() ? 0 : m.capturedView(5).toInt();
    const int s = m.capturedView(6).isEmpty() ? 0 : m.capturedView(6).toInt();
    if (h > 23 || mi > 59 || s > 59)
        return false;
    qint64 micros = 0;
    const QStringView frac = m.capturedView(7);
    for (int i = 0; i < 6; ++i)
        micros = micros * 10 + (i < frac.size() ? frac.at(i).unicode() - '0' : 0);
    qint64 offsetSecs = 0;
    const QStringView zone = m.capturedView(8);
    if (!zone.isEmpty() && zone != QLatin1String("Z") && zone != QLatin1String("z")) {
        const int sign = zone.at(0) == QLatin1Char('-') ? -1 : 1;
        const QString digits = zone.mid(1).toString().remove(QLatin1Char(':'));
        const int oh = digits.left(2).toInt();
        const int om = digits.size() > 2 ? digits.mid(2, 2).toInt() : 0;
        if (oh > 23 || om > 59)
            return false;
        offsetSecs = sign * (oh * 3600 + om * 60);
    }
    const qint64 usecs =
        (daysFromCivil(y, unsigned(mo), unsigned(d)) * 86400 + h * 3600 + mi * 60 + s - offsetSecs)
            * 1000000LL
        + micros;
    *db = formatDb(usecs);
    return true;
}

} // namespace Tributary
