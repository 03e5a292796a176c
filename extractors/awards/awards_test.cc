// Runs extractors/awards/examples.tsv. Keys: name, name_ko, year, grade,
// grade_text, category, streak, prize, organizer (null unless given);
// evidence and rule are checked when given.
#include <catch2/catch.hpp>
#include <map>

#include "extractors/awards/awards_extractor.h"
#include "extractors/targets/example_table.h"

namespace newsie {
namespace {

std::map<std::string, std::string> Actual(const Document& doc, const AwardFact& f) {
  using examples::Show;
  return {{"name", Show(f.name)},
          {"name_ko", Show(f.name_ko)},
          {"year", Show(f.year)},
          {"grade", Show(f.grade)},
          {"grade_text", Show(f.grade_text)},
          {"category", Show(f.category)},
          {"streak", Show(f.streak_years)},
          {"prize", Show(f.prize_krw)},
          {"organizer", Show(f.organizer)},
          {"evidence", doc.OriginalText(f.evidence)},
          {"rule", f.rule}};
}

TEST_CASE("awards: example table", "[awards]") {
  const AwardsExtractor extractor(examples::Lexicons());
  for (const auto& ex : examples::ReadExamples("extractors/awards/examples.tsv")) {
    Document doc = examples::MakeDoc(ex.text, ex.ref_date);
    extractor.Extract(doc, doc.stories[0]);
    const auto& got = doc.stories[0].awards;
    const auto want = examples::ParseExpect(ex.expect);
    std::string got_text;
    for (const auto& f : got) {
      got_text += "\n  ";
      for (const auto& [k, v] : Actual(doc, f)) got_text += k + "=" + v + " ";
    }
    INFO("examples.tsv:" << ex.line << ": " << ex.text << "\ngot:" << got_text);
    REQUIRE(got.size() == want.size());
    for (size_t i = 0; i < want.size(); ++i) {
      std::map<std::string, std::string> expect = {
          {"name", "null"},   {"name_ko", "null"},    {"year", "null"},
          {"grade", "null"},  {"grade_text", "null"}, {"category", "null"},
          {"streak", "null"}, {"prize", "null"},      {"organizer", "null"}};
      for (const auto& [k, v] : want[i]) expect[k] = v;
      const auto actual = Actual(doc, got[i]);
      for (const auto& [k, v] : expect) {
        INFO("fact " << i << " key " << k);
        CHECK(actual.at(k) == v);
      }
    }
  }
}

}  // namespace
}  // namespace newsie
