// extract: the extractors (extractors/) run on every story.
//
// Reads everything above; fills each story's district, mayor, targets,
// achievements and awards. Extractors run in the order registered, so later
// ones may use what earlier ones found (the mayor extractor uses the district).
#pragma once

#include <memory>

#include "pipeline/pipeline.h"

namespace newsie {

std::unique_ptr<Stage> MakeExtractStage(const PipelineOptions& options);

}  // namespace newsie
