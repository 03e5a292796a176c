// The kept lines the boilerplate stage leaves in Document::kept_lines, and a
// story's found among them (KeptLinesIn), against KeptLines, which splits the
// text anew: stories and sentences read the former in place of the latter.
#include "pipeline/text_lines.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "tests/test_support.h"

namespace newsie {
namespace {

using testing::Process;
using testing::ReadFile;
using testing::SourceDir;

std::vector<std::pair<size_t, size_t>> Pairs(const std::vector<LineRange>& lines) {
  std::vector<std::pair<size_t, size_t>> out;
  for (const auto& l : lines) out.emplace_back(l.begin, l.end);
  return out;
}

std::vector<std::pair<size_t, size_t>> LinesIn(const Document& doc, size_t begin, size_t end) {
  std::vector<LineRange> out = {{7, 9}};  // stale content: KeptLinesIn clears it
  KeptLinesIn(doc, begin, end, out);
  return Pairs(out);
}

// Every corpus document (text files and batch records) and every seed.
std::vector<std::pair<std::string, std::string>> AllDocs() {
  namespace fs = std::filesystem;
  std::vector<std::pair<std::string, std::string>> docs;
  for (const auto& dir : {SourceDir() / "corpus", SourceDir() / "../shared/seeds"}) {
    if (!fs::exists(dir)) continue;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
      if (!e.is_regular_file()) continue;
      if (e.path().extension() == ".txt") {
        docs.emplace_back(e.path().string(), ReadFile(e.path()));
      } else if (e.path().extension() == ".jsonl") {
        std::ifstream in(e.path());
        for (std::string line; std::getline(in, line);) {
          if (line.empty()) continue;
          const nlohmann::json record = nlohmann::json::parse(line);
          if (record.contains("text")) docs.emplace_back(record.at("id"), record.at("text"));
        }
      }
    }
  }
  return docs;
}

TEST_CASE("text_lines: the shared kept lines equal KeptLines on every corpus and seed document",
          "[text_lines]") {
  const auto docs = AllDocs();
  REQUIRE(docs.size() >= 45);
  for (const auto& [id, bytes] : docs) {
    INFO(id);
    const Document doc = Process(bytes, "doc.txt");
    CHECK(Pairs(doc.kept_lines) == Pairs(KeptLines(doc, 0, doc.work.size())));
    REQUIRE_FALSE(doc.stories.empty());
    for (const auto& story : doc.stories) {
      INFO("story " << story.index);
      CHECK(LinesIn(doc, story.begin, story.end) == Pairs(KeptLines(doc, story.begin, story.end)));
    }
    // Ranges that cut lines and removals anywhere, not only at story edges.
    const size_t step = doc.work.size() / 13 + 1;
    for (size_t b = 0; b <= doc.work.size(); b += step) {
      for (size_t e = b; e <= doc.work.size() + 1; e += step / 3 + 1) {
        INFO(b << ".." << e);
        CHECK(LinesIn(doc, b, e) == Pairs(KeptLines(doc, b, e)));
      }
    }
  }
}

TEST_CASE("text_lines: KeptLinesIn equals KeptLines on every range of a text with removals",
          "[text_lines]") {
  Document doc;
  doc.work = "  Head line \n\nby Kim  rest of it \nchrome\n a  b  c \n\n  tail";
  auto at = [&](const char* s) { return doc.work.find(s); };
  // A prefix (byline), a whole line, one inside a line, one empty, one
  // across a line break.
  doc.removed = {{at("by Kim"), at("by Kim") + 6, "byline", ""},
                 {at("chrome"), at("chrome") + 6, "chrome", ""},
                 {at("b  c"), at("b  c") + 1, "image", ""},
                 {at("c "), at("c "), "image", ""},
                 {at("c ") + 2, at("tail") + 1, "chrome", ""}};
  doc.kept_lines = KeptLines(doc, 0, doc.work.size());
  REQUIRE(doc.kept_lines.size() == 5);  // Head line, rest of it, a, c, ail
  for (size_t b = 0; b <= doc.work.size() + 1; ++b) {
    for (size_t e = 0; e <= doc.work.size() + 2; ++e) {
      INFO(b << ".." << e);
      CHECK(LinesIn(doc, b, e) == Pairs(KeptLines(doc, b, e)));
    }
  }
}

}  // namespace
}  // namespace newsie
