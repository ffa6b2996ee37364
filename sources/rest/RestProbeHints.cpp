#include "RestProbeHints.h"

#include "rest/RestConfig.h"

namespace Tributary::RestProbeHints {

namespace {

// The full path of `block.key` as a person finds it: in the entity's own block when the entity
// sets it there, otherwise in the source's "rest" block.
QString keyPath(const SourceConfig &config, const EntityConfig &entity, const QString &block, const QString &key)
{
    const QString entityPath = QStringLiteral("sources.%1.entities.%2").arg(config.name, entity.name);
    const QString restPath = QStringLiteral("sources.%1.rest").arg(config.name);
    if (block.isEmpty())
        return (entity.options.contains(key) ? entityPath : restPath) + QLatin1Char('.') + key;
    const bool own = entity.options.value(block).toObject().contains(key);
    return (own ? entityPath : restPath) + QLatin1Char('.') + block + QLatin1Char('.') + key;
}

qint64 resolutionMs(RestIncremental::Format format)
{
    switch (format) {
    case RestIncremental::Format::Iso8601:
    case RestIncremental::Format::UnixMs:
        return 0;
    case RestIncremental::Format::Iso8601Seconds:
    case RestIncremental::Format::Unix:
        return 1000;
    case RestIncremental::Format::Date:
        return 86400000;
    }
    return 0;
}

} // namespace

ProbeHints hints(const SourceConfig &config, const QString &entityName)
{
    ProbeHints h;
    RestConfig rest;
    QStringList errors;
    const EntityConfig *entity = config.entity(entityName);
    if (!entity || !RestConfig::parse(config, &rest, &errors, false) || !rest.entities.contains(entityName))
        return h;
    const RestEntity &e = rest.entities.value(entityName);
    const RestPagination &p = e.pagination;
    const QString pg = QStringLiteral("pagination");
    h.pageSize = p.pageSize;
    h.pageSizeKey = keyPath(config, *entity, pg, QStringLiteral("page_size"));
    switch (p.style) {
    case RestPagination::Style::Page:
        h.continuationParam = p.pageParam;
        h.continuationKey = keyPath(config, *entity, pg, QStringLiteral("page_param"));
        break;
    case RestPagination::Style::Offset:
        h.continuationParam = p.offsetParam;
        h.continuationKey = keyPath(config, *entity, pg, QStringLiteral("offset_param"));
        break;
    case RestPagination::Style::Cursor:
        h.continuationParam = p.cursorParam;
        h.continuationKey = keyPath(config, *entity, pg, QStringLiteral("cursor_param"));
        break;
    case RestPagination::Style::NextUrl:
    case RestPagination::Style::LinkHeader:
    case RestPagination::Style::None:
        break; // the server hands out the next page's address
    }
    if (p.style == RestPagination::Style::Offset) {
        h.pageSizeParam = p.limitParam;
        h.pageSizeParamKey = keyPath(config, *entity, pg, QStringLiteral("limit_param"));
    } else {
        h.pageSizeParam = p.pageSizeParam;
        h.pageSizeParamKey = keyPath(config, *entity, pg, QStringLiteral("page_size_param"));
    }
    if (!p.totalPath.isEmpty())
        h.totalKey = keyPath(config, *entity, pg, QStringLiteral("total_path"));
    else if (!p.totalHeader.isEmpty())
        h.totalKey = keyPath(config, *entity, pg, QStringLiteral("total_header"));
    else if (p.totalRequest.enabled)
        h.totalKey = keyPath(config, *entity, pg, QStringLiteral("total_request"));

    const QString inc = QStringLiteral("incremental");
    if (e.incremental.enabled) {
        h.filterParam = e.incremental.param;
        h.filterKey = keyPath(config, *entity, inc, QStringLiteral("param"));
        h.filterFormatKey = keyPath(config, *entity, inc, QStringLiteral("format"));
        h.filterResolutionMs = resolutionMs(e.incremental.format);
        h.changeFieldKey = keyPath(config, *entity, inc, QStringLiteral("field"));
        h.incrementalSortKey = keyPath(config, *entity, inc, QStringLiteral("params"));
        h.tieBreakerKey = keyPath(config, *entity, inc, QStringLiteral("tie_breaker"));
    }
    h.fullSortKey = keyPath(config, *entity, QString(), QStringLiteral("full_params"));
    h.externalIdKey = QStringLiteral("sources.%1.entities.%2.external_id").arg(config.name, entityName);
    return h;
}

SourceConfig withPageSize(const SourceConfig &config, const QString &entityName, int pageSize)
{
    SourceConfig out = config;
    for (EntityConfig &e : out.entities) {
        if (e.name != entityName)
            continue;
        // The entity's own pagination is merged key by key over the source's: one key is enough.
        QJsonObject pagination = e.options.value(QStringLiteral("pagination")).toObject();
        pagination.insert(QStringLiteral("page_size"), pageSize);
        e.options.insert(QStringLiteral("pagination"), pagination);
    }
    return out;
}

void registerType()
{
    ApiProbe::registerType(QStringLiteral("rest"), &hints, &withPageSize);
}

} // namespace Tributary::RestProbeHints
