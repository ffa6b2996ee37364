#!/usr/bin/env bash
# Smoke-tests the Debian package as a user meets it: installs the .deb with apt (which brings only
# runtime packages), checks what it installed, runs `tributaryd demo` from /usr/bin, finds the man
# pages, then removes and purges the package and checks that its files are gone.
# It installs and removes packages on this machine: run it on a build or CI machine.
#
# Usage: scripts/package-test.sh [tributary_VERSION_ARCH.deb [tributary-console_VERSION_ARCH.deb]]
#        (default: the packages scripts/package.sh made in build/)
# Exits 0 when every check passed, 1 with the failed check's message otherwise.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

log() { printf '[package-test] %s\n' "$*"; }
die() { printf '[package-test] FAILED: %s\n' "$*" >&2; exit 1; }

sudo_cmd=()
if [[ "$(id -u)" -ne 0 ]]; then
    command -v sudo >/dev/null || die "not root and sudo is not available: cannot install the package"
    sudo_cmd=(sudo)
fi
as_root() { "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive "$@"; }

debs=("$@")
if ((${#debs[@]} == 0)); then
    cache="$repo_root/build/CMakeCache.txt"
    [[ -f "$cache" ]] || die "no package given and no build/: run scripts/package.sh first"
    version="$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$cache")"
    arch="$(dpkg --print-architecture)"
    for name in tributary tributary-console; do
        [[ -f "$repo_root/build/${name}_${version}_${arch}.deb" ]] && debs+=("$repo_root/build/${name}_${version}_${arch}.deb")
    done
    ((${#debs[@]} > 0)) || die "no package in build/: run scripts/package.sh first"
fi
main_deb=""
console_deb=""
for i in "${!debs[@]}"; do
    [[ -f "${debs[$i]}" ]] || die "${debs[$i]}: no such file"
    debs[$i]="$(realpath "${debs[$i]}")" # apt-get takes a local file only as a path (./x.deb, /x.deb)
    case "$(dpkg-deb -f "${debs[$i]}" Package)" in
        tributary) main_deb="${debs[$i]}" ;;
        tributary-console) console_deb="${debs[$i]}" ;;
        *) die "${debs[$i]} is not a tributary package" ;;
    esac
done
[[ -n "$main_deb" ]] || die "the tributary package itself was not given"
version="$(dpkg-deb -f "$main_deb" Version)"

# Only runtime packages may come with it: a -dev package in Depends means a build dependency leaked.
for deb in "${debs[@]}"; do
    depends="$(dpkg-deb -f "$deb" Depends)"
    log "$(basename "$deb"): Depends: $depends"
    if grep -Eq '(^|[ ,])[a-z0-9.+-]+-dev([ ,(]|$)' <<<"$depends"; then
        die "$(basename "$deb") depends on a -dev package: $depends"
    fi
done

if dpkg-query -W -f='${Status}' tributary 2>/dev/null | grep -q 'install ok installed'; then
    log "note: tributary $(dpkg-query -W -f='${Version}' tributary) is already installed; it is replaced, then removed"
fi

installed=0
cleanup() {
    if ((installed)); then
        log "cleaning up after a failure: apt-get purge -y tributary"
        as_root apt-get purge -y -q tributary >/dev/null 2>&1 || true
    fi
}
trap cleanup EXIT

log "apt-get install -y ${debs[*]}"
if ! as_root apt-get install -y -q "${debs[@]}"; then
    log "install failed; refreshing the package lists (apt-get update) and trying again"
    as_root apt-get update -q
    as_root apt-get install -y -q "${debs[@]}" || die "apt-get install of ${debs[*]} failed"
fi
installed=1
[[ "$(dpkg-query -W -f='${Status} ${Version}' tributary)" == "install ok installed $version" ]] \
    || die "dpkg does not list tributary $version as installed"

log "checking the installed files"
for path in /usr/bin/tributaryd /usr/bin/forum-sim; do
    [[ -x "$path" ]] || die "$path is missing or not executable"
done
for path in /usr/lib/systemd/system/tributaryd.service /usr/share/tributary/tributary-alerts.yml \
    /usr/share/tributary/presets/forum.json /usr/share/doc/tributary/README.md \
    /usr/share/doc/tributary/docs/operations.md; do
    [[ -f "$path" ]] || die "$path is missing"
done
grep -qx 'ExecStart=/usr/bin/tributaryd serve --config /etc/tributary/tributary.json --log-format json' \
    /usr/lib/systemd/system/tributaryd.service || die "the unit's ExecStart does not run /usr/bin/tributaryd"
if command -v systemd-analyze >/dev/null; then
    systemd-analyze verify /usr/lib/systemd/system/tributaryd.service \
        || die "systemd-analyze verify finds fault with the installed unit"
fi
getent passwd tributary >/dev/null || die "postinst did not create the system user tributary"
[[ "$(stat -c '%U:%G %a' /etc/tributary)" == "root:tributary 750" ]] \
    || die "/etc/tributary is $(stat -c '%U:%G %a' /etc/tributary), expected root:tributary 750"
if command -v systemctl >/dev/null; then # a container may have no systemd
    enabled="$(systemctl is-enabled tributaryd.service 2>/dev/null || true)"
    [[ "$enabled" == "disabled" ]] || die "the unit is '$enabled' after install; the package must not enable it"
fi
[[ "$(/usr/bin/tributaryd --version)" == "tributaryd $version" ]] || die "tributaryd --version does not say $version"

log "running /usr/bin/tributaryd demo"
demo_dir="$(mktemp -d /tmp/tributary-package-test.XXXXXX)"
status=0
(cd "$demo_dir" && TRIBUTARY_LANGUAGE=en /usr/bin/tributaryd demo --dir "$demo_dir/demo" >"$demo_dir/demo.out" 2>"$demo_dir/demo.err") || status=$?
if ((status != 0)); then
    tail -n 30 "$demo_dir/demo.out" "$demo_dir/demo.err" >&2
    die "tributaryd demo exited with status $status (output in $demo_dir)"
fi
in_sync="$(grep -c '^  IN SYNC: every record at the source is in the main database' "$demo_dir/demo.out" || true)"
((in_sync == 2)) || die "tributaryd demo printed the in-sync result $in_sync time(s), expected 2 (output in $demo_dir/demo.out)"
grep -q '^   forum-sim serve --db ' "$demo_dir/demo.out" \
    || die "the demo's 'Try it yourself' commands do not call the installed forum-sim by name"
grep '^   main database after the sync:' "$demo_dir/demo.out" | head -n 1 | sed 's/^ */[package-test] demo: /'
log "demo: exit status 0, IN SYNC after both syncs"
rm -rf "$demo_dir"

log "checking the man pages"
for page in tributaryd forum-sim; do
    if command -v man >/dev/null; then
        found="$(man -w "$page" 2>/dev/null || true)"
        [[ "$found" == "/usr/share/man/man1/$page.1.gz" ]] || die "man -w $page found '$found', expected /usr/share/man/man1/$page.1.gz"
    else
        [[ -f "/usr/share/man/man1/$page.1.gz" ]] || die "/usr/share/man/man1/$page.1.gz is missing"
    fi
done

if [[ -n "$console_deb" ]]; then
    log "checking the console"
    [[ -f /usr/share/man/man1/tributary.1.gz ]] || die "/usr/share/man/man1/tributary.1.gz is missing"
    [[ "$(QT_QPA_PLATFORM=offscreen /usr/bin/tributary --version 2>/dev/null)" == "tributary $version" ]] \
        || die "/usr/bin/tributary --version does not say $version"
fi

log "apt-get remove -y tributary"
as_root apt-get remove -y -q tributary || die "apt-get remove tributary failed"
for path in /usr/bin/tributaryd /usr/bin/forum-sim /usr/bin/tributary /usr/lib/systemd/system/tributaryd.service \
    /usr/share/man/man1/tributaryd.1.gz /usr/share/tributary; do
    [[ ! -e "$path" ]] || die "$path is still there after apt-get remove tributary"
done
log "apt-get purge -y tributary"
as_root apt-get purge -y -q tributary || die "apt-get purge tributary failed"
installed=0
[[ ! -e /etc/tributary ]] || die "/etc/tributary (empty) is still there after the purge"
left="$(dpkg-query -W -f='${db:Status-Abbrev}' tributary 2>/dev/null || true)"
[[ -z "$left" || "$left" == un* || "$left" == pn* ]] || die "dpkg still lists tributary ($left) after the purge"

log "passed: tributary $version installs, runs the demo from /usr/bin, has its man pages, and removes cleanly"
