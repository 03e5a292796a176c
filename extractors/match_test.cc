// SplitAtSpaceRun must give exactly RE2's own groups for the patterns it is
// meant for (`(A)\s+(B)` with the run of spaces between the groups fixed by
// their shape): checked against a capturing call at every start of many
// generated texts, spaces of every kind and length included.
#include "extractors/match.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <vector>

namespace newsie {
namespace {

std::string Str(const re2::StringPiece& p) { return std::string(p.data(), p.size()); }

// SplitAtSpaceRun's groups as "before|after", or "-" when it finds no such run.
std::string Split(const std::string& text, int run) {
  re2::StringPiece before, after;
  if (!SplitAtSpaceRun(text, run, &before, &after)) return "-";
  return Str(before) + "|" + Str(after);
}

TEST_CASE("match: SplitAtSpaceRun splits around the run asked for", "[match]") {
  CHECK(Split("김미경 구청장", 0) == "김미경|구청장");
  CHECK(Split("김미경 \t\n 구청장 권한대행", 0) == "김미경|구청장 권한대행");
  CHECK(Split("김미경 구청장 권한대행", -1) == "김미경 구청장|권한대행");
  CHECK(Split("Acting District Mayor  Park Jun-hee", -2) == "Acting District Mayor|Park Jun-hee");
  CHECK(Split("Mayor\r\fPark Jun-hee", -2) == "Mayor|Park Jun-hee");
  CHECK(Split("a b c", 1) == "a b|c");
  CHECK(Split("a b c", -3) == "-");
  CHECK(Split("a b c", 2) == "-");
  CHECK(Split("abc", 0) == "-");
  CHECK(Split("abc", -1) == "-");
  CHECK(Split("", 0) == "-");
  // \v and non-breaking spaces are not RE2's \s.
  CHECK(Split("a\vb\xC2\xA0"
              "c",
              0) == "-");
  // Spaces at an edge make runs there too.
  CHECK(Split(" a", 0) == "|a");
  CHECK(Split("a ", -1) == "a|");
}

TEST_CASE("match: TrimRe2Spaces drops RE2's \\s at both ends only", "[match]") {
  CHECK(Str(TrimRe2Spaces(" \t(a b)\r\n")) == "(a b)");
  CHECK(Str(TrimRe2Spaces("\v a \v")) == "\v a \v");
  CHECK(Str(TrimRe2Spaces("  ")).empty());
}

// Texts of `words` joined by spaces of every kind (or by nothing, or by
// punctuation), so that matches start and stop everywhere.
std::vector<std::string> GeneratedTexts(const std::vector<std::string>& words) {
  // Mostly single spaces, which names need between their parts.
  const std::vector<std::string> joints = {" ", " ",  " ",  " ",  " ",       " ",
                                           " ", "  ", "\t", "\n", "\f",      " \r\n ",
                                           "",  ",",  "(",  "\v", "\xC2\xA0"};
  std::mt19937 random(20261122);
  std::uniform_int_distribution<size_t> word(0, words.size() - 1), joint(0, joints.size() - 1),
      length(1, 7);
  std::vector<std::string> texts;
  for (int i = 0; i < 5000; ++i) {
    std::string text = joints[joint(random)];
    for (size_t n = length(random); n > 0; --n) text += words[word(random)] + joints[joint(random)];
    texts.push_back(text);
  }
  return texts;
}

TEST_CASE("match: SplitAtSpaceRun gives RE2's groups for (A)\\s+(B) patterns", "[match]") {
  struct Case {
    std::string pattern;
    int run;  // the run of spaces between the groups
    std::vector<std::string> words;
  };
  // A holds no space (run 0), or B holds one run (run -2); neither group
  // starts or ends with a space: the shapes SplitAtSpaceRun is exact for.
  const std::vector<std::string> hangul = {
      "김", "미경", "김미경", "박준희", "구청장", "권한대행", "시장", "동구청장", "구청장권한대행"};
  const std::vector<std::string> latin = {
      "Mayor", "Acting Mayor",         "District", "Park",     "Kim", "Lee", "Jun-hee", "Min-su",
      "Jun",   "head of the district", "office",   "Seo-yeon", "x"};
  const std::vector<Case> cases = {
      {R"(([가-힣]{2,4})\s+(구청장 권한대행|구청장|시장|동구청장))", 0, hangul},
      {R"(([가-힣]{2,4})\s+(동구청장|구청장))", 0, hangul},
      {R"((Acting District Mayor|District Mayor|Acting Mayor|head of the district office|)"
       R"(head of the district|Mayor)\s+([A-Z][a-z]+ [A-Z][a-z]+(?:-[A-Za-z][a-z]*)?))",
       -2, latin},
      {R"((Mayor|Acting Mayor)\s+([A-Z][a-z]+ [A-Z][a-z]+))", -2, latin},
  };
  for (const auto& c : cases) {
    size_t matches = 0;
    const RE2 re(c.pattern);
    REQUIRE(re.ok());
    for (const auto& text : GeneratedTexts(c.words)) {
      for (size_t pos = 0; pos < text.size(); ++pos) {
        re2::StringPiece whole;
        if (!MatchAt(re, text, pos, text.size(), &whole)) continue;
        ++matches;
        re2::StringPiece captured[3], split[2];
        REQUIRE(CaptureWithin(re, text, whole, captured, 3));
        // One capturing call over the whole text gives the same groups.
        re2::StringPiece direct[3];
        REQUIRE(re.Match(text, pos, text.size(), RE2::ANCHOR_START, direct, 3));
        INFO(c.pattern << " on '" << text << "' at " << pos);
        CHECK(Str(direct[0]) == Str(whole));
        CHECK(direct[1].data() == captured[1].data());
        CHECK(direct[2].data() == captured[2].data());
        REQUIRE(SplitAtSpaceRun(whole, c.run, &split[0], &split[1]));
        CHECK(split[0].data() == captured[1].data());
        CHECK(Str(split[0]) == Str(captured[1]));
        CHECK(split[1].data() == captured[2].data());
        CHECK(Str(split[1]) == Str(captured[2]));
      }
    }
    CHECK(matches > 200);
  }
}

}  // namespace
}  // namespace newsie
