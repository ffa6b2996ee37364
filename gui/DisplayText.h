#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonValue>
#include <QString>

namespace Tributary {
struct Error;
}

namespace Tributary::Gui {

// How the console writes times, ages, durations, counts and stored values, the same way in
// every view and in the reader's language.
class DisplayText
{
    Q_DECLARE_TR_FUNCTIONS(DisplayText)
public:
    // A state-table time (ISO-8601 UTC text) as a QDateTime; invalid when empty or malformed.
    static QDateTime parseTime(const QString &iso);
    // The date and time in the locale's short formats with seconds, in local time ("04.12.26
    // 21:53:36"); the stored text unchanged when it does not parse.
    static QString time(const QString &iso);
    // The locale's short time format with the seconds put in ("HH:mm:ss", "h:mm:ss AP").
    static QString timeFormatWithSeconds();
    // "just now", "5 minutes ago", "3 hours ago", "2 days ago".
    static QString age(const QDateTime &then, const QDateTime &now = QDateTime::currentDateTimeUtc());
    // "850 ms", "12.3 s", "4 min 05 s", "2 h 03 min".
    static QString duration(qint64 ms);
    static QString number(qint64 n);
    // One stored value for a table cell: NULL, text as it is (newlines shown as ⏎), numbers and
    // JSON compact. *isNull (optional) says whether the value is NULL.
    static QString value(const QJsonValue &v, bool *isNull = nullptr);
    // The full value, for a tooltip or an editor: text as it is, NULL as "null".
    static QString editableValue(const QJsonValue &v);
    // "Incremental sync" for "incremental sync": a phrase from elsewhere (core's words) as a
    // heading or a table cell.
    static QString capitalized(const QString &phrase);
    // An error as a view shows it: the message, and the database's own words after it (without
    // the statement they are about, which belongs in a tooltip or the log).
    static QString error(const Error &error);
};

} // namespace Tributary::Gui
