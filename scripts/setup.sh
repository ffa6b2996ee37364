#!/usr/bin/env bash
# Prepares a fresh Debian 12 machine for Tributary and builds it into build/.
# Safe to rerun: packages are installed only when one is missing, and the build is incremental.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

log() { printf '[setup] %s\n' "$*"; }

packages=(
    build-essential cmake ninja-build
    qt6-base-dev qt6-base-dev-tools
    libqt6sql6-sqlite libqt6sql6-psql libsqlite3-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-charts-dev
    libgl-dev sqlite3 curl ca-certificates python3 python3-prometheus-client
    xvfb xauth fonts-dejavu-core
    postgresql postgresql-common
    file groff-base man-db
)

missing=()
for package in "${packages[@]}"; do
    status="$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)"
    if [[ "$status" != "install ok installed" ]]; then
        missing+=("$package")
    fi
done

if ((${#missing[@]} == 0)); then
    log "all ${#packages[@]} packages already installed"
else
    log "missing packages: ${missing[*]}"
    sudo_cmd=()
    if [[ "$(id -u)" -ne 0 ]]; then
        if ! command -v sudo >/dev/null 2>&1; then
            log "error: not root and sudo is not available; install as root: apt-get install ${missing[*]}" >&2
            exit 1
        fi
        sudo_cmd=(sudo)
    fi
    export DEBIAN_FRONTEND=noninteractive
    log "apt-get update"
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
    log "apt-get install ${missing[*]}"
    "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q "${missing[@]}"
fi

jobs="$(nproc 2>/dev/null || echo 2)"

log "configuring build/ (Ninja, RelWithDebInfo, warnings as errors)"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTRIBUTARY_WERROR=ON

log "building with ${jobs} jobs"
cmake --build build -j"$jobs"

log "done: binaries in build/bin/"
