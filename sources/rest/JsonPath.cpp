#include "JsonPath.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Tributary::JsonPath {

QJsonValue value(const QJsonValue &root, const QString &path, bool *found)
{
    if (found)
        *found = false;
    if (path.isEmpty()) {
        if (found)
            *found = !root.isUndefined();
        return root;
    }
    QJsonValue current = root;
    const QStringList steps = path.split(QLatin1Char('.'));
    for (const QString &step : steps) {
        if (current.isObject()) {
            const QJsonObject o = current.toObject();
            auto it = o.constFind(step);
            if (it == o.constEnd())
                return QJsonValue(QJsonValue::Undefined);
            current = *it;
        } else if (current.isArray()) {
            bool ok = false;
            const int index = step.toInt(&ok);
            const QJsonArray a = current.toArray();
            if (!ok || index < 0 || index >= a.size())
                return QJsonValue(QJsonValue::Undefined);
            current = a.at(index);
        } else {
            return QJsonValue(QJsonValue::Undefined);
        }
    }
    if (found)
        *found = true;
    return current;
}

QJsonValue wrapped(const QString &path, const QJsonValue &value)
{
    if (path.isEmpty())
        return value;
    QJsonValue current = value;
    const QStringList steps = path.split(QLatin1Char('.'));
    for (auto it = steps.crbegin(); it != steps.crend(); ++it)
        current = QJsonObject{{*it, current}};
    return current;
}

bool isValid(const QString &path)
{
    if (path.isEmpty())
        return true;
    const QStringList steps = path.split(QLatin1Char('.'));
    for (const QString &s : steps) {
        if (s.isEmpty())
            return false;
    }
    return true;
}

} // namespace Tributary::JsonPath
