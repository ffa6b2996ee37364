#pragma once

#include "engine/ApiProbe.h"

namespace Tributary {

// What the REST source's configuration means to the API probe (core/engine/ApiProbe): the page
// size and the parameter names it sends, and the key paths a person corrects, each named where
// it is written (the entity's own block, or the source's "rest" block).
namespace RestProbeHints {

ProbeHints hints(const SourceConfig &config, const QString &entity);
// The source's configuration with `pageSize` records per page for `entity` (its own pagination).
SourceConfig withPageSize(const SourceConfig &config, const QString &entity, int pageSize);
// Registers both with ApiProbe for "type": "rest"; called by registerBuiltinSources().
void registerType();

} // namespace RestProbeHints

} // namespace Tributary
