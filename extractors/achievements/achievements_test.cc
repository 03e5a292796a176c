// Runs extractors/achievements/examples.tsv. Keys: year, actual, target, rate,
// qualifier, derived (comma-separated, `-` for none), consistent (null unless
// given); evidence and rule are checked when given.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <sstream>

#include "extractors/achievements/achievements_extractor.h"
#include "extractors/targets/example_table.h"
#include "tests/test_support.h"

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

std::string Describe(const Document& doc, const AchievementFact& f) {
  std::ostringstream out;
  auto num = [&](const std::optional<Number>& n) { return n ? std::to_string(n->real) : "-"; };
  out << f.rule << ' ' << (f.year ? *f.year : 0) << ' ' << num(f.actual) << ' ' << num(f.target)
      << ' ' << num(f.rate_pct) << ' ' << f.qualifier.value_or("-") << ' '
      << (f.consistent ? (*f.consistent ? "consistent" : "inconsistent") : "-") << ' '
      << f.derived.size() << ' ' << doc.OriginalText(f.evidence);
  return out.str();
}

TEST_CASE("achievements: asking each side's rate patterns together first hides no rate",
          "[achievements]") {
  // Before and after a percentage, one RE2 call asks whether any of the
  // side's patterns matches; each is asked only then. Every story of the
  // corpus and the seeds must read the same either way.
  const LexiconDir lexicons(testing::SourceDir() / "lexicons");
  const AchievementsExtractor together(lexicons), one_by_one(lexicons, false);
  const std::vector<std::filesystem::path> files = testing::CorpusAndSeedTexts();
  size_t rates = 0;
  for (const auto& file : files) {
    Document doc = testing::Process(testing::ReadFile(file));
    for (const Story& story : doc.stories) {
      Story a = story, b = story;
      a.achievements.clear();
      b.achievements.clear();
      together.Extract(doc, a);
      one_by_one.Extract(doc, b);
      INFO(file.string());
      REQUIRE(a.achievements.size() == b.achievements.size());
      for (size_t i = 0; i < a.achievements.size(); ++i) {
        CHECK(Describe(doc, a.achievements[i]) == Describe(doc, b.achievements[i]));
        rates += a.achievements[i].rate_pct.has_value();
      }
    }
  }
  CHECK(files.size() > 40);
  CHECK(rates > 10);
}

}  // namespace
}  // namespace newsie
