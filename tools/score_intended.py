#!/usr/bin/env python3
"""Scores extracted records against golden/intended/: what the corpus writers,
reading each article, recorded as its facts.

`newsie check` compares output with the golden records (the blessed, reviewed
output); this compares it with the human reading, so it measures accuracy
rather than change. Usage:

    build/newsie extract corpus --quiet > /tmp/records.jsonl
    tools/score_intended.py /tmp/records.jsonl [--intended golden/intended] [--show]

Per kind: true positives, false positives, false negatives, precision, recall,
F1. --show lists every disagreement. Standard library only.
"""
import argparse
import json
import os
import sys


def intended_path(root, record_id):
    # corpus/en/x.txt -> intended/en/x.json; JSONL ids batch/en-001 -> intended/batch/en-001.json
    base = record_id[:-4] if record_id.endswith(".txt") else record_id
    return os.path.join(root, base + ".json")


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    try:
        return abs(float(a) - float(b)) < 0.051
    except (TypeError, ValueError):
        return a == b


def target_key(t):
    return (t.get("metric"), t.get("value"), t.get("year"))


def match_facts(kind, expected, actual):
    """Greedy one-to-one pairing on the fields that identify a fact."""
    def same(e, a):
        if kind == "targets":
            return (e.get("metric") == a.get("metric") and close(e.get("value"), a.get("value"))
                    and e.get("year") == a.get("year"))
        if kind == "achievements":
            fields = [f for f in ("actual", "target", "rate_pct") if e.get(f) is not None]
            return bool(fields) and all(close(e.get(f), a.get(f)) for f in fields) \
                and e.get("year") == a.get("year")
        if kind == "awards":
            return e.get("grade") == a.get("grade") and e.get("year") == a.get("year")
        return False
    taken = set()
    tp, misses = 0, []
    for e in expected:
        for i, a in enumerate(actual):
            if i not in taken and same(e, a):
                taken.add(i)
                tp += 1
                break
        else:
            misses.append(e)
    extras = [a for i, a in enumerate(actual) if i not in taken]
    return tp, misses, extras


def pair_stories(expected, actual):
    """Pairs intended stories with extracted ones by district code, then order."""
    pairs, used = [], set()
    for e in expected:
        found = None
        for i, a in enumerate(actual):
            if i not in used and (a.get("district") or {}).get("code") == e.get("district"):
                found = i
                break
        if found is None:
            for i in range(len(actual)):
                if i not in used:
                    found = i
                    break
        if found is not None:
            used.add(found)
        pairs.append((e, actual[found] if found is not None else None))
    extra = [a for i, a in enumerate(actual) if i not in used]
    return pairs, extra


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("records")
    ap.add_argument("--intended", default=os.path.join(os.path.dirname(__file__), "..", "golden", "intended"))
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    kinds = ["stories", "ref_date", "district", "mayor", "targets", "achievements", "awards"]
    score = {k: [0, 0, 0] for k in kinds}
    notes = []
    with open(args.records, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    for r in records:
        path = intended_path(args.intended, r["id"])
        if not os.path.exists(path):
            notes.append(f"{r['id']}: no intended facts at {path}")
            continue
        with open(path, encoding="utf-8") as f:
            want = json.load(f)
        doc = r["id"]
        # ref_date: compare at the grain extracted (an inferred year against YYYY-01-01).
        got = r["ref_date"]["date"]
        exp = want.get("ref_date")
        ok = (got is None and exp is None) or (got is not None and exp is not None and exp.startswith(got))
        score["ref_date"][0 if ok else 1] += 1
        if not ok:
            score["ref_date"][2] += 1
            notes.append(f"{doc}: ref_date expected {exp}, got {got}")
        pairs, extra = pair_stories(want["stories"], r["stories"])
        s = score["stories"]
        s[0] += sum(1 for _, a in pairs if a is not None)
        s[2] += sum(1 for _, a in pairs if a is None)
        s[1] += len(extra)
        if len(want["stories"]) != len(r["stories"]):
            notes.append(f"{doc}: {len(want['stories'])} stories expected, {len(r['stories'])} extracted")
        for e, a in pairs:
            a = a or {"district": None, "mayor": None, "targets": [], "achievements": [], "awards": []}
            code = (a.get("district") or {}).get("code")
            if e.get("district") is None:
                if code is not None:
                    score["district"][1] += 1
                    notes.append(f"{doc}: district expected none, got {code}")
            elif code == e["district"]:
                score["district"][0] += 1
            else:
                score["district"][2] += 1
                if code is not None:
                    score["district"][1] += 1
                notes.append(f"{doc}: district expected {e['district']}, got {code}")
            m = a.get("mayor") or {}
            want_m = (e.get("mayor_ko"), e.get("mayor_en"))
            got_m = (m.get("name_ko"), m.get("name_en"))
            if want_m == (None, None):
                if got_m != (None, None):
                    score["mayor"][1] += 1
                    notes.append(f"{doc}: mayor expected none, got {got_m}")
            elif any(w is not None and w == g for w, g in zip(want_m, got_m)) and \
                    all(g is None or w is None or w == g for w, g in zip(want_m, got_m)):
                score["mayor"][0] += 1
                if want_m != got_m:
                    notes.append(f"{doc}: mayor {got_m} partly matches {want_m}")
            else:
                score["mayor"][2] += 1
                if got_m != (None, None):
                    score["mayor"][1] += 1
                notes.append(f"{doc}: mayor expected {want_m}, got {got_m}")
            for kind in ("targets", "achievements", "awards"):
                tp, misses, extras = match_facts(kind, e.get(kind, []), a.get(kind, []))
                score[kind][0] += tp
                score[kind][1] += len(extras)
                score[kind][2] += len(misses)
                for x in misses:
                    notes.append(f"{doc}: missing {kind[:-1]} {({k: v for k, v in x.items() if v is not None and k != 'evidence'})} <{x.get('evidence', '')[:70]}>")
                for x in extras:
                    notes.append(f"{doc}: extra {kind[:-1]} {({k: v for k, v in x.items() if v not in (None, []) and k not in ('evidence', 'rule')})} <{x['evidence']['text'][:70]}>")
    if args.show:
        for n in notes:
            print(n)
        print()
    print(f"{'kind':14}{'tp':>6}{'fp':>6}{'fn':>6}{'precision':>11}{'recall':>8}{'F1':>7}")
    for k in kinds:
        tp, fp, fn = score[k]
        p = tp / (tp + fp) if tp + fp else 1.0
        rc = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * p * rc / (p + rc) if p + rc else 0.0
        print(f"{k:14}{tp:>6}{fp:>6}{fn:>6}{p:>11.3f}{rc:>8.3f}{f1:>7.3f}")
    print(f"\n{len(records)} records scored against {args.intended}")


if __name__ == "__main__":
    sys.exit(main())
