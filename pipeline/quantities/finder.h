// QuantityFinder: the one place numbers, money, percentages, ordinals,
// ranges and dates are read from text (Korean and English).
//
//   QuantityFinder finder(LexiconDir::Default());   // loads lexicons/quantities/
//   for (const Quantity& q : finder.Find("올해 일자리 8600개", "ko")) ...
//
// Find scans left to right, byte by byte, and tries a parse only where a
// quantity can start: a digit, a currency sign, a Hangul word whose first
// syllable is a numeral or date word, an English number, month or date word.
// Quantities never overlap; offsets are bytes into the text searched.
// Relative dates (올해, "last year", "on the 21st") come back unresolved:
// ResolveDate (resolve.h) anchors them once the reference date is known.
//
// The text is expected to be normalised (pipeline/normalize.h: ASCII digits,
// dashes folded to '-', tildes to '~', spaces folded), but the common
// unfolded forms (∼, –, —) are accepted too.
//
// Built once; Find is const and thread-safe.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "pipeline/lexicon.h"
#include "pipeline/quantity.h"

namespace newsie {

namespace quantities {
struct QuantityTables;
}

class QuantityFinder {
 public:
  // Throws LexiconError when a lexicon is missing or malformed.
  explicit QuantityFinder(const LexiconDir& lexicons);
  ~QuantityFinder();
  QuantityFinder(const QuantityFinder&) = delete;
  QuantityFinder& operator=(const QuantityFinder&) = delete;

  // `lang`: "ko", "en" or "mixed" (which word forms to look for; digits,
  // symbols and dates in both scripts are always found).
  std::vector<Quantity> Find(std::string_view text, std::string_view lang) const;

  const quantities::QuantityTables& tables() const { return *tables_; }

 private:
  std::unique_ptr<const quantities::QuantityTables> tables_;
};

}  // namespace newsie
