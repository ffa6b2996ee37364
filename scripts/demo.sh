#!/usr/bin/env bash
# Sets everything up, then runs the demo sync: tributaryd makes the databases, starts
# forum-sim, syncs, verifies and prints what happened. Usage: scripts/demo.sh [DIR]
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

bash scripts/setup.sh

demo_dir="${1:-demo}"
printf '[demo] running build/bin/tributaryd demo --dir %s\n' "$demo_dir"
exec build/bin/tributaryd demo --dir "$demo_dir"
