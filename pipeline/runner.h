// Runner: the batch layer. It reads WorkItems from an InputReader, runs the
// Pipeline on them with a pool of worker threads, and hands the records to a
// Sink in input order, whatever order the workers finish in.
//
// Memory stays flat: at most `jobs * 16` documents are in flight (read,
// processing, or waiting for their turn to be written: only `jobs` of them
// hold a Document, the others their record), besides the two batches of
// kReadAheadFiles small files (under 64 KiB each) read ahead of a folder
// walk. Shared state (the Pipeline with its compiled lexicons) is read-only;
// each worker keeps its own StageProfile, summed at the end.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <string>

#include "pipeline/input.h"
#include "pipeline/pipeline.h"
#include "pipeline/sinks/sink.h"

namespace newsie {

// Failed documents as JSON lines {"path", "code", "message"}: to a file
// (--errors) or standard error. Each line is flushed at once.
class ErrorReporter {
 public:
  explicit ErrorReporter(std::FILE* out) : out_(out) {}
  void Report(const std::string& path, const std::string& code, const std::string& message);
  int64_t count() const { return count_; }

 private:
  std::FILE* out_;
  int64_t count_ = 0;
};

struct BatchSummary {
  int64_t documents = 0;  // processed and written
  int64_t failed = 0;
  int64_t skipped = 0;  // --resume: already in the output
  int64_t bytes = 0;    // raw bytes of the processed documents
  int64_t stories = 0;
  std::map<std::string, int64_t> facts;        // district, mayor, targets, achievements, awards
  std::map<std::string, int64_t> diagnostics;  // by code
  std::chrono::duration<double> elapsed{};
  StageProfile profile;
  Status fatal;  // the sink failed: the run stopped and its output was not written
};

struct Progress {
  int64_t done = 0;  // documents handled: written, failed or skipped
  int64_t failed = 0;
  int64_t skipped = 0;  // --resume: already in the output
  int64_t bytes = 0;    // raw bytes of the documents written
};

struct BatchOptions {
  int jobs = 1;
  InputOptions input;
  bool profile = false;
  // Called on the writing thread after each document (for a progress line).
  std::function<void(const Progress&)> on_progress;
  // Set from a signal handler: stop reading, abandon the output.
  const std::atomic<bool>* interrupted = nullptr;
  // --resume: documents (id and sha256 of their bytes) this returns true for
  // are not processed or written again. Called from the workers concurrently.
  std::function<bool(const std::string& id, const std::string& sha256)> already_done;
};

BatchSummary RunBatch(InputReader& reader, const Pipeline& pipeline, Sink& sink,
                      ErrorReporter& errors, const BatchOptions& options);

}  // namespace newsie
