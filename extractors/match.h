// Capturing matches that ask RE2's DFA first.
//
// For a pattern anchored at its start (`^...`, or RE2::ANCHOR_START) and a
// short text, RE2 skips its DFA when captures are wanted and runs its
// backtracker straight away, which allocates and clears a bitmap of
// pattern size x text length on every call. Most calls in the extractors do
// not match, so these ask first without captures (DFA only) and capture only
// on a match: same result, a fraction of the work. Where a pattern's shape
// fixes its groups once the whole match is known, SplitAtSpaceRun takes
// them from the match with no capturing call at all.
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

// RE2::Match anchored at text[pos], the whole match only: with one group
// asked for (the match), RE2 answers from its DFA alone.
inline bool MatchAt(const RE2& re, std::string_view text, size_t pos, size_t end,
                    re2::StringPiece* whole) {
  return re.Match(text, pos, end, RE2::ANCHOR_START, whole, 1);
}

// The groups of `whole`, a match of `re` in `text` that MatchAt found, by a
// capturing call over just the match (RE2 still sees the text around it,
// for \b and $). The highest-priority match is also the highest-priority
// one ending where it ends: the same groups as one capturing call.
inline bool CaptureWithin(const RE2& re, std::string_view text, const re2::StringPiece& whole,
                          re2::StringPiece* groups, int n) {
  const auto begin = static_cast<size_t>(whole.data() - text.data());
  return re.Match(text, begin, begin + whole.size(), RE2::ANCHOR_BOTH, groups, n);
}

// RE2::Match anchored at text[pos], captures filled only on a match. Given a
// short text and captures, RE2 skips its DFA and backtracks over the whole
// text, clearing a bitmap of pattern size x text length on every call. So
// the DFA first finds whether and where a match ends (cheap), and the
// captures are then taken over just that match: what RE2 itself does for
// longer texts, with the same result.
inline bool MatchAtThenCapture(const RE2& re, std::string_view text, size_t pos, size_t end,
                               re2::StringPiece* groups, int n) {
  re2::StringPiece whole;
  return MatchAt(re, text, pos, end, &whole) && CaptureWithin(re, text, whole, groups, n);
}

// RE2's \s (ASCII only: no \v, no Unicode spaces).
inline bool IsRe2Space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

// `piece` without the \s characters at its ends.
inline re2::StringPiece TrimRe2Spaces(re2::StringPiece piece) {
  while (!piece.empty() && IsRe2Space(piece[0])) piece.remove_prefix(1);
  while (!piece.empty() && IsRe2Space(piece[piece.size() - 1])) piece.remove_suffix(1);
  return piece;
}

// The two groups of a match of a pattern shaped `(A)\s+(B)`, taken from the
// whole match (a DFA-only call, MatchAt) instead of by a capturing call,
// which runs RE2's backtracker or NFA: thousands of cycles on a pattern with
// a long alternation, against a few hundred for the DFA. `whole` is split
// around its `run`-th run of \s characters, counted from 0 at the start or
// from -1 at the end: `before` gets what precedes the run, `after` what
// follows it. False when `whole` has fewer runs.
//
// This is exactly RE2's own split when the pattern fixes which run is the
// `\s+`: A never ends and B never starts with \s (so \s+ takes a whole run),
// and A holds no \s (run 0) or B holds exactly one run (run -2). Callers
// check what their lexicons put in A and B when they build the pattern.
inline bool SplitAtSpaceRun(re2::StringPiece whole, int run, re2::StringPiece* before,
                            re2::StringPiece* after) {
  const char* const begin = whole.data();
  const char* const end = begin + whole.size();
  const char *run_begin = nullptr, *run_end = nullptr;
  if (run >= 0) {
    for (const char* p = begin; p < end;) {
      if (!IsRe2Space(*p)) {
        ++p;
        continue;
      }
      const char* q = p;
      while (q < end && IsRe2Space(*q)) ++q;
      if (run-- == 0) {
        run_begin = p;
        run_end = q;
        break;
      }
      p = q;
    }
  } else {
    for (const char* q = end; q > begin;) {
      if (!IsRe2Space(q[-1])) {
        --q;
        continue;
      }
      const char* p = q;
      while (p > begin && IsRe2Space(p[-1])) --p;
      if (++run == 0) {
        run_begin = p;
        run_end = q;
        break;
      }
      q = p;
    }
  }
  if (run_begin == nullptr) return false;
  *before = re2::StringPiece(begin, static_cast<size_t>(run_begin - begin));
  *after = re2::StringPiece(run_end, static_cast<size_t>(end - run_end));
  return true;
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
