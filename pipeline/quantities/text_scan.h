// Byte-level helpers the quantity scanners share: character classes and
// prefix tests (code points and Hangul syllables come from pipeline/utf8.h
// and pipeline/hangul.h). Everything works on a string_view and a byte
// position; nothing allocates.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "pipeline/hangul.h"
#include "pipeline/utf8.h"

namespace newsie::quantities {

// The fixed suffixes of the Korean calendar read right after a number
// (2024년, 3월, 5일, 3분기): grammar, not vocabulary, so here rather than in
// lexicons/ (lexicons/README.md, "Quantities"), once for every scanner.
inline constexpr std::string_view kKoYear = "년";
inline constexpr std::string_view kKoMonth = "월";
inline constexpr std::string_view kKoDay = "일";
inline constexpr std::string_view kKoQuarter = "분기";

constexpr bool IsDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr char Lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

inline bool StartsWith(std::string_view t, size_t pos, std::string_view w) {
  return pos <= t.size() && t.substr(pos, w.size()) == w;
}
// ASCII case-insensitive; `w` must be lower case.
inline bool StartsWithIcase(std::string_view t, size_t pos, std::string_view w) {
  if (pos + w.size() > t.size()) return false;
  for (size_t i = 0; i < w.size(); ++i) {
    if (Lower(t[pos + i]) != w[i]) return false;
  }
  return true;
}
// The end of the run of ASCII letters from `pos`. Eight bytes are tested at
// once: a byte-at-a-time loop mispredicts its exit at the end of most words,
// and English text is mostly short words.
inline size_t LettersEnd(std::string_view t, size_t pos) {
  static_assert(std::endian::native == std::endian::little, "the first byte is the lowest");
  constexpr uint64_t kLanes = 0x0101010101010101u;
  while (pos + 8 <= t.size()) {
    uint64_t v;
    std::memcpy(&v, t.data() + pos, 8);
    // Per byte, with no carry between bytes (each below 0x80 after the mask):
    // the high bit of `from_a` is set from 'a' up, of `past_z` above 'z',
    // once case is folded with 0x20; bytes from 0x80 up are no letters.
    const uint64_t folded = (v | (0x20 * kLanes)) & (0x7F * kLanes);
    const uint64_t from_a = folded + (0x80 - 'a') * kLanes;
    const uint64_t past_z = folded + (0x80 - 'z' - 1) * kLanes;
    const uint64_t letters = from_a & ~past_z & ~v & (0x80 * kLanes);
    const uint64_t others = ~letters & (0x80 * kLanes);
    if (others != 0) return pos + static_cast<size_t>(std::countr_zero(others)) / 8;
    pos += 8;
  }
  while (pos < t.size() && IsAlpha(t[pos])) ++pos;
  return pos;
}

// Whether a Latin word ending at `pos` is complete (no letter or digit follows).
inline bool LatinWordEnds(std::string_view t, size_t pos) {
  return pos >= t.size() || !(IsAlpha(t[pos]) || IsDigit(t[pos]));
}
inline bool LatinWordStarts(std::string_view t, size_t pos) {
  return pos == 0 || !(IsAlpha(t[pos - 1]) || IsDigit(t[pos - 1]));
}
// Position after one space at `pos`, or `pos` itself.
inline size_t SkipOneSpace(std::string_view t, size_t pos) {
  return pos < t.size() && t[pos] == ' ' ? pos + 1 : pos;
}
// Position of the first non-space before `pos`, i.e. the end of the previous word.
inline size_t BackOverSpace(std::string_view t, size_t pos) {
  return pos > 0 && t[pos - 1] == ' ' ? pos - 1 : pos;
}

}  // namespace newsie::quantities
