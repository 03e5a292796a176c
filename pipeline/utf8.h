// UTF-8 code points at and before a byte offset, and where the characters
// around one start (for windows cut at byte counts), for the scanners that walk
// the working text byte by byte (quantities, the gazetteer, the mayor and
// ref_date rules). Decoded by ICU's U8_NEXT_OR_FFFD, which is inline (no
// call per character); Hangul syllables, most of a Korean text, have their
// own faster path in hangul.h.
#pragma once

#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace newsie {

// The code point whose UTF-8 starts at text[pos], and its length in bytes.
// An ill-formed sequence reads as U+FFFD, as long as the bytes ICU passes
// over (at least one); at or past the end, 0 and 0 bytes.
inline char32_t CodePointAt(std::string_view text, size_t pos, size_t* length = nullptr) {
  if (pos >= text.size()) {
    if (length != nullptr) *length = 0;
    return 0;
  }
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  int64_t i = static_cast<int64_t>(pos);
  const auto end = static_cast<int64_t>(text.size());
  UChar32 c = 0;
  U8_NEXT_OR_FFFD(bytes, i, end, c);
  if (length != nullptr) *length = static_cast<size_t>(i) - pos;
  return static_cast<char32_t>(c);
}

// Where the character that ends just before text[pos] starts: back over its
// continuation bytes (three at most, as UTF-8 has); 0 at the start.
inline size_t CodePointStartBefore(std::string_view text, size_t pos) {
  if (pos == 0) return 0;
  size_t start = pos - 1;
  while (start > 0 && pos - start < 4 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80)
    --start;
  return start;
}

// Where a window cut at byte `pos` may start whole: `pos` itself, or the start
// of the next character when it falls inside one; never past `limit`.
inline size_t CodePointStartFrom(std::string_view text, size_t pos, size_t limit) {
  while (pos < limit && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
  return pos;
}

// Where the character holding text[pos] starts (`pos` itself on a first
// byte); never before `floor`. For a window cut at a byte count to end whole.
inline size_t CodePointStartAt(std::string_view text, size_t pos, size_t floor = 0) {
  while (pos > floor && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) --pos;
  return pos;
}

// The code point that ends just before text[pos] (0 at the start), and its
// length in bytes.
inline char32_t CodePointBefore(std::string_view text, size_t pos, size_t* length = nullptr) {
  const size_t start = CodePointStartBefore(text, pos);
  if (length != nullptr) *length = pos - start;
  return pos == 0 ? 0 : CodePointAt(text, start);
}

}  // namespace newsie
