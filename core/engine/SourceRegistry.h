#pragma once

#include <QHash>
#include <QStringList>
#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace Tributary {

class Source;
struct SourceConfig;

// Maps a source "type" in the configuration to its implementation. sources/ registers the
// built-in kinds through registerBuiltinSources(); the core never names a concrete source.
class SourceRegistry
{
public:
    // Checks the type-specific part of a source's configuration. Each problem is one line that
    // names the key ("sources.forum.rest.pagination.style: expected one of ...").
    using Validator = std::function<QStringList(const SourceConfig &)>;
    using Factory = std::function<std::unique_ptr<Source>(const SourceConfig &, QNetworkAccessManager *)>;

    static void registerType(const QString &type, Validator validator, Factory factory);
    // Keys a type accepts in each entity object besides the generic ones (endpoint, ...).
    static void registerEntityKeys(const QString &type, const QStringList &keys);
    static QStringList entityKeys(const QString &type);
    static bool hasType(const QString &type);
    static QStringList types();
    static QStringList validate(const SourceConfig &config);
    static std::unique_ptr<Source> create(const SourceConfig &config, QNetworkAccessManager *nam);
};

} // namespace Tributary
