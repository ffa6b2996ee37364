#!/usr/bin/env bash
# Checks the hand-written man pages against the binaries, so that a new command or option cannot
# ship without its line: every command, subcommand and option that `tributaryd`, `forum-sim` and
# `tributary` print in --help must appear in their page, and groff must find nothing to warn about.
# Usage: check-man-pages.sh BIN_DIR MAN_DIR   (ctest runs it as man_pages)
set -uo pipefail

bin_dir="$1"
man_dir="$2"
export LANG=C.UTF-8 LANGUAGE=en TRIBUTARY_LANGUAGE=en QT_QPA_PLATFORM=offscreen
failures=0

fail() {
    printf 'check-man-pages: %s\n' "$*" >&2
    failures=$((failures + 1))
}

# The options a --help text lists (the first column of its option lines), without Qt's own.
options_of() {
    sed -n 's/^  *\(-[a-zA-Z], \)\{0,1\}\(--[a-z][a-z-]*\).*/\2/p' | grep -vx -e '--help' -e '--help-all' | sort -u
}

# Is the option in the page, as troff writes it (\-\-dry\-run)?
expect_option() {
    local page="$1" option="$2" what="$3"
    local escaped="${option//-/\\-}"
    grep -qF -- "$escaped" "$page" || fail "$(basename "$page"): $what option $option is not described"
}

for page in "$man_dir"/*.1; do
    warnings="$(groff -man -Tutf8 -ww -z "$page" 2>&1)"
    [[ -z "$warnings" ]] || fail "$(basename "$page"): groff warns: $warnings"
done

# tributaryd: each command of 'tributaryd --help' is a section; each subcommand (list|show ID|...)
# and each option of 'tributaryd COMMAND [SUBCOMMAND] --help' is in the page.
page="$man_dir/tributaryd.1"
help="$("$bin_dir/tributaryd" --help)" || fail "tributaryd --help failed"
while read -r command synopsis; do
    grep -q "^\.SS \"$command " "$page" || fail "tributaryd.1: command $command has no section"
    subcommands=()
    if [[ -n "$synopsis" ]] && [[ "$synopsis" == *"|"* ]]; then
        IFS='|' read -r -a alternatives <<<"$synopsis"
        for alternative in "${alternatives[@]}"; do
            subcommands+=("${alternative%% *}")
        done
    fi
    if ((${#subcommands[@]} == 0)); then
        subcommands=("")
    fi
    for subcommand in "${subcommands[@]}"; do
        words=("$command")
        [[ -n "$subcommand" ]] && words+=("$subcommand")
        [[ -z "$subcommand" ]] || grep -qF "tributaryd $command $subcommand" "$page" \
            || fail "tributaryd.1: 'tributaryd $command $subcommand' has no synopsis"
        while read -r option; do
            [[ -n "$option" ]] && expect_option "$page" "$option" "'${words[*]}'"
        done < <("$bin_dir/tributaryd" "${words[@]}" --help | options_of)
    done
done < <(awk '/^  [a-z]/ { line = substr($0, 3); i = index(line, "  "); print i ? substr(line, 1, i - 1) : line }' <<<"$help")
# Modes with options of their own.
while read -r option; do
    [[ -n "$option" ]] && expect_option "$page" "$option" "'bench --latency'"
done < <("$bin_dir/tributaryd" bench --latency --help | options_of)

# forum-sim: both commands' options.
for command in generate serve; do
    grep -q "^\.SS $command" "$man_dir/forum-sim.1" || fail "forum-sim.1: command $command has no section"
    while read -r option; do
        [[ -n "$option" ]] && expect_option "$man_dir/forum-sim.1" "$option" "'$command'"
    done < <("$bin_dir/forum-sim" "$command" --help | options_of)
done

# tributary: the console, when it was built.
if [[ -x "$bin_dir/tributary" ]]; then
    while read -r option; do
        [[ -n "$option" ]] && expect_option "$man_dir/tributary.1" "$option" "console"
    done < <("$bin_dir/tributary" --help 2>/dev/null | options_of)
fi

if ((failures > 0)); then
    printf 'check-man-pages: %d problem(s); update docs/man/*.1\n' "$failures" >&2
    exit 1
fi
printf 'check-man-pages: tributaryd.1, forum-sim.1 and tributary.1 describe every command and option, and groff has no warnings\n'
