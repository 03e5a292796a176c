// source: a Document made from what the reader loaded, before any stage runs.
//
// Fills source.path/bytes/sha256 (of the raw bytes), url and title, and
// applies --ref-date, which overrides every other date the input carries.
// Adds the diagnostics the raw bytes call for: `empty-document` (nothing or
// only whitespace), `nul-bytes`, `utf16-without-bom` (then decoded as
// the UTF-16 it looks like, unless --encoding says otherwise), and
// `path-not-utf8` (a file name the record can show only with U+FFFD).
#pragma once

#include <optional>
#include <string>

#include "pipeline/document.h"

namespace newsie {

Document NewDocument(Input input, const std::optional<std::string>& forced_ref_date,
                     const std::optional<std::string>& forced_encoding);

std::string Sha256Hex(std::string_view bytes);

// What the raw bytes give away before decoding (docs/limits.md).
// "PNG image", "ZIP archive", ... or "binary data" (many control bytes) when
// `bytes` is no text at all; nullopt for text. Looks at the first 8 KiB.
std::optional<std::string> SniffBinary(std::string_view bytes);
// The bytes below 0x20 that text does not use (all but tab, LF, CR, FF and
// ESC): what SniffBinary weighs to call bytes "binary data".
size_t CountControlBytes(std::string_view bytes);
// "UTF-16LE" / "UTF-16BE" when `bytes` has no byte-order mark but its NUL
// bytes fall on every other byte the way UTF-16 text's do.
std::optional<std::string> SniffUtf16(std::string_view bytes);

}  // namespace newsie
