// Korean numbers: Arabic digits mixed with the large-number units
// (1만1473, 1만 4,955, 1억 2천만, 87.4억), Sino-Korean numerals (이천칠백사십오억,
// 오백팔십일만구천십사) and native numerals (하나, 두, 서른다섯).
#pragma once

#include <cstddef>
#include <string_view>

#include "pipeline/quantities/decimal.h"
#include "pipeline/quantities/tables.h"

namespace newsie::quantities {

struct KoreanNumber {
  Decimal value;
  size_t end = 0;
  bool has_digits = false;  // some Arabic digits were read
  bool had_comma = false;   // 12,100
  int syllables = 0;        // written-out numeral syllables (일, 십, 만 ...)
  bool scaled = false;      // a unit (십 백 천 만 억 조) took part
  bool approx = false;      // 여 inside or right after (780여억, 100여 명)
};

// Reads the longest number at `pos` made of digits and Sino-Korean numerals.
// A space is crossed only after a unit and before more of the number
// (1만 4,955; 4천 820만). False when nothing (or something out of int64) is there.
bool ParseKoreanNumber(std::string_view t, size_t pos, const QuantityTables& tables,
                       KoreanNumber* out);

// Whether a written-out numeral may end before `pos`: a non-Hangul character,
// a numeral unit, a counter, particle, unit or date word follows.
bool NumeralMayEndAt(std::string_view t, size_t pos, const QuantityTables& tables);

struct NativeNumber {
  int value = 0;
  size_t end = 0;
  std::string_view form;  // "free" (하나, 서른다섯), "attr" (한, 두, 열한), "ordinal" (첫)
};
// 하나, 두, 열한, 스물, 서른다섯, 마흔일곱, 쉰두, 아흔셋, 첫.
bool ParseNativeNumber(std::string_view t, size_t pos, const QuantityTables& tables,
                       NativeNumber* out);

}  // namespace newsie::quantities
