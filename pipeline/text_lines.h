// Lines of the working text, as the line-based stages (boilerplate, stories,
// sentences) see them: byte ranges into `work`, without the '\n', trimmed of
// spaces, with removed boilerplate taken out.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "pipeline/document.h"

namespace newsie {

struct LineRange {
  size_t begin = 0;  // bytes in work
  size_t end = 0;
  bool empty() const { return begin >= end; }
};

// Every line of text[begin, end) (split at '\n'), trimmed of ' '. Empty
// lines are kept so that callers can see paragraph breaks.
std::vector<LineRange> SplitLines(std::string_view text, size_t begin, size_t end);

// The non-empty lines of doc.work[begin, end) minus doc.removed: a line that
// a removal covers is dropped; a removal at the start or end of a line (a
// byline prefix) trims it; a removal inside a line splits it in two.
std::vector<LineRange> KeptLines(const Document& doc, size_t begin, size_t end);

// [begin, end) without leading and trailing ' '.
LineRange Trim(std::string_view text, LineRange range);

}  // namespace newsie
