#include "DisplayText.h"

#include "util/Error.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace Tributary::Gui {

QDateTime DisplayText::parseTime(const QString &iso)
{
    if (iso.isEmpty())
        return {};
    QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(iso, Qt::ISODate);
    if (t.isValid() && t.timeSpec() == Qt::LocalTime && !iso.endsWith(QLatin1Char('Z')) && !iso.contains(QLatin1Char('+')))
        t.setTimeSpec(Qt::UTC); // the state tables write UTC
    return t;
}

QString DisplayText::time(const QString &iso)
{
    const QDateTime t = parseTime(iso);
    if (!t.isValid())
        return iso;
    // The reader's date and time, to the second (a sync's times differ by seconds): the locale's
    // short formats ("04.12.26 21:53:36", "12/4/26 9:53:36 PM") with the seconds put in.
    const QLocale locale;
    const QDateTime local = t.toLocalTime();
    return locale.toString(local.date(), QLocale::ShortFormat) + QLatin1Char(' ') + locale.toString(local.time(), timeFormatWithSeconds());
}

QString DisplayText::timeFormatWithSeconds()
{
    // Views ask for every cell they paint: worked out once per language the console speaks.
    static QString localeName;
    static QString format;
    const QLocale locale;
    if (locale.name() != localeName) {
        localeName = locale.name();
        format = locale.timeFormat(QLocale::ShortFormat);
        if (!format.contains(QLatin1Char('s')))
            format.replace(QStringLiteral("mm"), QStringLiteral("mm:ss"));
    }
    return format;
}

QString DisplayText::age(const QDateTime &then, const QDateTime &now)
{
    if (!then.isValid())
        return QString();
    const qint64 s = then.secsTo(now);
    if (s < 60)
        return tr("just now");
    if (s < 3600)
        return tr("%n minute(s) ago", nullptr, int(s / 60));
    if (s < 2 * 86400)
        return tr("%n hour(s) ago", nullptr, int(s / 3600));
    return tr("%n day(s) ago", nullptr, int(s / 86400));
}

QString DisplayText::duration(qint64 ms)
{
    if (ms < 0)
        return QString();
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    if (ms < 60000)
        return tr("%1 s").arg(QLocale().toString(ms / 1000.0, 'f', 1));
    const qint64 s = ms / 1000;
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QString DisplayText::number(qint64 n)
{
    return QLocale().toString(n);
}

QString DisplayText::value(const QJsonValue &v, bool *isNull)
{
    const bool null = v.isNull() || v.isUndefined();
    if (isNull)
        *isNull = null;
    if (null)
        return QStringLiteral("NULL");
    QString s = editableValue(v);
    s.replace(QLatin1Char('\n'), QChar(0x23CE));
    return s;
}

QString DisplayText::editableValue(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("null");
    if (v.isString())
        return v.toString();
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    // Numbers and booleans: as JSON writes them (no exponent for ids, "true"/"false").
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

QString DisplayText::capitalized(const QString &phrase)
{
    return phrase.isEmpty() ? phrase : phrase.at(0).toUpper() + phrase.mid(1);
}

QString DisplayText::error(const Error &error)
{
    // Core's SQL errors say "<driver's words> -- in: <statement>".
    const QString reason = error.detail.section(QStringLiteral(" -- in: "), 0, 0).trimmed();
    return reason.isEmpty() ? error.message : QStringLiteral("%1 (%2)").arg(error.message, reason);
}

} // namespace Tributary::Gui
