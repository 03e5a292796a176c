// Sink: where records go (JSONL, JSON array, CSV, SQLite).
//
// A sink receives records in input order from one thread. Nothing it writes
// may look complete before Finish succeeds:
//   - file sinks write OUT.partial, note each finished record in
//     OUT.manifest, and rename OUT.partial to OUT in Finish
//     (pipeline/sinks/resumable_file.h);
//   - SQLite writes OUT.partial too, committing a transaction per batch of
//     documents, and renames it to OUT in Finish.
// If the run is abandoned (a fatal error, a signal, SIGKILL), the sink is
// destroyed without Finish (or not at all): OUT is left as it was, and what
// was finished stays in OUT.partial for --resume.
//
// With `resume`, Open continues OUT.partial (or a finished OUT) and lists the
// documents already there in restored(); the runner skips them and the sink
// appends the rest, so the final output is the one an uninterrupted run
// writes.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/record.h"
#include "pipeline/status.h"

namespace newsie {

// What identifies a document for --resume: its id and the sha256 of its bytes.
struct RecordKey {
  std::string id;
  std::string sha256;
  bool operator==(const RecordKey&) const = default;
};
RecordKey KeyOf(const Json& record);

class Sink {
 public:
  virtual ~Sink() = default;
  virtual Status Write(const Json& record) = 0;
  // What the runner calls: `line` is `record` as one JSONL line without the
  // newline and `key` its KeyOf, made by the workers so the writing thread
  // does not have to. Sinks that store the line override it; by default it
  // is Write. When NeedsTree() is false, `record` is null: the worker that
  // built the tree has freed it (a tree freed by another thread costs the
  // allocator more, in every one of its allocations).
  virtual Status WriteLine(const Json& record, std::string_view line, const RecordKey& key) {
    (void)line;
    (void)key;
    return Write(record);
  }
  // Whether WriteLine reads `record` (true) or only `line` and `key`.
  virtual bool NeedsTree() const { return true; }
  virtual Status Finish() = 0;
  // The documents a resumed output already holds, in output order.
  const std::vector<RecordKey>& restored() const { return restored_; }

 protected:
  std::vector<RecordKey> restored_;
};

enum class SinkFormat { kJsonl, kJson, kCsv, kSqlite };
std::optional<SinkFormat> ParseSinkFormat(std::string_view name);
std::string_view SinkFormatName(SinkFormat format);
// The format an output path's extension implies (.jsonl, .json, .csv, .sqlite/.db).
std::optional<SinkFormat> SinkFormatForPath(std::string_view path);

struct SinkOptions {
  bool resume = false;        // continue OUT.partial / OUT instead of starting afresh
  int batch_documents = 256;  // SQLite: documents per transaction
};

// True when `path` names an existing device or pipe (/dev/null, /dev/full,
// /dev/stdout, a FIFO): such an output is written straight through like
// standard output, since it cannot be renamed into place or resumed.
bool IsStreamOutput(const std::string& path);

// The files an output at `path` may write: OUT, OUT.partial, OUT.manifest
// and its .tmp, and SQLite's OUT.partial-wal, -shm and -journal. The reader
// skips them in the folders it walks (InputOptions::skip_files).
std::vector<std::string> OutputFiles(const std::string& path);

// `path` empty or "-" means standard output (JSONL/JSON/CSV only), written
// and flushed record by record so newsie works as a streaming filter.
// Returns an error Status when the output cannot be opened (or resumed).
Status OpenSink(SinkFormat format, const std::string& path, const SinkOptions& options,
                std::unique_ptr<Sink>& out);

}  // namespace newsie
