// Language of a piece of text from its script counts: Hangul syllables and
// jamo against Latin letters. Korean news quotes English names and English
// translations keep Korean terms, so a text is "mixed" only when the minority
// script carries real weight, not when it merely appears.
#pragma once

#include <string>
#include <string_view>

namespace newsie {

struct ScriptCounts {
  size_t hangul = 0;
  size_t latin = 0;
};

ScriptCounts CountScripts(std::string_view utf8);
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
