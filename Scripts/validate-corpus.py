#!/usr/bin/env python3
"""Validate corpus JSONL files against ../shared/ANNOTATION.md conventions.
usage: python3 Scripts/validate-corpus.py FILE.jsonl [...]"""
import json, sys
INDICATIONS = ["recurrence-vs-treatment-effect", "tumor-vs-non-tumor"]
OTHER = {"epilepsy","dementia","movement-disorder","multiple-sclerosis","psychiatric","neurometabolic",
         "muscle","prostate","breast","chest-pain","liver","brain-injury","neonatal-hie","tumor-grading","other"}
FINDINGS = {None,"favors-tumor","favors-treatment-effect","favors-non-tumor","indeterminate"}
CONCEPTS = {"brain-tumor","treatment","treatment-effect","recurrence","brain-lesion","non-tumor-diagnosis",
            "other-indication","spectroscopy"}
FLAGS = ["negated","uncertain","historical","hypothetical","family"]
ANALYTE_PARTS = {"NAA","Cho","Cr","mI","Lac","Lip","Glx","Ala","2HG","LipLac"}
bad = 0; seen = set(); n = 0; nm = 0
def err(f, i, m):
    global bad; bad += 1; print(f"{f}:{i}: {m}")
for f in sys.argv[1:]:
    for i, line in enumerate(open(f, encoding="utf-8"), 1):
        if not line.strip(): continue
        try: d = json.loads(line)
        except Exception as e: err(f, i, f"not JSON: {e}"); continue
        n += 1
        for k in ("id","kind","text","gold"):
            if k not in d: err(f, i, f"missing {k}")
        if d.get("id") in seen: err(f, i, f"duplicate id {d.get('id')}")
        seen.add(d.get("id"))
        if d.get("kind") not in ("order","report"): err(f, i, "kind must be order|report")
        g = d.get("gold", {}); t = d.get("text", "")
        dec = g.get("decision"); ind = g.get("indications", []); oth = g.get("other_indications", [])
        if dec not in ("meets-criteria","does-not-meet","needs-review"): err(f, i, f"bad decision {dec}")
        if ind != [x for x in INDICATIONS if x in ind] or len(set(ind)) != len(ind): err(f, i, f"indications {ind} not subset in order")
        if any(o not in OTHER for o in oth) or oth != sorted(set(oth)): err(f, i, f"other_indications {oth} bad or unsorted")
        if ind and dec != "meets-criteria": err(f, i, "indications but not meets-criteria")
        if not ind and oth and dec != "does-not-meet": err(f, i, "other_indications, no indications, but not does-not-meet")
        if not ind and not oth and dec != "needs-review": err(f, i, "no labels but not needs-review")
        sf = g.get("spectroscopy_finding")
        if sf not in FINDINGS: err(f, i, f"bad spectroscopy_finding {sf}")
        if sf and d.get("kind") != "report": err(f, i, "spectroscopy_finding on an order")
        for m in g.get("measurements", []):
            a = m.get("analyte", "")
            if "/" not in a or any(p not in ANALYTE_PARTS for p in a.split("/")): err(f, i, f"bad analyte {a}")
            if not isinstance(m.get("value"), (int, float)): err(f, i, f"value not a number {m}")
        ms = g.get("mentions")
        if ms is not None:
            nm += 1
            for m in ms:
                s, e = m.get("start"), m.get("end")
                if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(t)): err(f, i, f"bad span {m}"); continue
                if "text" in m and t[s:e] != m["text"]: err(f, i, f"span text {t[s:e]!r} != {m['text']!r}")
                if t[s:e] != t[s:e].strip(): err(f, i, f"span has outer whitespace {t[s:e]!r}")
                if m.get("concept") not in CONCEPTS: err(f, i, f"bad concept {m.get('concept')}")
                if m.get("concept") == "other-indication" and m.get("category") not in OTHER: err(f, i, f"other-indication mention needs category: {m}")
                for fl in FLAGS:
                    if fl in m and not isinstance(m[fl], bool): err(f, i, f"flag {fl} not bool")
print(f"{n} documents, {nm} with gold mentions, {bad} problem(s)")
sys.exit(1 if bad else 0)
