// Spans through decode and normalize together: every piece of the working
// text must map back to exactly the original text it came from, whatever
// the encoding and whatever normalize changed (widths, folds, drops, NFC,
// line ends), across a document long enough to span many of the maps'
// checkpoints (pipeline/code_point_index.h, pipeline/offset_map.h).

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "tests/test_support.h"

namespace newsie {
namespace {

struct Piece {
  std::string original;  // as written in the source (UTF-8 here)
  std::string work;      // what normalize makes of it
};

// A document of `repeats` paragraphs built of pieces whose working form does
// not depend on their neighbours. `legacy`: only what EUC-KR can encode.
std::vector<Piece> Pieces(int repeats, bool legacy) {
  std::vector<Piece> pieces;
  for (int i = 0; i < repeats; ++i) {
    const std::string n = std::to_string(i);
    pieces.push_back({"일자리" + n, "일자리" + n});
    pieces.push_back({" ", " "});
    pieces.push_back({"\xEF\xBC\x91\xEF\xBC\x92", "12"});  // full-width "１２"
    pieces.push_back({"x \t \xE3\x80\x80y", "x y"});       // a run of spaces, one ideographic
    pieces.push_back(
        {"\xE2\x80\x9C"
         "q" +
             n + "\xE2\x80\x9D",
         "\"q" + n + "\""});                      // curly quotes
    pieces.push_back({"w\xE2\x80\xA6", "w..."});  // an ellipsis unfolded
    pieces.push_back({"\r\n", "\n"});             // CR LF, one break
    pieces.push_back({"Jobs " + n + " plan", "Jobs " + n + " plan"});
    pieces.push_back({"\xEF\xBC\xA1", "A"});  // full-width "Ａ"
    if (!legacy) {
      pieces.push_back(
          {"a\xE2\x80\x8B"
           "b",
           "ab"});  // zero-width space dropped
      pieces.push_back(
          {"\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB", "\xED\x95\x9C"});  // NFD 한 composed
      pieces.push_back({"e\xCC\x81", "\xC3\xA9"});                    // e + acute: é
      pieces.push_back({"\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80"});     // 4 bytes, kept
    }
    pieces.push_back({"\n", "\n"});
  }
  return pieces;
}

// Each piece's working bytes (and the pieces around it) map back to the
// piece's original text.
void CheckPieces(const Document& doc, const std::vector<Piece>& pieces) {
  std::string original, work;
  for (const Piece& p : pieces) {
    original += p.original;
    work += p.work;
  }
  REQUIRE(doc.original == original);
  REQUIRE(doc.work == work);
  size_t at = 0;
  for (size_t k = 0; k < pieces.size(); ++k) {
    const Piece& p = pieces[k];
    if (!p.work.empty()) {
      INFO("piece " << k << ": " << p.original);
      CHECK(doc.OriginalView(doc.ToOriginal(at, at + p.work.size())) == p.original);
    }
    if (k + 2 < pieces.size()) {  // three pieces at once
      const size_t end = at + p.work.size() + pieces[k + 1].work.size() + pieces[k + 2].work.size();
      CHECK(doc.OriginalView(doc.ToOriginal(at, end)) ==
            p.original + pieces[k + 1].original + pieces[k + 2].original);
    }
    at += p.work.size();
  }
  CHECK(doc.ToOriginal(work.size(), work.size()) ==
        Span{static_cast<int64_t>(doc.original_index.size()),
             static_cast<int64_t>(doc.original_index.size())});
}

std::string Join(const std::vector<Piece>& pieces) {
  std::string s;
  for (const Piece& p : pieces) s += p.original;
  return s;
}

}  // namespace

TEST_CASE("spans: working text maps back to the original through decode and normalize",
          "[offsets]") {
  const std::vector<Piece> pieces = Pieces(300, /*legacy=*/false);
  const std::string text = Join(pieces);
  SECTION("UTF-8") { CheckPieces(testing::Process(text), pieces); }
  SECTION("UTF-8 with a byte-order mark") {
    CheckPieces(testing::Process("\xEF\xBB\xBF" + text), pieces);
  }
  SECTION("UTF-16LE with a byte-order mark") {
    const Document doc = testing::Process("\xFF\xFE" + testing::Encode(text, "UTF-16LE"));
    CHECK(doc.source.encoding == "UTF-16LE");
    CheckPieces(doc, pieces);
  }
  SECTION("UTF-16BE with a byte-order mark") {
    CheckPieces(testing::Process("\xFE\xFF" + testing::Encode(text, "UTF-16BE")), pieces);
  }
}

TEST_CASE("spans: EUC-KR maps back to the decoded original", "[offsets]") {
  const std::vector<Piece> pieces = Pieces(300, /*legacy=*/true);
  const Document doc = testing::Process(testing::Encode(Join(pieces), "EUC-KR"));
  CHECK(doc.source.encoding == "EUC-KR");
  CheckPieces(doc, pieces);
}

// Decoding through ICU goes a piece at a time: a document of more UTF-16
// units than one piece holds (2^15), with a character outside the BMP (a
// surrogate pair) across every piece boundary, decodes as one conversion
// would.
TEST_CASE("decode: long UTF-16 with surrogate pairs across pieces", "[decode]") {
  std::string text;
  for (int i = 0; text.size() < 400000; ++i) {
    text += "a";
    if (i % 3 == 0) text += "\xF0\x9F\x98\x80";
    text += "가";
  }
  const Document doc = testing::Process("\xFF\xFE" + testing::Encode(text, "UTF-16LE"));
  CHECK(doc.original == text);
  CHECK(doc.diagnostics.empty());
  for (int shift = 0; shift < 2; ++shift) {  // odd unit counts move the boundary by one
    const std::string shifted = std::string(shift, 'b') + text;
    CHECK(testing::Process("\xFE\xFF" + testing::Encode(shifted, "UTF-16BE")).original == shifted);
  }
}

}  // namespace newsie
