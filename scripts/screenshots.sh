#!/usr/bin/env bash
# Renders the console's views with demo data under Xvfb, so the README and docs/console.md show
# the console as it is: in English and German, light and dark, at 1024x768 (the smallest screen the
# layout is made for) and 1600x1000. Run after a build (scripts/setup.sh).
#
#   bash scripts/screenshots.sh [OUTPUT_DIR]      (default docs/images)
#
# What it does: makes the demo (a main database and an external forum), serves the forum with
# forum-sim, edits one topic on both sides so a conflict waits, then, for each language, theme and
# size, starts `tributary --screenshots DIR` on a virtual display on a fresh copy of that main
# database: the console syncs, opens each view and saves it into OUTPUT_DIR/LANG-THEME-SIZE/.
# Look at every picture before committing it.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
out="${1:-docs/images}"
bin="$repo_root/build/bin"
log() { printf '[screenshots] %s\n' "$*"; }

for tool in "$bin/tributary" "$bin/tributaryd" "$bin/forum-sim"; do
    [[ -x "$tool" ]] || { log "missing $tool: run 'bash scripts/setup.sh' first" >&2; exit 1; }
done
command -v xvfb-run >/dev/null || { log "xvfb-run is missing: run 'bash scripts/setup.sh' (it installs xvfb)" >&2; exit 1; }

work="$(mktemp -d)"
sim_pid=""
cleanup() {
    [[ -n "$sim_pid" ]] && kill "$sim_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

log "making the demo in $work"
"$bin/tributaryd" demo --dir "$work/demo" --messages 3000 >"$work/demo.log" 2>&1
config="$work/demo/tributary.json"
port="$(python3 -c 'import json,sys,urllib.parse as u; c=json.load(open(sys.argv[1])); print(u.urlparse(c["sources"][0]["rest"]["base_url"]).port)' "$config")"
token="screenshots-$RANDOM$RANDOM"
"$bin/forum-sim" serve --db "$work/demo/external.sqlite" --port "$port" --token "$token" >"$work/forum.log" 2>&1 &
sim_pid=$!
export TRIBUTARY_DEMO_TOKEN="$token"
for _ in $(seq 1 50); do
    curl -fsS -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/sections?per_page=1" && break
    sleep 0.1 # waiting for a child process to listen, not synchronising a test
done

log "a conflict: topic 7 renamed by a moderator and at the forum"
local_id="$(sqlite3 "$work/demo/main.sqlite" "SELECT local_id FROM tributary_links WHERE source='forum' AND entity='topics' AND external_id='7'")"
sqlite3 "$work/demo/main.sqlite" "UPDATE topics SET title = 'Sourdough: the moderators'' FAQ' WHERE id = $local_id"
curl -fsS -o /dev/null -X PATCH -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"title":"Sourdough starters, week 2"}' "http://127.0.0.1:$port/api/v1/topics/7"
curl -fsS -o /dev/null -X PATCH -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"content":"Updated at the forum: the recipe now uses 20% rye."}' "http://127.0.0.1:$port/api/v1/messages/12"

cp "$work/demo/main.sqlite" "$work/main.pristine"
mkdir -p "$out"
for lang in en de; do
    for theme in light dark; do
        for size in 1024x768 1600x1000; do
            dir="$out/$lang-$theme-$size"
            mkdir -p "$dir"
            log "rendering $lang, $theme, $size into $dir"
            cp "$work/main.pristine" "$work/demo/main.sqlite"
            rm -f "$work/demo/main.sqlite-wal" "$work/demo/main.sqlite-shm"
            locale=C.UTF-8
            [[ "$lang" == de ]] && locale=de_DE.UTF-8
            # A settings directory per picture set: nothing one run chose leaks into the next.
            rm -rf "$work/settings"
            XDG_CONFIG_HOME="$work/settings" LANGUAGE="$lang" LANG="$locale" LC_ALL="$locale" \
                xvfb-run -a -s "-screen 0 ${size}x24" "$bin/tributary" --screenshots "$(cd "$dir" && pwd)" \
                --screenshot-size "$size" --theme "$theme" "$config"
        done
    done
done
ls -1 "$out"/*/*.png
