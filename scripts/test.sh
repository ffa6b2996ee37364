#!/usr/bin/env bash
# Sets everything up, then runs every test; when they pass, builds the Debian packages and
# smoke-tests them (install with apt, demo from /usr/bin, remove). Exits with the first failure's
# status. TRIBUTARY_SKIP_PACKAGE_TEST=1 skips the packages (they install onto this machine).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

bash scripts/setup.sh

# The suites labelled "postgres" run against a PostgreSQL cluster made for this run alone:
# pg_virtualenv (Debian's postgresql-common) creates it on a free private port, sets PGHOST,
# PGPORT, PGUSER and PGPASSWORD for ctest, and drops it afterwards, also when run as root.
# The cluster's settings suit a throwaway test server (no fsync).
printf '[test] running ctest, PostgreSQL suites on a throwaway cluster (pg_virtualenv)\n'
status=0
pg_virtualenv -t -o fsync=off -o max_connections=200 \
    ctest --test-dir build --output-on-failure -j2 --timeout 900 || status=$?
if ((status == 0)); then
    printf '[test] all tests passed\n'
else
    printf '[test] ctest failed with status %d\n' "$status" >&2
    exit "$status"
fi

if [[ "${TRIBUTARY_SKIP_PACKAGE_TEST:-}" == "1" ]]; then
    printf '[test] package test skipped (TRIBUTARY_SKIP_PACKAGE_TEST=1)\n'
    exit 0
fi
printf '[test] building and smoke-testing the Debian packages\n'
packages="$(bash scripts/package.sh)" || status=$?
if ((status == 0)); then
    mapfile -t debs <<<"$packages"
    bash scripts/package-test.sh "${debs[@]}" || status=$?
fi
if ((status == 0)); then
    printf '[test] package test passed\n'
else
    printf '[test] package test failed with status %d\n' "$status" >&2
fi
exit "$status"
