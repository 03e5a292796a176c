// pipeline/rare_byte_search.h: a literal found by its rarest byte is found
// exactly where string_view::find finds it, whichever byte is the key.
#include "pipeline/rare_byte_search.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace newsie {
namespace {

// Every occurrence of `needle` in `range` by string_view::find, overlapping
// ones included: what ForEachOccurrence must give.
std::vector<size_t> FindAll(std::string_view range, std::string_view needle) {
  std::vector<size_t> at;
  for (size_t p = range.find(needle); p != std::string_view::npos; p = range.find(needle, p + 1))
    at.push_back(p);
  return at;
}

std::vector<size_t> ByKey(std::string_view range, std::string_view needle, size_t key) {
  std::vector<size_t> at;
  ForEachOccurrence(range, needle, key, [&](size_t p) { at.push_back(p); });
  return at;
}

TEST_CASE("rare byte search: the key is the rarest byte, the last on a tie", "[rare_byte]") {
  CHECK(RarestByte("mayor") == 2);  // `y`, not the `m`, `a` or `o` of English text
  CHECK(RarestByte("Mayor") == 0);  // an upper-case letter is rarer than any lower-case one
  // 구청장: a Hangul word by its last byte (all trailing bytes rank alike).
  CHECK(RarestByte("\xEA\xB5\xAC\xEC\xB2\xAD\xEC\x9E\xA5") == 8);
  CHECK(RarestByte(" e") == 1);  // a space is commoner than any letter
  CHECK(RarestByte("x") == 0);
  CHECK(RarestByte("") == 0);
}

TEST_CASE("rare byte search: the same occurrences as string_view::find, by any key",
          "[rare_byte]") {
  const std::vector<std::string> ranges = {
      "",
      "mayor",
      "the mayor met the mayor's deputy; mayormayor",
      "\xEA\xB5\xAC\xEC\xB2\xAD\xEC\x9E\xA5 \xEC\x84\xB1\xEB\x8F\x99\xEA\xB5\xAC\xEC\xB2\xAD\xEC"
      "\x9E\xA5",  // 구청장 성동구청장
      "aaaaaa",
      "ayor mayo ayo",  // pieces at both ends, never the whole
  };
  const std::vector<std::string> needles = {"mayor", "aa",  "\xEA\xB5\xAC\xEC\xB2\xAD\xEC\x9E\xA5",
                                            "a",     "ayo", "mayormayor"};
  for (const auto& range : ranges) {
    for (const auto& needle : needles) {
      const std::vector<size_t> expected = FindAll(range, needle);
      for (size_t key = 0; key < needle.size(); ++key) {
        INFO("range '" << range << "', needle '" << needle << "', key " << key);
        CHECK(ByKey(range, needle, key) == expected);
        CHECK(ContainsByByte(range, needle, key) == !expected.empty());
      }
    }
  }
}

}  // namespace
}  // namespace newsie
