#pragma once

#include <QJsonValue>
#include <QString>

namespace Tributary {

// Dotted paths into JSON documents as configurations write them: "data", "meta.total",
// "links.next", "items.0.id" (a number indexes an array). An empty path is the value itself.
namespace JsonPath {

// The value at `path`, or Undefined when a step is missing; *found tells a missing key from a
// present null.
QJsonValue value(const QJsonValue &root, const QString &path, bool *found = nullptr);

// `value` placed at `path` in nested objects: wrapped("data", v) is {"data": v}, wrapped("", v)
// is v itself. Every step names an object key (a request body is built, not indexed).
QJsonValue wrapped(const QString &path, const QJsonValue &value);

// Whether `path` is well formed (no empty steps such as "a..b" or a trailing dot).
bool isValid(const QString &path);

} // namespace JsonPath
} // namespace Tributary
