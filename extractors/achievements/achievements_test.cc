// Runs extractors/achievements/examples.tsv. Keys: year, actual, target, rate,
// qualifier, derived (comma-separated, `-` for none), consistent (null unless
// given); evidence and rule are checked when given.
#include <catch2/catch.hpp>
#include <map>

#include "extractors/achievements/achievements_extractor.h"
#include "extractors/targets/example_table.h"

namespace newsie {
namespace {

std::map<std::string, std::string> Actual(const Document& doc, const AchievementFact& f) {
  using examples::Show;
  std::string derived;
  for (const auto& d : f.derived) derived += (derived.empty() ? "" : ",") + d;
  return {{"year", Show(f.year)},
          {"actual", Show(f.actual)},
          {"target", Show(f.target)},
          {"rate", Show(f.rate_pct)},
          {"qualifier", Show(f.qualifier)},
          {"derived", derived.empty() ? "-" : derived},
          {"consistent", Show(f.consistent)},
          {"evidence", doc.OriginalText(f.evidence)},
          {"rule", f.rule}};
}

TEST_CASE("achievements: example table", "[achievements]") {
  examples::RunExampleTable<AchievementsExtractor>(
      "extractors/achievements/examples.tsv",
      [](const Story& s) -> const auto& { return s.achievements; }, Actual,
      {{"year", "null"},
       {"actual", "null"},
       {"target", "null"},
       {"rate", "null"},
       {"qualifier", "null"},
       {"derived", "-"},
       {"consistent", "null"}});
}

// The words between the achievement phrases are lexicon rows: a rule author
// adds one to achievements.tsv, no C++.
TEST_CASE("achievements: a new amount word is added by editing the lexicon only",
          "[achievements]") {
  const std::string text = "Gwanak-gu created as many as 13,342 jobs last year.";
  const testing::LexiconCopy lexicons;
  auto achievements = [&] {
    return examples::ExtractWith<AchievementsExtractor>(LexiconDir(lexicons.dir), text,
                                                        "2025-03-01")
        .achievements;
  };
  CHECK(achievements().empty());
  lexicons.AddRow("achievements.tsv", "amount_word\tas many as");
  const auto found = achievements();
  REQUIRE(found.size() == 1);
  REQUIRE(found[0].actual);
  CHECK(found[0].actual->integer == 13342);
  CHECK(found[0].year == 2024);
}

}  // namespace
}  // namespace newsie
