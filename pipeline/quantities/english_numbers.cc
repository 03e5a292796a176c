#include "pipeline/quantities/english_numbers.h"

#include "pipeline/quantities/text_scan.h"

namespace newsie::quantities {
namespace {

const Phrase* NumberWord(std::string_view t, size_t pos, const QuantityTables& tables,
                         size_t* end) {
  char buf[24];
  const std::string_view w = LatinWordAt(t, pos, buf, sizeof buf, end);
  if (w.empty()) return nullptr;
  const auto it = tables.en_numbers.find(w);
  return it == tables.en_numbers.end() ? nullptr : &it->second;
}

}  // namespace

std::string_view LatinWordAt(std::string_view t, size_t pos, char* buf, size_t cap, size_t* end) {
  size_t p = pos;
  while (p < t.size() && IsAlpha(t[p])) ++p;
  *end = p;
  if (p == pos || p - pos > cap) return {};
  for (size_t i = pos; i < p; ++i) buf[i - pos] = Lower(t[i]);
  return std::string_view(buf, p - pos);
}

bool ParseEnglishScale(std::string_view t, size_t pos, const QuantityTables& tables, int* power,
                       size_t* end) {
  const size_t p = SkipOneSpace(t, pos);
  size_t e;
  const Phrase* w = NumberWord(t, p, tables, &e);
  if (!w || w->kind != "scale") return false;
  *power = w->value;
  *end = e;
  return true;
}

bool ParseEnglishNumber(std::string_view t, size_t pos, const QuantityTables& tables,
                        EnglishNumber* out) {
  int64_t total = 0, cur = 0;
  bool any = false;
  size_t p = pos, good_end = pos;
  int last_small = -1;  // value of the last ones/tens word, -1 after a scale
  while (true) {
    size_t e;
    const Phrase* w = NumberWord(t, p, tables, &e);
    if (!w) break;
    if (w->kind == "ones") {
      if (last_small >= 0 && !(last_small >= 20 && last_small % 10 == 0 && w->value < 10)) break;
      cur += w->value;
      last_small = w->value;
    } else if (w->kind == "tens") {
      if (last_small >= 0) break;
      cur += w->value;
      last_small = w->value;
    } else if (w->kind == "scale") {
      if (!any) break;
      if (w->value == 2) {
        if (cur == 0 || cur >= 100) break;
        cur *= 100;
      } else {
        int64_t scaled = cur;
        for (int i = 0; i < w->value; ++i) {
          if (__builtin_mul_overflow(scaled, int64_t{10}, &scaled)) return false;
        }
        total += scaled;
        cur = 0;
      }
      last_small = -1;
    } else if (w->kind == "ordinal" || w->kind == "denominator") {
      const bool can_denominate = w->kind == "denominator" || w->tag == "denominator";
      const bool can_ordinal = w->kind == "ordinal" || w->tag == "ordinal";
      const bool compound = last_small >= 20 && last_small % 10 == 0 && w->value < 10;
      if (any && last_small >= 0 && can_denominate && !(compound && can_ordinal)) {
        // "one third", "two-thirds"
        out->kind = EnglishNumber::Kind::kFraction;
        out->fraction = Number::Real(static_cast<double>(total + cur) / w->value);
        out->end = e;
        return true;
      }
      if (can_ordinal && (!any || compound || last_small < 0)) {
        // third, twenty-first, one hundred and fifth
        out->kind = EnglishNumber::Kind::kOrdinal;
        out->value = Decimal{total + cur + w->value, 0};
        out->end = e;
        return true;
      }
      break;
    } else {
      break;
    }
    any = true;
    good_end = e;
    // Words join with a space or a hyphen; "and" may follow "hundred".
    p = e;
    if (p < t.size() && (t[p] == ' ' || t[p] == '-')) {
      ++p;
      if (StartsWithIcase(t, p, "and ") && last_small < 0) p += 4;
    } else {
      break;
    }
  }
  if (!any) return false;
  out->kind = EnglishNumber::Kind::kCardinal;
  out->value = Decimal{total + cur, 0};
  out->end = good_end;
  return true;
}

}  // namespace newsie::quantities
