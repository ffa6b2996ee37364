#include "SourceRegistry.h"

#include "Source.h"
#include "config/Config.h"

namespace Tributary {

namespace {
QHash<QString, SourceRegistry::Factory> &factories()
{
    static QHash<QString, SourceRegistry::Factory> f;
    return f;
}
} // namespace

void SourceRegistry::registerType(const QString &type, Validator validator, Factory factory)
{
    SourceTypes::registerType(type, std::move(validator));
    factories()[type] = std::move(factory);
}

bool SourceRegistry::hasType(const QString &type) { return factories().value(type) != nullptr; }

std::unique_ptr<Source> SourceRegistry::create(const SourceConfig &config, QNetworkAccessManager *nam)
{
    auto it = factories().constFind(config.type);
    if (it == factories().constEnd() || !*it)
        return nullptr;
    return (*it)(config, nam);
}

} // namespace Tributary
