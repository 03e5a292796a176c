#include "pipeline/language.h"

#include <utf8proc.h>

#include <cstdint>
#include <cstring>

namespace newsie {
namespace {

// Decodes the code point at p with utf8proc and counts it; returns its length.
utf8proc_ssize_t CountOne(const utf8proc_uint8_t* p, utf8proc_ssize_t left, ScriptCounts& counts) {
  utf8proc_int32_t cp = 0;
  utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
  if (n <= 0) n = 1;
  if ((cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0x1100 && cp <= 0x11FF) ||
      (cp >= 0x3130 && cp <= 0x318F)) {
    ++counts.hangul;
  } else if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z')) {
    ++counts.latin;
  }
  return n;
}

}  // namespace

size_t CountCodePointAt(const unsigned char* p, size_t left, ScriptCounts& counts) {
  return static_cast<size_t>(CountOne(p, static_cast<utf8proc_ssize_t>(left), counts));
}

ScriptCounts CountScriptsByCodePoint(std::string_view utf8) {
  ScriptCounts counts;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
  for (auto left = static_cast<utf8proc_ssize_t>(utf8.size()); left > 0;) {
    const utf8proc_ssize_t n = CountOne(p, left, counts);
    p += n;
    left -= n;
  }
  return counts;
}

ScriptCounts CountScripts(std::string_view utf8) {
  ScriptCounts counts;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(utf8.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(utf8.size());
  while (left > 0) {
    // Fast paths for the common cases, without a call: ASCII, and a Hangul
    // syllable (EA B0 80 .. ED 9E A3, always well-formed); the rest is
    // decoded by utf8proc.
    uint64_t word;
    if (left >= 8 && (std::memcpy(&word, p, 8), (word & 0x8080808080808080ULL) == 0)) {
      counts.latin += LatinLettersOfAsciiWord(word);
      p += 8;
      left -= 8;
      continue;
    }
    if (p[0] < 0x80) {
      counts.latin += IsAsciiLetter(p[0]);
      ++p;
      --left;
      continue;
    }
    if (left >= 3 && p[0] >= 0xEA && p[0] <= 0xED && (p[1] & 0xC0) == 0x80 &&
        (p[2] & 0xC0) == 0x80) {
      const char32_t cp = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
      if (cp >= 0xAC00 && cp <= 0xD7A3) {
        ++counts.hangul;
        p += 3;
        left -= 3;
        continue;
      }
    }
    const utf8proc_ssize_t n = CountOne(p, left, counts);
    p += n;
    left -= n;
  }
  return counts;
}

std::string LanguageOf(const ScriptCounts& counts) {
  // A Hangul syllable carries about as much text as three Latin letters.
  const double ko = 3.0 * static_cast<double>(counts.hangul);
  const double en = static_cast<double>(counts.latin);
  const double total = ko + en;
  if (total == 0) return "en";
  const double ko_share = ko / total;
  if (ko_share >= 0.8) return "ko";
  if (ko_share <= 0.2) return "en";
  return "mixed";
}

}  // namespace newsie
