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
  examples::RunExampleTable<AwardsExtractor>("extractors/awards/examples.tsv",
                                             [](const Story& s) -> const auto& { return s.awards; },
                                             Actual,
                                             {{"name", "null"},
                                              {"name_ko", "null"},
                                              {"year", "null"},
                                              {"grade", "null"},
                                              {"grade_text", "null"},
                                              {"category", "null"},
                                              {"streak", "null"},
                                              {"prize", "null"},
                                              {"organizer", "null"}});
}

}  // namespace
}  // namespace newsie
