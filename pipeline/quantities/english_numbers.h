// English number words: cardinals (five, twenty-one, two thousand, one
// hundred and five), ordinals (third, twenty-first) and fractions (one third,
// two-thirds), and the scale words after digits (55 million, 1.5 billion).
#pragma once

#include <cstddef>
#include <string_view>

#include "pipeline/number.h"
#include "pipeline/quantities/decimal.h"
#include "pipeline/quantities/tables.h"

namespace newsie::quantities {

struct EnglishNumber {
  enum class Kind { kCardinal, kOrdinal, kFraction } kind = Kind::kCardinal;
  Decimal value;    // cardinal and ordinal
  Number fraction;  // kind == kFraction
  size_t end = 0;
};

// Number words starting at `pos` (a word start). False when none is there.
bool ParseEnglishNumber(std::string_view t, size_t pos, const QuantityTables& tables,
                        EnglishNumber* out);

// A scale word after digits (" million"): its power of ten and the end.
bool ParseEnglishScale(std::string_view t, size_t pos, const QuantityTables& tables, int* power,
                       size_t* end);

// The lower-case Latin word at `pos` (letters only) and its end.
std::string_view LatinWordAt(std::string_view t, size_t pos, char* buf, size_t cap, size_t* end);

}  // namespace newsie::quantities
