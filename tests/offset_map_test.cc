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

TEST_CASE("OffsetMap keeps an expansion together", "[offsets]") {
  OffsetMap map;
  map.Append(2, 0, 1);  // one original character unfolded into two bytes
  map.Finish(1);
  CHECK(map.ToOriginal(0, 1) == Span{0, 1});
  CHECK(map.ToOriginal(1, 2) == Span{0, 1});
}

}  // namespace newsie
