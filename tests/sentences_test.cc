#include "pipeline/sentences.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/test_support.h"

namespace newsie {
namespace {

using testing::Process;
using testing::ReadFile;
using testing::SourceDir;

std::vector<std::string> Sentences(const Document& doc, int story = 0) {
  std::vector<std::string> out;
  for (int i : doc.stories.at(story).sentences) {
    out.emplace_back(doc.Work(doc.sentences[i].begin, doc.sentences[i].end));
  }
  return out;
}

}  // namespace

TEST_CASE("sentences: Korean quotes ending \"...\"고 밝혔다 stay one sentence", "[sentences]") {
  const Document doc = Process(
      "서울 강서구(구청장 진교훈)는 일자리 3천개를 만든다고 밝혔다. 진 구청장은 “좋은 일자리가 "
      "최고의 복지입니다.”라고 말했다. 구는 “올해도 노력하겠다.”고 덧붙였다.\n");
  CHECK(Sentences(doc) ==
        std::vector<std::string>{"서울 강서구(구청장 진교훈)는 일자리 3천개를 만든다고 밝혔다.",
                                 "진 구청장은 \"좋은 일자리가 최고의 복지입니다.\"라고 말했다.",
                                 "구는 \"올해도 노력하겠다.\"고 덧붙였다."});
  CHECK(doc.stories[0].lang == "ko");
  for (int i : doc.stories[0].sentences) CHECK(doc.sentences[i].story == 0);
}

TEST_CASE("sentences: ellipses do not end sentences, lines always do", "[sentences]") {
  const Document doc = Process(
      "Mapo-gu (Mayor Park Gang-su) set a plan... Targeting 9,000 Jobs in 2025. It adds 40 "
      "projects\nA second line without a stop\nThe U.S. firm hired 2.5 times more.\n");
  CHECK(Sentences(doc) ==
        std::vector<std::string>{
            "Mapo-gu (Mayor Park Gang-su) set a plan... Targeting 9,000 Jobs in 2025.",
            "It adds 40 projects", "A second line without a stop",
            "The U.S. firm hired 2.5 times more."});
  CHECK(doc.stories[0].lang == "en");
  CHECK(doc.source.lang == "en");
}

TEST_CASE("sentences: breaks land on the right bytes after any character width", "[sentences]") {
  // ICU reads the line as UTF-16; its breaks are carried back to bytes
  // across one-, two-, three- and four-byte characters.
  const Document doc = Process(
      "Mapo-gu (Mayor Park Gang-su) opens a café 🎉 today. 마포구는 \u00B5-jobs 😀 added. "
      "The rest 𝔸 follows.\n");
  CHECK(Sentences(doc) ==
        std::vector<std::string>{"Mapo-gu (Mayor Park Gang-su) opens a café 🎉 today.",
                                 "마포구는 \u00B5-jobs 😀 added.", "The rest 𝔸 follows."});
}

TEST_CASE("sentences: ▲ lists stay with their sentence, not with the next line", "[sentences]") {
  const Document doc = Process(ReadFile(SourceDir() / "tests/data/text/en_single.txt"));
  const auto s = Sentences(doc);
  bool found = false;
  for (const auto& sentence : s) {
    if (sentence.starts_with("Tenants receive ▲ office space")) {
      found = true;
      CHECK(sentence.ends_with("▲ investor matching."));
    }
    const bool alone = sentence.find("What does a founder need most?") == std::string::npos ||
                       sentence == "What does a founder need most?";
    CHECK(alone);
  }
  CHECK(found);
}

TEST_CASE("sentences: never inside removed text, language per story", "[sentences]") {
  const Document doc = Process(ReadFile(SourceDir() / "../shared/seeds/002_fbccf1c3bcbfbd53.txt"));
  REQUIRE(doc.stories.size() == 3);
  for (const auto& sentence : doc.sentences) {
    for (const auto& r : doc.removed) {
      CHECK((sentence.end <= r.begin || sentence.begin >= r.end));
    }
  }
  for (const auto& story : doc.stories) CHECK(story.lang == "en");
  const auto first = Sentences(doc, 0);
  REQUIRE_FALSE(first.empty());
  CHECK(first[0].starts_with("Seongdong-gu (Mayor Jung Won-oh) was honored"));
}

TEST_CASE("sentences: mixed-language document", "[sentences]") {
  const Document doc = Process(
      "Yangcheon-gu (Mayor Lee Gi-jae) plans 5,000 jobs. The district will expand youth "
      "employment programs and senior job projects, and support small business owners across "
      "the whole district.\n서울 양천구(구청장 이기재)는 올해 "
      "일자리 5천개를 만든다. 구는 청년 일자리 사업을 확대한다. 어르신 일자리도 늘린다.\n");
  REQUIRE(doc.stories.size() == 2);
  CHECK(doc.stories[0].lang == "en");
  CHECK(doc.stories[1].lang == "ko");
  CHECK(doc.source.lang == "mixed");
}

// Hand-picked lines and every line of the corpus and the seeds.
std::vector<std::string> TestLines() {
  std::vector<std::string> lines = {
      "고용률 12.5%를 기록했다. 이어 2024년 목표를 밝혔다.",
      "고용률 12.5%를 기록했다",
      "A U.S.-based firm hired 1,200 people. It plans more.",
      "The rate was 66.9%, up 1.2 points",
      "He said \"No.\" Then he left.",
      "목표다.) 그리고 다음",
      "목표다.\u201d 또 다른 목표",
      "Hi!!  There",
      "(Mr. Kim) said so",
      "a.b.c and d?e!f",
      "Seoul\u3002Busan",
      "Jung-gu... Targeting 12,100 Jobs",
      "\u25b2 일자리 1만개 \u25b2 고용률 67% 달성",
      // What follows a line's last possible break, up to the next letter,
      // decides it (and ICU reads no further than that letter's word):
      "The U.S. $5 million fund opened. it grew",
      "It rose 5%. 12 new firms joined. And more",
      "It rose 5%. 12 new firms joined. 3,400 jobs",
      "Mr. 'Kim' spoke. \"quoted\" lower words follow here",
      "A. 1. b c. 2. D",
      "끝났다. 12개 기업을 유치했다. 다음 해에는",
      "He left. (see below) and more text after",
      "Done! \"next\" thing. \u00e9t\u00e9 continues",
      "Goal. , lower",
      "end. \u2029 Next",
  };
  for (const auto& file : testing::CorpusAndSeedTexts()) {
    const std::string text = ReadFile(file);
    size_t b = 0;
    while (b <= text.size()) {
      const size_t n = std::min(text.find('\n', b), text.size());
      lines.push_back(text.substr(b, n - b));
      b = n + 1;
    }
  }
  return lines;
}

TEST_CASE("sentences: lines skipped without the iterator end where the iterator says",
          "[sentences]") {
  // The shortcut may only skip lines where ICU proposes no kept break.
  const std::vector<std::string> lines = TestLines();
  REQUIRE(lines.size() > 500);
  size_t skipped = 0;
  std::vector<size_t> reused;  // as the stage passes it from line to line
  for (const auto& line : lines) {
    for (const bool korean : {true, false}) {
      INFO(line);
      const auto with_shortcut = SentenceEnds(line, korean);
      CHECK(with_shortcut == SentenceEnds(line, korean, /*shortcut=*/false));
      SentenceEndsInto(line, korean, /*may_break=*/true, reused);
      CHECK(reused == with_shortcut);
      skipped += with_shortcut.size() == 1;
    }
  }
  CHECK(skipped > 0);
}

// The stage reads each line once for its scripts and for the shortcut's
// test: the same answers as CountScripts and MayBreakInside.
TEST_CASE("sentences: one scan of a line counts scripts and finds possible breaks", "[sentences]") {
  std::vector<std::string> lines = TestLines();
  for (const char* extra : {"", ".", "a. B", "12345678. abcdefgh", "abcdefg.. Hijklmn",
                            "ABCDEFGH!abcdefgh ijk. l", "\u00b7 . \u25b2", "\u3002 x",
                            "\ud55c\uae00. \uc601\uc5b4 abc. def", "x\u201d. \u201c y"}) {
    lines.push_back(extra);
  }
  size_t breaking = 0;
  for (const auto& line : lines) {
    INFO(line);
    const LineScan scan = ScanLine(line);
    const ScriptCounts counts = CountScripts(line);
    CHECK(scan.counts.hangul == counts.hangul);
    CHECK(scan.counts.latin == counts.latin);
    CHECK(scan.may_break == MayBreakInside(line));
    breaking += scan.may_break;
  }
  CHECK(breaking > 0);
}

}  // namespace newsie
