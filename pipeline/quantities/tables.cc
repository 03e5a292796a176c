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
  if (IsHangulSyllable(cp)) {
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
  phrases_.push_back(std::move(p));
}

void PhraseSet::Sort() {
  std::stable_sort(phrases_.begin(), phrases_.end(),
                   [](const Phrase& a, const Phrase& b) { return a.text.size() > b.text.size(); });
  std::vector<std::string> keys;
  keys.reserve(phrases_.size());
  for (const Phrase& p : phrases_) keys.push_back(p.text);
  starts_ = PhraseTrie::Build(keys, PhraseTrie::Direction::kForward);
  ends_ = PhraseTrie::Build(keys, PhraseTrie::Direction::kBackward);
}

// The tries offer phrases in phrases_ order (longest first) among those whose
// folded bytes the text spells; each is then checked as a whole.
const Phrase* PhraseSet::MatchAt(std::string_view t, size_t pos, std::string_view kind) const {
  const Phrase* found = nullptr;
  starts_.Visit(t, pos, [&](uint32_t i) {
    const Phrase& p = phrases_[i];
    if (!kind.empty() && p.kind != kind) return false;
    if (p.latin) {
      if (StartsWithIcase(t, pos, p.text) &&
          (!IsAlpha(p.text.back()) || LatinWordEnds(t, pos + p.text.size()))) {
        found = &p;
      }
    } else if (StartsWith(t, pos, p.text)) {
      found = &p;
    }
    return found != nullptr;
  });
  return found;
}

const Phrase* PhraseSet::MatchEndingAt(std::string_view t, size_t end, size_t* begin,
                                       std::string_view kind) const {
  const Phrase* found = nullptr;
  ends_.Visit(t, end, [&](uint32_t i) {
    const Phrase& p = phrases_[i];
    if (!kind.empty() && p.kind != kind) return false;
    if (p.text.size() > end) return false;
    const size_t b = end - p.text.size();
    if (p.latin ? (StartsWithIcase(t, b, p.text) && LatinWordStarts(t, b))
                : StartsWith(t, b, p.text)) {
      if (!p.latin && b > 0 && IsHangulSyllable(CodePointBefore(t, b))) return false;
      *begin = b;
      found = &p;
    }
    return found != nullptr;
  });
  return found;
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
    if (IsHangulSyllable(cp) && word.size() >= 3) {
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
      if (IsHangulSyllable(cp)) hangul_openers_[cp - kFirstSyllable] |= kOpensSino;
    }
  }
  for (const PhraseSet* native : {&native_tens, &native_ones}) {
    for (const Phrase& p : native->all()) mark(p.text, kOpensNative);
  }
  for (const PhraseSet* after : {&ko_words, &units, &approx}) {
    for (const Phrase& p : after->all()) mark(p.text, kFollowsNumeral);
  }
  for (const auto* numerals : {&sino_unit, &sino_scale}) {
    for (const auto& [cp, value] : *numerals) {
      if (IsHangulSyllable(cp)) hangul_openers_[cp - kFirstSyllable] |= kFollowsNumeral;
    }
  }
}

}  // namespace newsie::quantities
