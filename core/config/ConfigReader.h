#pragma once

#include "config/Config.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <functional>

namespace Tributary {

// Reads typed keys from one JSON object of the configuration. Every problem becomes one line
// naming the key's full path and what was expected ("sources.forum.rest.pagination.page_size:
// expected a whole number from 1 to 100000; got 0"); reading goes on, so one pass reports them
// all. The path of a key comes from a function, so that a merged object (source defaults
// overridden by an entity) can name the place where a value was actually written.
class ConfigReader
{
public:
    using PathFn = std::function<QString(const QString &)>;
    ConfigReader(const QJsonObject &o, const QString &path, QStringList *errors);
    ConfigReader(const QJsonObject &o, PathFn path, QStringList *errors);

    QString key(const QString &k) const { return m_path(k); }
    void error(const QString &k, const QString &what) const;
    bool has(const QString &k) const { return m_o.contains(k); }
    QJsonValue value(const QString &k) const { return m_o.value(k); }
    QStringList *errors() const { return m_errors; }

    QString string(const QString &k, const QString &def = {}, bool required = false) const;
    bool boolean(const QString &k, bool def) const;
    qint64 integer(const QString &k, qint64 def, qint64 min, qint64 max) const;
    double number(const QString &k, double def, double min, double max) const;
    QJsonObject object(const QString &k, bool required = false) const;
    QJsonArray array(const QString &k, bool required = false) const;
    QString oneOf(const QString &k, const QStringList &allowed, const QString &def) const;
    SecretRef secret(const QString &k) const;
    void rejectUnknown(const QStringList &known) const;

    // "a string", "an object", ...: for messages.
    static QString typeName(const QJsonValue &v);
    // The text with control characters written as escapes (\r, \n, \u0000): key paths in
    // messages come from the file, and a line break in one must not start another line.
    static QString printable(const QString &text);
    // An HTTP field name: RFC 9110 token characters only.
    static bool isHeaderName(const QString &name);
    // What may be sent as an HTTP field value: no CR, LF, NUL or other control character but a
    // tab. A line break would end the header and let the rest pass for headers of its own.
    static bool isHeaderValue(const QString &value);
    // A header name or value read from the configuration: an error naming the key when it is
    // not one (a line break in a value, a character a name cannot have).
    void checkHeaderName(const QString &k, const QString &name) const;
    void checkHeaderValue(const QString &k, const QString &value) const;

private:
    QJsonObject m_o;
    QStringList *m_errors;
    PathFn m_path;
};

} // namespace Tributary
