// ref_date: the date every relative expression is anchored to.
//
// Reads input.date, metadata.printed_date and the sentences' quantities; sets
// `ref_date` and resolves every relative DateValue in the sentences against
// it (ResolveDate, pipeline/quantities/resolve.h). The basis, in order:
//
//   given     --ref-date or a JSONL record's date (input.date_given)
//   metadata  a sidecar's date, else the date printed in the page
//   inferred  a year worked out from the text (InferRefYear below)
//   none      no date: relative expressions stay unresolved
//
// `ref_date.reason` says what the date was taken or inferred from (`inspect`).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "pipeline/pipeline.h"
#include "pipeline/quantities/resolve.h"

namespace newsie {

namespace quantities {
struct QuantityTables;
}

// The most likely reference year of a document without a date, from (in this
// order of trust):
//   - a schedule: "12,515 this year, 12,703 in 2024, 12,894 in 2025": the
//     years after "this year"/올해 run on from it, so it is the first minus one;
//   - an award edition: "the 2022 ... Awards held on the 21st";
//   - a plan named with a year while the text speaks of this year/올해:
//     "'2024 Comprehensive Job Policy Plan' ... 12,100 jobs this year".
// Needs the sentences' quantities (unresolved). `reason` explains the choice.
struct InferredYear {
  int year = 0;
  std::string reason;
};
std::optional<InferredYear> InferRefYear(const Document& doc,
                                         const quantities::QuantityTables& tables);

std::unique_ptr<Stage> MakeRefDateStage(const PipelineOptions& options);

}  // namespace newsie
