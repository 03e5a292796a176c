#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "extractors/district/district_extractor.h"
#include "extractors/district/test_document.h"
#include "extractors/mayor/mayor_extractor.h"
#include "extractors/mayor/name_match.h"
#include "tests/test_support.h"

namespace newsie {
namespace {

using testing::Lexicons;
using testing::Unescape;

TEST_CASE("names match across scripts by surname table and transliteration", "[mayor]") {
  const NameMatcher m(Lexicons());
  CHECK(m.Matches("박준희", "Park Jun-hee"));
  CHECK(m.Matches("정원오", "Jung Won-oh"));
  CHECK(m.Matches("김경호", "Kim Kyung-ho"));
  CHECK(m.Matches("김미경", "Kim Mi-kyung"));
  CHECK(m.Matches("이승로", "Lee Seung-ro"));
  CHECK(m.Matches("유성훈", "Yu Seong-hoon"));
  CHECK(m.Matches("황인호", "Hwang In-ho"));
  CHECK(m.Matches("박형준", "Park Heong-joon"));
  CHECK(m.Matches("정원오", "Won-oh Jung"));
  CHECK(m.Matches("박준희", "Park Junhee"));
  CHECK(m.Matches("남궁민", "Namgung Min"));
  CHECK_FALSE(m.Matches("박준희", "Kim Jun-hee"));
  CHECK_FALSE(m.Matches("박준희", "Park Jung-ho"));
  CHECK_FALSE(m.Matches("정원오", "Jung Min-ho"));
  CHECK_FALSE(m.Matches("박정희", "Park Jun-hee"));
  CHECK_FALSE(m.Matches("김미경", "Kim"));
}

TEST_CASE("name matches are remembered per pair, per thread", "[mayor]") {
  // Matches keeps each thread's answers: asked again, in any order, on any
  // thread, a pair gets the answer it got first, and pairs sharing either
  // name do not share answers.
  const NameMatcher m(Lexicons());
  const std::vector<std::tuple<std::string, std::string, bool>> pairs = {
      {"정원오", "Jung Won-oh", true},   {"정원오", "Jung Min-ho", false},
      {"정원오", "Won-oh Jung", true},   {"박준희", "Jung Won-oh", false},
      {"박준희", "Park Jun-hee", true},  {"박정희", "Park Jun-hee", false},
      {"박정희", "Park Jung-hee", true}, {"정원", "Jung Won", true}};
  auto ask_all = [&] {
    int right = 0;
    for (int round = 0; round < 3; ++round) {
      for (const auto& [ko, en, want] : pairs) right += m.Matches(ko, en) == want;
      for (auto it = pairs.rbegin(); it != pairs.rend(); ++it)
        right += m.Matches(std::get<0>(*it), std::get<1>(*it)) == std::get<2>(*it);
    }
    return right;
  };
  const int all = static_cast<int>(6 * pairs.size());
  CHECK(ask_all() == all);
  int other_thread = 0;
  std::thread([&] { other_thread = ask_all(); }).join();
  CHECK(other_thread == all);
  CHECK(ask_all() == all);
}

TEST_CASE("name folding merges the usual spelling variants", "[mayor]") {
  CHECK(NameMatcher::Fold("Kyung") == NameMatcher::Fold("gyeong"));
  CHECK(NameMatcher::Fold("hee") == NameMatcher::Fold("hui"));
  CHECK(NameMatcher::Fold("hoon") == NameMatcher::Fold("hun"));
  CHECK(NameMatcher::Fold("oh") == NameMatcher::Fold("o"));
  CHECK(NameMatcher::Fold("Chul") == NameMatcher::Fold("cheol"));
  CHECK(NameMatcher::Fold("min") != NameMatcher::Fold("won"));
}

TEST_CASE("mayor examples table", "[mayor]") {
  const DistrictExtractor district(Lexicons());
  const MayorExtractor mayor(Lexicons());
  const auto rows = Lexicons().ReadTsv("../extractors/mayor/examples.tsv");
  REQUIRE(rows.size() >= 15);
  auto field = [](const std::optional<std::string>& v) { return v ? *v : std::string("-"); };
  for (const auto& row : rows) {
    const std::string text = Unescape(row.Get("text"));
    INFO(row.Where() << ": " << text);
    Document doc = testing::HandDocument(text);
    const std::string& ref = row.Get("ref_date");
    if (ref.size() >= 7) {
      doc.ref_date.year = std::stoi(ref.substr(0, 4));
      doc.ref_date.month = std::stoi(ref.substr(5, 2));
      doc.ref_date.basis = "given";
    }
    auto& story = doc.stories[0];
    district.Extract(doc, story);
    mayor.Extract(doc, story);
    if (row.Get("evidence") == "-") {
      CHECK(!story.mayor);
      continue;
    }
    REQUIRE(story.mayor);
    CHECK(field(story.mayor->name_ko) == row.Get("name_ko"));
    CHECK(field(story.mayor->name_en) == row.Get("name_en"));
    CHECK(story.mayor->title == row.Get("title"));
    CHECK(doc.OriginalText(story.mayor->span) == row.Get("evidence"));
    CHECK(!story.mayor->rule.empty());
  }
}

// Collect runs its name-and-title patterns only where a title can anchor a
// match; these are the cases where that is easy to get wrong (names running
// into each other, longer titles around the core one, several spaces).
TEST_CASE("mayor: Collect finds every name-and-title form", "[mayor]") {
  const MayorExtractor mayor(Lexicons());
  auto found = [&](const std::string& text) {
    const Document doc = testing::HandDocument(text);
    std::vector<std::string> out;
    for (const auto& c : mayor.Collect(doc, 0, doc.work.size())) {
      out.push_back(std::string(c.rule) + " " + c.name + " / " + c.title);
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  using V = std::vector<std::string>;
  CHECK(found("Acting District Mayor Kim Min-su visited. Mayor Park Jun-hee said.") ==
        V{"en.mayor.title_name Kim Min-su / Acting District Mayor",
          "en.mayor.title_name Park Jun-hee / Mayor"});
  // `Name, Title`: a comma and spaces, `the` or not, before the title (AfterComma).
  CHECK(found("Kim Mi-kyung, head of the district office, said") ==
        V{"en.mayor.name_title Kim Mi-kyung / head of the district office"});
  CHECK(found("Kim Mi-kyung,\n  the  mayor, said") ==
        V{"en.mayor.name_title Kim Mi-kyung / mayor"});
  CHECK(found("Kim Mi-kyung,the mayor") == V{});
  CHECK(found("Kim Mi-kyung, themayor") == V{});
  CHECK(found("Kim Mi-kyung the mayor") == V{});
  // Titles are found by their rarest byte (`y` of `mayor`, `f` of `head of
  // the district`), also at the very start and end of the text.
  CHECK(found("mayor Park Jun-hee") == V{"en.mayor.title_name Park Jun-hee / mayor"});
  CHECK(found("Lee Seung-ro, head of the district") ==
        V{"en.mayor.name_title Lee Seung-ro / head of the district"});
  // A title inside a word does not start a match (WordCharBefore).
  CHECK(found("TheMayor Park Jun-hee said") == V{});
  CHECK(found("김미경   구청장은 말했다") == V{"ko.mayor.name_title 김미경 / 구청장"});
  // Four syllables at most, and not the end of a longer word.
  CHECK(found("또김박준희 구청장") == V{});
  CHECK(found("김박준희 구청장") == V{"ko.mayor.name_title 김박준희 / 구청장"});
  // A match ends where the next name may begin: 구청장 is not also a name.
  CHECK(found("김미경 구청장 박준희 구청장 권한대행") ==
        V{"ko.mayor.name_title 김미경 / 구청장", "ko.mayor.name_title 박준희 / 구청장 권한대행"});
  CHECK(found("정원오 성동구청장은, 황인호 동구청장") ==
        V{"ko.mayor.glued_title 정원오 / 구청장", "ko.mayor.glued_title 황인호 / 구청장"});
  CHECK(found("정원오\n성동구청장") == V{"ko.mayor.glued_title 정원오 / 구청장"});
  CHECK(found("성동구청장 정원오") == V{});
}

// Collect takes title and name from the whole match where the pattern's shape
// fixes them (Groups::kFromMatch): it must find exactly what RE2's capturing
// calls find, on every story and whole document of the corpus and the seeds,
// and on the examples table's texts.
TEST_CASE("mayor: groups taken from the matches equal RE2's captures", "[mayor]") {
  const MayorExtractor from_match(Lexicons(), MayorExtractor::Groups::kFromMatch);
  const MayorExtractor captured(Lexicons(), MayorExtractor::Groups::kCapture);
  auto describe = [](const std::vector<MayorExtractor::Candidate>& candidates) {
    std::vector<std::string> out;
    for (const auto& c : candidates) {
      out.push_back(std::string(c.rule) + " " + std::to_string(c.begin) + "-" +
                    std::to_string(c.end) + " " + c.name + " / " + c.title + " tier " +
                    std::to_string(c.tier) + " govs " + std::to_string(c.governments.size()));
    }
    return out;
  };
  std::map<std::string, size_t> by_rule;
  auto compare = [&](const Document& doc, const std::string& label) {
    std::vector<std::pair<size_t, size_t>> ranges = {{0, doc.work.size()}};
    for (const auto& story : doc.stories) ranges.emplace_back(story.begin, story.end);
    for (const auto& [begin, end] : ranges) {
      const auto expected = captured.Collect(doc, begin, end);
      INFO(label << " [" << begin << ", " << end << ")");
      CHECK(describe(from_match.Collect(doc, begin, end)) == describe(expected));
      for (const auto& c : expected) ++by_rule[std::string(c.rule)];
    }
  };
  for (const auto& file : testing::CorpusAndSeedTexts())
    compare(testing::Process(testing::ReadFile(file)), file);
  // Titles holding a space, spaces of every kind, names running on.
  for (const char* text :
       {"김미경 구청장 권한대행은 말했다. 정원오\t성동구청장 권한대행과 박준희 구청장.",
        "관악구(구청장 권한대행 김미경)는, 성동구( 정원오  구청장 )는, 동구(구청장정원오)",
        "Gwanak-gu ( Acting District Mayor  Park Jun-hee ) and Jung-gu\n(Mayor\tKim Min-su)",
        "Seongdong-gu Acting District Mayor\r\nJung Won-oh met Mayor Park Jun-hee and "
        "head of the district office Lee Seung-ro. Kim Mi-kyung,  the head of the district, "
        "spoke."}) {
    compare(testing::HandDocument(text), text);
  }
  for (const auto& row : Lexicons().ReadTsv("../extractors/mayor/examples.tsv"))
    compare(testing::HandDocument(Unescape(row.Get("text"))), row.Where());
  // Every pattern whose groups are split from its match is exercised.
  for (const char* rule :
       {"en.mayor.lead_paren", "en.mayor.district_title_name", "en.mayor.title_name",
        "ko.mayor.lead_paren", "ko.mayor.glued_title", "ko.mayor.name_title"}) {
    INFO(rule);
    CHECK(by_rule[rule] >= 3);
  }
}

// A title with a space at an edge would move the run of spaces Collect splits
// its matches at: the lexicon is refused when the extractor is built.
TEST_CASE("mayor: a title starting or ending with a space is refused", "[mayor]") {
  const testing::LexiconCopy lexicons;
  lexicons.AddRow("mayor_titles.tsv", "Deputy Mayor \ten");
  CHECK_THROWS_WITH(MayorExtractor(LexiconDir(lexicons.dir)), Catch::Contains("'Deputy Mayor '"));
}

// What may stand between `Name,` and its title is data (mayor_between.tsv):
// a rule author adds `its current` without touching C++, and the spaces in
// a row match any run of spaces.
TEST_CASE("mayor: words between a name's comma and its title come from the lexicon", "[mayor]") {
  auto found = [](const MayorExtractor& mayor, const std::string& text) {
    const Document doc = testing::HandDocument(text);
    std::vector<std::string> out;
    for (const auto& c : mayor.Collect(doc, 0, doc.work.size())) {
      out.push_back(std::string(c.rule) + " " + c.name + " / " + c.title);
    }
    return out;
  };
  using V = std::vector<std::string>;
  const std::string text = "Kim Mi-kyung, its  current\n mayor, said";
  const testing::LexiconCopy lexicons;
  CHECK(found(MayorExtractor(LexiconDir(lexicons.dir)), text) == V{});
  lexicons.AddRow("mayor_between.tsv", "its current\tKim Mi-kyung, its current mayor, said");
  const MayorExtractor extended{LexiconDir(lexicons.dir)};
  CHECK(found(extended, text) == V{"en.mayor.name_title Kim Mi-kyung / mayor"});
  // The shipped `the` still works, and a row's words must all be there.
  CHECK(found(extended, "Kim Mi-kyung, the mayor") ==
        V{"en.mayor.name_title Kim Mi-kyung / mayor"});
  CHECK(found(extended, "Kim Mi-kyung, current mayor") == V{});
}

// ExtractStories collects the document's names of each script once for all
// its stories: every story must get what Extract alone gives it.
TEST_CASE("mayor: a roundup's stories get what each gets alone", "[mayor]") {
  const DistrictExtractor district(Lexicons());
  const MayorExtractor mayor(Lexicons());
  const std::string first = "성동구(구청장 정원오)는 일자리 5천 개를 만든다.\n";
  const std::string second = "동작구(구청장 박일하)는 청년 일자리를 늘린다.\n";
  const std::string third = "Gwanak-gu (Mayor Park Jun-hee) aims for 3,000 jobs.\n";
  const std::string tail =
      "Seongdong-gu Mayor Jung Won-oh and Dongjak-gu Mayor Park Il-ha spoke.\n"
      "박준희 관악구청장은 말했다.\n";
  auto roundup = [&] {
    Document doc = testing::HandDocument(first + second + third + tail, "mixed");
    Story story = doc.stories[0];
    story.sentences.clear();
    doc.stories.clear();
    size_t at = 0;
    for (const auto& part : {first, second, third + tail}) {
      story.index = static_cast<int>(doc.stories.size());
      story.begin = at;
      story.end = at + part.size();
      doc.stories.push_back(story);
      at += part.size();
    }
    for (auto& s : doc.stories) district.Extract(doc, s);
    return doc;
  };
  auto describe = [](const Story& story) -> std::string {
    if (!story.mayor) return "-";
    return story.mayor->name_ko.value_or("?") + " / " + story.mayor->name_en.value_or("?") + " " +
           story.mayor->rule;
  };
  Document together = roundup();
  mayor.ExtractStories(together);
  Document alone = roundup();
  for (auto& s : alone.stories) mayor.Extract(alone, s);
  REQUIRE(together.stories.size() == 3);
  for (size_t i = 0; i < 3; ++i) {
    INFO("story " << i);
    CHECK(describe(together.stories[i]) == describe(alone.stories[i]));
  }
  CHECK(describe(together.stories[0]) == "정원오 / Jung Won-oh ko.mayor.lead_paren");
  CHECK(describe(together.stories[2]) == "박준희 / Park Jun-hee en.mayor.lead_paren");
}

}  // namespace
}  // namespace newsie
