#!/usr/bin/env python3
"""Prints the label counts of corpora/dev.jsonl and corpora/test.jsonl as a Markdown table.
usage: python3 Scripts/corpus-stats.py"""
import json, collections, pathlib
root = pathlib.Path(__file__).resolve().parent.parent / "corpora"
rows = collections.OrderedDict()
totals = {}
for split in ("dev", "test"):
    docs = [json.loads(l) for l in (root / f"{split}.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    c = collections.Counter()
    for d in docs:
        g = d["gold"]
        c["documents"] += 1
        c[f"kind: {d['kind']}"] += 1
        c[f"decision: {g['decision']}"] += 1
        for i in g.get("indications", []): c[f"indication: {i}"] += 1
        for o in g.get("other_indications", []): c[f"other: {o}"] += 1
        c[f"spectroscopy_finding: {g.get('spectroscopy_finding') or 'absent'}"] += 1
        c["measurements"] += len(g.get("measurements", []))
        if "mentions" in g:
            c["documents with gold mentions"] += 1
            c["gold mentions"] += len(g["mentions"])
    totals[split] = c
keys = sorted(set(totals["dev"]) | set(totals["test"]), key=lambda k: (k.split(":")[0] != "documents", k))
print("| label | dev | test |\n|---|---|---|")
for k in keys:
    print(f"| {k} | {totals['dev'].get(k, 0)} | {totals['test'].get(k, 0)} |")
