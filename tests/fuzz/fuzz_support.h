// Property checks shared by the fuzz targets. A failed check prints what was
// wrong and aborts, so libFuzzer saves the input as a crasher.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "pipeline/document.h"

namespace newsie::fuzz {

// Prints "property failed: <what>" and aborts.
[[noreturn]] void Fail(const std::string& what);
inline void Check(bool ok, const std::string& what) {
  if (!ok) Fail(what);
}

// True when `s` is well-formed UTF-8.
bool ValidUtf8(std::string_view s);

// decode's output: `original` valid UTF-8, `original_index` giving each
// code point's start, strictly increasing, and the end at original.size().
void CheckDecoded(const Document& doc);

// normalize's output: the offset map covers `work` byte for byte, maps every
// byte inside [0, code points of original], monotonically, and ASCII letters
// and digits in `work` come from the same letter (or its full-width form).
void CheckWorkMap(const Document& doc);

// Later stages: removals, stories and sentences are inside `work`, ordered,
// on UTF-8 boundaries; diagnostic spans are inside the original.
void CheckStructure(const Document& doc);

// A record: every "span" [s, e] has 0 <= s <= e <= code points; every
// "evidence" {text, span} has text == original[span].
void CheckRecordSpans(const Document& doc, const nlohmann::json& record);

// The record validates against schema/newsie-1.schema.json.
void CheckSchema(const nlohmann::json& record);

}  // namespace newsie::fuzz
