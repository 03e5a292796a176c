// The record: RecordLine (built in a per-thread arena, for sinks that need
// no tree) writes exactly the line ToRecord's tree dumps to.
#include "pipeline/record.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/test_support.h"

namespace newsie::testing {
namespace {

std::string TreeLine(const Document& doc) {
  return ToRecord(doc).dump(-1, ' ', false, Json::error_handler_t::replace);
}

TEST_CASE("record: RecordLine writes ToRecord's line for every corpus and seed document",
          "[record]") {
  size_t documents = 0, facts = 0;
  for (const auto& file : CorpusAndSeedTexts()) {
    const Document doc = Process(ReadFile(file), file.filename().string());
    INFO(file);
    CHECK(RecordLine(doc) == TreeLine(doc));
    ++documents;
    for (const Story& s : doc.stories) {
      facts += s.targets.size() + s.achievements.size() + s.awards.size() + (s.mayor ? 1 : 0);
    }
  }
  // The corpus holds documents with every kind of fact: they were compared.
  CHECK(documents > 20);
  CHECK(facts > 50);
}

TEST_CASE("record: RecordLine handles diagnostics and records larger than its arena's buffer",
          "[record]") {
  // An empty document (diagnostics, no story), one with a NUL byte, and an
  // id of 200 KB: its record outgrows the arena's first buffer (64 KB),
  // which must grow and then be released for the next record.
  const std::vector<std::pair<std::string, std::string>> inputs = {
      {"", "empty.txt"},
      {std::string("강남구는 올해 일자리 1만 개를 만들겠다고 밝혔다.") + '\0' + "끝", "nul.txt"},
      {"Gangnam-gu plans to create 10,000 jobs this year.", std::string(200000, 'x') + ".txt"},
      {"강남구는 올해 일자리 1만 개를 만들겠다고 밝혔다.", "after.txt"},
  };
  for (const auto& [bytes, id] : inputs) {
    const Document doc = Process(bytes, id);
    INFO(id.substr(0, 40));
    CHECK(RecordLine(doc) == TreeLine(doc));
  }
}

TEST_CASE("record: RecordLine writes a record of many stories a story at a time, the same line",
          "[record]") {
  // Every corpus and seed article in one document: far more stories than
  // RecordLine builds as one tree. The id holds the key RecordLine looks
  // for, as a string (escaped, so not taken for the key).
  std::string text;
  for (const auto& file : CorpusAndSeedTexts()) {
    text += Process(ReadFile(file), file.filename().string()).original + "\n\n\n";
  }
  const Document doc = Process(text, "many \"stories\":[] here.txt");
  REQUIRE(doc.stories.size() > 64);
  const std::string line = RecordLine(doc);
  CHECK(line == TreeLine(doc));
  CHECK(Json::parse(line)["stories"].size() == doc.stories.size());
}

// The batch runner drops the stages' working state before the record is
// made (Document::ReleaseWorkingState): the record must not read it.
TEST_CASE("record: the same line once the working state is released", "[record]") {
  for (const auto& file : CorpusAndSeedTexts()) {
    Document doc = Process(ReadFile(file), file.filename().string());
    const std::string line = RecordLine(doc);
    doc.ReleaseWorkingState();
    INFO(file);
    CHECK(doc.work.empty());
    CHECK(doc.sentences.empty());
    CHECK(RecordLine(doc) == line);
  }
}

}  // namespace
}  // namespace newsie::testing
