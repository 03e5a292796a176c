#include "extractors/mayor/name_match.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace newsie {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void ReplaceAll(std::string& s, std::string_view from, std::string_view to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// How many Hangul syllables `s` is (3 bytes each), or 0 if `s` is not all Hangul.
size_t SyllableCount(std::string_view s) {
  if (s.size() % 3 != 0) return 0;
  for (size_t i = 0; i < s.size(); i += 3) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0xEA || b0 > 0xED) return 0;
  }
  return s.size() / 3;
}

// The words of `s` between any of `seps`, empty ones dropped.
std::vector<std::string_view> SplitWords(std::string_view s, std::string_view seps) {
  std::vector<std::string_view> out;
  size_t from = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i < s.size() && seps.find(s[i]) == std::string_view::npos) continue;
    if (i > from) out.push_back(s.substr(from, i - from));
    from = i + 1;
  }
  return out;
}

// The hyphen-separated parts of words[first, last): the given name as written
// (`Jun-hee` -> `Jun`, `hee`).
std::vector<std::string_view> GivenParts(const std::vector<std::string_view>& words, size_t first,
                                         size_t last) {
  std::vector<std::string_view> out;
  for (size_t i = first; i < last; ++i) {
    for (const auto part : SplitWords(words[i], "-")) out.push_back(part);
  }
  return out;
}

}  // namespace

NameMatcher::NameMatcher(const LexiconDir& lexicons) {
  for (const auto& row : lexicons.ReadTsv("surnames.tsv")) {
    auto& spellings = surnames_[row.Get("hangul")];
    for (const auto& latin : row.List("latin")) {
      spellings.push_back(Lower(latin));
      latin_surnames_.insert(spellings.back());
    }
  }
  UErrorCode status = U_ZERO_ERROR;
  prototype_.reset(icu::Transliterator::createInstance("Hangul-Latin", UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !prototype_) {
    throw LexiconError(std::string("ICU Hangul-Latin transliterator: ") + u_errorName(status));
  }
}

NameMatcher::~NameMatcher() = default;

// What one thread keeps per matcher: ICU transliterators are not
// thread-safe, and transliterating costs thousands of instructions where a
// name has only a few syllables out of a small set.
struct NameMatcher::ThreadState {
  std::unique_ptr<icu::Transliterator> clone;
  // Fold(Romanize(key)). Needs no bound: MatchSplit asks only for one
  // syllable at a time (a two-syllable surname is always in surnames.tsv and
  // never romanised), so the keys are at most the 11,172 Hangul syllables.
  std::unordered_map<std::string, std::string> folded;
  // Matches(hangul, latin) by `hangul \t latin`: the mayor extractor pairs
  // every candidate with every head of the story's government, and the same
  // few names recur from story to story; each answer takes thousands of
  // instructions and a dozen allocations (Fold's rewrites, the word lists).
  std::unordered_map<std::string, bool> matches;
  std::string key;  // reused for the lookups
};

namespace {
// How many Matches answers a thread keeps before starting over: enough for
// the names of many documents, bounded in a long run over many names.
constexpr size_t kMaxRememberedMatches = 1 << 14;
}  // namespace

NameMatcher::ThreadState& NameMatcher::State() const {
  thread_local std::map<const NameMatcher*, ThreadState> states;
  auto& state = states[this];
  if (!state.clone) state.clone.reset(prototype_->clone());
  return state;
}

std::string NameMatcher::Romanize(std::string_view hangul) const {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(hangul.data(), static_cast<int32_t>(hangul.size())));
  State().clone->transliterate(text);
  std::string out;
  text.toUTF8String(out);
  return out;
}

const std::string& NameMatcher::FoldedRomanization(std::string_view hangul) const {
  auto& folded = State().folded;
  const std::string key(hangul);
  const auto it = folded.find(key);
  if (it != folded.end()) return it->second;
  return folded.emplace(key, Fold(Romanize(hangul))).first->second;
}

std::string NameMatcher::Fold(std::string_view latin) {
  std::string s;
  for (char c : latin) {
    if (std::isalpha(static_cast<unsigned char>(c)))
      s += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  ReplaceAll(s, "sh", "s");
  ReplaceAll(s, "ch", "j");
  ReplaceAll(s, "weo", "wo");
  ReplaceAll(s, "wu", "u");
  ReplaceAll(s, "eo", "u");
  ReplaceAll(s, "oo", "u");
  ReplaceAll(s, "ou", "u");
  ReplaceAll(s, "eu", "u");
  ReplaceAll(s, "ee", "i");
  ReplaceAll(s, "ui", "i");
  ReplaceAll(s, "ae", "e");
  ReplaceAll(s, "ai", "e");
  for (char& c : s) {
    switch (c) {
      case 'k':
        c = 'g';
        break;
      case 'p':
        c = 'b';
        break;
      case 't':
        c = 'd';
        break;
      case 'r':
        c = 'l';
        break;
      default:
        break;
    }
  }
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == 'y' && i > 0 && !IsVowel(s[i - 1])) continue;                      // hyeon ~ heon
    if (c == 'h' && i + 1 == s.size() && i > 0 && IsVowel(s[i - 1])) continue;  // oh ~ o
    if (!out.empty() && out.back() == c) continue;                              // double letters
    out += c;
  }
  return out;
}

bool NameMatcher::HasKnownSurname(std::string_view hangul) const {
  const size_t syllables = SyllableCount(hangul);
  if (syllables < 2) return false;
  if (syllables >= 3 && surnames_.count(hangul.substr(0, 6))) return true;
  return surnames_.count(hangul.substr(0, 3)) > 0;
}

bool NameMatcher::IsLatinSurname(std::string_view word) const {
  return latin_surnames_.count(Lower(word)) > 0;
}

bool NameMatcher::MatchSplit(std::string_view hangul, size_t surname_len,
                             const std::vector<std::string_view>& words, bool surname_first) const {
  const std::string_view latin_surname = surname_first ? words.front() : words.back();
  const std::string_view h_surname = hangul.substr(0, 3 * surname_len);
  const auto it = surnames_.find(h_surname);
  const std::string ls = Lower(latin_surname);
  if (it != surnames_.end()) {
    if (std::find(it->second.begin(), it->second.end(), ls) == it->second.end()) return false;
  } else if (FoldedRomanization(h_surname) != Fold(ls)) {
    return false;
  }
  // Most pairs fail on the surname: the given name's parts only now.
  const auto given =
      surname_first ? GivenParts(words, 1, words.size()) : GivenParts(words, 0, words.size() - 1);
  const size_t n = hangul.size() / 3 - surname_len;
  if (n == 0 || given.empty()) return false;
  auto syllable = [&](size_t i) { return hangul.substr(3 * (surname_len + i), 3); };
  if (given.size() == n) {
    for (size_t i = 0; i < n; ++i) {
      if (FoldedRomanization(syllable(i)) != Fold(given[i])) return false;
    }
    return true;
  }
  std::string h, l;
  for (size_t i = 0; i < n; ++i) h += FoldedRomanization(syllable(i));
  for (const auto g : given) l += g;
  return Fold(h) == Fold(l);
}

bool NameMatcher::Matches(std::string_view hangul, std::string_view latin) const {
  const size_t syllables = SyllableCount(hangul);
  if (syllables < 2 || syllables > 5) return false;
  // All Hangul, so no tab in `hangul`: the key is unambiguous.
  ThreadState& state = State();
  state.key.assign(hangul);
  state.key += '\t';
  state.key.append(latin);
  if (const auto it = state.matches.find(state.key); it != state.matches.end()) return it->second;
  if (state.matches.size() >= kMaxRememberedMatches) state.matches.clear();
  const bool matches = MatchUncached(hangul, latin);
  state.matches.emplace(state.key, matches);
  return matches;
}

bool NameMatcher::MatchUncached(std::string_view hangul, std::string_view latin) const {
  const size_t syllables = SyllableCount(hangul);
  const auto words = SplitWords(latin, " ");
  if (words.size() < 2) return false;
  std::vector<size_t> surname_lens;
  if (syllables >= 3 && surnames_.count(hangul.substr(0, 6))) surname_lens.push_back(2);
  surname_lens.push_back(1);
  // Surname first (Park Jun-hee / Park Jun Hee), then last (Jun-hee Park).
  for (const size_t len : surname_lens) {
    if (MatchSplit(hangul, len, words, /*surname_first=*/true)) return true;
    if (MatchSplit(hangul, len, words, /*surname_first=*/false)) return true;
  }
  return false;
}

}  // namespace newsie
