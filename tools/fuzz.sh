#!/usr/bin/env bash
# Fuzzes the input surfaces of tests/fuzz with libFuzzer (docs/development.md, "Fuzzing").
#   tools/fuzz.sh                  # every target, 10 s each
#   tools/fuzz.sh 600              # every target, 10 min each (a long run, on demand)
#   tools/fuzz.sh 60 record_json   # named targets only
# Builds build-fuzz/ with clang (CAIRN_FUZZ=ON: libFuzzer, ASan, UBSan). The committed seeds in
# tests/fuzz/corpus/TARGET are read, never written; what a run learns stays in
# build-fuzz/corpus/TARGET and is reused by the next run. A crash, leak, timeout or broken
# invariant is saved to tests/fuzz/regressions/TARGET/ (commit it with the fix: the ctest
# fuzz_regression replays it from then on) and the script exits 1.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-10}
shift || true
build_dir=${CAIRN_FUZZ_BUILD_DIR:-build-fuzz}
jobs=${CAIRN_JOBS:-$(nproc)}
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for dir in tests/fuzz/corpus/*/; do targets+=("$(basename "$dir")"); done
fi

launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
fi
if [ ! -f "$build_dir/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCAIRN_FUZZ=ON \
    -DCAIRN_BUILD_TESTS=OFF -DCAIRN_BUILD_BENCH=OFF "${launcher[@]}" >/dev/null
fi
cmake --build "$build_dir" -j "$jobs" --target "${targets[@]/#/fuzz_}"

export TZ=UTC LC_ALL=C.UTF-8 CAIRN_ASSETS_DIR="$PWD/assets"
failed=()
for target in "${targets[@]}"; do
  corpus="$build_dir/corpus/$target"
  regressions="tests/fuzz/regressions/$target"
  log="$build_dir/fuzz-$target.log"
  mkdir -p "$corpus" "$regressions"
  # New inputs go to the first folder (build-fuzz); seeds and reproducers are read as well.
  if "$build_dir/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$regressions/" "$corpus" "tests/fuzz/corpus/$target" "$regressions" \
      >"$log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
    echo "fuzz $target: ${seconds} s, $runs inputs, corpus $(find "$corpus" -type f | wc -l) files, no failure"
  else
    echo "fuzz $target: FAILED; reproducer in $regressions/, log $log" >&2
    grep -m1 -E 'ERROR|fuzz invariant broken|runtime error' "$log" >&2 || tail -n 5 "$log" >&2
    failed+=("$target")
  fi
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: ${#failed[@]} target(s) failed: ${failed[*]}" >&2
  exit 1
fi
