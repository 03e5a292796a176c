#include "pipeline/offset_map.h"

#include <catch2/catch.hpp>

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

TEST_CASE("OffsetMap::AppendCopy equals one Append per character", "[offsets]") {
  OffsetMap run, each;
  run.Append(1, 0, 2);  // a folded pair before the run
  each.Append(1, 0, 2);
  CHECK(run.AppendCopy("가나다라", 2) == 4);  // four Hangul syllables, original cp 2..5
  for (uint32_t k = 0; k < 4; ++k) each.Append(3, 2 + k, 3 + k);
  CHECK(run.AppendCopy("abc", 6) == 3);
  for (uint32_t k = 0; k < 3; ++k) each.Append(1, 6 + k, 7 + k);
  CHECK(run.AppendCopy("a·b 가\U0001F600", 9) == 6);  // 1, 2, 1, 1, 3 and 4 bytes
  const uint32_t bytes[] = {1, 2, 1, 1, 3, 4};
  for (uint32_t k = 0; k < 6; ++k) each.Append(bytes[k], 9 + k, 10 + k);
  CHECK(run.AppendCopy("", 15) == 0);
  // Long enough for ASCII eight bytes at a time, with other characters among it.
  const std::string mixed = "twelve bytes가nine byte·x\U0001F600 and the rest";
  uint32_t cp = 15;
  for (size_t k = 0; k < mixed.size(); ++cp) {
    size_t len = 1;
    while (k + len < mixed.size() && (static_cast<unsigned char>(mixed[k + len]) & 0xC0) == 0x80) {
      ++len;
    }
    each.Append(static_cast<uint32_t>(len), cp, cp + 1);
    k += len;
  }
  CHECK(run.AppendCopy(mixed, 15) == cp - 15);
  run.Finish(cp);
  each.Finish(cp);
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
