#include "pipeline/offset_map.h"

#include <catch2/catch.hpp>
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

// Copies `copied` (whole characters, standing for original code points from
// `cp` on) through Extend, as the normaliser does, with `spare` entries of
// room left over and cut off; returns the next code point.
uint32_t CopyThroughExtend(OffsetMap& map, std::string_view copied, uint32_t cp, size_t spare) {
  const size_t at = map.work_size();
  const OffsetMap::Room room = map.Extend(copied.size() + spare);
  for (size_t k = 0; k < copied.size();) {
    size_t len = 1;
    while (k + len < copied.size() &&
           (static_cast<unsigned char>(copied[k + len]) & 0xC0) == 0x80) {
      ++len;
    }
    for (size_t b = k; b < k + len; ++b) room.begin[b] = cp;
    ++cp;
    k += len;
  }
  map.Truncate(at + copied.size());
  return cp;
}

TEST_CASE("OffsetMap::Extend filled per character equals one Append per character", "[offsets]") {
  OffsetMap run, each;
  run.Append(1, 0, 2);  // a folded pair before the run
  each.Append(1, 0, 2);
  CHECK(CopyThroughExtend(run, "가나다라", 2, 5) == 6);  // four Hangul syllables, cp 2..5
  for (uint32_t k = 0; k < 4; ++k) each.Append(3, 2 + k, 3 + k);
  CHECK(CopyThroughExtend(run, "abc", 6, 0) == 9);
  for (uint32_t k = 0; k < 3; ++k) each.Append(1, 6 + k, 7 + k);
  CHECK(CopyThroughExtend(run, "a·b 가\U0001F600", 9, 100) == 15);  // 1, 2, 1, 1, 3 and 4 bytes
  const uint32_t bytes[] = {1, 2, 1, 1, 3, 4};
  for (uint32_t k = 0; k < 6; ++k) each.Append(bytes[k], 9 + k, 10 + k);
  CHECK(CopyThroughExtend(run, "", 15, 3) == 15);
  run.Append(0, 15, 16);  // a dropped character after the runs
  each.Append(0, 15, 16);
  run.Finish(16);
  each.Finish(16);
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

  // Room left after a wide piece and cut back: the wide piece stays whole.
  OffsetMap cut;
  cut.Append(1, 0, 2);
  const OffsetMap::Room room = cut.Extend(4);
  room.begin[0] = 2;
  cut.Truncate(2);
  cut.Finish(3);
  CHECK(cut.ToOriginal(0, 1) == Span{0, 2});
  CHECK(cut.ToOriginal(1, 2) == Span{2, 3});
  CHECK(cut.ToOriginal(0, 2) == Span{0, 3});
  // Truncate inside a wide piece keeps it up to the cut only.
  OffsetMap inside;
  inside.Append(3, 0, 2);
  inside.Truncate(1);
  inside.Append(1, 2, 3);
  inside.Finish(3);
  CHECK(inside.ToOriginal(0, 1) == Span{0, 2});
  CHECK(inside.ToOriginal(1, 2) == Span{2, 3});
}

}  // namespace newsie
