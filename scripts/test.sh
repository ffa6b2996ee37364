#!/usr/bin/env bash
# Sets everything up, then runs every test. Exits with ctest's status.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

bash scripts/setup.sh

printf '[test] running ctest\n'
status=0
ctest --test-dir build --output-on-failure -j2 --timeout 900 || status=$?
if ((status == 0)); then
    printf '[test] all tests passed\n'
else
    printf '[test] ctest failed with status %d\n' "$status" >&2
fi
exit "$status"
