// Runs the quantities example tables (tests/data/quantities/*.tsv): each line
// is normalised like `newsie quantities` does, searched, resolved against
// 2024-03-05, and the quantity whose span is `span_text` must have the kind,
// value, unit, approximation and date given.
#include <algorithm>
#include <catch2/catch.hpp>
#include <charconv>
#include <chrono>
#include <string>

#include "pipeline/hangul.h"
#include "pipeline/lexicon.h"
#include "pipeline/normalize.h"
#include "pipeline/quantities/finder.h"
#include "pipeline/quantities/korean_numerals.h"
#include "pipeline/quantities/phrase_trie.h"
#include "pipeline/quantities/resolve.h"
#include "pipeline/quantities/tables.h"
#include "pipeline/utf8.h"
#include "tests/test_support.h"

namespace newsie {
namespace {

const QuantityFinder& Finder() {
  static const QuantityFinder finder(LexiconDir(testing::SourceDir() / "lexicons"));
  return finder;
}
const NormalizeTables& Tables() {
  static const NormalizeTables tables =
      NormalizeTables::Load(LexiconDir(testing::SourceDir() / "lexicons"));
  return tables;
}

std::string ValueText(const Number& n) {
  if (n.integral) return std::to_string(n.integer);
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, n.real);
  return std::string(buf, r.ptr);
}

bool SameValue(const Number& n, const std::string& expected) {
  if (n.integral) return std::to_string(n.integer) == expected;
  double v = 0;
  std::from_chars(expected.data(), expected.data() + expected.size(), v);
  return v == n.real;
}

std::string DateText(const Quantity& q) {
  if (q.kind == QuantityKind::kRange && q.bounds.size() == 2) {
    return DateText(q.bounds[0]) + ".." + DateText(q.bounds[1]);
  }
  return q.date.Iso().value_or("null");
}

struct Found {
  std::string work;
  std::vector<Quantity> quantities;
};

Found Search(const std::string& line, const std::string& lang) {
  NormalizedText n = Normalize(line, Tables());
  Found f{n.work, Finder().Find(n.work, lang)};
  RefDate ref;
  ParseIsoDate("2024-03-05", &ref);
  for (Quantity& q : f.quantities) ResolveQuantity(q, ref);
  return f;
}

std::string Describe(const Found& f) {
  std::string s;
  for (const Quantity& q : f.quantities) {
    s += std::string("[") + ToString(q.kind) + " '" + f.work.substr(q.begin, q.end - q.begin) +
         "' " + ValueText(q.value) + " " + q.unit + " " + q.approx + " " + DateText(q) + "] ";
  }
  return s;
}

void RunTable(const std::string& file) {
  const auto rows = LexiconDir(testing::SourceDir() / "tests/data/quantities").ReadTsv(file);
  REQUIRE(!rows.empty());
  for (const auto& row : rows) {
    const std::string& text = row.Get("text");
    const std::string& kind = row.Get("kind");
    // The span text as it stands in the normalised line (2023?2026 -> 2023-2026).
    const Found found = Search(text, row.Get("lang"));
    const std::string span = Normalize(row.Get("span_text"), Tables()).work;
    INFO(row.Where() << ": " << text << "\n  found: " << Describe(found));
    if (kind == "none") {
      const size_t at = found.work.find(span);
      REQUIRE(at != std::string::npos);
      for (const Quantity& q : found.quantities) {
        CHECK((q.end <= at || q.begin >= at + span.size()));
      }
      continue;
    }
    const Quantity* match = nullptr;
    for (const Quantity& q : found.quantities) {
      if (found.work.substr(q.begin, q.end - q.begin) == span) match = &q;
    }
    REQUIRE(match != nullptr);
    CHECK(std::string(ToString(match->kind)) == kind);
    const std::string& value = row.Get("value");
    if (!value.empty()) {
      if (match->kind == QuantityKind::kRange) {
        const size_t dots = value.find("..");
        REQUIRE(match->bounds.size() == 2);
        CHECK(SameValue(match->bounds[0].value, value.substr(0, dots)));
        CHECK(SameValue(match->bounds[1].value, value.substr(dots + 2)));
      } else {
        CHECK(SameValue(match->value, value));
      }
    }
    const std::string& unit = row.Get("unit");
    if (!unit.empty()) CHECK(match->unit == unit);
    CHECK(match->approx == row.Get("approx"));
    const std::string& date = row.Get("date");
    if (!date.empty()) CHECK(DateText(*match) == date);
  }
}

TEST_CASE("quantities: Korean examples", "[quantities]") { RunTable("ko.tsv"); }
TEST_CASE("quantities: English examples", "[quantities]") { RunTable("en.tsv"); }
TEST_CASE("quantities: generated examples", "[quantities]") { RunTable("gen_cases.tsv"); }
TEST_CASE("quantities: negative examples", "[quantities]") { RunTable("negative.tsv"); }

TEST_CASE("quantities: the tables hold at least 400 cases", "[quantities]") {
  size_t n = 0;
  for (const char* file : {"ko.tsv", "en.tsv", "gen_cases.tsv", "negative.tsv"}) {
    n += LexiconDir(testing::SourceDir() / "tests/data/quantities").ReadTsv(file).size();
  }
  CHECK(n >= 400);
}

// The finder asks MayBeEnStarter before looking a word up in en_starters:
// it must let every starter made of letters through, in any case, and rule
// out most other words.
TEST_CASE("quantities: the English starter shapes pass every starter", "[quantities]") {
  const quantities::QuantityTables& tables = Finder().tables();
  size_t letters_only = 0;
  for (const std::string& word : tables.en_starters) {
    if (word.size() > 24 ||
        !std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
      continue;  // no word the finder reads (letters only, at most 24) equals it
    }
    ++letters_only;
    const char second = word.size() > 1 ? word[1] : '\0';
    INFO(word);
    CHECK(tables.MayBeEnStarter(word[0], second, word.size()));
    CHECK(tables.MayBeEnStarter(static_cast<char>(word[0] - 'a' + 'A'),
                                second ? static_cast<char>(second - 'a' + 'A') : second,
                                word.size()));
  }
  CHECK(letters_only > 50);
  for (const std::string_view word : {"district", "jobs", "said", "which", "employment"}) {
    INFO(word);
    CHECK_FALSE(tables.MayBeEnStarter(word[0], word[1], word.size()));
  }
  CHECK_FALSE(tables.MayBeEnStarter('a', 'b', 25));  // longer than any word looked up
  CHECK_FALSE(tables.MayBeEnStarter('1', 'a', 2));
}

// The finder's scan ends Latin words with LettersEnd, eight bytes at a time:
// it must agree with a byte-by-byte IsAlpha loop at every position.
TEST_CASE("quantities: LettersEnd stops where IsAlpha does", "[quantities]") {
  const std::string text =
      "Employment rose 3.5% in Seoul-si, 일자리 8600개; the [Z]ealous `@AZaz{|}~ "
      "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ\x7f\x80\xc1\xe1\xfa end";
  for (size_t pos = 0; pos <= text.size(); ++pos) {
    size_t expected = pos;
    while (expected < text.size() && quantities::IsAlpha(text[expected])) ++expected;
    INFO(pos);
    CHECK(quantities::LettersEnd(text, pos) == expected);
  }
  // Every byte value, alone and before eight letters.
  for (int c = 0; c < 256; ++c) {
    const std::string s =
        std::string(1, static_cast<char>(c)) + "abcdefgh" + std::string(1, static_cast<char>(c));
    INFO(c);
    CHECK(quantities::LettersEnd(s, 0) ==
          (quantities::IsAlpha(static_cast<char>(c)) ? s.size() : 0));
    CHECK(quantities::LettersEnd(s, 1) ==
          (quantities::IsAlpha(static_cast<char>(c)) ? s.size() : 9));
  }
}

// PhraseSet::Match and MatchBefore take their candidates from a PhraseTrie:
// it must offer every key the text spells (ASCII case folded), longest first
// and in id order within a length, and nothing else.
TEST_CASE("quantities: the phrase trie offers the keys the text spells, longest first",
          "[quantities]") {
  using quantities::PhraseTrie;
  const std::vector<std::string> keys = {"the year", "the", "THE", "개소", "", "개", "%"};
  auto offered = [](const PhraseTrie& trie, std::string_view text, size_t at) {
    std::vector<uint32_t> ids;
    trie.Visit(text, at, [&](uint32_t id) {
      ids.push_back(id);
      return false;
    });
    return ids;
  };
  const PhraseTrie starts = PhraseTrie::Build(keys, PhraseTrie::Direction::kForward);
  CHECK(offered(starts, "in The Year", 3) == std::vector<uint32_t>{0, 1, 2});
  CHECK(offered(starts, "in the yea", 3) == std::vector<uint32_t>{1, 2});
  CHECK(offered(starts, "theme", 0) == std::vector<uint32_t>{1, 2});
  CHECK(offered(starts, "3개소를", 1) == std::vector<uint32_t>{3, 5});
  CHECK(offered(starts, "3개를", 1) == std::vector<uint32_t>{5});
  CHECK(offered(starts, "5%", 1) == std::vector<uint32_t>{6});
  CHECK(offered(starts, "th", 0).empty());
  CHECK(offered(starts, "the", 3).empty());  // at the end: nothing starts there
  // Accepting one stops the walk.
  std::vector<uint32_t> seen;
  CHECK(starts.Visit("the year", 0, [&](uint32_t id) {
    seen.push_back(id);
    return id == 1;
  }));
  CHECK(seen == std::vector<uint32_t>{0, 1});
  const PhraseTrie ends = PhraseTrie::Build(keys, PhraseTrie::Direction::kBackward);
  CHECK(offered(ends, "in THE year", 11) == std::vector<uint32_t>{0});
  CHECK(offered(ends, "in the", 6) == std::vector<uint32_t>{1, 2});
  CHECK(offered(ends, "3개소", 7) == std::vector<uint32_t>{3});
  CHECK(offered(ends, "3개", 4) == std::vector<uint32_t>{5});
  CHECK(offered(ends, "the", 0).empty());
  CHECK(offered(ends, "he", 2).empty());
}

// FromHangul tries a reading at a syllable only when HangulOpeners says one
// of its words starts with it: every word must have its bit there.
TEST_CASE("quantities: the Hangul openers cover the words of each reading", "[quantities]") {
  using T = quantities::QuantityTables;
  const T& tables = Finder().tables();
  auto opens = [&](std::string_view word, uint8_t bit) {
    INFO(word);
    const uint32_t cp = CodePointAt(word, 0);
    if (IsHangulSyllable(cp)) CHECK((tables.HangulOpeners(cp) & bit) != 0);
  };
  for (const auto& p : tables.relative.all()) opens(p.text, T::kOpensRelative);
  for (const auto& p : tables.ko_words.all()) {
    if (p.kind == "day_before") opens(p.text, T::kOpensDayBefore);
    if (p.kind == "minus") opens(p.text, T::kOpensMinus);
  }
  for (const auto& p : tables.native_tens.all()) opens(p.text, T::kOpensNative);
  for (const auto& p : tables.native_ones.all()) opens(p.text, T::kOpensNative);
  // ParseKoreanNumber also skips its look-ups in the Sino tables without the bit.
  for (const auto* numerals : {&tables.sino_digit, &tables.sino_unit, &tables.sino_scale}) {
    for (const auto& [cp, value] : *numerals) CHECK((tables.HangulOpeners(cp) & T::kOpensSino));
  }
  CHECK(tables.HangulOpeners(U'올') & T::kOpensRelative);
  CHECK(tables.HangulOpeners(U'지') & T::kOpensDayBefore);
  CHECK(tables.HangulOpeners(U'삼') & T::kOpensSino);
  // 회의, 회사: no reading starts here (회 only follows numerals: 3회).
  CHECK((tables.HangulOpeners(U'회') & ~T::kFollowsNumeral) == 0);
  CHECK(tables.HangulOpeners(U'A') == 0);
  // A syllable without openers still reads numbers after digits: 3회.
  const Found f = Search("회의에서 3회 논의했다", "ko");
  REQUIRE(f.quantities.size() == 1);
  CHECK(f.quantities[0].value == Number::Int(3));
}

// NumeralMayEndAt looks for a word after a numeral only at syllables marked
// kFollowsNumeral: every word it looks for must start with a marked one.
TEST_CASE("quantities: kFollowsNumeral marks the words that may follow a numeral", "[quantities]") {
  using T = quantities::QuantityTables;
  const T& tables = Finder().tables();
  auto marked = [&](std::string_view word) {
    INFO(word);
    const uint32_t cp = CodePointAt(word, 0);
    if (IsHangulSyllable(cp)) CHECK((tables.HangulOpeners(cp) & T::kFollowsNumeral) != 0);
  };
  for (const quantities::PhraseSet* set : {&tables.ko_words, &tables.units, &tables.approx}) {
    for (const auto& p : set->all()) marked(p.text);
  }
  for (const auto* numerals : {&tables.sino_unit, &tables.sino_scale}) {
    for (const auto& [cp, value] : *numerals)
      CHECK((tables.HangulOpeners(cp) & T::kFollowsNumeral));
  }
  CHECK((tables.HangulOpeners(U'자') & T::kFollowsNumeral) == 0);  // 일자리: no numeral
  CHECK_FALSE(quantities::NumeralMayEndAt("일자리", 3, tables));
  CHECK(quantities::NumeralMayEndAt("이천년", 6, tables));  // a calendar suffix
  CHECK(quantities::NumeralMayEndAt("삼만", 3, tables));    // a scale
  CHECK(quantities::NumeralMayEndAt("삼개", 3, tables));    // a counter
  // Read as numbers or not, as before the table.
  CHECK(Search("일자리 삼천 개", "ko").quantities.size() == 1);
}

TEST_CASE("quantities: exact integers and decimals", "[quantities]") {
  const Found f = Search("9,223,372,036,854,775,807원과 87.4억 원", "ko");
  REQUIRE(f.quantities.size() == 2);
  CHECK(f.quantities[0].value == Number::Int(9223372036854775807LL));
  CHECK(f.quantities[1].value == Number::Int(8740000000LL));
  const Found g = Search("66.9%", "en");
  REQUIRE(g.quantities.size() == 1);
  CHECK(ValueText(g.quantities[0].value) == "66.9");
}

// A run of digits joined by commas is one token to the finder; each number
// found inside it used to send the finder over the rest of the run again.
TEST_CASE("quantities: a long run of '1,' ending in ',000' is read in linear time",
          "[quantities]") {
  constexpr size_t kOnes = 100000;
  std::string line;
  for (size_t k = 0; k < kOnes; ++k) line += "1,";
  line += "000";
  const auto start = std::chrono::steady_clock::now();
  const Found f = Search(line, "en");
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // Each "1" is a number; the last one, with its three zeros, is 1,000.
  REQUIRE(f.quantities.size() == kOnes);
  size_t wrong = 0;
  for (size_t k = 0; k + 1 < kOnes; ++k) {
    const Quantity& q = f.quantities[k];
    wrong += q.kind != QuantityKind::kNumber || !(q.value == Number::Int(1)) || q.begin != 2 * k ||
             q.end != 2 * k + 1;
  }
  CHECK(wrong == 0);
  const Quantity& last = f.quantities.back();
  CHECK(f.work.substr(last.begin, last.end - last.begin) == "1,000");
  CHECK(last.value == Number::Int(1000));
  // Linear: a few milliseconds; quadratic took seconds for 40,000.
  CHECK(seconds < 2);
}

}  // namespace
}  // namespace newsie
