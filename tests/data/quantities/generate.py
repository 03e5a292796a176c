#!/usr/bin/env python3
"""Writes the generated part of the quantities example tables (gen_*.tsv).

The values are computed here, independently of the C++ finder, from numbers
written out in Korean and English notation. Hand-written cases live in
ko.tsv, en.tsv and negative.tsv. Run from this folder; fixed seed.
"""
import random

random.seed(20240305)
HEADER = "lang\ttext\tkind\tspan_text\tvalue\tunit\tapprox\tdate\n"
DIG = "영일이삼사오육칠팔구"
SCALES = [(10**12, "조"), (10**8, "억"), (10**4, "만")]


def sino_section(n, explicit_one):
    out = ""
    for unit, name in ((1000, "천"), (100, "백"), (10, "십")):
        d = n // unit
        n %= unit
        if d:
            out += ("" if d == 1 and not explicit_one else DIG[d]) + name
    if n:
        out += DIG[n]
    return out


def sino(n, explicit_one=False):
    if n == 0:
        return "영"
    out = ""
    for unit, name in SCALES:
        s = n // unit
        n %= unit
        if s:
            sec = sino_section(s, explicit_one)
            if s == 1 and not explicit_one:
                sec = ""
            out += sec + name
    return out + sino_section(n, explicit_one)


def mixed(n, spaces, commas):
    if n == 0:
        return "0"
    parts = []
    for unit, name in SCALES:
        s = n // unit
        n %= unit
        if s:
            parts.append((f"{s:,}" if commas else str(s)) + name)
    if n:
        parts.append(f"{n:,}" if commas else str(n))
    return (" " if spaces else "").join(parts)


NATIVE_TENS = {10: "열", 20: "스물", 30: "서른", 40: "마흔", 50: "쉰", 60: "예순", 70: "일흔", 80: "여든", 90: "아흔"}
NATIVE_ONES_ATTR = {1: "한", 2: "두", 3: "세", 4: "네", 5: "다섯", 6: "여섯", 7: "일곱", 8: "여덟", 9: "아홉"}

EN_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
EN_TENS = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy", 8: "eighty", 9: "ninety"}


def en_words(n):
    if n < 20:
        return EN_ONES[n]
    if n < 100:
        return EN_TENS[n // 10] + ("-" + EN_ONES[n % 10] if n % 10 else "")
    if n < 1000:
        return EN_ONES[n // 100] + " hundred" + (" " + en_words(n % 100) if n % 100 else "")
    return en_words(n // 1000) + " thousand" + (" " + en_words(n % 1000) if n % 1000 else "")


rows = []
counters = ["개", "명", "곳", "건", "개소"]
for i in range(60):
    n = random.choice([random.randint(1, 9999), random.randint(10**4, 10**8), random.randint(10**8, 10**13)])
    t = mixed(n, spaces=i % 3 == 0, commas=i % 2 == 0)
    c = counters[i % len(counters)]
    rows.append(("ko", f"올해 {t}{c}를 만든다", "number", t + c, str(n), "", "", ""))
for i in range(20):
    n = random.randint(1, 10**6) * 10**random.choice([4, 8])
    t = mixed(n, spaces=i % 2 == 0, commas=i % 3 == 0)
    sp = " " if i % 2 else ""
    cur, iso = [("원", "KRW"), ("달러", "USD"), ("엔", "JPY"), ("유로", "EUR"), ("위안", "CNY"), ("파운드", "GBP")][i % 6]
    rows.append(("ko", f"예산 {t}{sp}{cur}을 투입한다", "money", f"{t}{sp}{cur}", str(n), iso, "", ""))
for i in range(40):
    n = random.choice([random.randint(11, 9999), random.randint(10**4, 10**9), random.randint(10**9, 10**15)])
    t = sino(n, explicit_one=i % 2 == 0)
    rows.append(("ko", f"모두 {t} 명이다", "number", t + " 명", str(n), "", "", ""))
for i in range(1, 100, 3):
    tens, ones = (i // 10) * 10, i % 10
    word = NATIVE_TENS.get(tens, "") + (NATIVE_ONES_ATTR[ones] if ones else "")
    c = ["명", "곳", "개", "가지"][i % 4]
    rows.append(("ko", f"참여자 {word} {c}이 모였다", "number", f"{word} {c}", str(i), "", "", ""))
for i in range(30):
    n = random.randint(1, 999999)
    w = en_words(n)
    noun = ["jobs", "people", "companies", "projects"][i % 4]
    rows.append(("en", f"The district will create {w} {noun} this year.", "number", w, str(n), "", "", ""))
for i in range(25):
    n = random.randint(1, 999999)
    noun = ["jobs", "people", "companies", "projects", "startups"][i % 5]
    rows.append(("en", f"It supported {n:,} {noun} last year.", "number", f"{n:,}", str(n), "", "", ""))
for i in range(20):
    whole = random.randint(1, 999)
    frac = random.randint(1, 9)
    scale, power = [("million", 6), ("billion", 9), ("trillion", 12)][i % 3]
    value = (whole * 10 + frac) * 10 ** (power - 1)
    cur = ["KRW", "won", "dollars", "USD"][i % 4]
    iso = "USD" if cur in ("dollars", "USD") else "KRW"
    rows.append(("en", f"A budget of {whole}.{frac} {scale} {cur} was set.", "money", f"{whole}.{frac} {scale} {cur}", str(value), iso, "", ""))
for i in range(15):
    a = random.randint(0, 99)
    b = random.randint(1, 9)
    pct = ["%", " percent", " per cent"][i % 3]
    rows.append(("en", f"The rate reached {a}.{b}{pct} in the survey.", "percent", f"{a}.{b}{pct}", f"{a}.{b}", "", "", ""))
for i in range(15):
    a = random.randint(0, 99)
    b = random.randint(1, 9)
    pct = ["%", "퍼센트", "프로"][i % 3]
    rows.append(("ko", f"고용률은 {a}.{b}{pct}로 나타났다", "percent", f"{a}.{b}{pct}", f"{a}.{b}", "", "", ""))
for i in range(20):
    y = random.randint(2010, 2030)
    m = random.randint(1, 12)
    d = random.randint(1, 28)
    forms = [(f"{y}년 {m}월 {d}일", f"{y}-{m:02d}-{d:02d}"), (f"{y}.{m}.{d}", f"{y}-{m:02d}-{d:02d}"),
             (f"{y}년 {m}월", f"{y}-{m:02d}"), (f"{y}. {m}. {d}.", f"{y}-{m:02d}-{d:02d}")]
    text, iso = forms[i % 4]
    rows.append(("ko", f"행사는 {text} 열렸다", "date", text, "", "", "", iso))
MONTHS = "January February March April May June July August September October November December".split()
for i in range(15):
    y = random.randint(2010, 2030)
    m = random.randint(1, 12)
    d = random.randint(1, 28)
    forms = [(f"{MONTHS[m-1]} {d}, {y}", f"{y}-{m:02d}-{d:02d}"), (f"{d} {MONTHS[m-1]} {y}", f"{y}-{m:02d}-{d:02d}"),
             (f"{MONTHS[m-1]} {y}", f"{y}-{m:02d}")]
    text, iso = forms[i % 3]
    rows.append(("en", f"The fair was held on {text} at the hall.", "date", text, "", "", "", iso))

with open("gen_cases.tsv", "w", encoding="utf-8") as f:
    f.write("# Generated by generate.py (fixed seed): do not edit by hand.\n")
    f.write(HEADER)
    for r in rows:
        f.write("\t".join(r) + "\n")
print(len(rows), "rows")
