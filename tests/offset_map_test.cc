#include "pipeline/offset_map.h"

#include <catch2/catch.hpp>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace newsie {

TEST_CASE("OffsetMap maps working bytes back to original code points", "[offsets]") {
  OffsetMap map;
  map.Append(3, 0, 1);  // "가" (3 bytes) <- original cp 0
  map.Append(1, 1, 2);  // "1" <- original full-width "１" at cp 1
  map.Append(0, 2, 3);  // zero-width space at cp 2 dropped
  map.Append(1, 3, 4);  // "2"
  map.Finish(4);
  CHECK(map.ToOriginal(0, 3) == Span{0, 1});
  CHECK(map.ToOriginal(3, 5) == Span{1, 4});  // "12" covers the dropped character
  CHECK(map.ToOriginal(4, 5) == Span{3, 4});
  CHECK(map.ToOriginal(5, 5) == Span{4, 4});  // empty at the end
  CHECK(map.OriginalAt(5) == 4);
}

TEST_CASE("OffsetMap::AppendCopied equals one Append per character", "[offsets]") {
  OffsetMap run, each;
  run.Append(1, 0, 2);  // a folded pair before the run
  each.Append(1, 0, 2);
  run.AppendCopied("가나다라", 2);  // four Hangul syllables, cp 2..5
  for (uint32_t k = 0; k < 4; ++k) each.Append(3, 2 + k, 3 + k);
  run.AppendCopied("abc", 6);
  for (uint32_t k = 0; k < 3; ++k) each.Append(1, 6 + k, 7 + k);
  run.AppendCopied("a·b 가\U0001F600", 9);  // 1, 2, 1, 1, 3 and 4 bytes
  const uint32_t bytes[] = {1, 2, 1, 1, 3, 4};
  for (uint32_t k = 0; k < 6; ++k) each.Append(bytes[k], 9 + k, 10 + k);
  run.AppendCopied("", 15);
  run.Append(0, 15, 16);  // a dropped character after the runs
  each.Append(0, 15, 16);
  run.AppendCopied("z", 17);  // after a gap: code point 16 was dropped
  each.Append(1, 17, 18);
  run.Finish(18);
  each.Finish(18);
  REQUIRE(run.work_size() == each.work_size());
  for (size_t b = 0; b <= run.work_size(); ++b) {
    for (size_t e = b; e <= run.work_size(); ++e)
      CHECK(run.ToOriginal(b, e) == each.ToOriginal(b, e));
  }
}

TEST_CASE("OffsetMap keeps an expansion together", "[offsets]") {
  OffsetMap map;
  map.Append(2, 0, 1);  // one original character unfolded into two bytes
  map.Finish(1);
  CHECK(map.ToOriginal(0, 1) == Span{0, 1});
  CHECK(map.ToOriginal(1, 2) == Span{0, 1});
}

// Only pieces that do not stand for one code point each keep their end
// (OffsetMap::wide_): every mix of pieces must give the spans of a map that
// kept each byte's begin and end, including pieces cut by Truncate.
TEST_CASE("OffsetMap: wide pieces keep their ends among one-code-point pieces", "[offsets]") {
  struct Piece {
    uint32_t bytes, begin, end;
  };
  const std::vector<Piece> pieces = {
      {1, 0, 3},    // three spaces folded to one
      {3, 3, 4},    // a syllable
      {1, 4, 6},    // CR LF
      {0, 6, 7},    // a dropped character
      {2, 7, 8},    // one character unfolded into two bytes
      {3, 8, 11},   // a composed cluster
      {1, 11, 12},  // ASCII
      {3, 12, 14},  // another cluster, last
  };
  OffsetMap map;
  std::vector<uint32_t> begins, ends;  // per byte, as a map keeping both would
  for (const Piece& p : pieces) {
    map.Append(p.bytes, p.begin, p.end);
    for (uint32_t k = 0; k < p.bytes; ++k) {
      begins.push_back(p.begin);
      ends.push_back(p.end);
    }
  }
  map.Finish(14);
  REQUIRE(map.work_size() == begins.size());
  for (size_t b = 0; b < begins.size(); ++b) {
    for (size_t e = b + 1; e <= begins.size() + 1; ++e) {
      const size_t last = std::min(e, begins.size()) - 1;
      CHECK(map.ToOriginal(b, e) == Span{begins[b], ends[last]});
    }
  }
  CHECK(map.ToOriginal(begins.size(), begins.size()) == Span{14, 14});
}

// Thousands of bytes of random pieces (copied runs of every width at every
// alignment, drops, folds, wide and unfolded pieces): every byte's begin and
// end, and ranges across the map's 64-byte blocks, against a map that kept
// both per byte.
TEST_CASE("OffsetMap: random pieces across many blocks", "[offsets]") {
  const char* chars[] = {"a", "\xC2\xB7", "\xEA\xB0\x80", "\xF0\x9F\x98\x80"};
  std::mt19937 random(7);
  for (int round = 0; round < 20; ++round) {
    OffsetMap map;
    std::vector<uint32_t> begins, ends;
    uint32_t cp = 0;
    while (begins.size() < 3000) {
      switch (random() % 6) {
        case 0:
        case 1: {  // a copied run
          std::string run;
          const size_t count = random() % 150;
          for (size_t k = 0; k < count; ++k) {
            const std::string c = chars[random() % 4];
            run += c;
            for (size_t b = 0; b < c.size(); ++b) {
              begins.push_back(cp + static_cast<uint32_t>(k));
              ends.push_back(cp + static_cast<uint32_t>(k) + 1);
            }
          }
          map.AppendCopied(run, cp);
          cp += static_cast<uint32_t>(count);
          break;
        }
        case 2:  // dropped code points
          cp += 1 + static_cast<uint32_t>(random() % 3);
          break;
        default: {  // a piece of 1 to 4 bytes for 1 to 5 code points
          const auto bytes = 1 + static_cast<uint32_t>(random() % 4);
          const auto width = 1 + static_cast<uint32_t>(random() % 5);
          map.Append(bytes, cp, cp + width);
          for (uint32_t b = 0; b < bytes; ++b) {
            begins.push_back(cp);
            ends.push_back(cp + width);
          }
          cp += width;
        }
      }
    }
    map.Finish(cp + 1);
    REQUIRE(map.work_size() == begins.size());
    for (size_t b = 0; b < begins.size(); ++b) {
      REQUIRE(map.ToOriginal(b, b + 1) == Span{begins[b], ends[b]});
      REQUIRE(map.OriginalAt(b) == begins[b]);
      const size_t e = std::min(begins.size(), b + 1 + random() % 200);
      REQUIRE(map.ToOriginal(b, e) == Span{begins[b], ends[e - 1]});
    }
    CHECK(map.OriginalAt(begins.size()) == cp + 1);
  }
}

}  // namespace newsie
