// JSONL and JSON-array sinks.
#include "pipeline/sinks/text_sinks.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace newsie {
namespace {

// errno after a failed write; EIO when the call failed without setting it.
int LastError() { return errno != 0 ? errno : EIO; }

}  // namespace

TextOutput::~TextOutput() {
  if (owns_stream_) std::fclose(stream_);
}

Status TextOutput::Open(const std::string& path, SinkFormat format, bool resume,
                        std::vector<RecordKey>& restored) {
  const bool to_stdout = path.empty() || path == "-";
  if (!to_stdout && !IsStreamOutput(path)) {
    return file_.Open(path, SinkFormatName(format), resume, restored);
  }
  stream_name_ = to_stdout ? "standard output" : path;
  if (resume) {
    return Status::Error("cannot-resume",
                         "--resume needs an output file (-o), not " + stream_name_);
  }
  if (to_stdout) {
    stream_ = stdout;
    return {};
  }
  stream_ = std::fopen(path.c_str(), "wb");
  if (!stream_) {
    return Status::Error("cannot-write", "cannot write " + path + ": " + std::strerror(errno));
  }
  owns_stream_ = true;
  return {};
}

void TextOutput::Emit(std::string_view bytes) {
  if (!stream_) {
    file_.Write(bytes);
  } else if (!error_ && std::fwrite(bytes.data(), 1, bytes.size(), stream_) != bytes.size()) {
    error_ = LastError();
  }
}

// A stream is flushed per record: a consumer downstream (a pipe, a Hadoop
// mapper) sees each record as soon as it is complete. The first failure's
// errno is kept, so the message gives the reason even when reported later.
Status TextOutput::Flush() {
  if (!error_ && std::fflush(stream_) != 0) error_ = LastError();
  return StreamStatus();
}

Status TextOutput::StreamStatus() const {
  if (!error_) return {};
  return Status::Error("write-failed",
                       "writing " + stream_name_ + " failed: " + std::strerror(error_));
}

Status TextOutput::EndRecord(const RecordKey& key) {
  if (!stream_) return file_.EndRecord(key);
  return Flush();
}

Status TextOutput::Finish(std::string_view trailer) {
  Emit(trailer);
  if (!stream_) return file_.Commit();
  if (Status flushed = Flush(); !flushed.ok() || !owns_stream_) return flushed;
  owns_stream_ = false;
  if (std::fclose(stream_) != 0) error_ = LastError();
  return StreamStatus();
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
    return WriteLine(record, record.dump(-1, ' ', false, Json::error_handler_t::replace),
                     KeyOf(record));
  }

  Status WriteLine(const Json& /*record*/, std::string_view line, const RecordKey& key) override {
    if (json_array_) out_.Emit(first_ ? std::string_view("[\n") : std::string_view(",\n"));
    first_ = false;
    out_.Emit(line);
    if (!json_array_) out_.Emit("\n");
    return out_.EndRecord(key);
  }

  bool NeedsTree() const override { return false; }

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
