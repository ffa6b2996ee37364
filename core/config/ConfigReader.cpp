#include "ConfigReader.h"

#include "util/Tr.h"

#include <cmath>

namespace Tributary {

ConfigReader::ConfigReader(const QJsonObject &o, const QString &path, QStringList *errors)
    : m_o(o), m_errors(errors),
      m_path([path](const QString &k) { return path.isEmpty() ? k : path + QLatin1Char('.') + k; })
{
}

ConfigReader::ConfigReader(const QJsonObject &o, PathFn path, QStringList *errors)
    : m_o(o), m_errors(errors), m_path(std::move(path))
{
}

QString ConfigReader::typeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return Tr::tr("null");
    case QJsonValue::Bool: return Tr::tr("a boolean");
    case QJsonValue::Double: return Tr::tr("a number");
    case QJsonValue::String: return Tr::tr("a string");
    case QJsonValue::Array: return Tr::tr("an array");
    case QJsonValue::Object: return Tr::tr("an object");
    case QJsonValue::Undefined: return Tr::tr("nothing");
    }
    return {};
}

bool ConfigReader::isHeaderName(const QString &name)
{
    if (name.isEmpty())
        return false;
    for (const QChar c : name) {
        if (c.unicode() > 126 || c.unicode() <= 32 || QStringLiteral("\"(),/:;<=>?@[\\]{}").contains(c))
            return false;
    }
    return true;
}

bool ConfigReader::isHeaderValue(const QString &value)
{
    for (const QChar c : value) {
        if ((c.unicode() < 32 && c != QLatin1Char('\t')) || c.unicode() == 127)
            return false;
    }
    return true;
}

void ConfigReader::checkHeaderName(const QString &k, const QString &name) const
{
    if (!isHeaderName(name))
        error(k, Tr::tr("is not an HTTP header name (letters, digits and - only, in practice; no spaces, colons or line breaks)"));
}

void ConfigReader::checkHeaderValue(const QString &k, const QString &value) const
{
    if (!isHeaderValue(value))
        error(k, Tr::tr("contains a line break (CR or LF) or another control character, which would end the header and "
                        "start another one; header values are one line"));
}

QString ConfigReader::printable(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == QLatin1Char('\r'))
            out += QLatin1String("\\r");
        else if (c == QLatin1Char('\n'))
            out += QLatin1String("\\n");
        else if (c == QLatin1Char('\t'))
            out += QLatin1String("\\t");
        else if (c.unicode() < 32 || c.unicode() == 127)
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

void ConfigReader::error(const QString &k, const QString &what) const
{
    // Keys are the file's own text: one problem stays one line, whatever a key holds.
    m_errors->append(printable(key(k)) + QStringLiteral(": ") + what);
}

QString ConfigReader::string(const QString &k, const QString &def, bool required) const
{
    const QJsonValue v = m_o.value(k);
    if (v.isUndefined()) {
        if (required)
            error(k, Tr::tr("is required"));
        return def;
    }
    if (!v.isString()) {
        error(k, QStringLiteral("expected a string, got %1").arg(typeName(v)));
        return def;
    }
    if (required && v.toString().trimmed().isEmpty())
        error(k, Tr::tr("must not be empty"));
    return v.toString();
}

bool ConfigReader::boolean(const QString &k, bool def) const
{
    const QJsonValue v = m_o.value(k);
    if (v.isUndefined())
        return def;
    if (!v.isBool()) {
        error(k, Tr::tr("expected true or false, got %1").arg(typeName(v)));
        return def;
    }
    return v.toBool();
}

qint64 ConfigReader::integer(const QString &k, qint64 def, qint64 min, qint64 max) const
{
    const QJsonValue v = m_o.value(k);
    if (v.isUndefined())
        return def;
    const double d = v.toDouble(qQNaN());
    if (!v.isDouble() || d != std::floor(d) || d < double(min) || d > double(max)) {
        error(k, Tr::tr("expected a whole number from %1 to %2; got %3")
                     .arg(min)
                     .arg(max)
                     .arg(v.isDouble() ? QString::number(d) : typeName(v)));
        return def;
    }
    return qint64(d);
}

double ConfigReader::number(const QString &k, double def, double min, double max) const
{
    const QJsonValue v = m_o.value(k);
    if (v.isUndefined())
        return def;
    if (!v.isDouble() || v.toDouble() < min || v.toDouble() > max) {
        error(k, Tr::tr("expected a number from %1 to %2").arg(min).arg(max));
        return def;
    }
    return v.toDouble();
}

QJsonObject ConfigReader::object(const QString &k, bool required) const
{
    const QJsonValue v = m_o.value(k);
    if (v.isUndefined()) {
        if (required)
            error(k, Tr::tr("is required"));
        return {};
    }
    if (!v.isObject()) {
        error(k, Tr::tr("expected an object, got %1").arg(typeName(v)));
        return {};
    }
    return v.toObject();
}

QJsonArray ConfigReader::array(const QString &k, bool required) const
{
    const QJsonValue v = m_o.value(k);
    if (v.isUndefined()) {
        if (required)
            error(k, Tr::tr("is required"));
        return {};
    }
    if (!v.isArray()) {
        error(k, Tr::tr("expected an array, got %1").arg(typeName(v)));
        return {};
    }
    return v.toArray();
}

QString ConfigReader::oneOf(const QString &k, const QStringList &allowed, const QString &def) const
{
    const QJsonValue v = m_o.value(k);
    if (v.isUndefined())
        return def;
    const QString s = v.isString() ? v.toString() : QString();
    if (!allowed.contains(s)) {
        error(k, Tr::tr("expected one of %1; got %2")
                     .arg(allowed.join(QStringLiteral(", ")), v.isString() ? QStringLiteral("\"%1\"").arg(s) : typeName(v)));
        return def;
    }
    return s;
}

SecretRef ConfigReader::secret(const QString &k) const
{
    if (!m_o.contains(k)) {
        error(k, Tr::tr("is required: {\"env\": \"VARIABLE\"} or {\"file\": \"credentials.json\", \"key\": \"name\"}"));
        return {};
    }
    return SecretRef::fromJson(m_o.value(k), key(k), m_errors);
}

void ConfigReader::rejectUnknown(const QStringList &known) const
{
    for (auto it = m_o.constBegin(); it != m_o.constEnd(); ++it) {
        if (!known.contains(it.key()))
            error(it.key(), Tr::tr("unknown key; expected one of %1").arg(known.join(QStringLiteral(", "))));
    }
}

} // namespace Tributary
