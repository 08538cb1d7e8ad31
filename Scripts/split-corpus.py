#!/usr/bin/env python3
"""Builds corpora/dev.jsonl and corpora/test.jsonl from corpora/sources/*.jsonl.

The split is deterministic: a document goes to test when the FNV-1a 32-bit hash of its id,
modulo 100, is below 36; otherwise to dev. Adding documents never moves existing ones.
Sources listed in DEV_ONLY go wholly to dev: their errors were read while the rules were tuned
(writers G to K were scored unseen first, then used to fix general language), so they must not
be measured as held out.
usage: python3 Scripts/split-corpus.py
"""
import json, pathlib

root = pathlib.Path(__file__).resolve().parent.parent / "corpora"

def fnv1a(text):
    h = 0x811C9DC5
    for b in text.encode("utf-8"):
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h

DEV_ONLY = {"orders_g", "reports_h", "mixed_i", "orders_j", "orders_k"}

dev, test = [], []
for path in sorted((root / "sources").glob("*.jsonl")):
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        doc = json.loads(line)
        held_out = path.stem not in DEV_ONLY and fnv1a(doc["id"]) % 100 < 36
        (test if held_out else dev).append(line)
for name, lines in (("dev", dev), ("test", test)):
    (root / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(name, len(lines))
