#include <catch2/catch.hpp>
#include <iostream>
#include <string>
#include <vector>

#include "tests/test_support.h"

namespace newsie {
namespace {

using testing::Process;
using testing::ReadFile;
using testing::SourceDir;

Document Seed(const std::string& name) {
  return Process(ReadFile(SourceDir() / "../shared/seeds" / name));
}

std::string Headline(const Document& doc, const Story& story) {
  return story.headline ? std::string(doc.Work(story.headline->first, story.headline->second))
                        : std::string();
}

// The stories as "lead start | headline" lines, for readable failures.
std::vector<std::string> Describe(const Document& doc) {
  std::vector<std::string> out;
  for (const auto& story : doc.stories) {
    out.push_back(std::string(doc.Work(story.begin, std::min(story.end, story.begin + 24))) +
                  " | " + Headline(doc, story));
  }
  return out;
}

// Story text must not contain what the boilerplate stage removes.
void CheckClean(const Document& doc) {
  for (const auto& story : doc.stories) {
    for (int i : story.sentences) {
      const std::string_view s = doc.Work(doc.sentences[i].begin, doc.sentences[i].end);
      for (const char* chrome : {"All rights reserved", "Special Coverage", "Join us on social",
                                 "Reporter Park", "bar_progress", "Text Size", "무단전재",
                                 "dream@asiae", "- 아시아경제", "기자 ", "본문 바로가기"}) {
        INFO(s);
        CHECK(s.find(chrome) == std::string_view::npos);
      }
    }
    // Spans do not include removed lines at their edges.
    for (const auto& r : doc.removed) {
      CHECK_FALSE((r.begin <= story.begin && story.begin < r.end));
      CHECK_FALSE((r.begin < story.end && story.end <= r.end));
    }
  }
}

}  // namespace

TEST_CASE("stories: seed 000 holds one Gwanak story", "[stories]") {
  const Document doc = Seed("000_c0d990b8704e05cf.txt");
  INFO(::Catch::Detail::stringify(Describe(doc)));
  REQUIRE(doc.stories.size() == 1);
  CHECK(doc.Work(doc.stories[0].begin, doc.stories[0].end).starts_with("Gwanak-gu (Mayor Park"));
  CHECK(Headline(doc, doc.stories[0]) == "Gwanak-gu to Create 12,100 Jobs This Year");
  CHECK(doc.Work(doc.stories[0].begin, doc.stories[0].end)
            .ends_with("prosperous place for residents.\""));
  CheckClean(doc);
}

TEST_CASE("stories: seed 001 holds Gwangjin and Eunpyeong", "[stories]") {
  const Document doc = Seed("001_9a8c6b2dc414c7a7.txt");
  INFO(::Catch::Detail::stringify(Describe(doc)));
  REQUIRE(doc.stories.size() == 2);
  CHECK(doc.Work(doc.stories[0].begin, doc.stories[0].end).starts_with("Gwangjin-gu (Mayor Kim"));
  CHECK(doc.Work(doc.stories[1].begin, doc.stories[1].end).starts_with("Eunpyeong-gu (Mayor Kim"));
  CHECK(Headline(doc, doc.stories[0]) == "Gwangjin-gu to Create 24,000 Public Jobs by 2026");
  CHECK(Headline(doc, doc.stories[1]) ==
        "Eunpyeong-gu Aims for 65% Employment Rate and 50,000 Jobs by 2026");
  // The repeated page title between the stories belongs to neither.
  CHECK(doc.Work(doc.stories[0].begin, doc.stories[0].end).find("Public Jobs by 2026") ==
        std::string_view::npos);
  CHECK(doc.metadata.byline == "Asia Economy Reporter Park Jong-il");
  CheckClean(doc);
}

TEST_CASE("stories: seed 002 holds Seongdong, Gwanak and Seongbuk", "[stories]") {
  const Document doc = Seed("002_fbccf1c3bcbfbd53.txt");
  INFO(::Catch::Detail::stringify(Describe(doc)));
  REQUIRE(doc.stories.size() == 3);
  CHECK(doc.Work(doc.stories[0].begin, doc.stories[0].end).starts_with("Seongdong-gu (Mayor"));
  CHECK(doc.Work(doc.stories[1].begin, doc.stories[1].end).starts_with("Gwanak-gu (Mayor"));
  CHECK(doc.Work(doc.stories[2].begin, doc.stories[2].end).starts_with("Seongbuk-gu (Mayor"));
  CHECK(Headline(doc, doc.stories[0]) ==
        "Seongdong-gu, What Is the Secret Behind Winning the Job Award for 8 Consecutive Years?");
  CHECK(Headline(doc, doc.stories[1]) ==
        "Gwanak-gu Wins 2022 National Local Government Job Awards");
  CHECK(Headline(doc, doc.stories[2]) ==
        "Seongbuk-gu Wins National Local Government Job Awards Two Years in a Row");
  CheckClean(doc);
}

TEST_CASE("stories: seed 003 (one paragraph per line) holds Geumcheon and Jung-gu", "[stories]") {
  const Document doc = Seed("003_a11d8efc9a0c16e7.txt");
  INFO(::Catch::Detail::stringify(Describe(doc)));
  REQUIRE(doc.stories.size() == 2);
  CHECK(doc.Work(doc.stories[0].begin, doc.stories[0].end).starts_with("Geumcheon-gu (Mayor Yu"));
  CHECK(doc.Work(doc.stories[1].begin, doc.stories[1].end).starts_with("Jung-gu, Seoul, is"));
  CHECK(Headline(doc, doc.stories[0]) ==
        "Geumcheon-gu Holds Final Report Meeting of Innovation TF for 8th Term District "
        "Administration");
  CHECK(Headline(doc, doc.stories[1]) ==
        "Jung-gu Directly Connects Small Business Owners and Job Seekers in Post-Corona Era");
  CheckClean(doc);
}

TEST_CASE("stories: seed 004 holds one Seongdong story", "[stories]") {
  const Document doc = Seed("004_88be68f603862666.txt");
  INFO(::Catch::Detail::stringify(Describe(doc)));
  REQUIRE(doc.stories.size() == 1);
  CHECK(
      doc.Work(doc.stories[0].begin, doc.stories[0].end).starts_with("서울 성동구(구청장 정원오)"));
  CHECK(Headline(doc, doc.stories[0]) == "성동구, 올해 지속가능한 양질의 일자리 8600개 만든다");
  CHECK(doc.metadata.byline == "박종일 기자");
  CheckClean(doc);
}

TEST_CASE("stories: Korean roundup fixture with captions, dateline and related list", "[stories]") {
  const Document doc = Process(ReadFile(SourceDir() / "tests/data/text/ko_roundup.txt"));
  INFO(::Catch::Detail::stringify(Describe(doc)));
  REQUIRE(doc.stories.size() == 2);
  CHECK(doc.Work(doc.stories[0].begin, doc.stories[0].end).starts_with("서울 도봉구(구청장"));
  CHECK(doc.Work(doc.stories[1].begin, doc.stories[1].end).starts_with("서울 노원구(구청장"));
  CHECK(Headline(doc, doc.stories[0]) == "도봉구, 청년 창업공간 두 곳 새로 연다");
  CHECK(Headline(doc, doc.stories[1]) == "노원구, 중장년 재취업 박람회 개최");
  CHECK(doc.stories[0].lang == "ko");
  CHECK(doc.source.lang == "ko");
  CheckClean(doc);
}

TEST_CASE("stories: a page without a lead is one story after its title", "[stories]") {
  const Document doc = Process("Job fair draws 2,000\n\nThe fair drew 2,000 visitors on Friday.\n");
  REQUIRE(doc.stories.size() == 1);
  CHECK(Headline(doc, doc.stories[0]) == "Job fair draws 2,000");
  CHECK(doc.Work(doc.stories[0].begin, doc.stories[0].end) ==
        "The fair drew 2,000 visitors on Friday.");
}

}  // namespace newsie
