// NameMatcher: does a Hangul personal name and a Latin one name the same
// person? (정원오 / Jung Won-oh yes; 정원오 / Jung Min-ho no.)
//
// The surname must be one of the customary spellings in lexicons/surnames.tsv
// (박 Park|Pak|Bak, 이 Lee|Yi|Rhee, 정 Jung|Jeong|Chung ...; two-syllable
// surnames first). The given name is romanised syllable by syllable with
// ICU's "Hangul-Latin" transliterator and compared loosely with the Latin
// one: hyphens, spaces and case are ignored and the usual spelling variants
// are folded (ee/i, oo/u, eo/u, eu/u, k/g, p/b, t/d, ch/j, r/l, sh/s, a `y`
// after a consonant, a final `h` after a vowel). Either word order is
// accepted (Park Jun-hee, Jun-hee Park).
//
// Thread-safe: each thread uses its own clone of the transliterator.
#pragma once

#include <unicode/uversion.h>

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/lexicon.h"

U_NAMESPACE_BEGIN
class Transliterator;
U_NAMESPACE_END

namespace newsie {

class NameMatcher {
 public:
  // Reads surnames.tsv; throws LexiconError if ICU lacks Hangul-Latin.
  explicit NameMatcher(const LexiconDir& lexicons);
  ~NameMatcher();
  NameMatcher(const NameMatcher&) = delete;
  NameMatcher& operator=(const NameMatcher&) = delete;

  bool Matches(std::string_view hangul, std::string_view latin) const;
  // True when `name` starts with a known Hangul surname.
  bool HasKnownSurname(std::string_view hangul) const;
  // True when `word` is a customary spelling of some surname (Park, Lee, Jung).
  bool IsLatinSurname(std::string_view word) const;

  // The folded form both sides are compared in ("jeong" and "jung" -> "jung").
  static std::string Fold(std::string_view latin);
  // ICU's romanisation of one Hangul syllable or word ("희" -> "hui").
  std::string Romanize(std::string_view hangul) const;

 private:
  struct ThreadState;
  ThreadState& State() const;
  // Fold(Romanize(hangul)), remembered per thread.
  const std::string& FoldedRomanization(std::string_view hangul) const;
  // Matches, not remembered; `hangul` is 2 to 5 syllables.
  bool MatchUncached(std::string_view hangul, std::string_view latin) const;
  // Whether `hangul` is `words` read with a surname of `surname_len`
  // syllables, written first or last.
  bool MatchSplit(std::string_view hangul, size_t surname_len,
                  const std::vector<std::string_view>& words, bool surname_first) const;

  std::map<std::string, std::vector<std::string>, std::less<>> surnames_;  // lower-case latin
  std::set<std::string, std::less<>> latin_surnames_;  // every spelling in surnames_
  std::unique_ptr<icu::Transliterator> prototype_;
};

}  // namespace newsie
