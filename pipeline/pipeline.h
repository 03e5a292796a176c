// Pipeline: the stages in order, built once, run on each document.
//
//   decode -> normalize -> boilerplate -> stories -> sentences
//          -> quantities -> ref_date -> extract
//
// Read the stages' headers in that order to follow one document from bytes
// to facts; pipeline/record.h then turns the Document into a newsie/1 record.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/lexicon.h"
#include "pipeline/stage.h"
#include "pipeline/status.h"

namespace newsie {

struct PipelineOptions {
  LexiconDir lexicons = LexiconDir::Default();
  std::optional<std::string> ref_date;  // --ref-date, YYYY-MM-DD: overrides every other basis
};

// Time spent per stage, summed over documents (for --profile). Each worker
// keeps its own and the runner adds them up, so no locking.
struct StageProfile {
  std::vector<std::string> names;
  std::vector<std::chrono::nanoseconds> spent;
  void Add(const StageProfile& other);
};

class Pipeline {
 public:
  // Builds every stage. Throws LexiconError if a lexicon is missing or bad.
  explicit Pipeline(const PipelineOptions& options);
  ~Pipeline();
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  // Runs every stage on `doc`, stopping at the first that fails.
  Status Run(Document& doc, StageProfile* profile = nullptr) const;

  std::vector<std::string> StageNames() const;

 private:
  std::vector<std::unique_ptr<Stage>> stages_;
};

}  // namespace newsie
