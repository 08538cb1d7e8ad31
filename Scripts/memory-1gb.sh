#!/bin/bash
# Peak resident memory of `mrs-nlp classify` streaming a 1 GB JSONL file, generated at run time
# from the corpus (never committed) and deleted afterwards.
# usage: Scripts/memory-1gb.sh [megabytes] [jobs]   (run from the package root; release build)
set -euo pipefail
megabytes=${1:-1000}
jobs=${2:-2}
binary=.build/release/mrs-nlp
[ -x "$binary" ] || swift build -c release --product mrs-nlp
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work/big.jsonl" "$megabytes" <<'PY'
import json, sys
docs = []
for name in ("corpora/dev.jsonl", "corpora/test.jsonl"):
    for line in open(name, encoding="utf-8"):
        d = json.loads(line)
        docs.append({"kind": d["kind"], "text": d["text"]})
target = int(sys.argv[2]) * 1_000_000
written = 0
with open(sys.argv[1], "w", encoding="utf-8") as out:
    i = 0
    while written < target:
        d = docs[i % len(docs)]
        line = json.dumps({"id": f"m{i}", "kind": d["kind"], "text": d["text"]}, ensure_ascii=False) + "\n"
        out.write(line)
        written += len(line.encode("utf-8"))
        i += 1
print(f"generated {written / 1e6:.0f} MB, {i} documents", file=sys.stderr)
PY
/usr/bin/time -f "wall %e s, peak resident %M KB" "$binary" classify --input jsonl --format jsonl \
  --jobs "$jobs" "$work/big.jsonl" 2>"$work/time.txt" | wc -l
tail -1 "$work/time.txt"
