// Language of a piece of text from its script counts: Hangul syllables and
// jamo against Latin letters. Korean news quotes English names and English
// translations keep Korean terms, so a text is "mixed" only when the minority
// script carries real weight, not when it merely appears.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace newsie {

struct ScriptCounts {
  size_t hangul = 0;
  size_t latin = 0;
};

ScriptCounts CountScripts(std::string_view utf8);
// Whether byte `c` is an ASCII letter (a Latin letter as CountScripts counts).
inline bool IsAsciiLetter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
// The Latin letters among eight ASCII bytes read as one word (either byte
// order gives the same count): CountScripts' path for ASCII text, shared
// with the sentence scan that counts as it goes.
inline size_t LatinLettersOfAsciiWord(uint64_t word) {
  // A byte is a letter when (b | 0x20) is in 'a'..'z'. Adding 0x80 - 'a' (or
  // 0x80 - '{') sets a byte's high bit from 'a' (from '{') up, without a
  // carry into the next byte.
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  const uint64_t folded = word | (0x20 * kOnes);
  const uint64_t from_a = folded + (0x80 - 'a') * kOnes;
  const uint64_t past_z = folded + (0x80 - '{') * kOnes;
  // One bit per letter at the bottom of its byte, summed into the top byte by
  // a multiply: the x86-64 baseline has no popcount instruction, and
  // std::popcount was a call into libgcc.
  const uint64_t letters = (from_a & ~past_z & (0x80 * kOnes)) >> 7;
  return static_cast<size_t>((letters * kOnes) >> 56);
}
// Counts the code point at `p` (at most `left` bytes, left > 0) as CountScripts
// does, decoding it with utf8proc; returns its length (1 for an invalid byte).
// For callers that walk text for more than its scripts.
size_t CountCodePointAt(const unsigned char* p, size_t left, ScriptCounts& counts);
// The same count with every code point decoded by utf8proc: the reference
// CountScripts' fast paths for ASCII and Hangul syllables must agree with.
ScriptCounts CountScriptsByCodePoint(std::string_view utf8);

// "ko", "en" or "mixed"; "en" for text with neither script (digits only).
std::string LanguageOf(const ScriptCounts& counts);
inline std::string LanguageOf(std::string_view utf8) { return LanguageOf(CountScripts(utf8)); }

}  // namespace newsie
