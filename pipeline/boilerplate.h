// boilerplate: page chrome out of the way.
//
// Reads `work`; adds `removed` (page chrome, copyright, bylines, captions,
// related-article lists, weather widgets, page date stamps) from
// lexicons/boilerplate.tsv, and `metadata` (byline, printed date).
#pragma once

#include <memory>

#include "pipeline/pipeline.h"

namespace newsie {

std::unique_ptr<Stage> MakeBoilerplateStage(const PipelineOptions& options);

}  // namespace newsie
