// The text sinks (JSONL, JSON array, CSV) and what they share: TextOutput,
// bytes to a resumable file (pipeline/sinks/resumable_file.h) or to a stream
// (standard output, a device, a pipe), flushed per record so newsie works as
// a streaming filter.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "pipeline/sinks/resumable_file.h"
#include "pipeline/sinks/sink.h"

namespace newsie {

class TextOutput {
 public:
  TextOutput() = default;
  ~TextOutput();
  TextOutput(const TextOutput&) = delete;
  TextOutput& operator=(const TextOutput&) = delete;

  // `path` empty or "-": standard output. A path that is a device or a pipe
  // (IsStreamOutput) is written straight through the same way. Resume is
  // refused for both.
  Status Open(const std::string& path, SinkFormat format, bool resume,
              std::vector<RecordKey>& restored);
  void Emit(std::string_view bytes);
  // The end of one record: flushed (a stream) or noted in the manifest (a file).
  Status EndRecord(const RecordKey& key);
  // Writes `trailer` and flushes (a stream) or commits (a file).
  Status Finish(std::string_view trailer);

 private:
  Status Flush();
  // OK, or the write-failed error naming the stream and the first failure's reason.
  Status StreamStatus() const;

  std::FILE* stream_ = nullptr;  // standard output or a device; null for a resumable file
  bool owns_stream_ = false;     // opened here (a device), closed here
  std::string stream_name_;      // "standard output" or the device's path, for messages
  int error_ = 0;                // errno of the first failed write; 0 while none failed
  ResumableFile file_;
};

// JSONL (json_array false) or one JSON array.
Status OpenTextSink(bool json_array, const std::string& path, bool resume,
                    std::unique_ptr<Sink>& out);

}  // namespace newsie
