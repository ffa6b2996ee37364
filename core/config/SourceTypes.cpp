#include "SourceTypes.h"

#include "config/Config.h"
#include "util/Tr.h"

#include <QHash>

namespace Tributary {

namespace {
struct Entry
{
    SourceTypes::Validator validator;
    QStringList entityKeys;
};
QHash<QString, Entry> &entries()
{
    static QHash<QString, Entry> e;
    return e;
}
} // namespace

void SourceTypes::registerType(const QString &type, Validator validator)
{
    entries()[type].validator = std::move(validator);
}

void SourceTypes::registerEntityKeys(const QString &type, const QStringList &keys)
{
    entries()[type].entityKeys = keys;
}

QStringList SourceTypes::entityKeys(const QString &type) { return entries().value(type).entityKeys; }

bool SourceTypes::hasType(const QString &type) { return entries().value(type).validator != nullptr; }

QStringList SourceTypes::types()
{
    QStringList t;
    for (auto it = entries().constBegin(); it != entries().constEnd(); ++it) {
        if (it->validator)
            t.append(it.key());
    }
    t.sort();
    return t;
}

QStringList SourceTypes::validate(const SourceConfig &config)
{
    auto it = entries().constFind(config.type);
    if (it == entries().constEnd() || !it->validator)
        return {Tr::tr("sources.%1.type: unknown source type \"%2\"; expected one of: %3")
                    .arg(config.name, config.type, types().join(QStringLiteral(", ")))};
    return it->validator(config);
}

} // namespace Tributary
