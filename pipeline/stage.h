// Stage: one step of the per-document pipeline.
//
// A stage is built once at start-up from the lexicons (patterns compiled,
// tables loaded) and is then shared read-only by every worker thread, so
// Run must be const and must not keep per-call state in members. Per-thread
// scratch (an ICU BreakIterator, say) lives in a thread_local inside the .cc.
//
// Run returns an error Status only when the document cannot be processed at
// all (the runner then reports it as failed); problems the document survives
// become Diagnostics on it.
#pragma once

#include <string_view>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace newsie {

class Stage {
 public:
  virtual ~Stage() = default;
  virtual std::string_view name() const = 0;
  virtual Status Run(Document& doc) const = 0;
};

}  // namespace newsie
