// quantities: numbers, money, percentages, ranges and dates in each sentence.
//
// Reads `work` and `sentences`; fills sentence.quantities (spans in work
// bytes). Relative dates stay unresolved here; ref_date resolves them.
#pragma once

#include <memory>

#include "pipeline/pipeline.h"

namespace newsie {

std::unique_ptr<Stage> MakeQuantitiesStage(const PipelineOptions& options);

}  // namespace newsie
