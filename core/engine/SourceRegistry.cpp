#include "SourceRegistry.h"

#include "Source.h"
#include "config/Config.h"
#include "util/Tr.h"

namespace Tributary {

namespace {
struct Entry
{
    SourceRegistry::Validator validator;
    SourceRegistry::Factory factory;
    QStringList entityKeys;
};
QHash<QString, Entry> &entries()
{
    static QHash<QString, Entry> e;
    return e;
}
} // namespace

void SourceRegistry::registerType(const QString &type, Validator validator, Factory factory)
{
    Entry &e = entries()[type];
    e.validator = std::move(validator);
    e.factory = std::move(factory);
}

void SourceRegistry::registerEntityKeys(const QString &type, const QStringList &keys)
{
    entries()[type].entityKeys = keys;
}

QStringList SourceRegistry::entityKeys(const QString &type) { return entries().value(type).entityKeys; }

bool SourceRegistry::hasType(const QString &type) { return entries().value(type).factory != nullptr; }

QStringList SourceRegistry::types()
{
    QStringList t = entries().keys();
    t.sort();
    return t;
}

QStringList SourceRegistry::validate(const SourceConfig &config)
{
    auto it = entries().constFind(config.type);
    if (it == entries().constEnd() || !it->validator)
        return {Tr::tr("sources.%1.type: unknown source type \"%2\"; expected one of: %3")
                    .arg(config.name, config.type, types().join(QStringLiteral(", ")))};
    return it->validator(config);
}

std::unique_ptr<Source> SourceRegistry::create(const SourceConfig &config, QNetworkAccessManager *nam)
{
    auto it = entries().constFind(config.type);
    if (it == entries().constEnd() || !it->factory)
        return nullptr;
    return it->factory(config, nam);
}

} // namespace Tributary
