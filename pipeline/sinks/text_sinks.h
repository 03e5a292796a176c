// The text sinks (JSONL, JSON array, CSV) and what they share: TextOutput,
// bytes to a resumable file (pipeline/sinks/resumable_file.h) or to standard
// output, flushed per record so newsie works as a streaming filter.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "pipeline/sinks/resumable_file.h"
#include "pipeline/sinks/sink.h"

namespace newsie {

class TextOutput {
 public:
  // `path` empty or "-": standard output (resume is then refused).
  Status Open(const std::string& path, SinkFormat format, bool resume,
              std::vector<RecordKey>& restored);
  bool to_stdout() const { return to_stdout_; }
  void Emit(std::string_view bytes);
  // The end of one record: flushed (stdout) or noted in the manifest (file).
  Status EndRecord(const RecordKey& key);
  // Writes `trailer` and flushes (stdout) or commits (file).
  Status Finish(std::string_view trailer);

 private:
  bool to_stdout_ = false;
  bool failed_ = false;
  ResumableFile file_;
};

// JSONL (json_array false) or one JSON array.
Status OpenTextSink(bool json_array, const std::string& path, bool resume,
                    std::unique_ptr<Sink>& out);

}  // namespace newsie
