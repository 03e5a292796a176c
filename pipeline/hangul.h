// Hangul syllables in UTF-8 text, read where the hot scans need them: a
// syllable (U+AC00..U+D7A3) is three bytes led by EA..ED, which a scan can
// test and decode inline instead of through a general UTF-8 decoder.
#pragma once

#include <cstddef>
#include <string_view>

namespace newsie {

inline constexpr char32_t kFirstHangulSyllable = 0xAC00;
inline constexpr char32_t kLastHangulSyllable = 0xD7A3;

inline constexpr bool IsHangulSyllable(char32_t c) {
  return c >= kFirstHangulSyllable && c <= kLastHangulSyllable;
}

// The Hangul syllable whose UTF-8 starts at text[pos], or 0 (also when fewer
// than three bytes are left). The continuation bytes are not checked: the
// callers read the working text, which is valid UTF-8.
inline char32_t HangulSyllableAt(std::string_view text, size_t pos) {
  if (pos + 3 > text.size()) return 0;
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0xEA || lead > 0xED) return 0;
  const char32_t c = ((lead & 0x0Fu) << 12) |
                     ((static_cast<unsigned char>(text[pos + 1]) & 0x3Fu) << 6) |
                     (static_cast<unsigned char>(text[pos + 2]) & 0x3Fu);
  return IsHangulSyllable(c) ? c : 0;
}

}  // namespace newsie
