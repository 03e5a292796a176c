#include "pipeline/code_point_index.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace newsie {

// Every code point's start, for texts of 0 to 400 code points of every width
// (so every checkpoint stride and eight-byte step is crossed at every
// alignment), against a walk that decodes each character.
TEST_CASE("CodePointIndex gives where each code point starts", "[offsets]") {
  const char* widths[] = {"a", "\xC2\xB7", "\xEA\xB0\x80", "\xF0\x9F\x98\x80"};  // 1, 2, 3, 4 bytes
  for (int pattern = 0; pattern < 6; ++pattern) {
    std::string text;
    std::vector<size_t> starts;
    for (size_t cp = 0; cp <= 400; ++cp) {
      const CodePointIndex index = CodePointIndex::Of(text);
      REQUIRE(index.size() == starts.size());
      REQUIRE(CountCodePoints(text) == starts.size());
      for (size_t k = 0; k < starts.size(); ++k) REQUIRE(index.ByteOf(text, k) == starts[k]);
      REQUIRE(index.ByteOf(text, starts.size()) == text.size());
      starts.push_back(text.size());
      // Patterns: one width only (0-3), all widths in turn, and a run-length mix.
      const size_t w = pattern < 4 ? pattern : pattern == 4 ? cp % 4 : (cp / 7 + cp % 3) % 4;
      text += widths[w];
    }
  }
}

}  // namespace newsie
