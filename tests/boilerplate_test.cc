#include "pipeline/boilerplate.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "pipeline/decode.h"
#include "pipeline/normalize.h"
#include "tests/test_support.h"

namespace newsie {
namespace {

using testing::LexiconCopy;
using testing::Process;
using testing::ReadFile;
using testing::SourceDir;

// The removed line texts with their kinds: "kind: text".
std::vector<std::string> Removed(const Document& doc) {
  std::vector<std::string> out;
  for (const auto& r : doc.removed)
    out.push_back(r.kind + ": " + std::string(doc.Work(r.begin, r.end)));
  return out;
}

bool HasRemoved(const Document& doc, const std::string& kind, std::string_view text) {
  for (const auto& r : doc.removed) {
    if (r.kind == kind && doc.Work(r.begin, r.end).find(text) != std::string_view::npos)
      return true;
  }
  return false;
}

}  // namespace

TEST_CASE("boilerplate: Korean fixture chrome, captions, bylines, copyright, related",
          "[boilerplate]") {
  const Document doc = Process(ReadFile(SourceDir() / "tests/data/text/ko_roundup.txt"));
  INFO(::Catch::Detail::stringify(Removed(doc)));
  CHECK(HasRemoved(doc, "chrome", "본문 바로가기"));
  CHECK(HasRemoved(doc, "chrome", "기사 읽어주기"));
  CHECK(HasRemoved(doc, "chrome", "폰트 확대"));
  CHECK(HasRemoved(doc, "caption", "사진=도봉구청 제공"));
  CHECK(HasRemoved(doc, "byline", "[아시아경제 김하늘 기자]"));
  CHECK(HasRemoved(doc, "byline", "sky@asiae.co.kr"));
  CHECK(HasRemoved(doc, "copyright", "무단전재"));
  CHECK(HasRemoved(doc, "related", "도심 속 캠핑장"));
  CHECK(HasRemoved(doc, "related", "산불 예방 수칙은?"));
  CHECK(HasRemoved(doc, "dateline", "입력 2023-05-17"));
  // Metadata: the printed date and the first byline.
  CHECK(doc.metadata.printed_date == "2023-05-17");
  REQUIRE(doc.metadata.printed_date_span);
  CHECK(doc.OriginalText(*doc.metadata.printed_date_span) == "2023-05-17");
  CHECK(doc.metadata.byline == "아시아경제 김하늘 기자");
  // Every removal names its lexicon row.
  for (const auto& r : doc.removed) CHECK(r.entry.starts_with("boilerplate.tsv:"));
  // Sorted and non-overlapping.
  for (size_t i = 1; i < doc.removed.size(); ++i) {
    CHECK(doc.removed[i - 1].end <= doc.removed[i].begin);
  }
}

TEST_CASE("boilerplate: English fixture and seeds", "[boilerplate]") {
  const Document doc = Process(ReadFile(SourceDir() / "tests/data/text/en_single.txt"));
  INFO(::Catch::Detail::stringify(Removed(doc)));
  for (const char* chrome : {"Skip to main content", "bar_progress", "Text Size", "Close",
                             "Special Coverage", "Join us on social!", "Top"}) {
    CHECK(HasRemoved(doc, "chrome", chrome));
  }
  CHECK(HasRemoved(doc, "copyright", "All rights reserved"));
  CHECK(doc.metadata.byline == "Asia Economy Reporter Kim Ha-neul");

  const Document seed3 =
      Process(ReadFile(SourceDir() / "../shared/seeds/003_a11d8efc9a0c16e7.txt"));
  CHECK(HasRemoved(seed3, "image", "![Clutching"));
}

TEST_CASE("boilerplate: a section menu in plain words and reader widgets are chrome",
          "[boilerplate]") {
  const Document doc = Process(
      "Gyeongin Daily Post\n"
      "Politics Economy Society Gyeonggi Incheon Opinion Photo\n"
      "Listen to article\n"
      "Font size +\n"
      "Font size -\n"
      "Economy Grows as Incheon Adds Jobs\n"
      "Politics Opinion\n"
      "Namdong-gu (Mayor Lee Kang-ho) will create 15,600 jobs this year.\n");
  CHECK(Removed(doc) == std::vector<std::string>{
                            "chrome: Politics Economy Society Gyeonggi Incheon Opinion Photo",
                            "chrome: Listen to article",
                            "chrome: Font size +",
                            "chrome: Font size -",
                        });
  // A title-case headline with one section word, or a line of two, stays:
  // the menu row asks for three section names and nothing but capitalised words.
}

TEST_CASE("boilerplate: a list header takes its items with it, up to a blank line",
          "[boilerplate]") {
  const Document doc = Process(
      "서울 강서구(구청장 진교훈)는 올해 일자리 9000개를 만든다고 밝혔다.\n"
      "\n"
      "▲ 강서구청 전경. ▲ 사진=강서구청 제공\n"
      "관련기사\n"
      "강서구, 청년 창업 공간 문 열어\n"
      "마곡 산업단지 입주 기업 늘어\n"
      "\n"
      "많이 본 뉴스\n"
      "1 지하철 9호선 급행 증편\n"
      "구는 이 계획을 다음 달 확정한다.\n");
  CHECK(Removed(doc) == std::vector<std::string>{
                            "caption: ▲ 강서구청 전경. ▲ 사진=강서구청 제공",
                            "list: 관련기사",
                            "related: 강서구, 청년 창업 공간 문 열어",
                            "related: 마곡 산업단지 입주 기업 늘어",
                            "list: 많이 본 뉴스",
                            "related: 1 지하철 9호선 급행 증편",
                        });
  // The items are named by the header's row, and a sentence ends the list.
  REQUIRE(doc.removed.size() == 6);
  CHECK(doc.removed[2].entry == doc.removed[1].entry);
  CHECK_FALSE(HasRemoved(doc, "related", "구는 이 계획을"));
}

TEST_CASE("boilerplate: dates printed as 기사등록 YYYY/MM/DD", "[boilerplate]") {
  const Document doc = Process(
      "구로구, 청년 일자리 박람회\n기사등록 2020/04/24 10:00:00\n구름많음서울 18.2℃\n"
      "서울 구로구(구청장 문헌일)는 24일 박람회를 연다고 밝혔다.\n");
  CHECK(doc.metadata.printed_date == "2020-04-24");
  CHECK(HasRemoved(doc, "weather", "구름많음서울 18.2℃"));
  REQUIRE(doc.stories.size() == 1);
  CHECK(doc.Work(doc.stories[0].begin, doc.stories[0].end).starts_with("서울 구로구"));
}

TEST_CASE("boilerplate: a dateline that is not a day is removed but gives no date",
          "[boilerplate]") {
  // 2월 30일 is no day: the next stamp's date is the printed one.
  const Document doc = Process(
      "구로구, 청년 일자리 박람회\n입력 2023-02-30 10:00\n작성일 : 2023.03.01\n"
      "서울 구로구(구청장 문헌일)는 24일 박람회를 연다고 밝혔다.\n");
  CHECK(HasRemoved(doc, "dateline", "입력 2023-02-30 10:00"));
  CHECK(HasRemoved(doc, "dateline", "작성일 : 2023.03.01"));
  CHECK(doc.metadata.printed_date == "2023-03-01");
}

TEST_CASE("boilerplate: a new outlet's chrome is added by editing the lexicon only",
          "[boilerplate]") {
  const std::string page =
      "Daily Gwangju Herald | Menu\n"
      "Dong-gu (Mayor Im Taek) will hire 300 residents for public jobs this year.\n"
      "Reader Poll: Which bus line needs more service?\n";
  // With the shipped lexicons the outlet's menu and poll lines are text.
  const LexiconCopy lexicons;
  PipelineOptions options{LexiconDir(lexicons.dir), {}};
  auto run = [&](const PipelineOptions& opts) {
    Document doc;
    doc.input.bytes = page;
    REQUIRE(MakeDecodeStage(opts)->Run(doc).ok());
    REQUIRE(MakeNormalizeStage(opts)->Run(doc).ok());
    REQUIRE(MakeBoilerplateStage(opts)->Run(doc).ok());
    return doc;
  };
  CHECK(run(options).removed.empty());
  lexicons.AddRow("boilerplate.tsv",
                  "chrome\tline\tDaily Gwangju Herald \\| Menu\ta new outlet's menu bar");
  lexicons.AddRow("boilerplate.tsv", "chrome\tline\tReader Poll: .*\tits poll widget");
  const Document doc = run(options);
  REQUIRE(doc.removed.size() == 2);
  CHECK(doc.Work(doc.removed[0].begin, doc.removed[0].end) == "Daily Gwangju Herald | Menu");
  CHECK(doc.removed[1].entry.starts_with("boilerplate.tsv:"));
}

TEST_CASE("boilerplate: a whole-line rule wins over a line-start rule, which takes only its part",
          "[boilerplate]") {
  const LexiconCopy lexicons;
  // Both rows come after the shipped ones; the prefix row comes first.
  lexicons.AddRow("boilerplate.tsv", "chrome\tprefix\tHERALD WIRE\\s*\ta wire prefix");
  lexicons.AddRow("boilerplate.tsv", "weather\tline\tHERALD WIRE: sunny, \\d+C\ta weather box");
  PipelineOptions options{LexiconDir(lexicons.dir), {}};
  Document doc;
  doc.input.bytes =
      "HERALD WIRE: sunny, 21C\n"
      "HERALD WIRE Dong-gu (Mayor Im Taek) will hire 300 residents.\n"
      "Not HERALD WIRE at the start.\n";
  REQUIRE(MakeDecodeStage(options)->Run(doc).ok());
  REQUIRE(MakeNormalizeStage(options)->Run(doc).ok());
  REQUIRE(MakeBoilerplateStage(options)->Run(doc).ok());
  CHECK(Removed(doc) ==
        std::vector<std::string>{"weather: HERALD WIRE: sunny, 21C", "chrome: HERALD WIRE "});
}

TEST_CASE("boilerplate: a bad lexicon row is reported with its line", "[boilerplate]") {
  const auto dir = std::filesystem::temp_directory_path() / "newsie-boilerplate-bad-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "boilerplate.tsv") << "kind\tscope\tpattern\nchrome\tline\t(unclosed\n";
  CHECK_THROWS_WITH(MakeBoilerplateStage(PipelineOptions{LexiconDir(dir), {}}),
                    Catch::Contains("boilerplate.tsv:2"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("boilerplate: a line's rule remembered from an earlier page is the one the set chooses",
          "[boilerplate]") {
  // The stage remembers, per thread, the rule it chose for each short
  // matched line. Every corpus and seed page is run once by a stage of its
  // own (nothing remembered: the set is asked) and then, twice over, by one
  // stage for all (lines seen on earlier pages answered from memory): the
  // removals and metadata must not differ.
  const PipelineOptions options{LexiconDir(SourceDir() / "lexicons"), {}};
  auto run = [](const Stage& boilerplate, const PipelineOptions& opts, const std::string& bytes) {
    Document doc;
    doc.input.bytes = bytes;
    REQUIRE(MakeDecodeStage(opts)->Run(doc).ok());
    REQUIRE(MakeNormalizeStage(opts)->Run(doc).ok());
    REQUIRE(boilerplate.Run(doc).ok());
    std::vector<std::string> out = Removed(doc);
    for (const auto& r : doc.removed) out.push_back(r.entry);
    out.push_back(doc.metadata.byline.value_or("-"));
    out.push_back(doc.metadata.printed_date.value_or("-"));
    return out;
  };
  std::vector<std::string> pages;
  for (const auto& dir : {SourceDir() / "corpus", SourceDir() / "../shared/seeds"}) {
    if (!std::filesystem::exists(dir)) continue;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
      if (e.is_regular_file()) pages.push_back(ReadFile(e.path()));
    }
  }
  REQUIRE(pages.size() > 20);
  std::vector<std::vector<std::string>> asked;
  for (const auto& page : pages)
    asked.push_back(run(*MakeBoilerplateStage(options), options, page));
  const auto shared = MakeBoilerplateStage(options);
  size_t removed = 0;
  for (int round = 0; round < 2; ++round) {
    for (size_t i = 0; i < pages.size(); ++i) {
      INFO("page " << i << ", round " << round);
      CHECK(run(*shared, options, pages[i]) == asked[i]);
      removed += (asked[i].size() - 2) / 2;  // "kind: text" and entry per removal
    }
  }
  CHECK(removed > 100);  // lines the second round answered from memory
}

}  // namespace newsie
