#!/usr/bin/env python3
"""Scores `mrs-nlp assert` on the public NegEx dev half (../shared/data/public/negex).

usage: python3 Scripts/negex-eval.py PATH/TO/mrs-nlp [--errors] [-- extra assert arguments]

Each row's target span is the all-caps occurrence of the concept in the sentence (the kit writes
the annotated mention in capitals; a capitalized header followed by ':' is passed over when
another capital occurrence exists), else its first case-insensitive occurrence. Rows whose concept
is not in the sentence are counted and reported, not scored. Negation is scored on negex_dev.tsv;
historical, hypothetical and family on negex_context_dev.tsv (rows whose temporality join is
'duplicate-inconsistent' are left out of temporality scoring, as SOURCE.md asks).
"""
import csv, json, subprocess, sys, pathlib

here = pathlib.Path(__file__).resolve().parent.parent
kit = here.parent / "shared" / "data" / "public" / "negex"

def rows(name):
    with open(kit / name, encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))

def span(concept, sentence):
    c = concept.strip()
    low, target = sentence.lower(), c.lower()
    starts, i = [], low.find(target)
    while i >= 0:
        starts.append(i)
        i = low.find(target, i + 1)
    if not starts:
        return None
    capitals = [s for s in starts
                if sentence[s:s + len(c)] == sentence[s:s + len(c)].upper() and any(ch.isalpha() for ch in c)]
    # A capitalized header ("ALLERGIES:") is not the annotated mention when another capital one exists.
    body = [s for s in capitals if not sentence[s + len(c):].lstrip(" ").startswith(":")]
    if body or capitals:
        s = (body or capitals)[0]
        return s, s + len(c)
    return starts[0], starts[0] + len(c)

def run(binary, data, extra):
    lines, missing = [], []
    for r in data:
        sp = span(r["Concept"], r["Sentence"])
        if sp is None:
            missing.append(r["id"])
            continue
        lines.append(json.dumps({"id": r["id"], "text": r["Sentence"], "start": sp[0], "end": sp[1]}))
    p = subprocess.run([binary, "assert", "--input", "jsonl"] + extra, input="\n".join(lines) + "\n",
                       capture_output=True, text=True)
    out = {}
    for line in p.stdout.splitlines():
        rec = json.loads(line)
        out[rec["id"]] = rec
    return out, missing

def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f

def score(pairs):
    tp = sum(1 for g, p in pairs if g and p)
    fp = sum(1 for g, p in pairs if not g and p)
    fn = sum(1 for g, p in pairs if g and not p)
    return tp, fp, fn, prf(tp, fp, fn)

def main():
    args = sys.argv[1:]
    extra = args[args.index("--") + 1:] if "--" in args else []
    args = args[:args.index("--")] if "--" in args else args
    binary = args[0]
    show = "--errors" in args
    neg = rows("negex_dev.tsv")
    out, missing = run(binary, neg, extra)
    scored = [r for r in neg if r["id"] in out and "error" not in out[r["id"]]]
    pairs = [(r["Negation"] == "Negated", out[r["id"]]["negated"]) for r in scored]
    tp, fp, fn, (p, r, f) = score(pairs)
    acc = sum(1 for g, q in pairs if g == q) / len(pairs)
    print(f"negation: {len(scored)} rows scored, {len(missing)} with the concept outside the sentence ({', '.join(missing)})")
    print(f"  accuracy {acc:.4f}  Negated precision {p:.4f} recall {r:.4f} F1 {f:.4f}  (tp {tp} fp {fp} fn {fn})")
    if show:
        for row in scored:
            g, q = row["Negation"] == "Negated", out[row["id"]]["negated"]
            if g != q:
                trig = [t["trigger"] for t in out[row["id"]]["triggers"]]
                print(f"  {'FN' if g else 'FP'} {row['id']} [{row['Concept']}] {row['Sentence'][:220]!r} {trig}")
    ctx = rows("negex_context_dev.tsv")
    out, missing = run(binary, ctx, extra)
    scored = [r for r in ctx if r["id"] in out and "error" not in out[r["id"]]]
    temporal = [r for r in scored if r["TemporalityJoin"] != "duplicate-inconsistent"]
    for flag, rows_, gold in (("historical", temporal, lambda r: r["Temporality"] == "Historical"),
                              ("hypothetical", temporal, lambda r: r["Temporality"] == "Not particular"),
                              ("family", scored, lambda r: r["Experiencer"] == "Family member")):
        tp, fp, fn, (p, r, f) = score([(gold(x), out[x["id"]][flag]) for x in rows_])
        print(f"{flag}: {len(rows_)} rows  precision {p:.4f} recall {r:.4f} F1 {f:.4f}  (tp {tp} fp {fp} fn {fn})")
        if show and flag == "historical":
            for x in rows_:
                g, q = gold(x), out[x["id"]][flag]
                if g != q:
                    trig = [t["trigger"] for t in out[x["id"]]["triggers"]]
                    print(f"  {'FN' if g else 'FP'} {x['id']} [{x['Concept']}] {x['Sentence'][:200]!r} {trig}")

if __name__ == "__main__":
    main()
