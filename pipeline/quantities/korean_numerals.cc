#include "pipeline/quantities/korean_numerals.h"

#include <optional>

#include "pipeline/quantities/text_scan.h"

namespace newsie::quantities {
namespace {

enum class Last { kNone, kDigits, kSinoDigit, kUnit, kScale };

}  // namespace

bool NumeralMayEndAt(std::string_view t, size_t pos, const QuantityTables& tables) {
  if (pos >= t.size()) return true;
  const uint32_t cp = CodePointAt(t, pos);
  if (!IsHangulSyllable(cp)) return true;
  // A calendar suffix (이천이십사년, 삼월, 삼분기).
  auto calendar = [&] {
    return StartsWith(t, pos, kKoYear) || StartsWith(t, pos, kKoMonth) ||
           StartsWith(t, pos, kKoQuarter);
  };
  if (!(tables.HangulOpeners(cp) & QuantityTables::kFollowsNumeral)) return calendar();
  if (tables.sino_unit.count(cp) || tables.sino_scale.count(cp)) return true;
  return tables.ko_words.Match(t, pos) != nullptr || tables.units.Match(t, pos) != nullptr ||
         tables.approx.Match(t, pos, "after") != nullptr || calendar();
}

bool ParseKoreanNumber(std::string_view t, size_t pos, const QuantityTables& tables,
                       KoreanNumber* out) {
  KoreanNumber m;
  Decimal total, section;
  std::optional<Decimal> cur;
  int last_scale = 99;
  Last last = Last::kNone;
  size_t p = pos, good_end = pos;
  Decimal good_value;
  auto value_now = [&]() -> std::optional<Decimal> {
    Decimal v = total;
    if (!v.Add(section)) return std::nullopt;
    if (cur && !v.Add(*cur)) return std::nullopt;
    return v;
  };
  auto mark_good = [&]() -> bool {
    auto v = value_now();
    if (!v) return false;
    good_value = *v;
    good_end = p;
    return true;
  };
  while (p < t.size()) {
    const char c = t[p];
    if (IsDigit(c)) {
      if (cur || !(last == Last::kNone || last == Last::kUnit || last == Last::kScale)) break;
      Decimal d;
      bool comma = false;
      const size_t e = Decimal::Parse(t, p, &d, &comma);
      if (e == p) break;
      m.had_comma |= comma;
      cur = d;
      p = e;
      last = Last::kDigits;
      m.has_digits = true;
      if (!mark_good()) return false;
      continue;
    }
    if (c == ' ') {
      if (!(last == Last::kUnit || last == Last::kScale) || p + 1 >= t.size()) break;
      const size_t q = p + 1;
      const uint32_t next = CodePointAt(t, q);
      if (IsDigit(t[q]) || tables.sino_digit.count(next) || tables.sino_unit.count(next)) {
        p = q;
        continue;
      }
      break;
    }
    size_t len;
    const uint32_t cp = CodePointAt(t, p, &len);
    if (!IsHangulSyllable(cp)) break;
    // Most syllables are no numeral: one table look-up says so, before three hash look-ups.
    const bool sino = tables.HangulOpeners(cp) & QuantityTables::kOpensSino;
    if (auto it = sino ? tables.sino_digit.find(cp) : tables.sino_digit.end();
        it != tables.sino_digit.end()) {
      if (cur || last == Last::kDigits || last == Last::kSinoDigit) break;
      if (!NumeralMayEndAt(t, p + len, tables)) break;
      cur = Decimal{it->second, 0};
      p += len;
      last = Last::kSinoDigit;
      ++m.syllables;
      if (!mark_good()) return false;
      continue;
    }
    if (auto it = sino ? tables.sino_unit.find(cp) : tables.sino_unit.end();
        it != tables.sino_unit.end()) {
      // Units inside a section must fall: 천 before 백 before 십.
      Decimal v = cur ? *cur : Decimal{1, 0};
      if (!v.MulPow10(it->second) || !section.Add(v)) return false;
      cur.reset();
      p += len;
      last = Last::kUnit;
      m.scaled = true;
      ++m.syllables;
      if (!mark_good()) return false;
      continue;
    }
    if (auto it = sino ? tables.sino_scale.find(cp) : tables.sino_scale.end();
        it != tables.sino_scale.end()) {
      if (it->second >= last_scale) break;
      Decimal v = section;
      if (cur) {
        if (!v.Add(*cur)) return false;
      } else if (section.IsZero()) {
        v = Decimal{1, 0};
      }
      if (!v.MulPow10(it->second) || !total.Add(v)) return false;
      section = Decimal{};
      cur.reset();
      last_scale = it->second;
      p += len;
      last = Last::kScale;
      m.scaled = true;
      ++m.syllables;
      if (!mark_good()) return false;
      continue;
    }
    if (last != Last::kNone && !m.approx) {
      if (const Phrase* w = tables.ko_words.Match(t, p, "approx_infix")) {
        const size_t next = p + w->text.size();
        const uint32_t ncp = CodePointAt(t, next);
        if (tables.sino_scale.count(ncp) || tables.sino_unit.count(ncp)) {
          m.approx = true;
          p = next;
          continue;
        }
        if (next >= t.size() || !IsHangulSyllable(ncp) || NumeralMayEndAt(t, next, tables)) {
          m.approx = true;
          p = next;
          good_end = p;
        }
      }
    }
    break;
  }
  if (good_end == pos) return false;
  m.value = good_value;
  m.end = good_end;
  *out = m;
  return true;
}

bool ParseNativeNumber(std::string_view t, size_t pos, const QuantityTables& tables,
                       NativeNumber* out) {
  NativeNumber n;
  size_t p = pos;
  const Phrase* tens = tables.native_tens.Match(t, pos);
  if (tens) {
    n.value = tens->value;
    n.form = tens->tag;
    p += tens->text.size();
  }
  const Phrase* ones = tables.native_ones.Match(t, p);
  if (ones && !(tens && ones->tag == "ordinal")) {
    n.value += ones->value;
    n.form = ones->tag;
    p += ones->text.size();
  } else if (!tens) {
    return false;
  }
  n.end = p;
  *out = n;
  return true;
}

}  // namespace newsie::quantities
