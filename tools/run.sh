#!/usr/bin/env bash
# The README's run command: installs what Cairn needs, builds it, and launches the tablet app on a
# local encrypted registry. On first run it creates that registry and seeds it with a synthetic
# demo clinic (no real people). Safe to run twice: an existing registry is opened, never replaced.
#   tools/run.sh                  # the app
#   CAIRN_DATA_DIR=/some/dir tools/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh

build_dir=${CAIRN_BUILD_DIR:-build}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build_dir" -j "${CAIRN_JOBS:-$(nproc)}" --target cairn cairnctl

export CAIRN_DATA_DIR=${CAIRN_DATA_DIR:-$HOME/.local/share/cairn-demo}
# A machine without a desktop keyring (a server, a container) keeps the device secret in a
# file-backed keystore; cairnctl and the app both warn when that is the case.
if [ -z "${CAIRN_KEYSTORE:-}" ] && [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  export CAIRN_KEYSTORE="file:$CAIRN_DATA_DIR/keystore"
fi
db="$CAIRN_DATA_DIR/registry.db"
if [ ! -f "$db" ]; then
  mkdir -p -m 700 "$CAIRN_DATA_DIR"
  "$build_dir/tools/cairnctl/cairnctl" --db "$db" demo-setup
fi
# No display? Render offscreen so the command still proves the app starts (see README).
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "run: no display found; starting with QT_QPA_PLATFORM=offscreen (use --screenshots DIR to see it)" >&2
  export QT_QPA_PLATFORM=offscreen
fi
exec "$build_dir/qml/cairn" --db "$db" "$@"
