// decode: raw bytes to Unicode text.
//
// Reads input.bytes (and input.encoding when forced or declared); sets
// `original` (UTF-8), `original_offsets` and source.encoding. Invalid bytes
// become U+FFFD with one `invalid-bytes` diagnostic.
#pragma once

#include <memory>

#include "pipeline/pipeline.h"

namespace newsie {

std::unique_ptr<Stage> MakeDecodeStage(const PipelineOptions& options);

}  // namespace newsie
