// source: a Document made from what the reader loaded, before any stage runs.
//
// Fills source.path/bytes/sha256 (of the raw bytes), url and title, and
// applies --ref-date, which overrides every other date the input carries.
#pragma once

#include <optional>
#include <string>

#include "pipeline/document.h"

namespace newsie {

Document NewDocument(Input input, const std::optional<std::string>& forced_ref_date,
                     const std::optional<std::string>& forced_encoding);

std::string Sha256Hex(std::string_view bytes);

}  // namespace newsie
