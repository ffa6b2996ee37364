#pragma once

#include "config/SourceTypes.h"

#include <QHash>
#include <QStringList>
#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace Tributary {

class Source;
struct SourceConfig;

// Maps a source "type" in the configuration to its implementation. sources/ registers the
// built-in kinds through registerBuiltinSources(); the core never names a concrete source. The
// type's validator and entity keys go to SourceTypes, which the configuration reads.
class SourceRegistry
{
public:
    using Validator = SourceTypes::Validator;
    using Factory = std::function<std::unique_ptr<Source>(const SourceConfig &, QNetworkAccessManager *)>;

    static void registerType(const QString &type, Validator validator, Factory factory);
    static void registerEntityKeys(const QString &type, const QStringList &keys) { SourceTypes::registerEntityKeys(type, keys); }
    static QStringList entityKeys(const QString &type) { return SourceTypes::entityKeys(type); }
    static bool hasType(const QString &type);
    static QStringList types() { return SourceTypes::types(); }
    static QStringList validate(const SourceConfig &config) { return SourceTypes::validate(config); }
    static std::unique_ptr<Source> create(const SourceConfig &config, QNetworkAccessManager *nam);
};

} // namespace Tributary
