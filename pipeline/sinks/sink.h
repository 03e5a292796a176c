// Sink: where records go (JSONL, JSON array, CSV, SQLite).
//
// A sink receives records in input order from one thread. Nothing it writes
// may look complete before Finish succeeds: file sinks write to a temporary
// file and rename it into place in Finish; SQLite commits in transactions.
// If the run is abandoned (a fatal error, a signal), the sink is destroyed
// without Finish and the output path is left as it was.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "pipeline/record.h"
#include "pipeline/status.h"

namespace newsie {

class Sink {
 public:
  virtual ~Sink() = default;
  virtual Status Write(const Json& record) = 0;
  virtual Status Finish() = 0;
};

enum class SinkFormat { kJsonl, kJson, kCsv, kSqlite };
std::optional<SinkFormat> ParseSinkFormat(std::string_view name);
// The format an output path's extension implies (.jsonl, .json, .csv, .sqlite/.db).
std::optional<SinkFormat> SinkFormatForPath(std::string_view path);

// `path` empty or "-" means standard output (JSONL/JSON/CSV only), written
// and flushed record by record so newsie works as a streaming filter.
// Returns an error Status when the output cannot be opened.
Status OpenSink(SinkFormat format, const std::string& path, std::unique_ptr<Sink>& out);

}  // namespace newsie
