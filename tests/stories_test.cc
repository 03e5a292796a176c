#include "pipeline/stories.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/test_support.h"

namespace newsie {
namespace {

using Json = nlohmann::json;
using testing::Process;
using testing::ReadFile;
using testing::SourceDir;

Document Seed(const std::string& name) {
  return Process(ReadFile(SourceDir() / "../shared/seeds" / name));
}

// A seed's lines as the file has them (trailing spaces and CR dropped): the
// tests read expected headlines from the seeds instead of copying them here.
std::vector<std::string> SeedLines(const std::string& name) {
  std::vector<std::string> lines;
  std::istringstream file(ReadFile(SourceDir() / "../shared/seeds" / name));
  for (std::string line; std::getline(file, line);) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

// The text of seed `name` from the first `key` to the end of its line or to
// the next "..." (a part of a roundup's header line); "" if none.
std::string SeedTextFrom(const std::string& name, std::string_view key) {
  for (const std::string& line : SeedLines(name)) {
    const size_t at = line.find(key);
    if (at == std::string::npos) continue;
    std::string text = line.substr(at, line.find("...", at) - at);
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text;
  }
  return "";
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

namespace {

// The text of each line of a story's deck.
std::vector<std::string> DeckOf(const Document& doc, const Story& story) {
  std::vector<std::string> out;
  for (const auto& [begin, end] : story.deck) out.emplace_back(doc.Work(begin, end));
  return out;
}

}  // namespace

TEST_CASE("stories: seed 000's deck is the two lines under its title", "[stories]") {
  const Document doc = Seed("000_c0d990b8704e05cf.txt");
  REQUIRE(doc.stories.size() == 1);
  const Story& story = doc.stories[0];
  // The deck is the seed's lines 10 and 11, as the file has them (read from
  // it, not copied here); the first holds the 66.9 % goal.
  const std::vector<std::string> lines = SeedLines("000_c0d990b8704e05cf.txt");
  REQUIRE(lines.size() > 11);
  CHECK(DeckOf(doc, story) == std::vector<std::string>{lines[9], lines[10]});
  CHECK(lines[9].ends_with("66.9% Employment Rate"));
  // The span still starts at the lead; the deck's sentences are apart from
  // the body's, marked, and carry their quantities.
  CHECK(doc.Work(story.begin, story.end).starts_with("Gwanak-gu (Mayor Park"));
  REQUIRE(story.deck_sentences.size() == 2);
  for (const int i : story.sentences) CHECK_FALSE(doc.sentences[i].deck);
  const Sentence& first = doc.sentences[story.deck_sentences[0]];
  CHECK(first.deck);
  CHECK(first.story == 0);
  CHECK(first.end <= story.begin);
  bool rate = false;
  for (const Quantity& q : first.quantities) rate |= q.kind == QuantityKind::kPercent;
  CHECK(rate);
}

TEST_CASE("stories: the deck skips repeats of the title and stops at body text", "[stories]") {
  struct Case {
    const char* why;
    const char* text;
    std::vector<std::string> deck;
  };
  const std::vector<Case> cases = {
      {"masthead and menu above the title are not deck; the repeated title is skipped",
       "Harbour Times\nHome | Local | Economy\nMapo-gu Hires 50 Guides for the Spring Season\n"
       "Guides Start in April... Targeting 61% Employment Rate\n"
       "Mapo-gu Hires 50 Guides for the Spring Season\n"
       "Mapo-gu (Mayor Park Kang-su) will hire 50 tour guides this spring.\n",
       {"Guides Start in April... Targeting 61% Employment Rate"}},
      {"a sentence under the title is text the leads missed: the deck ends above it",
       "Mapo-gu Hires 50 Guides for the Spring Season\nGuides Start in April\n"
       "The district said on Monday it will hire guides.\nA Second Heading\n"
       "Mapo-gu (Mayor Park Kang-su) will hire 50 tour guides this spring.\n",
       {"Guides Start in April"}},
      {"a Korean deck line may close on a quoted phrase (`…` reads as `...` in work)",
       "중랑구, 올해 일자리 1만 2천개 만든다\n"
       "청년 창업 공간 확대…\"동북권 경제 중심으로\"\n"
       "서울 중랑구(구청장 류경기)는 올해 일자리 1만 2천개를 만든다.\n",
       {"청년 창업 공간 확대...\"동북권 경제 중심으로\""}},
  };
  for (const Case& c : cases) {
    INFO(c.why);
    const Document doc = Process(c.text);
    REQUIRE(doc.stories.size() == 1);
    CHECK(DeckOf(doc, doc.stories[0]) == c.deck);
  }
}

TEST_CASE("stories: body text right above the first lead is the first story's", "[stories]") {
  struct Case {
    const char* why;
    const char* text;
    const char* starts_with;  // the first story's first words
  };
  const std::vector<Case> cases = {
      {"the lead paragraph the lead patterns missed, naming the lead's government",
       "Namdong-gu Will Create 15,600 Jobs This Year\n"
       "Incheon's Namdong-gu will create 15,600 jobs this year and push its employment rate "
       "to 63.0%.\n"
       "Namdong-gu (Mayor Lee Kang-ho) said the plan leans on the industrial complex.\n",
       "Incheon's Namdong-gu will create"},
      {"a paragraph naming another government is a story whose lead was missed: left out",
       "Four Districts Set Job Goals\n"
       "Daejeon's Jung-gu is aiming for 3,755 jobs this year, the district said.\n"
       "Seo-gu (Mayor Seo Cheol-mo) has set an employment rate goal of 77.8%.\n",
       "Seo-gu (Mayor Seo Cheol-mo)"},
      {"a headline between the body text and the lead: another page's header, left out",
       "Mapo-gu Hires 50 Guides for the Spring Season\n"
       "The district said on Monday it will hire guides.\n"
       "A Second Heading\n"
       "Mapo-gu (Mayor Park Kang-su) will hire 50 tour guides this spring.\n",
       "Mapo-gu (Mayor Park Kang-su)"},
      {"a Korean line without a full stop that ends as reported speech (headlines.tsv's "
       "reported_ending: 밝혔다) is body text, not a second heading",
       "관악구 일자리 1만개 만든다\n"
       "서울 관악구는 올해 일자리 1만개를 만든다고 밝혔다\n\n"
       "서울 관악구(구청장 박준희)는 올해 일자리 1만개를 창출할 계획이라고 3일 밝혔다.\n",
       "서울 관악구는 올해 일자리 1만개를"},
  };
  for (const Case& c : cases) {
    INFO(c.why);
    const Document doc = Process(c.text);
    REQUIRE_FALSE(doc.stories.empty());
    CHECK(doc.Work(doc.stories[0].begin, doc.stories[0].end).starts_with(c.starts_with));
  }
  // Read as the story's, the missed paragraph gives its facts.
  const Document doc = Process(cases[0].text);
  std::vector<double> targets;
  for (const auto& t : doc.stories[0].targets) targets.push_back(t.value.real);
  CHECK(targets == std::vector<double>{15600, 63.0});
}

TEST_CASE("stories: a roundup page has no deck", "[stories]") {
  const Document doc = Process(
      "[Town Briefs] Mapo-gu Hires 50 Guides... Yongsan-gu Opens Job Cafe\n"
      "Two Districts Add Jobs for the Spring\n"
      "Mapo-gu (Mayor Park Kang-su) will hire 50 tour guides this spring.\n"
      "Yongsan-gu has opened a job cafe near the station.\n");
  REQUIRE(doc.stories.size() == 2);
  for (const Story& story : doc.stories) {
    CHECK(story.deck.empty());
    CHECK(story.deck_sentences.empty());
  }
}

TEST_CASE("stories: seed 001 holds Gwangjin and Eunpyeong", "[stories]") {
  const Document doc = Seed("001_9a8c6b2dc414c7a7.txt");
  INFO(::Catch::Detail::stringify(Describe(doc)));
  REQUIRE(doc.stories.size() == 2);
  CHECK(doc.Work(doc.stories[0].begin, doc.stories[0].end).starts_with("Gwangjin-gu (Mayor Kim"));
  CHECK(doc.Work(doc.stories[1].begin, doc.stories[1].end).starts_with("Eunpyeong-gu (Mayor Kim"));
  const std::string seed = "001_9a8c6b2dc414c7a7.txt";
  CHECK(Headline(doc, doc.stories[0]) == SeedTextFrom(seed, "Gwangjin-gu to Create"));
  CHECK(Headline(doc, doc.stories[1]) == SeedTextFrom(seed, "Eunpyeong-gu Aims for"));
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
  const std::string seed = "002_fbccf1c3bcbfbd53.txt";
  CHECK(Headline(doc, doc.stories[0]) == SeedTextFrom(seed, "Seongdong-gu, What Is"));
  CHECK(Headline(doc, doc.stories[1]) == SeedTextFrom(seed, "Gwanak-gu Wins 2022"));
  CHECK(Headline(doc, doc.stories[2]) == SeedTextFrom(seed, "Seongbuk-gu Wins"));
  CheckClean(doc);
}

TEST_CASE("stories: seed 003 (one paragraph per line) holds Geumcheon and Jung-gu", "[stories]") {
  const Document doc = Seed("003_a11d8efc9a0c16e7.txt");
  INFO(::Catch::Detail::stringify(Describe(doc)));
  REQUIRE(doc.stories.size() == 2);
  CHECK(doc.Work(doc.stories[0].begin, doc.stories[0].end).starts_with("Geumcheon-gu (Mayor Yu"));
  CHECK(doc.Work(doc.stories[1].begin, doc.stories[1].end).starts_with("Jung-gu, Seoul, is"));
  const std::string seed = "003_a11d8efc9a0c16e7.txt";
  CHECK(Headline(doc, doc.stories[0]) == SeedTextFrom(seed, "Geumcheon-gu Holds Final"));
  CHECK(Headline(doc, doc.stories[1]) == SeedTextFrom(seed, "Jung-gu Directly Connects"));
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

namespace {

// Each story's text starts with `leads[i]`.
void CheckLeads(const Document& doc, const std::vector<std::string>& leads) {
  INFO(::Catch::Detail::stringify(Describe(doc)));
  REQUIRE(doc.stories.size() == leads.size());
  for (size_t i = 0; i < leads.size(); ++i) {
    CHECK(doc.Work(doc.stories[i].begin, doc.stories[i].end).starts_with(leads[i]));
  }
}

TEST_CASE("stories: a lead may name its region with a possessive or a section tag", "[stories]") {
  CheckLeads(Process("Metro Roundup\n"
                     "Busan's Nam-gu (Mayor Oh Eun-taek) will hire 40 park wardens.\n"
                     "The wardens start in May.\n"
                     "Suyeong-gu Opens Beach Job Desk\n"
                     "[Busan Briefs] Suyeong-gu (Mayor Kang Seong-tae) opened a job desk.\n"),
             {"Busan's Nam-gu (Mayor", "[Busan Briefs] Suyeong-gu (Mayor"});
  CheckLeads(Process("지역 소식\n"
                     "부산 남구(청장 오은택)는 공원 관리인 40명을 뽑는다.\n"
                     "관리인은 5월부터 일한다.\n"
                     "대전 유성구(청장 정용래)는 박람회를 연다.\n"),
             {"부산 남구(청장", "대전 유성구(청장"});
}

TEST_CASE("stories: a section marker naming a government starts its story", "[stories]") {
  CheckLeads(Process("구정 소식\n"
                     "서울 강남구(구청장 조성명)는 청년 인턴 100명을 뽑는다.\n"
                     "인턴은 6개월 동안 일한다.\n"
                     "[서초구] 구는 다음 달 일자리 카페를 연다.\n"
                     "카페는 평일에 문을 연다.\n"),
             {"서울 강남구(구청장", "[서초구]"});
}

TEST_CASE("stories: a name-only lead starts a story the page announced", "[stories]") {
  // Announced by the roundup header line, one paragraph per line.
  CheckLeads(Process("[Town Briefs] Mapo-gu Hires 50 Guides... Yongsan-gu Opens Job Cafe\n"
                     "Mapo-gu (Mayor Park Kang-su) will hire 50 tour guides this spring.\n"
                     "Mapo-gu has hired guides every year since 2019.\n"
                     "Yongsan-gu has opened a job cafe near the station.\n"
                     "The cafe offers counselling on weekdays.\n"),
             {"Mapo-gu (Mayor", "Yongsan-gu has opened"});
  // Announced by the headline line just before it.
  CheckLeads(Process("구정 소식\n\n"
                     "서울 마포구(구청장 박강수)는 관광 안내원 50명을 뽑는다.\n\n"
                     "용산구, 역 앞에 일자리 카페\n\n"
                     "용산구는 역 앞에 일자리 카페를 열었다.\n\n"
                     "카페는 평일에 상담을 한다.\n"),
             {"서울 마포구(구청장", "용산구는 역 앞에"});
}

TEST_CASE("stories: a title whose quoted part names no government is no roundup line",
          "[stories]") {
  // 특례시 (a kind of city) has the shape of a government's name, and "…"
  // splits the title in two; districts.tsv does not know it, so the title
  // titles the page instead of being passed over as a roundup of two.
  const Document doc = Process(
      "뉴스로컬\n\n"
      "수원시, 올해 일자리 4만 8,600개 창출…“특례시 위상에 걸맞은 일자리”\n\n"
      "고용률 62.4% 목표…첨단 일자리 기반 확충\n\n"
      "경기 수원시(시장 이재준)가 올해 일자리 4만 8,600개를 창출하겠다고 밝혔다.\n");
  REQUIRE(doc.stories.size() == 1);
  CHECK(Headline(doc, doc.stories[0]).starts_with("수원시, 올해 일자리 4만 8,600개 창출"));
}

TEST_CASE("stories: a roundup line down the page gives each story it names its part", "[stories]") {
  // A second page glued under the first (a scrape of two articles): its
  // roundup line, under the first page's copyright line, titles its three
  // stories part by part, and the copyright line titles none.
  const Document doc = Process(
      "Mapo-gu Hires 50 Guides\n\n"
      "Mapo-gu (Mayor Park Kang-su) will hire 50 tour guides this spring.\n\n"
      "(c) Metro Herald Post\n\n"
      "[Briefs] Yeongdeungpo-gu Aims for 12,600 Jobs... Dongjak-gu Maps Out 45,000 Jobs... "
      "Jung-gu Opens Job Cafe\n\n"
      "Yeongdeungpo-gu (Mayor Choi Ho-kwon) is aiming for 12,600 jobs this year.\n\n"
      "Dongjak-gu (Mayor Park Il-ha) has mapped out 45,000 jobs over four years.\n\n"
      "Jung-gu (Mayor Kim Kil-sung) has opened a job cafe for middle-aged residents.\n");
  REQUIRE(doc.stories.size() == 4);
  INFO(::Catch::Detail::stringify(Describe(doc)));
  CHECK(Headline(doc, doc.stories[0]) == "Mapo-gu Hires 50 Guides");
  CHECK(Headline(doc, doc.stories[1]) == "Yeongdeungpo-gu Aims for 12,600 Jobs");
  CHECK(Headline(doc, doc.stories[2]) == "Dongjak-gu Maps Out 45,000 Jobs");
  CHECK(Headline(doc, doc.stories[3]) == "Jung-gu Opens Job Cafe");
}

TEST_CASE("stories: a government named alone mid-article does not start a story", "[stories]") {
  CheckLeads(Process("Mapo-gu Hires 50 Guides\n"
                     "Mapo-gu (Mayor Park Kang-su) will hire 50 tour guides this spring.\n"
                     "Yongsan-gu has run a similar scheme since 2021.\n"
                     "용산구는 비슷한 사업을 해 왔다.\n"
                     "The guides start in April.\n"),
             {"Mapo-gu (Mayor"});
}

TEST_CASE("stories: corpus roundups that were a story short", "[stories]") {
  auto doc = [](const char* path) { return Process(ReadFile(SourceDir() / path), path); };
  CheckLeads(
      doc("corpus/en/roundup-daejeon-2023.txt"),
      {"Daejeon's Jung-gu (Mayor", "Seo-gu (Mayor", "Yuseong-gu (Mayor", "Daedeok-gu (Mayor"});
  CheckLeads(doc("corpus/en/roundup-seoul-plans-2023.txt"),
             {"Yeongdeungpo-gu (Mayor", "Dongjak-gu (Mayor", "Jung-gu has opened"});
  CheckLeads(doc("corpus/ko/roundup-seoul-2024-districts.txt"),
             {"서울 금천구(구청장", "서울 중랑구(구청장", "중구는 이달"});
}

// Every corpus document: its path (or JSONL id), its bytes and its intended
// record (golden/intended).
struct CorpusDoc {
  std::string id;
  std::string bytes;
  Json intended;
};

std::vector<CorpusDoc> CorpusDocs() {
  namespace fs = std::filesystem;
  const fs::path root = SourceDir();
  auto read_json = [](const fs::path& p) { return Json::parse(ReadFile(p)); };
  std::vector<CorpusDoc> docs;
  for (const char* lang : {"en", "ko"}) {
    for (const auto& entry : fs::directory_iterator(root / "corpus" / lang)) {
      if (entry.path().extension() != ".txt") continue;
      const fs::path golden =
          root / "golden/intended" / lang / entry.path().filename().replace_extension(".json");
      if (!fs::exists(golden)) continue;
      docs.push_back({std::string(lang) + "/" + entry.path().filename().string(),
                      ReadFile(entry.path()), read_json(golden)});
    }
  }
  for (const auto& entry : fs::directory_iterator(root / "corpus/batch")) {
    std::ifstream in(entry.path());
    for (std::string line; std::getline(in, line);) {
      if (line.empty()) continue;
      const Json record = Json::parse(line);
      const std::string id = record.at("id");
      const fs::path golden =
          root / "golden/intended/batch" / (id.substr(id.find('/') + 1) + ".json");
      if (!record.contains("text") || !fs::exists(golden)) continue;
      docs.push_back({id, record.at("text"), read_json(golden)});
    }
  }
  std::sort(docs.begin(), docs.end(),
            [](const CorpusDoc& a, const CorpusDoc& b) { return a.id < b.id; });
  return docs;
}

TEST_CASE("stories: every corpus document has its intended number of stories", "[stories]") {
  const auto docs = CorpusDocs();
  REQUIRE(docs.size() >= 40);
  for (const auto& c : docs) {
    const Document doc = Process(c.bytes, c.id);
    INFO(c.id << ": " << ::Catch::Detail::stringify(Describe(doc)));
    CHECK(doc.stories.size() == c.intended.at("stories").size());
  }
}

TEST_CASE("stories: the lead set's shortcuts find the stories every pattern finds", "[stories]") {
  // The stage asks one set of all lead patterns which (if any) to capture
  // with, and where (after a section tag or at the line start), skips the
  // government search on "..." lines that cannot have two roundup parts, and
  // searches the lines above a name lead only when it asks.
  // Every corpus and seed page is cut by it and by the same stage trying
  // every pattern on every line and searching every part: the stories (spans,
  // headlines, decks) must not differ.
  const PipelineOptions options{LexiconDir(SourceDir() / "lexicons"), {}};
  const auto fast = MakeStoriesStage(options, StoriesSearch::kShortcuts);
  const auto slow = MakeStoriesStage(options, StoriesSearch::kEveryPattern);
  auto stories = [](const Stage& stage, Document& doc) {
    doc.stories.clear();
    REQUIRE(stage.Run(doc).ok());
    std::vector<std::string> out = Describe(doc);
    for (const auto& story : doc.stories) {
      std::string spans = std::to_string(story.index) + ": " + std::to_string(story.begin) + "-" +
                          std::to_string(story.end) + " deck";
      for (const auto& [begin, end] : story.deck) {
        spans += " " + std::to_string(begin) + "-" + std::to_string(end);
      }
      out.push_back(spans);
    }
    return out;
  };
  std::vector<std::pair<std::string, std::string>> pages;  // id, bytes
  for (const auto& c : CorpusDocs()) pages.emplace_back(c.id, c.bytes);
  const auto seeds = SourceDir() / "../shared/seeds";
  if (std::filesystem::exists(seeds)) {
    for (const auto& e : std::filesystem::directory_iterator(seeds)) {
      if (e.is_regular_file()) pages.emplace_back(e.path().string(), ReadFile(e.path()));
    }
  }
  // The corpus has no lead after a section tag, nor a roundup part naming no government.
  pages.emplace_back(
      "section tags",
      "Metro Roundup\n"
      "Busan's Nam-gu (Mayor Oh Eun-taek) will hire 40 park wardens.\n"
      "Suyeong-gu Opens Beach Job Desk...\n"
      "[Busan Briefs] Suyeong-gu (Mayor Kang Seong-tae) opened a job desk.\n"
      "[구정 소식] 서울 중구(구청장 김길성)는 청년 인턴을 뽑는다.\n"
      "[Town Briefs] Mapo-gu Hires Guides... Job Fair Next Week... Yongsan-gu Opens Cafe\n"
      "Yongsan-gu has opened a job cafe near the station.\n");
  REQUIRE(pages.size() >= 40);
  size_t leads = 0;
  for (const auto& [id, bytes] : pages) {
    Document doc = Process(bytes, id);
    INFO(id);
    const std::vector<std::string> found = stories(*fast, doc);
    leads += doc.stories.size();
    CHECK(found == stories(*slow, doc));
  }
  CHECK(leads > pages.size());  // pages with several stories among them
}

TEST_CASE("stories: no corpus story span starts or ends in removed text", "[stories]") {
  for (const auto& c : CorpusDocs()) {
    const Document doc = Process(c.bytes, c.id);
    INFO(c.id);
    for (const auto& story : doc.stories) {
      INFO("story " << story.index << ": " << Describe(doc)[story.index]);
      REQUIRE(story.begin < story.end);
      // The first and last characters are kept text, not a removed range's.
      for (const auto& r : doc.removed) {
        CHECK_FALSE((r.begin <= story.begin && story.begin < r.end));
        CHECK_FALSE((r.begin < story.end && story.end <= r.end));
      }
      // And so in CONTRACT spans (code points of the original).
      const Span span = doc.ToOriginal(story.begin, story.end);
      for (const auto& r : doc.removed) {
        const Span removed = doc.ToOriginal(r.begin, r.end);
        CHECK_FALSE((removed.start <= span.start && span.start < removed.end));
        CHECK_FALSE((removed.start < span.end && span.end <= removed.end));
      }
      // The span's edges are not whitespace.
      const std::string_view t = doc.Work(story.begin, story.end);
      CHECK(t.front() != ' ');
      CHECK(t.front() != '\n');
      CHECK(t.back() != ' ');
      CHECK(t.back() != '\n');
    }
  }
}

}  // namespace

}  // namespace newsie
