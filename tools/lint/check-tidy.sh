#!/bin/sh
# Fails when clang-tidy, with the checks in .clang-tidy, finds anything in the sources of
# core/domain, core/clinical, core/storage, core/registry, sync/protocol and sync/server (the
# records, the rules, the store and the wire: where a bug costs most), and of every other library
# the fuzz build compiles with clang (core/interop, core/scripts, core/keys, core/roles,
# sync/http): clang-tidy parses with the same clang 14, so code GCC accepts and clang refuses
# (a lambda capturing a structured binding failed CI once, in the fuzz step at the very end)
# fails here, in the suite. 81 files, which CI's two cores check in about five minutes:
# clang-tidy parses Qt's headers again for every file, 4–5 CPU-seconds each. Reads BUILD_DIR's
# compile_commands.json, so run it after a build (generated headers must exist).
# Usage: tools/lint/check-tidy.sh BUILD_DIR [SOURCE_DIR]
# Exits 77 (CTest's SKIP_RETURN_CODE) only when clang-tidy is not installed; CAIRN_TIDY_JOBS sets
# how many files are checked at once (default 2, CI's cores).
set -eu
build=$(cd "$1" && pwd)
root=${2:-$(cd "$(dirname "$0")/../.." && pwd)}
root=$(cd "$root" && pwd)
tidy=${CLANG_TIDY:-clang-tidy}
runner=${RUN_CLANG_TIDY:-run-clang-tidy}
if ! command -v "$tidy" >/dev/null || ! command -v "$runner" >/dev/null; then
    echo "check-tidy: clang-tidy is not installed (tools/install-deps.sh installs it); skipped"
    exit 77
fi
[ -f "$build/compile_commands.json" ] || {
    echo "check-tidy: $build/compile_commands.json is missing (configure with CMake first)"
    exit 1
}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
# The runner's file argument is a regular expression over the paths in the database: those
# sources in this checkout, not the generated ones under the build directory.
"$runner" -quiet -clang-tidy-binary "$(command -v "$tidy")" -j "${CAIRN_TIDY_JOBS:-2}" -p "$build" \
    "^$root/(core/domain|core/clinical|core/storage|core/registry|core/interop|core/scripts|core/keys|core/roles|sync/protocol|sync/server|sync/http)/.*\.cpp\$" >"$log" 2>&1 || status=$?
# The runner always asks for colour; a header's finding is reported once per file that includes
# it: list each once.
findings=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^/[^:]+:[0-9]+:[0-9]+: (warning|error): ' | sort -u || true)
if [ -n "$findings" ]; then
    echo "$findings"
    echo "check-tidy: $(echo "$findings" | wc -l) finding(s); fix them, or disable the check with a reason in .clang-tidy"
    exit 1
fi
if [ "$status" -ne 0 ]; then
    tail -n 40 "$log"
    echo "check-tidy: clang-tidy failed (exit $status) without a finding: see above"
    exit 1
fi
echo "check-tidy: clang-tidy finds nothing in core/domain, core/clinical, core/storage, core/registry, sync/protocol and sync/server"
