#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

namespace Tributary::Test {

// A JSON Schema (draft 2020-12), checked by a small validator for the subset that
// docs/schemas/ uses: type (a name or a list of names; "integer" is a whole number), required,
// properties, additionalProperties (false or a schema), items, enum, const, minimum, format
// "date-time" (ISO-8601 in UTC, by pattern) and $ref to "#/$defs/NAME". Any other keyword is
// reported as a problem, so that a schema never seems to check what this validator ignores;
// annotations (title, description, $schema, $id, $defs) are allowed.
class JsonSchema
{
public:
    explicit JsonSchema(QJsonObject root = {}) : m_root(std::move(root)) {}
    // docs/schemas/<name>.schema.json of the source tree; an empty schema and *error when it
    // cannot be read.
    static JsonSchema fromDocs(const QString &name, QString *error);

    bool isNull() const { return m_root.isEmpty(); }
    // Empty when `value` is valid; otherwise one line per problem, each starting with the JSON
    // pointer of the value it is about ("/runs/0/status: ...").
    QStringList validate(const QJsonValue &value) const;

private:
    void check(const QJsonObject &schema, const QJsonValue &value, const QString &at, QStringList *problems) const;
    QJsonObject resolve(const QJsonObject &schema, const QString &at, QStringList *problems) const;

    QJsonObject m_root;
};

} // namespace Tributary::Test
