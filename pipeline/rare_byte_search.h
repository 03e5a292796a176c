// Finding a short literal (a title, a gate word) in text by its rarest byte.
//
// string_view::find of a needle is memchr for the needle's *first* byte and a
// compare at each hit. When that byte is common in the text (the `m` of
// `mayor` in English, the lead byte of a Hangul syllable, of which Korean
// text has one every three bytes and only four kinds), memchr stops every
// few bytes. Looked for by its rarest byte instead (`y`; the last byte of a
// syllable, one of 64), the search stops an order of magnitude less often.
// The rank of a byte is a rough guess about news text, not a measurement of
// the text at hand: only the speed depends on it, never the result.
#pragma once

#include <cstddef>
#include <string_view>

namespace newsie {

// How often byte `c` comes in the text of news articles, roughly, as a rank
// (higher: more often).
inline int ByteCommonness(unsigned char c) {
  // Lower-case English letters, the most frequent first.
  constexpr std::string_view kByFrequency = "etaoinshrdlcumwfgypbvkjxqz";
  // UTF-8: a Hangul syllable starts with one of four bytes; the bytes after
  // a lead byte are each one of 64.
  if (c >= 0x80) return c >= 0xC0 ? 40 : 0;
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 50;
  const size_t rank = kByFrequency.find(static_cast<char>(c));
  return rank == std::string_view::npos ? 0 : static_cast<int>(kByFrequency.size() - rank);
}

// The index of the byte `needle` is best looked for by: its rarest, the last
// of them on a tie (a Hangul word by its last byte). 0 for an empty needle.
inline size_t RarestByte(std::string_view needle) {
  size_t key = 0;
  for (size_t i = 1; i < needle.size(); ++i) {
    if (ByteCommonness(static_cast<unsigned char>(needle[i])) <=
        ByteCommonness(static_cast<unsigned char>(needle[key])))
      key = i;
  }
  return key;
}

// Where the first occurrence of `needle` (not empty) in `range` at or after
// `from` starts, or npos; found by its byte at `key` (RarestByte(needle),
// computed once by the caller).
inline size_t NextOccurrence(std::string_view range, std::string_view needle, size_t key,
                             size_t from) {
  for (size_t at = range.find(needle[key], from + key); at != std::string_view::npos;
       at = range.find(needle[key], at + 1)) {
    const size_t start = at - key;
    if (start + needle.size() > range.size()) break;  // later finds end later still
    // Compared here rather than by a memcmp call: most finds of the byte
    // differ at the next one.
    size_t same = 0;
    while (same < needle.size() && range[start + same] == needle[same]) ++same;
    if (same == needle.size()) return start;
  }
  return std::string_view::npos;
}

// Calls f(at) for each occurrence of `needle` (not empty) in `range`, in
// order, overlapping ones included.
template <typename F>
void ForEachOccurrence(std::string_view range, std::string_view needle, size_t key, F f) {
  for (size_t at = NextOccurrence(range, needle, key, 0); at != std::string_view::npos;
       at = NextOccurrence(range, needle, key, at + 1)) {
    f(at);
  }
}

// Whether `needle` (not empty) is in `range`.
inline bool ContainsByByte(std::string_view range, std::string_view needle, size_t key) {
  return NextOccurrence(range, needle, key, 0) != std::string_view::npos;
}

}  // namespace newsie
