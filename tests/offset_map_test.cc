#include "pipeline/offset_map.h"

#include <catch2/catch.hpp>
#include <string_view>

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
    for (size_t b = k; b < k + len; ++b) {
      room.begin[b] = cp;
      room.end[b] = cp + 1;
    }
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

}  // namespace newsie
