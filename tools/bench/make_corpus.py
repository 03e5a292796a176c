#!/usr/bin/env python3
"""Writes a synthetic corpus for benchmarks and batch tests.

The team's articles (corpus/) are the templates. Each generated document takes
one (or, for a roundup, several) and varies it: another local government from
lexicons/districts.tsv in place of the article's own, other numbers with the
same number of digits, years shifted together, a sidecar date for some, and
the bytes encoded as UTF-8, EUC-KR/CP949 (Korean) or UTF-16 with a BOM.
The same --seed gives the same corpus, byte for byte.

  tools/bench/make_corpus.py --out /tmp/bench-10k --count 10000 --seed 1
  tools/bench/make_corpus.py --out /tmp/b.jsonl --count 2000 --jsonl

Folder output: OUT/NNNN/doc-NNNNNNN.txt (1000 per folder) plus some
doc-NNNNNNN.meta.json sidecars. JSONL output: one {"id", "text", "date"?}
per line (text is Unicode there, so the encoding does not vary).
Python 3 standard library only.
"""

import argparse
import json
import pathlib
import random
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]


def decode(raw):
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    if raw.startswith(b"\xff\xfe") or raw.startswith(b"\xfe\xff"):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp949", errors="replace")


def lang_of(text):
    """ko when more than a twentieth of the text is Hangul syllables, else en."""
    hangul = sum(1 for c in text if "\uac00" <= c <= "\ud7a3")
    return "ko" if hangul > len(text) // 20 else "en"


def load_templates(corpus):
    templates = []
    for path in sorted(corpus.rglob("*")):
        if path.name.startswith(".") or path.name.endswith(".meta.json"):
            continue
        if path.suffix == ".txt":
            text = decode(path.read_bytes())
            # The team's corpus keeps its languages in ko/ and en/; elsewhere
            # (the seeds) the share of Hangul tells.
            if "/ko/" in path.as_posix() or "/en/" in path.as_posix():
                lang = "ko" if "/ko/" in path.as_posix() else "en"
            else:
                lang = lang_of(text)
            templates.append((lang, text))
        elif path.suffix == ".jsonl":
            for line in path.read_text(encoding="utf-8").splitlines():
                if not line.strip():
                    continue
                record = json.loads(line)
                text = record.get("text")
                if text:
                    templates.append((lang_of(text), text))
    return templates


def load_districts(lexicons):
    rows = []
    for line in (lexicons / "districts.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("code\t"):
            continue
        cols = line.split("\t")
        if len(cols) < 6:
            continue
        code, level, region_ko, region_en, name_ko, name_en = cols[:6]
        rows.append({"code": code, "level": level, "region_ko": region_ko,
                     "region_en": region_en, "name_ko": name_ko, "name_en": name_en})
    return rows


def own_district(text, lang, districts):
    """The template's own government: the earliest (then longest) name in it."""
    best = None
    key = "name_ko" if lang == "ko" else "name_en"
    for d in districts:
        name = d[key]
        if len(name) < 2:
            continue
        at = text.find(name)
        if at < 0:
            continue
        rank = (at, -len(name))
        if best is None or rank < best[0]:
            best = (rank, d)
    return best[1] if best else None


YEAR = re.compile(r"(?<!\d)(20[12]\d)(?!\d)")
NUMBER = re.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?![\d,])|(?<![\d.,])\d{2,}(?![\d,])")


def vary_numbers(text, rng):
    def number(m):
        s = m.group(0)
        if YEAR.fullmatch(s):
            return s
        out = []
        first = True
        for c in s:
            if c.isdigit():
                out.append(str(rng.randint(1, 9)) if first else str(rng.randint(0, 9)))
                first = False
            else:
                out.append(c)
        return "".join(out)

    return NUMBER.sub(number, text)


def vary(lang, text, rng, districts):
    own = own_district(text, lang, districts)
    if own:
        other = rng.choice([d for d in districts if d["level"] == own["level"]] or districts)
        for key in ("name_ko", "name_en") if lang == "ko" else ("name_en", "name_ko"):
            if own[key] and other[key]:
                text = text.replace(own[key], other[key])
        if own["level"] == "basic":
            for key in ("region_ko", "region_en"):
                if own[key] and other[key] and len(own[key]) >= 2:
                    text = text.replace(own[key], other[key])
    shift = rng.randint(-3, 1)
    text = YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
    return vary_numbers(text, rng), shift


def encode(lang, text, rng):
    roll = rng.random()
    if lang == "ko" and roll < 0.2:
        for codec in ("euc_kr", "cp949"):
            try:
                return text.encode(codec)
            except UnicodeEncodeError:
                pass
    if roll > 0.95:
        return b"\xff\xfe" + text.encode("utf-16-le")
    return text.encode("utf-8")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, help="folder (or .jsonl file with --jsonl)")
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jsonl", action="store_true", help="write one JSONL file")
    ap.add_argument("--roundups", type=float, default=0.1,
                    help="share of documents made of several articles")
    ap.add_argument("--corpus", default=str(ROOT / "corpus"))
    ap.add_argument("--lexicons", default=str(ROOT / "lexicons"))
    args = ap.parse_args()

    rng = random.Random(args.seed)
    templates = load_templates(pathlib.Path(args.corpus))
    districts = load_districts(pathlib.Path(args.lexicons))
    if not templates or not districts:
        sys.exit("make_corpus: no templates or no districts found")

    out = pathlib.Path(args.out)
    jsonl = None
    if args.jsonl:
        out.parent.mkdir(parents=True, exist_ok=True)
        jsonl = out.open("w", encoding="utf-8", newline="\n")
    else:
        out.mkdir(parents=True, exist_ok=True)

    total = 0
    for i in range(args.count):
        parts = rng.randint(2, 4) if rng.random() < args.roundups else 1
        picked = [rng.choice(templates) for _ in range(parts)]
        texts, shift = [], 0
        for lang, text in picked:
            varied, shift = vary(lang, text, rng, districts)
            texts.append(varied.strip("\n"))
        lang = picked[0][0] if len({p[0] for p in picked}) == 1 else "mixed"
        text = "\n\n\n".join(texts) + "\n"
        date = None
        if rng.random() < 0.3:
            date = "%04d-%02d-%02d" % (2023 + shift, rng.randint(1, 12), rng.randint(1, 28))
        doc_id = "%04d/doc-%07d" % (i // 1000, i)
        if jsonl:
            record = {"id": doc_id, "text": text}
            if date:
                record["date"] = date
            line = json.dumps(record, ensure_ascii=False) + "\n"
            jsonl.write(line)
            total += len(line.encode("utf-8"))
        else:
            path = out / (doc_id + ".txt")
            path.parent.mkdir(exist_ok=True)
            raw = encode(lang, text, rng)
            path.write_bytes(raw)
            total += len(raw)
            if date:
                meta = json.dumps({"date": date}) + "\n"
                (out / (doc_id + ".meta.json")).write_text(meta, encoding="utf-8")
    if jsonl:
        jsonl.close()
    print("make_corpus: %d documents, %.1f MB in %s" % (args.count, total / 1e6, out),
          file=sys.stderr)


if __name__ == "__main__":
    main()
