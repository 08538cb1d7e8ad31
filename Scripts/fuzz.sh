#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ (with the library sources, -sanitize=fuzzer,address) and
# runs each for the given number of seconds with its committed seed corpus in Fuzz/seeds/<target>.
# New inputs go to .build/fuzz/corpus-<target>; crashes to .build/fuzz/crash-*.
# usage: Scripts/fuzz.sh [seconds per target, default 600] [target ...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(Text Readers Lexicon)
mkdir -p .build/fuzz
# Build from a snapshot, so that edits made while fuzzing runs cannot break a build.
rm -rf .build/fuzz/src && mkdir -p .build/fuzz/src && cp -R Sources/MRSNLP Fuzz .build/fuzz/src/
sources=$(find .build/fuzz/src/MRSNLP -name '*.swift' | sort)
for target in "${targets[@]}"; do
  bin=.build/fuzz/$target
  swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name MRSNLPFuzz$target \
    $sources .build/fuzz/src/Fuzz/${target}Fuzz.swift -o "$bin" > .build/fuzz/build-$target.log 2>&1 \
    || { cat .build/fuzz/build-$target.log; exit 1; }
  mkdir -p ".build/fuzz/corpus-$target"
  echo "== fuzzing $target for $seconds s"
  "$bin" -max_total_time="$seconds" -max_len=65536 -artifact_prefix=.build/fuzz/crash-$target- \
    ".build/fuzz/corpus-$target" "Fuzz/seeds/$target" 2>&1 | tail -n 5
done
