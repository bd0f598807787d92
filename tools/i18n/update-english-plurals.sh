#!/usr/bin/env bash
# Refreshes assets/translations/cairn_en.ts: English needs a catalogue only for its plural forms
# (qsTr("%n patient(s)", "", n) shows "1 patient" / "2 patients"). lupdate keeps the plural
# messages; fill_english_plurals.py writes the two English forms of each new one from the
# "(s)" spelling of its source; irregular words are listed there. Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")/../.."
lupdate=${LUPDATE:-/usr/lib/qt6/bin/lupdate}
"$lupdate" -pluralonly -no-obsolete -locations none -source-language en -target-language en \
  -I . qml sync/client -ts assets/translations/cairn_en.ts
python3 tools/i18n/fill_english_plurals.py assets/translations/cairn_en.ts
