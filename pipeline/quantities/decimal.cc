#include "pipeline/quantities/decimal.h"

#include <charconv>
#include <string>

#include "pipeline/quantities/text_scan.h"

namespace newsie::quantities {

size_t Decimal::Parse(std::string_view t, size_t pos, Decimal* out, bool* had_comma) {
  Decimal d;
  size_t p = pos;
  bool any = false;
  bool overflow = false;
  auto push = [&](char c) {
    if (__builtin_mul_overflow(d.m, int64_t{10}, &d.m) ||
        __builtin_add_overflow(d.m, int64_t{c - '0'}, &d.m)) {
      overflow = true;
    }
  };
  while (p < t.size()) {
    if (IsDigit(t[p])) {
      push(t[p]);
      any = true;
      ++p;
    } else if (t[p] == ',' && any && p + 3 < t.size() + 0 && IsDigit(t[p + 1]) &&
               IsDigit(t[p + 2]) && IsDigit(t[p + 3]) &&
               (p + 4 >= t.size() || !IsDigit(t[p + 4]))) {
      if (had_comma) *had_comma = true;
      ++p;
    } else {
      break;
    }
  }
  if (!any || overflow) return pos;
  if (p + 1 < t.size() && t[p] == '.' && IsDigit(t[p + 1])) {
    ++p;
    while (p < t.size() && IsDigit(t[p])) {
      push(t[p]);
      ++d.frac;
      ++p;
    }
    if (overflow || d.frac > 17) return pos;
  }
  *out = d;
  return p;
}

bool Decimal::MulPow10(int k) {
  if (k <= frac) {
    frac -= k;
  } else {
    for (int i = frac; i < k; ++i) {
      if (__builtin_mul_overflow(m, int64_t{10}, &m)) return false;
    }
    frac = 0;
  }
  // Drop trailing zero fraction digits only when they came from scaling.
  return true;
}

bool Decimal::Add(const Decimal& o) {
  Decimal a = *this, b = o;
  while (a.frac < b.frac) {
    if (__builtin_mul_overflow(a.m, int64_t{10}, &a.m)) return false;
    ++a.frac;
  }
  while (b.frac < a.frac) {
    if (__builtin_mul_overflow(b.m, int64_t{10}, &b.m)) return false;
    ++b.frac;
  }
  if (__builtin_add_overflow(a.m, b.m, &a.m)) return false;
  *this = a;
  return true;
}

Number Decimal::ToNumber() const {
  if (frac == 0) return Number::Int(m);
  std::string digits = std::to_string(m < 0 ? -m : m);
  if (static_cast<int>(digits.size()) <= frac) digits.insert(0, frac - digits.size() + 1, '0');
  digits.insert(digits.size() - frac, ".");
  if (m < 0) digits.insert(0, "-");
  double v = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), v);
  return Number::Real(v);
}

}  // namespace newsie::quantities
