// Runs extractors/targets/examples.tsv. Keys: metric, value, year, period
// (`2023-2026`), qualifier, scope, revised_from (null when not given), and
// unit, evidence, rule (checked only when given).
#include <catch2/catch.hpp>
#include <map>

#include "extractors/targets/example_table.h"
#include "extractors/targets/targets_extractor.h"

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

}  // namespace
}  // namespace newsie
