#!/usr/bin/env bash
# Installs everything Cairn needs to build, run and test on Debian bookworm (run as root).
# Safe to run twice: apt skips what is already there, and the backports source is added once.
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: run as root (apt-get needs it)" >&2
  exit 1
fi

backports=/etc/apt/sources.list.d/cairn-bookworm-backports.list
if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  echo 'deb http://deb.debian.org/debian bookworm-backports main' > "$backports"
fi

export DEBIAN_FRONTEND=noninteractive
stamp=/var/lib/apt/periodic/cairn-update-stamp
# Refresh the package lists unless they were refreshed in the last 6 hours.
if [ ! -f "$stamp" ] || [ -n "$(find "$stamp" -mmin +360)" ] || ! apt-cache policy libsqlcipher-dev | grep -q bpo; then
  apt-get update -qq
  mkdir -p "$(dirname "$stamp")" && touch "$stamp"
fi

packages=(
  build-essential cmake ninja-build pkg-config git openssl ca-certificates
  qt6-base-dev qt6-base-dev-tools qt6-declarative-dev qt6-declarative-dev-tools
  qt6-httpserver-dev qt6-websockets-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qml6-module-qtqml qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtqml-workerscript
  qml6-module-qtqml-models qml6-module-qttest qml6-module-qtcharts qml6-module-qtquick-dialogs
  # Qt's own file dialog (no platform one: offscreen, Linux without a desktop theme) lists folders
  # with it; without it "Save as PDF" opens nothing.
  qml6-module-qt-labs-folderlistmodel
  # StandardPaths in QML (import QtCore): the save dialog opens in the user's Documents folder.
  qml6-module-qtcore
  libqt6svg6 qt6-qpa-plugins
  qt6-pdf-dev
  qtkeychain-qt6-dev libsodium-dev libpq-dev zlib1g-dev
  postgresql postgresql-client nginx-light
  clang-format clang-tidy
  clang libclang-rt-14-dev
  fonts-dejavu-core poppler-utils python3-openpyxl
  libquazip1-qt6-dev libxlsxwriter-dev
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# SQLCipher 4 lives only in bookworm-backports (bookworm's own is 3.4 on an old SQLite).
if ! dpkg-query -W -f='${Version}' libsqlcipher-dev 2>/dev/null | grep -q '^4\.'; then
  apt-get install -y -qq --no-install-recommends -t bookworm-backports libsqlcipher-dev
fi
echo "install-deps: all packages present"
