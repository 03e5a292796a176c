// JSONL and JSON-array sinks.
#include "pipeline/sinks/text_sinks.h"

#include <cstdio>

namespace newsie {

Status TextOutput::Open(const std::string& path, SinkFormat format, bool resume,
                        std::vector<RecordKey>& restored) {
  to_stdout_ = path.empty() || path == "-";
  if (!to_stdout_) return file_.Open(path, SinkFormatName(format), resume, restored);
  if (resume) {
    return Status::Error("cannot-resume",
                         "--resume needs an output file (-o), not standard output");
  }
  return {};
}

void TextOutput::Emit(std::string_view bytes) {
  if (!to_stdout_) {
    file_.Write(bytes);
  } else if (!failed_ && std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size()) {
    failed_ = true;
  }
}

Status TextOutput::EndRecord(const RecordKey& key) {
  if (!to_stdout_) return file_.EndRecord(key);
  // Streaming: a consumer downstream (a pipe, a Hadoop mapper) sees each
  // record as soon as it is complete.
  if (failed_ || std::fflush(stdout) != 0) {
    failed_ = true;
    return Status::Error("write-failed", "writing standard output failed");
  }
  return {};
}

Status TextOutput::Finish(std::string_view trailer) {
  Emit(trailer);
  if (!to_stdout_) return file_.Commit();
  if (failed_ || std::fflush(stdout) != 0) {
    return Status::Error("write-failed", "writing standard output failed");
  }
  return {};
}

namespace {

class TextSink : public Sink {
 public:
  explicit TextSink(bool json_array) : json_array_(json_array) {}

  Status Open(const std::string& path, bool resume) {
    Status s =
        out_.Open(path, json_array_ ? SinkFormat::kJson : SinkFormat::kJsonl, resume, restored_);
    first_ = restored_.empty();  // a resumed array goes on with ",\n" after its last record
    return s;
  }

  Status Write(const Json& record) override {
    return WriteLine(record, record.dump(-1, ' ', false, Json::error_handler_t::replace));
  }

  Status WriteLine(const Json& record, std::string_view line) override {
    if (json_array_) out_.Emit(first_ ? std::string_view("[\n") : std::string_view(",\n"));
    first_ = false;
    out_.Emit(line);
    if (!json_array_) out_.Emit("\n");
    return out_.EndRecord(KeyOf(record));
  }

  Status Finish() override {
    if (!json_array_) return out_.Finish("");
    return out_.Finish(first_ ? "[]\n" : "\n]\n");
  }

 private:
  bool json_array_;
  bool first_ = true;
  TextOutput out_;
};

}  // namespace

Status OpenTextSink(bool json_array, const std::string& path, bool resume,
                    std::unique_ptr<Sink>& out) {
  auto sink = std::make_unique<TextSink>(json_array);
  Status s = sink->Open(path, resume);
  if (!s.ok()) return s;
  out = std::move(sink);
  return {};
}

}  // namespace newsie
