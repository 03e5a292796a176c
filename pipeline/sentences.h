// sentences: ICU sentence breaks inside each story, and the languages.
//
// Reads `work` and `stories`; adds `sentences` and sets story.lang and
// source.lang (ko, en, mixed) from script counts.
#pragma once

#include <memory>

#include "pipeline/pipeline.h"

namespace newsie {

std::unique_ptr<Stage> MakeSentencesStage(const PipelineOptions& options);

}  // namespace newsie
