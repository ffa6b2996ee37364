#include "JsonSchema.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

namespace Tributary::Test {

namespace {

const QStringList kKeywords = {QStringLiteral("type"),       QStringLiteral("required"), QStringLiteral("properties"),
                               QStringLiteral("additionalProperties"), QStringLiteral("items"), QStringLiteral("enum"),
                               QStringLiteral("const"),      QStringLiteral("minimum"),  QStringLiteral("format"),
                               QStringLiteral("$ref"),       QStringLiteral("title"),    QStringLiteral("description"),
                               QStringLiteral("$schema"),    QStringLiteral("$id"),      QStringLiteral("$defs")};

bool hasType(const QJsonValue &v, const QString &type)
{
    if (type == QLatin1String("null"))
        return v.isNull();
    if (type == QLatin1String("boolean"))
        return v.isBool();
    if (type == QLatin1String("string"))
        return v.isString();
    if (type == QLatin1String("object"))
        return v.isObject();
    if (type == QLatin1String("array"))
        return v.isArray();
    if (type == QLatin1String("number"))
        return v.isDouble();
    if (type == QLatin1String("integer")) {
        const double d = v.toDouble();
        return v.isDouble() && std::isfinite(d) && std::floor(d) == d;
    }
    return false;
}

QString show(const QJsonValue &v)
{
    if (v.isObject() || v.isArray())
        return v.isObject() ? QStringLiteral("an object") : QStringLiteral("an array");
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

} // namespace

JsonSchema JsonSchema::fromDocs(const QString &name, QString *error)
{
    QFile f(QStringLiteral(TRIBUTARY_SOURCE_DIR "/docs/schemas/%1.schema.json").arg(name));
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.fileName() + QStringLiteral(": ") + f.errorString();
        return JsonSchema();
    }
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parse);
    if (!doc.isObject()) {
        *error = f.fileName() + QStringLiteral(": ") + parse.errorString();
        return JsonSchema();
    }
    return JsonSchema(doc.object());
}

QStringList JsonSchema::validate(const QJsonValue &value) const
{
    QStringList problems;
    check(m_root, value, QString(), &problems);
    return problems;
}

QJsonObject JsonSchema::resolve(const QJsonObject &schema, const QString &at, QStringList *problems) const
{
    if (!schema.contains(QStringLiteral("$ref")))
        return schema;
    const QString ref = schema.value(QStringLiteral("$ref")).toString();
    const QString prefix = QStringLiteral("#/$defs/");
    const QJsonObject target = m_root.value(QStringLiteral("$defs")).toObject().value(ref.mid(prefix.size())).toObject();
    if (!ref.startsWith(prefix) || target.isEmpty()) {
        problems->append(at + QStringLiteral(": the schema's $ref %1 names nothing in $defs").arg(ref));
        return {};
    }
    return resolve(target, at, problems);
}

void JsonSchema::check(const QJsonObject &unresolved, const QJsonValue &value, const QString &at, QStringList *problems) const
{
    const QJsonObject schema = resolve(unresolved, at, problems);
    for (auto it = schema.constBegin(); it != schema.constEnd(); ++it) {
        if (!kKeywords.contains(it.key()))
            problems->append(at + QStringLiteral(": the schema uses \"%1\", which this validator does not check").arg(it.key()));
    }
    const QString where = at.isEmpty() ? QStringLiteral("/") : at;
    if (schema.contains(QStringLiteral("type"))) {
        const QJsonValue type = schema.value(QStringLiteral("type"));
        const QJsonArray types = type.isArray() ? type.toArray() : QJsonArray{type};
        bool matched = false;
        QStringList names;
        for (const QJsonValue &t : types) {
            matched = matched || hasType(value, t.toString());
            names.append(t.toString());
        }
        if (!matched) {
            problems->append(where + QStringLiteral(": expected %1, got %2").arg(names.join(QStringLiteral(" or ")), show(value)));
            return; // the other keywords would only repeat it
        }
    }
    if (schema.contains(QStringLiteral("const")) && value != schema.value(QStringLiteral("const")))
        problems->append(where + QStringLiteral(": expected %1, got %2").arg(show(schema.value(QStringLiteral("const"))), show(value)));
    if (schema.contains(QStringLiteral("enum")) && !schema.value(QStringLiteral("enum")).toArray().contains(value))
        problems->append(where + QStringLiteral(": %1 is not one of the values the schema lists").arg(show(value)));
    if (schema.contains(QStringLiteral("minimum")) && value.isDouble() && value.toDouble() < schema.value(QStringLiteral("minimum")).toDouble())
        problems->append(where + QStringLiteral(": %1 is below the minimum %2").arg(show(value), show(schema.value(QStringLiteral("minimum")))));
    if (schema.value(QStringLiteral("format")).toString() == QLatin1String("date-time") && value.isString()) {
        // What tributaryd prints: UTC, with or without milliseconds.
        static const QRegularExpression utc(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z$"));
        if (!utc.match(value.toString()).hasMatch())
            problems->append(where + QStringLiteral(": %1 is not an ISO-8601 time in UTC").arg(show(value)));
    }
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
        for (const QJsonValue &key : schema.value(QStringLiteral("required")).toArray()) {
            if (!o.contains(key.toString()))
                problems->append(where + QStringLiteral(": the required key \"%1\" is missing").arg(key.toString()));
        }
        const QJsonValue additional = schema.value(QStringLiteral("additionalProperties"));
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            const QString path = at + QLatin1Char('/') + it.key();
            if (properties.contains(it.key()))
                check(properties.value(it.key()).toObject(), it.value(), path, problems);
            else if (additional.isBool() && !additional.toBool())
                problems->append(where + QStringLiteral(": the key \"%1\" is not in the schema").arg(it.key()));
            else if (additional.isObject())
                check(additional.toObject(), it.value(), path, problems);
        }
    }
    if (value.isArray() && schema.contains(QStringLiteral("items"))) {
        const QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            check(schema.value(QStringLiteral("items")).toObject(), a.at(i), at + QLatin1Char('/') + QString::number(i), problems);
    }
}

} // namespace Tributary::Test
