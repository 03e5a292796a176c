// normalize: the working text rules match against.
//
// Reads `original`; sets `work` (NFC, compatibility-folded where it matters,
// lost characters repaired) and `work_map` back to the original. The original
// itself is never changed.
#pragma once

#include <memory>

#include "pipeline/pipeline.h"

namespace newsie {

std::unique_ptr<Stage> MakeNormalizeStage(const PipelineOptions& options);

}  // namespace newsie
