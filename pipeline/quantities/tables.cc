#include "pipeline/quantities/tables.h"

#include <algorithm>
#include <cstdlib>

#include "pipeline/quantities/text_scan.h"

namespace newsie::quantities {
namespace {

bool IsLatinPhrase(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return IsAlpha(c); }) &&
         std::none_of(s.begin(), s.end(),
                      [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

std::string LowerAscii(std::string s) {
  for (char& c : s) c = Lower(c);
  return s;
}

int ToInt(const std::string& s) { return s.empty() ? 0 : std::atoi(s.c_str()); }

void AddStarter(QuantityTables& t, const std::string& text) {
  if (text.empty()) return;
  const uint32_t cp = CodePointAt(text, 0);
  if (IsHangul(cp)) {
    t.ko_starters.set(cp);
  } else if (IsAlpha(text[0])) {
    const size_t sp = text.find(' ');
    t.en_starters.insert(LowerAscii(text.substr(0, sp)));
  }
}

}  // namespace

void PhraseSet::Add(Phrase p) {
  p.latin = IsLatinPhrase(p.text);
  if (p.latin) p.text = LowerAscii(p.text);
  if (p.text.empty()) return;
  auto cases = [&](char c) -> std::pair<unsigned char, unsigned char> {
    const auto u = static_cast<unsigned char>(c);
    if (p.latin && c >= 'a' && c <= 'z') return {u, static_cast<unsigned char>(c - 'a' + 'A')};
    return {u, u};
  };
  if (p.text.size() == 1) {
    const auto [a, b] = cases(p.text[0]);
    single_byte_.set(a);
    single_byte_.set(b);
  } else {
    const auto [a0, a1] = cases(p.text[0]);
    const auto [b0, b1] = cases(p.text[1]);
    for (unsigned first : {a0, a1}) {
      for (unsigned second : {b0, b1}) first_pair_.set((first << 8) | second);
    }
  }
  phrases_.push_back(std::move(p));
  Index();
}

void PhraseSet::Sort() {
  std::stable_sort(phrases_.begin(), phrases_.end(),
                   [](const Phrase& a, const Phrase& b) { return a.text.size() > b.text.size(); });
  Index();
}

uint16_t PhraseSet::Key(char a, char b) {
  return static_cast<uint16_t>((static_cast<unsigned char>(Lower(a)) << 8) |
                               static_cast<unsigned char>(Lower(b)));
}

void PhraseSet::Index() {
  by_first_.clear();
  by_last_.clear();
  single_.clear();
  for (uint32_t i = 0; i < phrases_.size(); ++i) {
    const std::string& text = phrases_[i].text;
    if (text.size() == 1) {
      single_.push_back(i);
      continue;
    }
    by_first_.emplace_back(Key(text[0], text[1]), i);
    by_last_.emplace_back(Key(text[text.size() - 2], text.back()), i);
  }
  std::sort(by_first_.begin(), by_first_.end());
  std::sort(by_last_.begin(), by_last_.end());
}

namespace {

// The indexes filed under `key`, in phrases_ order.
template <typename F>
const Phrase* FirstOf(const std::vector<std::pair<uint16_t, uint32_t>>& index, uint16_t key,
                      F try_phrase) {
  auto it = std::lower_bound(index.begin(), index.end(), std::make_pair(key, uint32_t{0}));
  for (; it != index.end() && it->first == key; ++it) {
    if (const Phrase* p = try_phrase(it->second)) return p;
  }
  return nullptr;
}

}  // namespace

bool PhraseSet::MayStartAt(std::string_view t, size_t pos) const {
  if (pos >= t.size()) return false;
  const auto b0 = static_cast<unsigned char>(t[pos]);
  if (single_byte_.test(b0)) return true;
  if (pos + 1 >= t.size()) return false;
  return first_pair_.test((unsigned{b0} << 8) | static_cast<unsigned char>(t[pos + 1]));
}

const Phrase* PhraseSet::Match(std::string_view t, size_t pos, std::string_view kind) const {
  if (!MayStartAt(t, pos)) return nullptr;
  auto try_phrase = [&](uint32_t i) -> const Phrase* {
    const Phrase& p = phrases_[i];
    if (!kind.empty() && p.kind != kind) return nullptr;
    if (p.latin) {
      if (StartsWithIcase(t, pos, p.text) &&
          (!IsAlpha(p.text.back()) || LatinWordEnds(t, pos + p.text.size()))) {
        return &p;
      }
    } else if (StartsWith(t, pos, p.text)) {
      return &p;
    }
    return nullptr;
  };
  // Longer phrases first, as phrases_ orders them: the two-byte index, then
  // the one-byte phrases.
  if (pos + 1 < t.size()) {
    if (const Phrase* p = FirstOf(by_first_, Key(t[pos], t[pos + 1]), try_phrase)) return p;
  }
  for (const uint32_t i : single_) {
    if (const Phrase* p = try_phrase(i)) return p;
  }
  return nullptr;
}

const Phrase* PhraseSet::MatchBefore(std::string_view t, size_t end, size_t* begin,
                                     std::string_view kind) const {
  if (end == 0 || end > t.size()) return nullptr;
  auto try_phrase = [&](uint32_t i) -> const Phrase* {
    const Phrase& p = phrases_[i];
    if (!kind.empty() && p.kind != kind) return nullptr;
    if (p.text.size() > end) return nullptr;
    const size_t b = end - p.text.size();
    if (p.latin ? (StartsWithIcase(t, b, p.text) && LatinWordStarts(t, b))
                : StartsWith(t, b, p.text)) {
      if (!p.latin && b > 0 && IsHangul(CodePointBefore(t, b))) return nullptr;
      *begin = b;
      return &p;
    }
    return nullptr;
  };
  if (end >= 2) {
    if (const Phrase* p = FirstOf(by_last_, Key(t[end - 2], t[end - 1]), try_phrase)) return p;
  }
  for (const uint32_t i : single_) {
    if (const Phrase* p = try_phrase(i)) return p;
  }
  return nullptr;
}

QuantityTables::QuantityTables(const LexiconDir& dir) {
  for (const auto& row : dir.ReadTsv("quantities/ko_numerals.tsv")) {
    const std::string& word = row.Get("word");
    const std::string& kind = row.Get("kind");
    const int value = ToInt(row.Get("value"));
    const uint32_t cp = CodePointAt(word, 0);
    if (kind == "sino_digit") {
      sino_digit[cp] = value;
    } else if (kind == "sino_unit") {
      sino_unit[cp] = value;
    } else if (kind == "sino_scale") {
      sino_scale[cp] = value;
    } else if (kind == "native_tens") {
      native_tens.Add({word, kind, row.Get("form"), value, 0, false});
    } else if (kind == "native_ones") {
      native_ones.Add({word, kind, row.Get("form"), value, 0, false});
    } else {
      throw LexiconError(row.Where() + ": unknown kind " + kind);
    }
    AddStarter(*this, word);
  }
  for (const auto& row : dir.ReadTsv("quantities/ko_words.tsv")) {
    ko_words.Add(
        {row.Get("word"), row.Get("kind"), row.Get("tight"), ToInt(row.Get("value")), 0, false});
    const std::string& kind = row.Get("kind");
    if (kind == "minus" || kind == "ordinal_prefix" || kind == "day_before") {
      AddStarter(*this, row.Get("word"));
    }
  }
  for (const auto& row : dir.ReadTsv("quantities/units.tsv")) {
    Phrase p{row.Get("word"), row.Get("kind"), row.Get("unit"), 0, 0, false};
    p.offset = row.Get("position") == "before" ? -1 : row.Get("position") == "both" ? 0 : 1;
    if (p.offset <= 0) AddStarter(*this, p.text);
    units.Add(std::move(p));
  }
  for (const auto& row : dir.ReadTsv("quantities/approx.tsv")) {
    approx.Add({row.Get("word"), row.Get("position"), row.Get("approx"), 0, 0, false});
  }
  for (const auto& row : dir.ReadTsv("quantities/relative_dates.tsv")) {
    relative.Add({row.Get("word"), row.Get("grain"), "", ToInt(row.Get("value")),
                  ToInt(row.Get("offset")), false});
    AddStarter(*this, row.Get("word"));
  }
  for (const auto& row : dir.ReadTsv("quantities/months.tsv")) {
    months.Add({row.Get("word"), "month", "", ToInt(row.Get("month")), 0, false});
    AddStarter(*this, row.Get("word"));
  }
  for (const auto& row : dir.ReadTsv("quantities/en_words.tsv")) {
    en_words.Add({row.Get("word"), row.Get("kind"), "", 0, 0, false});
    // `Q3`: the prefix starts a quantity though no word boundary follows it.
    if (row.Get("kind") == "quarter_prefix" && !row.Get("word").empty()) {
      en_starters.insert(LowerAscii(row.Get("word")));
      quarter_prefixes.push_back(LowerAscii(row.Get("word")));
    }
  }
  for (const auto& row : dir.ReadTsv("quantities/en_numbers.tsv")) {
    Phrase p{LowerAscii(row.Get("word")), row.Get("kind"), "", ToInt(row.Get("value")), 0, true};
    // A word may be both an ordinal and a denominator (third): keep both kinds.
    auto [it, inserted] = en_numbers.emplace(p.text, p);
    if (!inserted) it->second.tag = p.kind;  // second kind in `tag`
    AddStarter(*this, p.text);
  }
  for (const auto& row : dir.ReadTsv("quantities/inference.tsv")) {
    inference.push_back({LowerAscii(row.Get("word")), row.Get("kind"), "", ToInt(row.Get("window")),
                         0, IsLatinPhrase(row.Get("word"))});
  }
  for (const auto& row : dir.ReadTsv("terms.tsv")) {
    // 민선8기	2022-07	2026-06
    const std::string& name = row.Get("term");
    ElectedTerm term;
    for (char c : name) {
      if (IsDigit(c)) term.number = term.number * 10 + (c - '0');
    }
    const std::string& from = row.Get("from");
    const std::string& to = row.Get("to");
    if (term.number == 0 || from.size() != 7 || to.size() != 7) {
      throw LexiconError(row.Where() + ": expected 민선N기 YYYY-MM YYYY-MM");
    }
    term.from_year = ToInt(from.substr(0, 4));
    term.from_month = ToInt(from.substr(5, 2));
    term.to_year = ToInt(to.substr(0, 4));
    term.to_month = ToInt(to.substr(5, 2));
    terms[term.number] = term;
    AddStarter(*this, name);  // 민
  }
  for (PhraseSet* set :
       {&native_tens, &native_ones, &ko_words, &units, &approx, &relative, &months, &en_words}) {
    set->Sort();
  }
  MarkHangulOpeners();
  en_starters.erase("some");
  for (const std::string& word : en_starters) {
    // A starter with no shape (a non-letter among its first two bytes, or
    // longer than kLongestShape) is no word of letters the finder looks up.
    const size_t shape = EnStarterShape(word[0], word.size() > 1 ? word[1] : '\0', word.size());
    if (shape < en_starter_shapes_.size()) en_starter_shapes_.set(shape);
  }
}

void QuantityTables::MarkHangulOpeners() {
  hangul_openers_.assign(0xD7A3 - kFirstSyllable + 1, 0);
  auto mark = [&](std::string_view word, uint8_t bit) {
    // A word cut inside a Hangul syllable (a malformed lexicon entry) could
    // start with any syllable of that lead: then the reading is always tried.
    const auto lead = static_cast<unsigned char>(word.empty() ? 0 : word[0]);
    const uint32_t cp = CodePointAt(word, 0);
    if (IsHangul(cp) && word.size() >= 3) {
      hangul_openers_[cp - kFirstSyllable] |= bit;
    } else if (lead >= 0xEA && lead <= 0xED) {
      for (uint8_t& openers : hangul_openers_) openers |= bit;
    }
    // Any other word cannot match where a Hangul syllable starts.
  };
  for (const Phrase& p : relative.all()) mark(p.text, kOpensRelative);
  for (const Phrase& p : ko_words.all()) {
    if (p.kind == "day_before") mark(p.text, kOpensDayBefore);
    if (p.kind == "minus") mark(p.text, kOpensMinus);
  }
  for (const auto* numerals : {&sino_digit, &sino_unit, &sino_scale}) {
    for (const auto& [cp, value] : *numerals) {
      if (IsHangul(cp)) hangul_openers_[cp - kFirstSyllable] |= kOpensSino;
    }
  }
  for (const PhraseSet* native : {&native_tens, &native_ones}) {
    for (const Phrase& p : native->all()) mark(p.text, kOpensNative);
  }
}

}  // namespace newsie::quantities
