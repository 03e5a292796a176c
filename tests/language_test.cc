#include "pipeline/language.h"

#include <catch2/catch.hpp>
#include <cstring>
#include <random>
#include <string>
#include <vector>

namespace newsie {

TEST_CASE("language: script counts and the language they give", "[language]") {
  const ScriptCounts ko = CountScripts("관악구는 올해 jobs 12,100개");
  CHECK(ko.hangul == 7);
  CHECK(ko.latin == 4);
  CHECK(LanguageOf(ko) == "ko");
  CHECK(LanguageOf("Gwanak-gu will create 12,100 jobs") == "en");
  CHECK(LanguageOf("2024") == "en");
  CHECK(LanguageOf("관악구 Gwanak-gu District Office") == "mixed");
}

TEST_CASE("language: CountScripts agrees with decoding by utf8proc alone", "[language]") {
  // Pieces around the fast paths' edges, mixed at random.
  const std::vector<std::string> pieces = {
      // ASCII: letters and their neighbours, and runs long enough to be
      // read eight bytes at a time.
      "a", "Z", "@", "[", "`", "{", " ", "7", "\n", "Gwanak-gu @[District]` {x} ~Az_0",
      "\x7F\x01 AZaz",
      // Syllables at both ends of the block and their neighbours; jamo.
      "가", "힣", "\uABFF", "\uD7A4", "\uD7B0", "\u1100", "\u11FF", "\u3131", "\u318E",
      // Other characters; truncated, overlong and surrogate sequences.
      "\u00E9", "\U0001F600", "\xEA\xB0", "\xEA", "\xED\x9E", "\xED\xA0\x80", "\xE0\x80\x80",
      "\xC0\xAF", "\x80", "\xBF", "\xFF", "\xEB\x80\x41", "\xEA\xC0\x80"};
  std::mt19937 rng(7);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const size_t count = rng() % 16;
    for (size_t k = 0; k < count; ++k) text += pieces[rng() % pieces.size()];
    const ScriptCounts fast = CountScripts(text);
    const ScriptCounts library = CountScriptsByCodePoint(text);
    INFO(text);
    CHECK(fast.hangul == library.hangul);
    CHECK(fast.latin == library.latin);
  }
}

TEST_CASE("language: the Latin letters of eight ASCII bytes at once", "[language]") {
  auto word = [](const char(&eight)[9]) {
    uint64_t w = 0;
    std::memcpy(&w, eight, 8);
    return w;
  };
  CHECK(LatinLettersOfAsciiWord(word("AbCdEfGz")) == 8);
  CHECK(LatinLettersOfAsciiWord(word("@[`{0 9~")) == 0);  // the neighbours of A-Z and a-z
  CHECK(LatinLettersOfAsciiWord(word("Gu-1 zZ.")) == 4);
}

}  // namespace newsie
