// The boilerplate rows' patterns as the boilerplate stage asks them: which
// rows match a line (anchored at its start; a whole-line row carries its own
// `$`).
//
// Why not one RE2::Set: a set's DFA stops reading a line as soon as no row
// can match any more, which for rows anchored at the line's start is after a
// few bytes of prose; but a row beginning with `.*` (a copyright notice or a
// caption found anywhere in a line) can always still match, so one such row
// keeps the set reading every byte of every line. Those `floating` rows go
// to a second set, asked only when the line contains one of the literals
// that every match of some floating row must contain (its gate, derived from
// the pattern with RE2's FilteredRE2 when the rules are built, not by hand).
// A floating row without such a gate makes the second set asked every time:
// slower, never wrong.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsie {

class BoilerplatePatterns {
 public:
  BoilerplatePatterns();

  // Adds a pattern (as given to RE2::Set, anchored at the start); returns its
  // index (0, 1, ... in order) or -1 with `error` set.
  int Add(const std::string& pattern, std::string* error);
  bool Compile();

  // Whether any pattern matches `text`.
  bool Match(std::string_view text) const;
  // The indices of the patterns that match `text`, in no particular order,
  // into `hits` (cleared first); false if none.
  bool Match(std::string_view text, std::vector<int>& hits) const;

  // How many patterns went to the floating set, and whether it is asked only
  // for lines carrying a gate literal (for tests: the lexicon's own rows
  // should all be gated, or every line is read to its end again).
  size_t FloatingCount() const { return floating_index_.size(); }
  bool FloatingGated() const { return !always_floating_; }

  // Whether the pattern's leading `.*` (optionally after one optional
  // character class) would keep a set reading to the line's end.
  static bool IsFloating(std::string_view pattern);

 private:
  // Whether the floating set may match: some gate literal is in `text`.
  bool FloatingMayMatch(std::string_view text) const;

  RE2::Set anchored_;
  RE2::Set floating_;
  std::vector<int> anchored_index_;  // set index -> pattern index
  std::vector<int> floating_index_;
  std::vector<std::string> floating_patterns_;
  // Any of them in a line -> ask floating_. Each is found by memchr for its
  // rarest byte and a compare (rare_byte_search.h): the gates are Korean
  // words, and memchr for their first byte, a syllable's lead byte, stopped
  // every few bytes of a Korean line. (memchr and a compare were about three
  // times as fast as memmem or std::boyer_moore_horspool_searcher on c10k's
  // lines.)
  std::vector<std::string> gates_;
  std::vector<size_t> gate_keys_;  // RarestByte of each gate
  bool always_floating_ = false;   // a floating row without a gate
  int size_ = 0;
};

}  // namespace newsie
