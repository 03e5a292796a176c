// Quantity: a number, percentage, amount of money, ordinal, range or date
// found in a piece of text, with its exact byte span in that text.
//
// One normaliser (pipeline/quantities/) produces these for every sentence;
// extractors read them and never parse numbers or dates themselves.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/number.h"

namespace newsie {

enum class QuantityKind { kNumber, kPercent, kMoney, kOrdinal, kRange, kDate };
enum class DateGrain { kYear, kQuarter, kMonth, kDay };

const char* ToString(QuantityKind kind);
const char* ToString(DateGrain grain);

// The years newsie reads as years and reports (the contract's 1900-2100): a
// four-digit number outside them is no year of a job-policy article.
inline bool IsContractYear(int64_t year) { return year >= 1900 && year <= 2100; }

// A calendar date at some grain. Relative expressions (올해, "last year",
// 지난달, "on the 21st") are kept unresolved until the document's reference
// date is known; ResolveDate (pipeline/quantities/) fills `year`.. then.
struct DateValue {
  DateGrain grain = DateGrain::kYear;
  std::optional<int> year;     // absent while unresolved
  std::optional<int> quarter;  // 1..4 when grain is kQuarter
  std::optional<int> month;    // 1..12
  std::optional<int> day;      // 1..31

  // How the expression is anchored. kAbsolute: fully written out.
  // kRelativeYear: year = ref.year + offset (올해 0, 지난해 -1, 내년 +1), with
  // month/quarter/day as written. kRelativeMonth: month = ref.month + offset
  // (이달 0, 지난달 -1). kDayOfRefMonth: "지난 2일", "on the 21st": the day is
  // written, month and year come from the reference date (`offset` -1 means
  // the most recent such day before it, +1 the next one after, 0 unknown).
  enum class Anchor { kAbsolute, kRelativeYear, kRelativeMonth, kDayOfRefMonth };
  Anchor anchor = Anchor::kAbsolute;
  int offset = 0;

  // "2026년까지", "by 2026": a deadline rather than a point.
  bool until = false;
  // "민선8기", "8th elected term": the term it names, if any (from lexicons/terms.tsv).
  std::optional<int> elected_term;

  // "2024", "2024-07", "2024-07-14", "2024-Q3"; nullopt while unresolved.
  std::optional<std::string> Iso() const;
};

struct Quantity {
  QuantityKind kind = QuantityKind::kNumber;
  size_t begin = 0;  // byte offsets in the text searched
  size_t end = 0;

  Number value;         // number, percent, money, ordinal
  std::string unit;     // money: ISO 4217 ("KRW"); percent: "%" or "%p"
  std::string counter;  // counter or noun bound to a number: "개", "명", "jobs", "people"
  std::string approx;   // "", "about", "more_than", "at_least", "less_than", "up_to"
  DateValue date;       // kind == kDate
  std::vector<Quantity> bounds;  // kind == kRange: {low, high}; their spans are unused

  // The text the quantity was found in is needed to show it; callers slice it.
};

}  // namespace newsie
