#include "pipeline/normalize.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "tests/test_support.h"

namespace newsie {
namespace {

const NormalizeTables& Tables() {
  static const NormalizeTables tables =
      NormalizeTables::Load(LexiconDir(testing::SourceDir() / "lexicons"));
  return tables;
}

// The original text a working-byte range maps back to.
std::string Back(std::string_view original, const NormalizedText& n, size_t b, size_t e) {
  const Span span = n.map.ToOriginal(b, e);
  // Code points to bytes.
  size_t cp = 0, start = original.size(), end = original.size();
  for (size_t i = 0; i <= original.size(); ++i) {
    if (i < original.size() && (static_cast<unsigned char>(original[i]) & 0xC0) == 0x80) continue;
    if (cp == static_cast<size_t>(span.start)) start = std::min(start, i);
    if (cp == static_cast<size_t>(span.end)) end = std::min(end, i);
    ++cp;
  }
  return std::string(original.substr(start, end - start));
}

}  // namespace

TEST_CASE("normalize: full-width, spaces, quotes, dashes, tildes", "[normalize]") {
  const std::string in =
      "고용률 ６６．９％ 달성，\u00A0\u3000 목표 “１만２천개” ‘좋은’ 2023–2026 5∼10 7〜8 9～10 "
      "1—2…";
  const NormalizedText n = Normalize(in, Tables());
  CHECK(n.work == "고용률 66.9% 달성, 목표 \"1만2천개\" '좋은' 2023-2026 5~10 7~8 9~10 1-2...");
  CHECK(n.repairs.empty());
  // Every working position maps back to the original.
  const size_t at = n.work.find("66.9%");
  CHECK(Back(in, n, at, at + 5) == "６６．９％");
  const size_t sp = n.work.find(", ");
  CHECK(Back(in, n, sp + 1, sp + 2) == "\u00A0\u3000 ");
  const size_t dots = n.work.find("...");
  CHECK(Back(in, n, dots, dots + 3) == "…");
  CHECK(Back(in, n, dots + 1, dots + 2) == "…");
  CHECK(n.map.ToOriginal(n.work.size(), n.work.size()).start == 60);
}

TEST_CASE("normalize: zero-width characters, CR LF and NFC", "[normalize]") {
  // "한" written as three conjoining jamo, a zero-width space, CR LF.
  const std::string in = "\u1112\u1161\u11AB\u200B국\r\nCafe\u0301";
  const NormalizedText n = Normalize(in, Tables());
  CHECK(n.work == "한국\nCafé");
  CHECK(n.map.ToOriginal(0, 3) == Span{0, 3});      // 한 <- three jamo
  CHECK(n.map.ToOriginal(3, 6) == Span{4, 5});      // 국 (the ZWSP before it dropped)
  CHECK(n.map.ToOriginal(6, 7) == Span{5, 7});      // \n <- \r\n
  CHECK(n.map.ToOriginal(10, 12) == Span{10, 12});  // é <- e + U+0301
}

TEST_CASE("normalize: bullets and middle dots become one separator each", "[normalize]") {
  const NormalizedText n =
      Normalize("▲사무공간 △상담 ■교육 • 알선 ◆ 기타 법률ㆍ세무・회계", Tables());
  CHECK(n.work == "▲사무공간 ▲상담 ▲교육 ▲ 알선 ▲ 기타 법률·세무·회계");
}

TEST_CASE("normalize: '?' repaired between digits and between Hangul words", "[normalize]") {
  const std::string in = "기간은 2023?2026년, 대상 19?39세, 물류?유통 분야. 왜? 무엇을? What now?";
  const NormalizedText n = Normalize(in, Tables());
  CHECK(n.work == "기간은 2023-2026년, 대상 19-39세, 물류·유통 분야. 왜? 무엇을? What now?");
  REQUIRE(n.repairs.size() == 3);
  CHECK(n.repairs[0].span == Span{8, 9});
  CHECK(n.repairs[0].message == "'?' between digits read as a dash");
  CHECK(n.repairs[2].message == "'?' between Hangul words read as a middle dot");
}

TEST_CASE("normalize: stage reports repairs as diagnostics, seeds repaired", "[normalize]") {
  const Document doc = testing::Process(
      testing::ReadFile(testing::SourceDir() / "../shared/seeds/001_9a8c6b2dc414c7a7.txt"));
  std::vector<std::string> repaired;
  for (const auto& d : doc.diagnostics) {
    if (d.code != "mojibake-repaired") continue;
    CHECK(d.level == "info");
    REQUIRE(d.span);
    repaired.push_back(doc.OriginalText(Span{d.span->start - 4, d.span->end + 4}));
  }
  CHECK(repaired == std::vector<std::string>{"2023?2026", "e 15?34 a"});
  CHECK(doc.work.find("(2023-2026)") != std::string::npos);
  CHECK(doc.work.find("the 15-34 age") != std::string::npos);

  const Document seed2 = testing::Process(
      testing::ReadFile(testing::SourceDir() / "../shared/seeds/002_fbccf1c3bcbfbd53.txt"));
  CHECK(seed2.work.find("the Job Award for 8 Consecutive Years?") != std::string::npos);
  for (const auto& d : seed2.diagnostics) CHECK(d.code != "mojibake-repaired");

  const Document seed4 = testing::Process(
      testing::ReadFile(testing::SourceDir() / "../shared/seeds/004_88be68f603862666.txt"));
  CHECK(seed4.work.find("디자인융합산업·유통개발진흥지구") != std::string::npos);
}

// The original span of each working byte.
std::vector<Span> ByteSpans(const NormalizedText& n) {
  std::vector<Span> spans;
  for (size_t b = 0; b < n.work.size(); ++b) spans.push_back(n.map.ToOriginal(b, b + 1));
  return spans;
}

TEST_CASE("normalize: a single space is copied, runs and odd spaces fold", "[normalize]") {
  // Single ' ' between words is copied through like the words around it; a
  // run, a tab, a space before a combining mark or a zero-width character
  // take the general path. Both must give the same text and spans.
  NormalizedText n = Normalize("a b  c\t d", Tables());
  CHECK(n.work == "a b c d");
  CHECK(ByteSpans(n) == std::vector<Span>{{0, 1}, {1, 2}, {2, 3}, {3, 5}, {5, 6}, {6, 8}, {8, 9}});

  n = Normalize("가 나 ", Tables());
  CHECK(n.work == "가 나 ");
  CHECK(ByteSpans(n) ==
        std::vector<Span>{{0, 1}, {0, 1}, {0, 1}, {1, 2}, {2, 3}, {2, 3}, {2, 3}, {3, 4}});

  n = Normalize("e \u0301x", Tables());  // the mark stays on the space
  CHECK(n.work == "e \u0301x");
  CHECK(ByteSpans(n) == std::vector<Span>{{0, 1}, {1, 3}, {1, 3}, {1, 3}, {3, 4}});

  n = Normalize("a \u200Bb a \u00A0\u3000b", Tables());
  CHECK(n.work == "a b a b");
  CHECK(ByteSpans(n) == std::vector<Span>{{0, 1}, {1, 3}, {3, 4}, {4, 5}, {5, 6}, {6, 9}, {9, 10}});

  n = Normalize("가\u11A8 나 A \r\nB", Tables());  // 각 from two code points
  CHECK(n.work == "각 나 A \nB");
  CHECK(ByteSpans(n) == std::vector<Span>{{0, 2},
                                          {0, 2},
                                          {0, 2},
                                          {2, 3},
                                          {3, 4},
                                          {3, 4},
                                          {3, 4},
                                          {4, 5},
                                          {5, 6},
                                          {6, 7},
                                          {7, 9},
                                          {9, 10}});

  n = Normalize("1 ?2 1?2 가 ?나", Tables());  // a space before '?' is no digit or syllable
  CHECK(n.work == "1 ?2 1-2 가 ?나");
  CHECK(n.repairs.size() == 1);
}

TEST_CASE("normalize: empty input", "[normalize]") {
  const NormalizedText n = Normalize("", Tables());
  CHECK(n.work.empty());
  CHECK(n.map.ToOriginal(0, 0) == Span{0, 0});
}

// The block scan (sixteen plain ASCII bytes at a time) gives the text, the
// spans and the repairs of the byte-by-byte scan: on hand-made texts around
// its edges (spaces at block ends, stops inside a block, a combining mark
// right after one) and on every corpus and seed file.
TEST_CASE("normalize: the block scan equals the byte-by-byte scan", "[normalize]") {
  std::vector<std::string> texts = {
      "abcdefghijklmnopqrstuvwxyz0123456789 ABCDEFGHIJKLMNOP",
      "abcdefghijklmnop abcdefghijklmno  abcdefghijklmnopq\tabcdefghijklmnopq",
      "x abcdefghijklmnop\r\nabcdefghijklmnop?abcdefghijklmnop2023?2026abcdefghijklmn",
      "xabcdefghijklmnopqe\u0301 abcdefghijklmno\u200b abcdefghijklmnop \u00a0abcd",
      "가나다 abcdefghijklmnop가 abcdefghijklmnopq 한국 abcdefghijklmnopqrs ",
      "abcdefghijklmnopqrstuvwxyz  ",
      "aaaaaaaaaaaaaaaa                 bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb",
  };
  for (const auto& file : testing::CorpusAndSeedTexts()) texts.push_back(testing::ReadFile(file));
  REQUIRE(texts.size() > 20);
  for (const std::string& text : texts) {
    INFO(text.substr(0, 80));
    const NormalizedText blocks = Normalize(text, Tables());
    const NormalizedText bytes = Normalize(text, Tables(), /*block_scan=*/false);
    CHECK(blocks.work == bytes.work);
    CHECK(ByteSpans(blocks) == ByteSpans(bytes));
    CHECK(blocks.map.ToOriginal(blocks.work.size(), blocks.work.size()) ==
          bytes.map.ToOriginal(bytes.work.size(), bytes.work.size()));
    REQUIRE(blocks.repairs.size() == bytes.repairs.size());
    for (size_t r = 0; r < blocks.repairs.size(); ++r) {
      CHECK(blocks.repairs[r].span == bytes.repairs[r].span);
      CHECK(blocks.repairs[r].message == bytes.repairs[r].message);
    }
  }
  CHECK(Tables().BlockScan());
  CHECK(Tables().HangulKept());
}

}  // namespace newsie
