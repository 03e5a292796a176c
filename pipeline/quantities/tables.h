// QuantityTables: the words the quantity finder knows, loaded once from
// lexicons/quantities/*.tsv and lexicons/terms.tsv (see lexicons/README.md,
// "Quantities"). Read-only after construction; shared by all threads.
#pragma once

#include <array>
#include <bitset>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "pipeline/lexicon.h"
#include "pipeline/quantities/phrase_trie.h"
#include "pipeline/quantities/text_scan.h"

namespace newsie::quantities {

// A word or phrase with what it means. Latin phrases are stored lower case
// and matched case-insensitively; Hangul ones exactly.
struct Phrase {
  std::string text;
  std::string kind;  // the lexicon's `kind` (or grain, or approx)
  std::string tag;   // unit / ISO code / approx / form
  int value = 0;
  int offset = 0;
  bool latin = false;
};

// Phrases tried longest first at a position.
class PhraseSet {
 public:
  void Add(Phrase p);
  // Orders the phrases longest first and indexes them: call after the last Add.
  void Sort();
  // The longest phrase at `pos` (Latin phrases must end at a word boundary),
  // restricted to `kind` when non-empty.
  // Most positions start no phrase: that is ruled out here, inline, from the
  // first two bytes, before the full walk.
  const Phrase* Match(std::string_view t, size_t pos, std::string_view kind = {}) const {
    return starts_.MayStartAt(t, pos) ? MatchAt(t, pos, kind) : nullptr;
  }
  // The longest phrase ending exactly at `end` (then `*begin` is where it starts).
  const Phrase* MatchBefore(std::string_view t, size_t end, size_t* begin,
                            std::string_view kind = {}) const {
    return ends_.MayEndAt(t, end) ? MatchEndingAt(t, end, begin, kind) : nullptr;
  }
  const std::vector<Phrase>& all() const { return phrases_; }

 private:
  const Phrase* MatchAt(std::string_view t, size_t pos, std::string_view kind) const;
  const Phrase* MatchEndingAt(std::string_view t, size_t end, size_t* begin,
                              std::string_view kind) const;

  std::vector<Phrase> phrases_;
  // The phrases (ids: indexes into phrases_) by their bytes read forwards from
  // their start and backwards from their end: Match and MatchBefore check only
  // the phrases whose (case-folded) bytes the text spells there.
  PhraseTrie starts_, ends_;
};

// Hashes std::string and std::string_view alike, so that a word of the text
// is looked up by its view, without building a std::string for each.
struct WordHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename V>
using WordMap = std::unordered_map<std::string, V, WordHash, std::equal_to<>>;
using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;

struct ElectedTerm {
  int number = 0;
  int from_year = 0, from_month = 0, to_year = 0, to_month = 0;
};

struct QuantityTables {
  explicit QuantityTables(const LexiconDir& dir);

  // Korean written-out numerals, by code point.
  std::unordered_map<uint32_t, int> sino_digit;  // 일 -> 1
  std::unordered_map<uint32_t, int> sino_unit;   // 십 -> 1, 백 -> 2, 천 -> 3
  std::unordered_map<uint32_t, int> sino_scale;  // 만 -> 4, 억 -> 8, 조 -> 12
  PhraseSet native_tens, native_ones;            // tag: attr / free / ordinal
  PhraseSet ko_words;                            // counters, particles, minus, ...
  PhraseSet units;                               // percent and currency words
  PhraseSet approx;                              // kind before/after, tag approx
  PhraseSet relative;                            // kind grain
  PhraseSet months;
  PhraseSet en_words;                // counter_skip, until, range, from, day_the, quarter, term
  WordMap<Phrase> en_numbers;        // one, twenty, million, third ...
  std::vector<Phrase> inference;     // kind plan / award, value window
  std::map<int, ElectedTerm> terms;  // 8 -> 2022-07..2026-06

  // Code points that can start a Korean quantity at a word start.
  std::bitset<0x10000> ko_starters;
  // Lower-case first words of English phrases and number words.
  WordSet en_starters;
  // Whether some word of en_starters has this length and these first two
  // letters (`second` is 0 for a one-letter word; letters in either case):
  // a test on the text's bytes that rules most English words out before a
  // lookup in en_starters.
  bool MayBeEnStarter(char first, char second, size_t length) const {
    const size_t shape = EnStarterShape(first, second, length);
    return shape < en_starter_shapes_.size() && en_starter_shapes_.test(shape);
  }
  // The words of quarter_prefix kind in en_words (`Q` of Q3), lower case.
  std::vector<std::string> quarter_prefixes;

  // The readings the finder tries at a Hangul syllable, each of which needs
  // its own words to start with that syllable: a relative date (올해), a day
  // word (지난 2일), a minus word (마이너스), a Sino-Korean numeral (삼천)
  // and a native one (세, 스물). HangulOpeners(syllable) has the bit of each
  // reading with a word starting with `syllable`, so the finder skips the
  // readings that cannot start there.
  enum HangulOpener : uint8_t {
    kOpensRelative = 1,
    kOpensDayBefore = 2,
    kOpensMinus = 4,
    kOpensSino = 8,
    kOpensNative = 16,
    // Not a reading: a word that may follow a numeral starts with the syllable
    // (a word of ko_words, units or approx, a Sino-Korean unit or scale), so
    // NumeralMayEndAt has to look; without it, only a calendar suffix can.
    kFollowsNumeral = 32,
  };
  uint8_t HangulOpeners(uint32_t syllable) const {
    return IsHangulSyllable(syllable) ? hangul_openers_[syllable - kFirstSyllable] : 0;
  }

 private:
  static constexpr size_t kLongestShape = 24;  // longer words have no shape
  static size_t EnStarterShape(char first, char second, size_t length) {
    constexpr size_t kNone = static_cast<size_t>(-1);
    first = Lower(first);
    second = Lower(second);
    if (first < 'a' || first > 'z' || length == 0 || length > kLongestShape) return kNone;
    size_t s = 0;
    if (second != '\0') {
      if (second < 'a' || second > 'z') return kNone;
      s = static_cast<size_t>(second - 'a') + 1;
    }
    return (static_cast<size_t>(first - 'a') * 27 + s) * (kLongestShape + 1) + length;
  }
  std::bitset<26 * 27 * (kLongestShape + 1)> en_starter_shapes_;
  static constexpr uint32_t kFirstSyllable = 0xAC00;  // 가
  void MarkHangulOpeners();
  std::vector<uint8_t> hangul_openers_;  // by syllable - kFirstSyllable
};

}  // namespace newsie::quantities
