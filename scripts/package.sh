#!/usr/bin/env bash
# Builds the Debian packages from build/ with CPack: build/tributary_VERSION_ARCH.deb (tributaryd,
# forum-sim, the systemd unit, alert rules, presets, man pages, docs) and, when the console is
# built, build/tributary-console_VERSION_ARCH.deb. Runs scripts/setup.sh first when build/ is not
# configured yet. Prints the packages' paths, one a line, on standard output.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

log() { printf '[package] %s\n' "$*" >&2; }
die() { printf '[package] error: %s\n' "$*" >&2; exit 1; }

if [[ ! -f build/CMakeCache.txt ]]; then
    log "build/ is not configured: running scripts/setup.sh"
    bash scripts/setup.sh >&2
fi
command -v cpack >/dev/null || die "cpack not found (Debian package cmake)"
for tool in dpkg-shlibdeps:dpkg-dev file:file; do
    command -v "${tool%%:*}" >/dev/null \
        || die "${tool%%:*} not found (Debian package ${tool#*:}): the .deb would lack its library dependencies"
done

jobs="$(nproc 2>/dev/null || echo 2)"
log "building build/ with ${jobs} jobs"
cmake --build build -j"$jobs" >&2

version="$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' build/CMakeCache.txt)"
arch="$(dpkg --print-architecture)"
[[ -n "$version" ]] || die "no CMAKE_PROJECT_VERSION in build/CMakeCache.txt"
expected=("build/tributary_${version}_${arch}.deb")
if grep -q '^TRIBUTARY_BUILD_GUI:BOOL=ON$' build/CMakeCache.txt; then
    expected+=("build/tributary-console_${version}_${arch}.deb")
fi
rm -f "${expected[@]}"

log "cpack -G DEB"
(cd build && cpack -G DEB) >&2

for deb in "${expected[@]}"; do
    [[ -f "$deb" ]] || die "cpack did not make $deb"
    log "$deb: $(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Version), $(du -h "$deb" | cut -f1), Depends: $(dpkg-deb -f "$deb" Depends)"
    printf '%s\n' "$deb"
done
