// Runs extractors/targets/examples.tsv. Keys: metric, value, year, period
// (`2023-2026`), qualifier, scope, revised_from (null when not given), and
// unit, evidence, rule (checked only when given).
#include <catch2/catch.hpp>
#include <map>

#include "extractors/targets/example_table.h"
#include "extractors/targets/targets_extractor.h"
#include "tests/test_support.h"

namespace newsie {
namespace {

std::map<std::string, std::string> Actual(const Document& doc, const TargetFact& f) {
  using examples::Show;
  return {{"metric", f.metric},
          {"value", Show(f.value)},
          {"unit", f.unit},
          {"year", Show(f.year)},
          {"period",
           f.period ? std::to_string(f.period->from) + "-" + std::to_string(f.period->to) : "null"},
          {"qualifier", Show(f.qualifier)},
          {"scope", Show(f.scope)},
          {"revised_from", Show(f.revised_from)},
          {"evidence", doc.OriginalText(f.evidence)},
          {"rule", f.rule}};
}

TEST_CASE("targets: example table", "[targets]") {
  examples::RunExampleTable<TargetsExtractor>(
      "extractors/targets/examples.tsv", [](const Story& s) -> const auto& { return s.targets; },
      Actual,
      {{"year", "null"},
       {"period", "null"},
       {"qualifier", "null"},
       {"scope", "null"},
       {"revised_from", "null"}});
}

// The words inside the targets patterns are lexicon rows: a rule author adds
// one to targets.tsv, no C++.
TEST_CASE("targets: a new comparison word is added by editing the lexicon only", "[targets]") {
  const std::string text =
      "올해 고용률은 지난해보다 0.8%포인트 개선된 67.5% 달성을 목표로 한다고 밝혔다.";
  const testing::LexiconCopy lexicons;
  auto targets = [&] {
    return examples::ExtractWith<TargetsExtractor>(LexiconDir(lexicons.dir), text, "2025-03-01")
        .targets;
  };
  // `개선된` (improved) is not a change word of the shipped lexicon.
  CHECK(targets().empty());
  lexicons.AddRow("targets.tsv", "change\t개선된");
  const auto found = targets();
  REQUIRE(found.size() == 1);
  CHECK(found[0].metric == "employment_rate");
  CHECK(found[0].value.real == 67.5);
  CHECK(found[0].year == 2025);
}

// The deck (sub-headlines between the title and the lead, outside the story
// span: pipeline/stories.h) is read after the body, as headings.
TEST_CASE("targets: a goal only the deck states is reported once, with the deck as evidence",
          "[targets]") {
  const Document doc = testing::Process(
      testing::ReadFile(testing::SourceDir() / "../shared/seeds/000_c0d990b8704e05cf.txt"));
  REQUIRE(doc.stories.size() == 1);
  const auto& targets = doc.stories[0].targets;
  REQUIRE(targets.size() == 2);
  CHECK(targets[0].metric == "employment_rate");
  CHECK(targets[0].value.real == 66.9);
  CHECK(targets[0].unit == "percent");
  CHECK(targets[0].year == 2024);
  CHECK(doc.OriginalText(targets[0].evidence) == "66.9% Employment Rate");
  CHECK(targets[0].evidence.end <= doc.ToOriginal(doc.stories[0].begin, doc.stories[0].end).start);
  // 12,100 jobs is in the deck and the body: once, from the body.
  CHECK(targets[1].metric == "jobs");
  CHECK(targets[1].value.real == 12100);
  CHECK(targets[1].year == 2024);
  CHECK(doc.OriginalText(targets[1].evidence) == "aims to create 12,100 jobs this year");
}

TEST_CASE("targets: the body wins over the deck for the same metric and year", "[targets]") {
  auto targets = [](const std::string& deck) {
    return testing::Process("Mapo-gu Unveils Its 2024 Job Plan for the Riverside\n" + deck +
                                "\nMapo-gu (Mayor Park Kang-su) aims to create 9,300 jobs this "
                                "year and to raise its employment rate to 63.1% this year.\n",
                            "test.txt", "2024-02-01")
        .stories.at(0)
        .targets;
  };
  // Other values for the same metrics and year: the deck summarises the body.
  auto found = targets("Targeting 9,000 Jobs and 61.5% Employment Rate This Year");
  REQUIRE(found.size() == 2);
  CHECK(found[0].value.real == 9300);
  CHECK(found[1].value.real == 63.1);
  // A deck goal without a year is the story's year: the same.
  found = targets("Aiming for 9,000 Jobs");
  REQUIRE(found.size() == 2);
  CHECK(found[0].value.real == 9300);
  // A rhetorical headline number is no goal.
  found = targets("Can Mapo-gu Top 13,000 Jobs Again?");
  CHECK(found.size() == 2);
}

}  // namespace
}  // namespace newsie
