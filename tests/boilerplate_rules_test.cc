#include "pipeline/boilerplate_rules.h"

#include <re2/set.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/lexicon.h"
#include "pipeline/text_lines.h"
#include "tests/test_support.h"

namespace newsie {
namespace {

using testing::Process;
using testing::ReadFile;
using testing::SourceDir;

// The boilerplate rows' set patterns, built as the stage builds them.
std::vector<std::string> LexiconPatterns() {
  std::vector<std::string> patterns;
  for (const auto& row : LexiconDir(SourceDir() / "lexicons").ReadTsv("boilerplate.tsv")) {
    const std::string pattern = "(?:" + row.Get("pattern") + ")";
    patterns.push_back(row.Get("scope") == "prefix" ? pattern : pattern + "$");
  }
  return patterns;
}

// The slow path: one RE2::Set of every pattern, reading every line to its end.
class OneSet {
 public:
  explicit OneSet(const std::vector<std::string>& patterns)
      : set_(RE2::Options(), RE2::ANCHOR_START) {
    for (const auto& p : patterns) REQUIRE(set_.Add(p, nullptr) >= 0);
    REQUIRE(set_.Compile());
  }
  std::vector<int> Hits(std::string_view line) const {
    std::vector<int> hits;
    set_.Match(re2::StringPiece(line.data(), line.size()), &hits);
    std::sort(hits.begin(), hits.end());
    return hits;
  }

 private:
  RE2::Set set_;
};

// Every line of the corpus and seed documents, as the stage sees them (the
// working text, split and trimmed), and of their raw bytes too.
std::vector<std::string> CorpusLines() {
  namespace fs = std::filesystem;
  std::vector<std::string> texts;
  for (const fs::path& dir : {SourceDir() / "corpus", fs::path("/work/shared/seeds")}) {
    if (!fs::exists(dir)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
      if (!entry.is_regular_file()) continue;
      const std::string bytes = ReadFile(entry.path());
      if (entry.path().extension() == ".jsonl") {
        std::istringstream in(bytes);
        for (std::string line; std::getline(in, line);) {
          const auto record = nlohmann::json::parse(line, nullptr, false);
          if (record.is_object() && record.contains("text") && record["text"].is_string())
            texts.push_back(record["text"].get<std::string>());
        }
      } else {
        texts.push_back(bytes);
      }
    }
  }
  std::vector<std::string> lines;
  for (const std::string& text : texts) {
    const Document doc = Process(text);
    for (const LineRange line : SplitLines(doc.work, 0, doc.work.size()))
      lines.emplace_back(doc.Work(line.begin, line.end));
    for (const LineRange line : SplitLines(text, 0, text.size()))
      lines.emplace_back(text.substr(line.begin, line.end - line.begin));
  }
  return lines;
}

void CheckSame(const BoilerplatePatterns& fast, const OneSet& slow, std::string_view line) {
  INFO(line);
  const std::vector<int> expected = slow.Hits(line);
  std::vector<int> hits{99};
  const bool matched = fast.Match(line, hits);
  std::sort(hits.begin(), hits.end());
  CHECK(hits == expected);
  CHECK(matched == !expected.empty());
  CHECK(fast.Match(line) == !expected.empty());
}

}  // namespace

TEST_CASE("boilerplate patterns: rows starting with .* are floating, the others are not",
          "[boilerplate]") {
  CHECK(BoilerplatePatterns::IsFloating("(?:.*AI\\s*학습)$"));
  CHECK(BoilerplatePatterns::IsFloating("(?:[<\\[]?.*무단\\s*전재.*)$"));
  CHECK(BoilerplatePatterns::IsFloating(".*x"));
  CHECK_FALSE(BoilerplatePatterns::IsFloating("(?:Copyright.*)$"));
  CHECK_FALSE(BoilerplatePatterns::IsFloating("(?:[가-힣]{2,4}\\s*기자)$"));
  CHECK_FALSE(BoilerplatePatterns::IsFloating("(?:▲.*▲\\s*사진)$"));
}

TEST_CASE("boilerplate patterns: two sets and gates find what one set finds, on every corpus line",
          "[boilerplate]") {
  const std::vector<std::string> patterns = LexiconPatterns();
  BoilerplatePatterns fast;
  for (size_t i = 0; i < patterns.size(); ++i)
    REQUIRE(fast.Add(patterns[i], nullptr) == static_cast<int>(i));
  REQUIRE(fast.Compile());
  // The lexicon's floating rows are all gated: otherwise the split is no
  // faster than one set (not wrong).
  CHECK(fast.FloatingCount() >= 1);
  CHECK(fast.FloatingGated());
  const OneSet slow(patterns);
  const std::vector<std::string> lines = CorpusLines();
  REQUIRE(lines.size() > 1000);
  size_t matched = 0;
  for (const std::string& line : lines) {
    CheckSame(fast, slow, line);
    if (!slow.Hits(line).empty()) ++matched;
  }
  CHECK(matched > 50);
  // Hand-made lines around the floating rows' literals.
  for (const char* line : {"",
                           "무단",
                           "무단 전재",
                           "ⓒ 아시아경제 무단 전재 및 재배포 금지",
                           "<저작권자 무단전재 재배포금지>",
                           "[무단 전재-재배포 금지]",
                           "본문 무단 전재",
                           "AI 학습 이용 금지",
                           "ai학습 활용금지",
                           "무단전재 및 AI학습 및 활용 금지",
                           "기사 내용 AI 학습 및 활용 금지 합니다",
                           "행사 모습 (사진=구청 제공)",
                           "행사 모습 [사진: 구청]  ",
                           "행사 [사진=구청",
                           "사진=구청 제공",
                           "▲ 사진=구청",
                           "▲ 행사 모습 ▲ 사진: 구청",
                           "\xff\xfe 무단 전재 금지",
                           "무단 전재 금지 \xff",
                           "(사진=\xff)",
                           "Copyright 2024 무단 전재",
                           "박종일 기자 무단 전재 금지",
                           "The district said it would hire 300 people by the end of the year."}) {
    CheckSame(fast, slow, line);
  }
}

TEST_CASE("boilerplate patterns: a floating row without a gate literal is asked every time",
          "[boilerplate]") {
  BoilerplatePatterns fast;
  REQUIRE(fast.Add("(?:.*(?:x|y))$", nullptr) == 0);  // one-byte atoms: no gate
  REQUIRE(fast.Add("(?:Top)$", nullptr) == 1);
  REQUIRE(fast.Compile());
  CHECK_FALSE(fast.FloatingGated());
  std::vector<int> hits;
  CHECK(fast.Match("abc y", hits));
  CHECK(hits == std::vector<int>{0});
  CHECK(fast.Match("Top", hits));
  CHECK(hits == std::vector<int>{1});
  CHECK_FALSE(fast.Match("abc"));
}

TEST_CASE("boilerplate patterns: a literal with letters of two cases is no gate, in any script",
          "[boilerplate]") {
  // FilteredRE2 lowercases its atoms: `αθηνα` would be looked for where the
  // line says `ΑΘΗΝΑ`, and the row would be missed.
  BoilerplatePatterns fast;
  REQUIRE(fast.Add("(?:.*ΑΘΗΝΑ)$", nullptr) == 0);
  REQUIRE(fast.Compile());
  CHECK_FALSE(fast.FloatingGated());
  std::vector<int> hits;
  CHECK(fast.Match("Νέα ΑΘΗΝΑ", hits));
  CHECK(hits == std::vector<int>{0});
}

}  // namespace newsie
