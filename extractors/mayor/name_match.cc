#include "extractors/mayor/name_match.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>

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

// Hangul syllables of `s` (3 bytes each), or empty if `s` is not all Hangul.
std::vector<std::string> Syllables(std::string_view s) {
  std::vector<std::string> out;
  if (s.size() % 3 != 0) return {};
  for (size_t i = 0; i < s.size(); i += 3) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0xEA || b0 > 0xED) return {};
    out.emplace_back(s.substr(i, 3));
  }
  return out;
}

std::vector<std::string> SplitWords(std::string_view s, std::string_view seps) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (seps.find(c) != std::string_view::npos) {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
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

std::string NameMatcher::Romanize(std::string_view hangul) const {
  // ICU transliterators are not thread-safe: one clone per thread and matcher.
  thread_local std::map<const NameMatcher*, std::unique_ptr<icu::Transliterator>> clones;
  auto& clone = clones[this];
  if (!clone) clone.reset(prototype_->clone());
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(hangul.data(), static_cast<int32_t>(hangul.size())));
  clone->transliterate(text);
  std::string out;
  text.toUTF8String(out);
  return out;
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

bool NameMatcher::MatchSplit(const std::vector<std::string>& syl, size_t surname_len,
                             std::string_view latin_surname,
                             const std::vector<std::string>& given) const {
  std::string h_surname;
  for (size_t i = 0; i < surname_len; ++i) h_surname += syl[i];
  const auto it = surnames_.find(h_surname);
  const std::string ls = Lower(latin_surname);
  if (it != surnames_.end()) {
    if (std::find(it->second.begin(), it->second.end(), ls) == it->second.end()) return false;
  } else if (Fold(Romanize(h_surname)) != Fold(ls)) {
    return false;
  }
  const size_t n = syl.size() - surname_len;
  if (n == 0 || given.empty()) return false;
  if (given.size() == n) {
    for (size_t i = 0; i < n; ++i) {
      if (Fold(Romanize(syl[surname_len + i])) != Fold(given[i])) return false;
    }
    return true;
  }
  std::string h, l;
  for (size_t i = surname_len; i < syl.size(); ++i) h += Fold(Romanize(syl[i]));
  for (const auto& g : given) l += g;
  return Fold(h) == Fold(l);
}

bool NameMatcher::Matches(std::string_view hangul, std::string_view latin) const {
  const auto syl = Syllables(hangul);
  if (syl.size() < 2 || syl.size() > 5) return false;
  const auto words = SplitWords(latin, " ");
  if (words.size() < 2) return false;
  std::vector<size_t> surname_lens;
  if (syl.size() >= 3 && surnames_.count(syl[0] + syl[1])) surname_lens.push_back(2);
  surname_lens.push_back(1);
  for (const size_t len : surname_lens) {
    // Surname first: Park Jun-hee / Park Jun Hee.
    std::vector<std::string> given;
    for (size_t i = 1; i < words.size(); ++i) {
      for (auto& part : SplitWords(words[i], "-")) given.push_back(std::move(part));
    }
    if (MatchSplit(syl, len, words.front(), given)) return true;
    // Surname last: Jun-hee Park.
    given.clear();
    for (size_t i = 0; i + 1 < words.size(); ++i) {
      for (auto& part : SplitWords(words[i], "-")) given.push_back(std::move(part));
    }
    if (MatchSplit(syl, len, words.back(), given)) return true;
  }
  return false;
}

}  // namespace newsie
