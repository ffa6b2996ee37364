#!/usr/bin/env bash
# Renders the console's main views with demo data into docs/images/, under Xvfb, so the README
# and docs/console.md show the console as it is. Run after a build (scripts/setup.sh).
#
#   bash scripts/screenshots.sh [OUTPUT_DIR]
#
# What it does: makes the demo (a main database and an external forum), serves the forum with
# forum-sim, edits one topic on both sides so a conflict waits, then starts `tributary
# --screenshots DIR` on a virtual display: the console syncs, opens each view and saves it.
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

mkdir -p "$out"
log "rendering into $out"
XDG_CONFIG_HOME="$work/settings" LANGUAGE=en LANG=C.UTF-8 \
    xvfb-run -a -s "-screen 0 1600x1000x24" "$bin/tributary" --screenshots "$(cd "$out" && pwd)" "$config"
ls -1 "$out"/*.png
