// pipeline/utf8.h: the code point at and before a byte offset, as the
// scanners step through text with it.
#include "pipeline/utf8.h"

#include <catch2/catch.hpp>
#include <string>

namespace newsie {
namespace {

// a © 가 😀: one, two, three and four bytes.
const std::string kText = "a\xC2\xA9\xEA\xB0\x80\xF0\x9F\x98\x80";

struct Expected {
  size_t offset;
  char32_t code_point;
  size_t length;
};

TEST_CASE("utf8: the code point at an offset and its length, one to four bytes", "[utf8]") {
  for (const Expected& e :
       {Expected{0, U'a', 1}, Expected{1, U'\u00A9', 2}, Expected{3, U'\uAC00', 3},
        Expected{6, U'\U0001F600', 4}, Expected{kText.size(), 0, 0}}) {
    size_t length = 9;
    INFO("at " << e.offset);
    CHECK(CodePointAt(kText, e.offset, &length) == e.code_point);
    CHECK(length == e.length);
  }
  CHECK(CodePointAt(kText, 0) == U'a');  // the length is optional
}

TEST_CASE("utf8: the code point before an offset and its length", "[utf8]") {
  for (const Expected& e : {Expected{0, 0, 0}, Expected{1, U'a', 1}, Expected{3, U'\u00A9', 2},
                            Expected{6, U'\uAC00', 3}, Expected{kText.size(), U'\U0001F600', 4}}) {
    size_t length = 9;
    INFO("before " << e.offset);
    CHECK(CodePointBefore(kText, e.offset, &length) == e.code_point);
    CHECK(length == e.length);
    CHECK(CodePointStartBefore(kText, e.offset) == e.offset - e.length);
  }
}

TEST_CASE("utf8: a window cut at a byte count starts and ends on whole characters", "[utf8]") {
  // Inside 가 (bytes 3-5): forward to 😀 at 6, back to 가 at 3; never past
  // the limit or before the floor; a first byte stays where it is.
  CHECK(CodePointStartFrom(kText, 4, kText.size()) == 6);
  CHECK(CodePointStartFrom(kText, 4, 5) == 5);
  CHECK(CodePointStartFrom(kText, 3, kText.size()) == 3);
  CHECK(CodePointStartAt(kText, 5) == 3);
  CHECK(CodePointStartAt(kText, 5, 4) == 4);
  CHECK(CodePointStartAt(kText, 6) == 6);
}

TEST_CASE("utf8: ill-formed bytes read as U+FFFD, and a scan still moves on", "[utf8]") {
  size_t length = 0;
  // A lone continuation byte, an overlong lead, a surrogate, a sequence cut
  // short by the end: each is U+FFFD, as long as the bytes ICU passes over.
  CHECK(CodePointAt("\x80z", 0, &length) == U'\uFFFD');
  CHECK(length == 1);
  CHECK(CodePointAt("\xC0\x80", 0, &length) == U'\uFFFD');
  CHECK(length == 1);
  CHECK(CodePointAt("\xED\xA0\x80", 0, &length) == U'\uFFFD');
  CHECK(length == 1);
  CHECK(CodePointAt(std::string_view("\xEA\xB0", 2), 0, &length) == U'\uFFFD');
  CHECK(length == 2);
  // Stepping by the lengths crosses any bytes in as many steps as there are
  // characters and ill-formed pieces, never zero bytes at a time.
  const std::string mixed = "\xFF\xEA\xB0\x80\x80\xE2\x82";
  size_t pos = 0, steps = 0;
  while (pos < mixed.size()) {
    CodePointAt(mixed, pos, &length);
    REQUIRE(length >= 1);
    pos += length;
    ++steps;
  }
  CHECK(pos == mixed.size());
  CHECK(steps == 4);  // FF, 가, 80, E2 82
  // Backwards, no further than the three continuation bytes UTF-8 allows.
  CHECK(CodePointStartBefore("\x80\x80\x80\x80\x80", 5) == 1);
}

}  // namespace
}  // namespace newsie
