#!/usr/bin/env python3
"""Writes one large document for memory measurements (docs/limits.md).

The team's articles (corpus/), Korean and English alternating, are put one
after another until the document is as large as asked (by default just under
the 16 MiB --max-bytes default, so `newsie extract` takes it whole), then
encoded as asked: UTF-8 (optionally with a BOM and CRLF line ends), UTF-16LE
with a BOM, or EUC-KR (characters EUC-KR lacks become '?'). The same arguments
give the same bytes.

  tools/bench/make_big_document.py --out /tmp/big/utf8.txt
  tools/bench/make_big_document.py --out /tmp/big/utf16.txt --encoding utf-16
  tools/bench/make_big_document.py --out /tmp/big/euckr.txt --encoding euc-kr
  /usr/bin/time -f %M build/newsie extract /tmp/big/utf8.txt --jobs 1 -o /tmp/big/out.jsonl

Python 3 standard library only.
"""

import argparse
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from make_corpus import load_templates  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, type=pathlib.Path)
    parser.add_argument("--bytes", type=int, default=16 * 1024 * 1024 - 4096,
                        help="size to stay under, encoded (default: 16 MiB - 4 KiB)")
    parser.add_argument("--encoding", choices=["utf-8", "utf-16", "euc-kr"], default="utf-8")
    parser.add_argument("--bom", action="store_true", help="UTF-8 only: start with EF BB BF")
    parser.add_argument("--crlf", action="store_true", help="CR LF line ends")
    args = parser.parse_args()

    templates = load_templates(ROOT / "corpus")
    ko = [text for lang, text in templates if lang == "ko"]
    en = [text for lang, text in templates if lang == "en"]
    ordered = [t for pair in zip(ko, en) for t in pair] + ko[len(en):] + en[len(ko):]

    def encode(text):
        if args.crlf:
            text = text.replace("\r\n", "\n").replace("\n", "\r\n")
        if args.encoding == "utf-16":
            return text.encode("utf-16-le")
        if args.encoding == "euc-kr":
            return text.encode("euc-kr", errors="replace")
        return text.encode("utf-8")

    head = {"utf-16": b"\xff\xfe", "euc-kr": b"", "utf-8": b"\xef\xbb\xbf" if args.bom else b""}
    parts = [head[args.encoding]]
    size = len(parts[0])
    separator = encode("\n\n")
    i = 0
    while True:
        piece = encode(ordered[i % len(ordered)]) + separator
        if size + len(piece) > args.bytes:
            break
        parts.append(piece)
        size += len(piece)
        i += 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(b"".join(parts))
    print(f"{args.out}: {size} bytes, {i} articles, {args.encoding}", file=sys.stderr)


if __name__ == "__main__":
    main()
