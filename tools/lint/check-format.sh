#!/bin/sh
# Fails when a tracked C++ file differs from what clang-format makes of it (.clang-format at the root).
# Usage: tools/lint/check-format.sh [SOURCE_DIR]   Fix with: tools/lint/check-format.sh --fix
set -eu
fix=no
if [ "${1:-}" = "--fix" ]; then fix=yes; shift; fi
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$root"
formatter=${CLANG_FORMAT:-clang-format}
command -v "$formatter" >/dev/null || { echo "check-format: $formatter is not installed (tools/install-deps.sh installs it)"; exit 1; }
files=$(git ls-files '*.cpp' '*.h' 2>/dev/null || find core sync platform qml tools tests bench -name '*.cpp' -o -name '*.h')
if [ "$fix" = yes ]; then
    echo "$files" | xargs "$formatter" -i
    exit 0
fi
# One clang-format run over all files (one process per file is ten times slower).
report=$(echo "$files" | xargs "$formatter" --dry-run 2>&1 | grep ': warning: code should be clang-formatted' || true)
if [ -n "$report" ]; then
    echo "$report" | cut -d: -f1 | sort -u | sed 's/^/not formatted: /'
    echo "check-format: files differ from .clang-format; run tools/lint/check-format.sh --fix"
    exit 1
fi
echo "check-format: every C++ file follows .clang-format"
