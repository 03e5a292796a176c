// Decimal: an exact decimal value m * 10^-frac, as written in the text.
//
// Scaling by 만/억/billion shifts the decimal point instead of multiplying
// doubles, so "87.4억" is exactly 8740000000 and "1.5 billion" 1500000000.
// Every operation reports overflow (beyond int64) by returning false.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "pipeline/number.h"

namespace newsie::quantities {

struct Decimal {
  int64_t m = 0;
  int frac = 0;  // digits after the point

  // Parses ASCII digits with optional thousands commas and one decimal point
  // starting at `pos`; returns the end, or `pos` when there is no digit.
  static size_t Parse(std::string_view t, size_t pos, Decimal* out, bool* had_comma = nullptr);

  bool MulPow10(int k);
  bool Add(const Decimal& o);
  bool Negate() {
    m = -m;
    return true;
  }
  bool IsZero() const { return m == 0; }
  // Integral when no fractional digits remain, else the shortest double for
  // the written digits (std::from_chars on the decimal string).
  Number ToNumber() const;
};

}  // namespace newsie::quantities
