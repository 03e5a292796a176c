#include <algorithm>
#include <cctype>

#include "pipeline/sinks/sink.h"
#include "pipeline/sinks/text_sinks.h"

namespace newsie {

std::optional<SinkFormat> ParseSinkFormat(std::string_view name) {
  if (name == "jsonl") return SinkFormat::kJsonl;
  if (name == "json") return SinkFormat::kJson;
  if (name == "csv") return SinkFormat::kCsv;
  if (name == "sqlite") return SinkFormat::kSqlite;
  return std::nullopt;
}

std::optional<SinkFormat> SinkFormatForPath(std::string_view path) {
  const auto dot = path.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  std::string ext(path.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (ext == "jsonl" || ext == "ndjson") return SinkFormat::kJsonl;
  if (ext == "json") return SinkFormat::kJson;
  if (ext == "csv") return SinkFormat::kCsv;
  if (ext == "sqlite" || ext == "sqlite3" || ext == "db") return SinkFormat::kSqlite;
  return std::nullopt;
}

Status OpenSink(SinkFormat format, const std::string& path, std::unique_ptr<Sink>& out) {
  switch (format) {
    case SinkFormat::kJsonl:
      return OpenTextSink(false, path, out);
    case SinkFormat::kJson:
      return OpenTextSink(true, path, out);
    case SinkFormat::kCsv:
    case SinkFormat::kSqlite:
      break;
  }
  return Status::Error("unsupported-format", "this output format is not available yet");
}

}  // namespace newsie
