#!/usr/bin/env bash
# The README's test command: installs what Cairn needs, builds everything and runs every test.
# Safe to run twice; incremental after the first run. Run as root on Debian bookworm.
#   tools/test.sh                 # everything
#   tools/test.sh -L unit         # extra arguments go to ctest
#   CAIRN_FUZZ_SECONDS=0 tools/test.sh   # skip the short fuzz pass (default 10 s per target, tools/fuzz.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh

build_dir=${CAIRN_BUILD_DIR:-build}
jobs=${CAIRN_JOBS:-$(nproc)}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCAIRN_BUILD_TESTS=ON
cmake --build "$build_dir" -j "$jobs"

export TZ=UTC QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8
ctest --test-dir "$build_dir" --output-on-failure -j "$jobs" --timeout 600 "$@"

# A short libFuzzer pass over every input surface; longer runs on demand with tools/fuzz.sh SECONDS.
fuzz_seconds=${CAIRN_FUZZ_SECONDS:-10}
if [ "$fuzz_seconds" -gt 0 ]; then
  CAIRN_JOBS="$jobs" bash tools/fuzz.sh "$fuzz_seconds"
fi
