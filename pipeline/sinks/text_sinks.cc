// JSONL and JSON-array sinks: to a file (atomically) or to standard output
// (flushed per record, for streaming).
#include "pipeline/sinks/text_sinks.h"

#include <cstdio>
#include <iostream>

#include "pipeline/sinks/atomic_file.h"

namespace newsie {
namespace {

class TextSink : public Sink {
 public:
  TextSink(bool json_array, bool to_stdout) : json_array_(json_array), to_stdout_(to_stdout) {}

  Status Open(const std::string& path) { return to_stdout_ ? Status() : file_.Open(path); }

  Status Write(const Json& record) override {
    if (json_array_) {
      Status s = Emit(first_ ? std::string_view("[\n") : std::string_view(",\n"));
      if (!s.ok()) return s;
    }
    first_ = false;
    std::string line = record.dump(-1, ' ', false, Json::error_handler_t::replace);
    if (!json_array_) line.push_back('\n');
    return Emit(line);
  }

  Status Finish() override {
    if (json_array_) {
      Status s = Emit(first_ ? "[]\n" : "\n]\n");
      if (!s.ok()) return s;
    }
    if (to_stdout_) {
      return std::fflush(stdout) == 0
                 ? Status()
                 : Status::Error("write-failed", "writing standard output failed");
    }
    return file_.Commit();
  }

 private:
  Status Emit(std::string_view bytes) {
    if (!to_stdout_) {
      file_.Write(bytes);
      return {};
    }
    // Streaming: a consumer downstream (a pipe, a Hadoop mapper) sees each
    // record as soon as it is complete.
    if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size() ||
        std::fflush(stdout) != 0) {
      return Status::Error("write-failed", "writing standard output failed");
    }
    return {};
  }

  bool json_array_;
  bool to_stdout_;
  bool first_ = true;
  AtomicFile file_;
};

}  // namespace

Status OpenTextSink(bool json_array, const std::string& path, std::unique_ptr<Sink>& out) {
  const bool to_stdout = path.empty() || path == "-";
  auto sink = std::make_unique<TextSink>(json_array, to_stdout);
  Status s = sink->Open(path);
  if (!s.ok()) return s;
  out = std::move(sink);
  return {};
}

}  // namespace newsie
