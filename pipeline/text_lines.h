// Lines of the working text, as the line-based stages (boilerplate, stories,
// sentences) see them: byte ranges into `work`, without the '\n', trimmed of
// spaces, with removed boilerplate taken out.
//
// The text is split only once per document: the boilerplate stage splits all
// of it (SplitLines), and once it has marked its removals keeps the rest in
// Document::kept_lines (KeptLinesOf); stories and sentences read those.
// KeptLines computes the same from scratch (for tests and one-off callers).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "pipeline/document.h"

namespace newsie {

// Every line of text[begin, end) (split at '\n'), trimmed of ' '. Empty
// lines are kept so that callers can see paragraph breaks.
std::vector<LineRange> SplitLines(std::string_view text, size_t begin, size_t end);

// The non-empty lines of doc.work[begin, end) minus doc.removed: a line that
// a removal covers is dropped; a removal at the start or end of a line (a
// byline prefix) trims it; a removal inside a line splits it in two.
std::vector<LineRange> KeptLines(const Document& doc, size_t begin, size_t end);

// KeptLines of lines already split: `lines` is SplitLines(doc.work, b, e)
// and the result is KeptLines(doc, b, e).
std::vector<LineRange> KeptLinesOf(const Document& doc, const std::vector<LineRange>& lines);

// KeptLines(doc, begin, end) without splitting again: the lines of
// doc.kept_lines (which the boilerplate stage filled) that overlap
// [begin, end), cut to it and trimmed, into `out` (cleared first).
void KeptLinesIn(const Document& doc, size_t begin, size_t end, std::vector<LineRange>& out);

// [begin, end) without leading and trailing ' '.
LineRange Trim(std::string_view text, LineRange range);

}  // namespace newsie
