#pragma once

#include <QStringList>
#include <functional>

namespace Tributary {

struct SourceConfig;

// The source types the configuration may name, with what each accepts: its validator and the
// keys its entities may carry. Filled by SourceRegistry::registerType (the engine's registry of
// implementations), read by the configuration's validation, which knows no implementation.
class SourceTypes
{
public:
    // Checks the type-specific part of a source's configuration. Each problem is one line that
    // names the key ("sources.forum.rest.pagination.style: expected one of ...").
    using Validator = std::function<QStringList(const SourceConfig &)>;

    static void registerType(const QString &type, Validator validator);
    // Keys a type accepts in each entity object besides the generic ones (endpoint, ...).
    static void registerEntityKeys(const QString &type, const QStringList &keys);
    static QStringList entityKeys(const QString &type);
    static bool hasType(const QString &type);
    static QStringList types();
    static QStringList validate(const SourceConfig &config);
};

} // namespace Tributary
