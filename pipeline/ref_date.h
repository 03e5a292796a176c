// ref_date: the date every relative expression is anchored to.
//
// Reads input.date, metadata.printed_date and the sentences' quantities; sets
// `ref_date` (basis given, metadata, inferred or none) and resolves every
// relative DateValue in the sentences against it.
#pragma once

#include <memory>

#include "pipeline/pipeline.h"

namespace newsie {

std::unique_ptr<Stage> MakeRefDateStage(const PipelineOptions& options);

}  // namespace newsie
