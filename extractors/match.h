// Capturing matches that ask RE2's DFA first.
//
// For a pattern anchored at its start (`^...`, or RE2::ANCHOR_START) and a
// short text, RE2 skips its DFA when captures are wanted and runs its
// backtracker straight away, which allocates and clears a bitmap of
// pattern size x text length on every call. Most calls in the extractors do
// not match, so these ask first without captures (DFA only) and capture only
// on a match: same result, a fraction of the work.
#pragma once

#include <re2/re2.h>

#include <string_view>

namespace newsie {

// RE2::Match, captures filled only when the pattern matches.
inline bool MatchThenCapture(const RE2& re, std::string_view text, size_t pos, size_t end,
                             RE2::Anchor anchor, re2::StringPiece* groups, int n) {
  return re.Match(text, pos, end, anchor, nullptr, 0) &&
         re.Match(text, pos, end, anchor, groups, n);
}

// RE2::Match anchored at text[pos], captures filled only on a match. Given a
// short text and captures, RE2 skips its DFA and backtracks over the whole
// text, clearing a bitmap of pattern size x text length on every call. So
// the DFA first finds whether and where a match ends (cheap), and the
// captures are then taken over just that match: what RE2 itself does for
// longer texts, with the same result (RE2 still sees the text around the
// match, for \b and $).
inline bool MatchAtThenCapture(const RE2& re, std::string_view text, size_t pos, size_t end,
                               re2::StringPiece* groups, int n) {
  re2::StringPiece whole;
  if (!re.Match(text, pos, end, RE2::ANCHOR_START, &whole, 1)) return false;
  const auto whole_end = static_cast<size_t>(whole.data() - text.data()) + whole.size();
  return re.Match(text, pos, whole_end, RE2::ANCHOR_BOTH, groups, n);
}

// RE2::PartialMatch(text, re, &first_capture), the same way.
inline bool PartialMatchThenCapture(const RE2& re, std::string_view text,
                                    re2::StringPiece* first_capture) {
  re2::StringPiece groups[2];
  if (!MatchThenCapture(re, text, 0, text.size(), RE2::UNANCHORED, groups, 2)) return false;
  *first_capture = groups[1];
  return true;
}

}  // namespace newsie
