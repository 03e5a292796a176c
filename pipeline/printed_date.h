// Dates a page prints after a label: `입력 2024.01.22 11:03`, `기사등록 :
// 2020/04/24`, `Published 2024-01-22`. The labels are boilerplate.tsv's
// `dateline` rows with year, month and day groups, so that a rule author
// adds an outlet's label in one place: the boilerplate stage drops such a
// line from the visible text and reads its date, and an HTML page's text
// that is not visible (a header, a hidden info box) is searched with the
// same rows here.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/lexicon.h"

namespace newsie {

// YYYY-MM-DD when y/m/d is a day of the calendar (1900-2100; 2023-02-30 is
// not one), else nullopt.
std::optional<std::string> CalendarDate(int y, int m, int d);

// The CalendarDate of a dateline row's match: `groups` 1-3 are year, month
// and day (a group that took no part reads as 0, no day).
std::optional<std::string> DatelineDate(const re2::StringPiece groups[4]);

class PrintedDates {
 public:
  // The `dateline` rows of `dir`'s boilerplate.tsv with at least three
  // groups (year, month, day). Throws LexiconError for a row RE2 rejects.
  explicit PrintedDates(const LexiconDir& dir);

  // The date of the leftmost place any row matches in `text`, a valid day
  // (a row's later matches are tried past one that is not), or nullopt. The
  // rows are searched anywhere, not only at a line's start; `.` stops at a
  // newline, so a row's trailing `.*` ends with its line.
  std::optional<std::string> FirstIn(std::string_view text) const;

 private:
  std::vector<std::unique_ptr<RE2>> rows_;
};

}  // namespace newsie
