#!/bin/sh
# Fails when a screen sets a raw size or colour instead of the design system's (qml/components/
# Theme.qml): fixed widths clipped words in Spanish, in portrait and at large text sizes, and raw
# colours escape the contrast test that reads Theme's pairs. Components (qml/components) are where
# sizes live. A line that must stay raw says why with a trailing "// raw: reason".
# Usage: tools/lint/check-qml-design.sh [SOURCE_DIR]
set -eu
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$root"
files=$(git ls-files 'qml/*.qml' 2>/dev/null || find qml -name '*.qml')
files=$(echo "$files" | grep -v '^qml/components/' || true)
[ -n "$files" ] || { echo "check-qml-design: no QML screens found under $root/qml"; exit 1; }
# A colour literal, a raw font size, or a size/margin/spacing of two digits or more.
pattern='"#[0-9a-fA-F]{3,8}"|Qt\.rgba?\(|pixelSize: *[0-9]|(idth|eight|argins?|pacing|adding|Size)[A-Za-z.]*: *[^/]*(^|[^.0-9])[0-9]{2,}\b'
report=$(echo "$files" | xargs grep -nE "$pattern" | grep -v '// raw: ' || true)
if [ -n "$report" ]; then
    echo "$report" | sed 's/^/raw size or colour: /'
    echo "check-qml-design: use Theme's sizes and colours (qml/components/Theme.qml), or say why with // raw: reason"
    exit 1
fi
echo "check-qml-design: no screen sets a raw size or colour"
