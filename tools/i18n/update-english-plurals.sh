#!/usr/bin/env bash
# Refreshes assets/translations/cairn_en.ts: English needs a catalogue only for its plural forms
# (qsTr("%n patient(s)", "", n) shows "1 patient" / "2 patients"). lupdate keeps the plural
# messages of every translatable source (qml/ and tools/i18n/translatable-paths.txt, the list the
# Spanish catalogue is made from, so no plural outside qml/ is dropped); fill_english_plurals.py
# writes the two English forms of each new one from the "(s)" spelling of its source; irregular
# words are listed there. Run from anywhere. CAIRN_EN_TS writes another copy instead (tests).
set -euo pipefail
cd "$(dirname "$0")/../.."
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
catalogue=${CAIRN_EN_TS:-assets/translations/cairn_en.ts}
mapfile -t paths < <(grep -v -e '^#' -e '^[[:space:]]*$' tools/i18n/translatable-paths.txt)
for path in "${paths[@]}"; do
  [[ -e $path ]] || { echo "tools/i18n/translatable-paths.txt: $path does not exist" >&2; exit 1; }
done
"$lupdate" -pluralonly -no-obsolete -locations none -source-language en -target-language en \
  -I . qml "${paths[@]}" -ts "$catalogue"
python3 tools/i18n/fill_english_plurals.py "$catalogue"
