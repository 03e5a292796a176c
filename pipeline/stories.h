// stories: a page cut into the stories it holds.
//
// Reads `work` and `removed`; adds `stories` with their spans and headlines.
// A roundup page holds several, each starting at a lead naming its government.
#pragma once

#include <memory>

#include "pipeline/pipeline.h"

namespace newsie {

std::unique_ptr<Stage> MakeStoriesStage(const PipelineOptions& options);

}  // namespace newsie
