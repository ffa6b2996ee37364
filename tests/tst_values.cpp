// The value helpers below the engine. normalizeTimestamp() writes the common formats without
// QDateTime (it runs for every timestamp of every record); what it writes must be exactly what
// the general path (parse to QDateTime, QDateTime::toString, microseconds put in) writes. The
// same for rowJson(), which writes bases and content hashes without a QJsonObject: stored hashes
// and bases compare with what earlier versions wrote, byte for byte.

#include "util/LoginName.h"
#include "util/Values.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <pwd.h>
#include <unistd.h>
#include <iterator>

using namespace Tributary;

namespace {

// The general path, as normalizeTimestamp() took it for every value before the fast one.
QString throughQDateTime(const QJsonValue &v, const QString &format)
{
    QDateTime dt;
    int micros = 0;
    if (!parseTimestamp(v, &dt, &micros))
        return {};
    QString out = dt.toString(format);
    out.replace(QStringLiteral("ffffff"), QStringLiteral("%1").arg(micros, 6, 10, QLatin1Char('0')));
    return out;
}

const QStringList kFormats = {
    QStringLiteral("yyyy-MM-dd HH:mm:ss"),        QStringLiteral("yyyy-MM-dd HH:mm:ss.ffffff"), QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"),
    QStringLiteral("yyyy/MM/dd"),                 QStringLiteral("dd.MM.yyyy HH:mm"),           QStringLiteral("yyyy-MM-ddTHH:mm:ss.ffffff"),
    QStringLiteral("yyyy-MM-dd HH:mm:ssZ"),       QStringLiteral("yyyy-MMM-dd"),                QStringLiteral("yy-M-d H:m:s"),
};

} // namespace

class tst_Values : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theLoginNameNeverReadsUnknown();
    void timestampsAsTheGeneralPathWritesThem_data();
    void timestampsAsTheGeneralPathWritesThem();
    void randomTimestampsAsTheGeneralPathWritesThem();
    void idsAboveTwoToTheFiftyThreeStayApart();
    void typedTimestampsCompareAsInstants_data();
    void typedTimestampsCompareAsInstants();
    void rowJsonAsQtWritesIt();
};

void tst_Values::timestampsAsTheGeneralPathWritesThem_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("written"); // what both paths write; empty: not a timestamp
    QTest::newRow("Z, micros") << "2026-12-02T21:50:25.123456Z" << "yyyy-MM-dd HH:mm:ss.ffffff" << "2026-12-02 21:50:25.123456";
    QTest::newRow("no zone, no fraction") << "2026-12-02 21:50:25" << "yyyy-MM-dd HH:mm:ss" << "2026-12-02 21:50:25";
    QTest::newRow("nine fraction digits") << "2026-12-02T21:50:25.123456789Z" << "yyyy-MM-dd HH:mm:ss.ffffff" << "2026-12-02 21:50:25.123456";
    QTest::newRow("comma fraction, zzz") << "2026-12-02T21:50:25,5Z" << "yyyy-MM-dd HH:mm:ss.zzz" << "2026-12-02 21:50:25.000";
    QTest::newRow("offset: general path") << "2026-12-02T23:50:25+02:00" << "yyyy-MM-dd HH:mm:ss" << "2026-12-02 21:50:25";
    QTest::newRow("year 9999") << "9999-12-31T23:59:59.999999Z" << "yyyy-MM-dd HH:mm:ss.ffffff" << "9999-12-31 23:59:59.999999";
    QTest::newRow("year 1") << "0001-01-01T00:00:00Z" << "yyyy-MM-dd HH:mm:ss" << "0001-01-01 00:00:00";
    QTest::newRow("year 0 is not a date") << "0000-01-01T00:00:00Z" << "yyyy-MM-dd HH:mm:ss" << "";
    QTest::newRow("30 February") << "2026-02-30T00:00:00Z" << "yyyy-MM-dd HH:mm:ss" << "";
    QTest::newRow("hour 24") << "2026-02-03T24:00:00Z" << "yyyy-MM-dd HH:mm:ss" << "";
    QTest::newRow("leap second") << "2016-12-31T23:59:60Z" << "yyyy-MM-dd HH:mm:ss" << "";
    QTest::newRow("trailing text") << "2026-12-02T21:50:25Zx" << "yyyy-MM-dd HH:mm:ss" << "";
    QTest::newRow("format with a T") << "2026-12-02T21:50:25.5Z" << "yyyy-MM-ddTHH:mm:ss.ffffff" << "2026-12-02T21:50:25.500000";
}

void tst_Values::timestampsAsTheGeneralPathWritesThem()
{
    QFETCH(QString, text);
    QFETCH(QString, format);
    QFETCH(QString, written);
    QCOMPARE(normalizeTimestamp(QJsonValue(text), format), written);
    QCOMPARE(throughQDateTime(QJsonValue(text), format), written);
}

void tst_Values::randomTimestampsAsTheGeneralPathWritesThem()
{
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("seed %u", seed);
    QRandomGenerator random(seed);
    const QStringList zones = {QString(), QStringLiteral("Z"), QStringLiteral(" Z"), QStringLiteral("+00:00"), QStringLiteral("-05:30"),
                               QStringLiteral("+0100")};
    for (int i = 0; i < 20000; ++i) {
        const int year = random.bounded(1, 10000);
        const int month = random.bounded(1, 13);
        const int day = random.bounded(1, 32); // sometimes not a day of that month
        QString text = QStringLiteral("%1-%2-%3%4%5:%6:%7")
                           .arg(year, 4, 10, QLatin1Char('0'))
                           .arg(month, 2, 10, QLatin1Char('0'))
                           .arg(day, 2, 10, QLatin1Char('0'))
                           .arg(random.bounded(2) ? QLatin1Char('T') : QLatin1Char(' '))
                           .arg(random.bounded(0, 25), 2, 10, QLatin1Char('0'))
                           .arg(random.bounded(0, 60), 2, 10, QLatin1Char('0'))
                           .arg(random.bounded(0, 61), 2, 10, QLatin1Char('0'));
        const int digits = random.bounded(0, 10);
        if (digits > 0) {
            text += QLatin1Char('.');
            for (int d = 0; d < digits; ++d)
                text += QChar(u'0' + random.bounded(10));
        }
        text += zones.at(random.bounded(int(zones.size())));
        const QString &format = kFormats.at(random.bounded(int(kFormats.size())));
        const QJsonValue v(text);
        QVERIFY2(normalizeTimestamp(v, format) == throughQDateTime(v, format),
                 qPrintable(QStringLiteral("%1 in %2: %3 but the general path writes %4")
                                .arg(text, format, normalizeTimestamp(v, format), throughQDateTime(v, format))));
    }
}

void tst_Values::idsAboveTwoToTheFiftyThreeStayApart()
{
    // As a JSON body sends them: three neighbours above 2^53 (a double cannot tell them apart),
    // the largest 64-bit integer, and one beyond 64 bits, which cannot be read exactly at all.
    const QJsonArray ids = QJsonDocument::fromJson(
                               "[9007199254740993, 9007199254740994, 9007199254740995, 9223372036854775807, -9007199254740993, "
                               "123456789012345678901, 42, 42.0, \"42\", 1.5]")
                               .array();
    QCOMPARE(idString(ids.at(0)), QStringLiteral("9007199254740993"));
    QCOMPARE(idString(ids.at(1)), QStringLiteral("9007199254740994"));
    QCOMPARE(idString(ids.at(2)), QStringLiteral("9007199254740995"));
    QCOMPARE(idString(ids.at(3)), QStringLiteral("9223372036854775807"));
    QCOMPARE(idString(ids.at(4)), QStringLiteral("-9007199254740993"));
    QCOMPARE(idString(ids.at(5)), QString()); // no id rather than a neighbour's
    QCOMPARE(idString(ids.at(6)), QStringLiteral("42"));
    QCOMPARE(idString(ids.at(7)), QStringLiteral("42"));
    QCOMPARE(idString(ids.at(8)), QStringLiteral("42"));
    QCOMPARE(idString(ids.at(9)), QStringLiteral("1.5"));
}

void tst_Values::typedTimestampsCompareAsInstants_data()
{
    QTest::addColumn<QVariant>("stored");
    QTest::addColumn<QVariant>("read");
    QTest::addColumn<bool>("same");
    const QDateTime t(QDate(2026, 1, 31), QTime(10, 0, 5, 123), Qt::UTC);
    // The base Tributary stored, against what a typed driver (PostgreSQL) reads back.
    QTest::newRow("ISO with microseconds, Z") << QVariant(QStringLiteral("2026-01-31T10:00:05.123456Z")) << QVariant(t) << true;
    QTest::newRow("ISO with an offset") << QVariant(QStringLiteral("2026-01-31T11:00:05.123+01:00")) << QVariant(t) << true;
    QTest::newRow("the same instant in local time") << QVariant(t) << QVariant(t.toOffsetFromUtc(-5 * 3600)) << true;
    // The driver rounds the column's microseconds to the millisecond it can hold.
    QTest::newRow("microseconds the driver rounded up") << QVariant(QStringLiteral("2026-01-31T10:00:05.122789Z")) << QVariant(t) << true;
    QTest::newRow("a millisecond earlier") << QVariant(QStringLiteral("2026-01-31T10:00:05.122Z")) << QVariant(t) << false;
    QTest::newRow("a millisecond later") << QVariant(QStringLiteral("2026-01-31T10:00:05.124Z")) << QVariant(t) << false;
    QTest::newRow("another day") << QVariant(QStringLiteral("2026-02-01T10:00:05.123Z")) << QVariant(t) << false;
    QTest::newRow("not a time") << QVariant(QStringLiteral("soon")) << QVariant(t) << false;
    QTest::newRow("NULL") << QVariant() << QVariant(t) << false;
    QTest::newRow("texts still compare as texts") << QVariant(QStringLiteral("2026-01-31T10:00:05Z")) << QVariant(QStringLiteral("2026-01-31 10:00:05")) << false;
}

// PostgreSQL hands back QDateTime: compared as text, every timestamp column looked edited locally
// (a false conflict on every change, verify 0 matching). Compared as instants they agree.
void tst_Values::typedTimestampsCompareAsInstants()
{
    QFETCH(QVariant, stored);
    QFETCH(QVariant, read);
    QFETCH(bool, same);
    QCOMPARE(sameValue(stored, read), same);
    QCOMPARE(sameValue(read, stored), same);
}


namespace {

// A text of random code points, the ones JSON writers treat specially most of the time.
QString randomText(QRandomGenerator &random)
{
    static const char16_t special[] = {u'"', u'\\', u'/', 0x01, 0x08, 0x09, 0x0a, 0x0c, 0x0d, 0x1f, 0x7f, 0x80, 0xe9, 0x2028, 0xfeff, 0xfffd};
    QString text;
    const int length = random.bounded(0, 12);
    for (int i = 0; i < length; ++i) {
        switch (random.bounded(6)) {
        case 0: text += QChar(special[random.bounded(int(std::size(special)))]); break;
        case 1: text += QChar(char16_t(random.bounded(0x20, 0x7f))); break;
        case 2: text += QChar(char16_t(random.bounded(0x80, 0xd800))); break;
        case 3: // a pair: a character beyond the BMP
            text += QChar(char16_t(random.bounded(0xd800, 0xdc00)));
            text += QChar(char16_t(random.bounded(0xdc00, 0xe000)));
            break;
        case 4: text += QChar(char16_t(random.bounded(0xd800, 0xe000))); break; // alone: not valid UTF-16
        default: text += QChar(char16_t(random.bounded(0xe000, 0x10000)));
        }
    }
    return text;
}

QVariant randomValue(QRandomGenerator &random)
{
    switch (random.bounded(8)) {
    case 0: return QVariant();
    case 1: return QVariant(qint64(random.generate64()));
    case 2: return QVariant(random.bounded(-1000, 1000));
    case 3: return QVariant(bool(random.bounded(2)));
    case 4: return QVariant(random.generateDouble() * std::pow(10.0, random.bounded(-20, 20)) * (random.bounded(2) ? 1 : -1));
    case 5: return QVariant(double(random.bounded(-100000, 100000)));
    case 6: return QVariant(QByteArray("bytes"));
    default: return QVariant(randomText(random));
    }
}

} // namespace

void tst_Values::rowJsonAsQtWritesIt()
{
    const quint32 seed = QRandomGenerator::global()->generate();
    qInfo("seed %u", seed);
    QRandomGenerator random(seed);
    for (int i = 0; i < 20000; ++i) {
        QVariantMap row;
        const int columns = random.bounded(0, 8);
        for (int c = 0; c < columns; ++c)
            row.insert(random.bounded(4) ? QStringLiteral("column_%1").arg(random.bounded(20)) : randomText(random), randomValue(random));
        const QByteArray expected = QJsonDocument(variantMapToJson(row)).toJson(QJsonDocument::Compact);
        const QByteArray written = rowJson(row);
        QVERIFY2(written == expected, qPrintable(QStringLiteral("rowJson wrote %1, Qt writes %2").arg(QString::fromUtf8(written.toPercentEncoding(" {}:,\"\\")),
                                                                                                QString::fromUtf8(expected.toPercentEncoding(" {}:,\"\\")))));
    }
}

void tst_Values::theLoginNameNeverReadsUnknown()
{
    // As cron and systemd start programs: neither USER nor LOGNAME. The name is the account's.
    const QByteArray user = qgetenv("USER"), logname = qgetenv("LOGNAME");
    const bool hadUser = qEnvironmentVariableIsSet("USER"), hadLogname = qEnvironmentVariableIsSet("LOGNAME");
    qunsetenv("USER");
    qunsetenv("LOGNAME");
    const passwd *pw = ::getpwuid(::getuid());
    QVERIFY(pw);
    QCOMPARE(loginName(), QString::fromLocal8Bit(pw->pw_name));
    qputenv("LOGNAME", "carol");
    QCOMPARE(loginName(), QStringLiteral("carol"));
    qputenv("USER", "alice");
    QCOMPARE(loginName(), QStringLiteral("alice"));
    qputenv("USER", "  ");
    QCOMPARE(loginName(), QStringLiteral("carol")); // blank is no name
    if (hadUser)
        qputenv("USER", user);
    else
        qunsetenv("USER");
    if (hadLogname)
        qputenv("LOGNAME", logname);
    else
        qunsetenv("LOGNAME");
}

QTEST_GUILESS_MAIN(tst_Values)
#include "tst_values.moc"
