// decode: raw bytes to Unicode text.
//
// Reads input.bytes (and input.encoding when forced or declared); sets
// `original` (UTF-8), `original_index` (where its code points start) and
// source.encoding, and drops input.bytes (valid UTF-8 becomes `original`
// without a copy).
//
// How the encoding is chosen, in order:
//   1. input.encoding when given (`--encoding`): any name ICU knows
//      (UTF-8, UTF-16LE, EUC-KR, CP949, windows-949, ...). An unknown name
//      fails the document with Status "unknown-encoding".
//   2. A byte-order mark: EF BB BF (UTF-8), FF FE (UTF-16LE), FE FF
//      (UTF-16BE). The mark is not part of the original text, so the same
//      article gives the same spans with or without it.
//   3. Valid UTF-8 (checked in the one pass that decodes it): UTF-8.
//   4. Well-formed CP949/EUC-KR byte structure (a fast check; Korean news is
//      the common legacy case), else ICU's charset detector. EUC-KR is
//      decoded with the CP949 converter (a superset) and reported as CP949
//      only when the bytes use CP949's extra characters. When nothing fits:
//      UTF-8 with U+FFFD for the broken bytes.
//
// HTML input (input.format kHtml) is decoded and parsed by
// pipeline/html_text.h: `original` is then the text extracted from the page.
//
// Invalid bytes become U+FFFD with one `invalid-bytes` warning (count, first
// byte offset) and never stop the document.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/code_point_index.h"
#include "pipeline/pipeline.h"

namespace newsie {

std::unique_ptr<Stage> MakeDecodeStage(const PipelineOptions& options);

// The stage's conversion on its own, for other readers of bytes (an HTML
// page is decoded with it before it is parsed): the rules above, with
// `forced` as rule 1. Fails only for a forced encoding ICU does not know.
struct DecodedText {
  std::string text;               // UTF-8, valid
  std::string encoding;           // the name for source.encoding
  size_t invalid = 0;             // U+FFFD substitutions
  size_t first_invalid_byte = 0;  // in the input
  size_t first_invalid_cp = 0;    // in the decoded text
};
Status DecodeBytes(std::string_view bytes, const std::optional<std::string>& forced,
                   DecodedText* out);
// The same, taking `bytes` over when they are the text already (valid UTF-8
// without a byte-order mark and no other encoding forced; else copied from).
Status DecodeBytes(std::string&& bytes, const std::optional<std::string>& forced, DecodedText* out);

// True when `bytes` is well-formed UTF-8 (no surrogates, no overlongs).
bool IsValidUtf8(std::string_view bytes);

}  // namespace newsie
