#include <algorithm>
#include <cctype>
#include <filesystem>

#include "pipeline/sinks/csv_sink.h"
#include "pipeline/sinks/sink.h"
#include "pipeline/sinks/sqlite_sink.h"
#include "pipeline/sinks/text_sinks.h"

namespace newsie {

RecordKey KeyOf(const Json& record) {
  RecordKey key;
  if (const auto id = record.find("id"); id != record.end() && id->is_string()) {
    key.id = id->get<std::string>();
  }
  if (const auto source = record.find("source"); source != record.end() && source->is_object()) {
    if (const auto sha = source->find("sha256"); sha != source->end() && sha->is_string()) {
      key.sha256 = sha->get<std::string>();
    }
  }
  return key;
}

std::optional<SinkFormat> ParseSinkFormat(std::string_view name) {
  if (name == "jsonl") return SinkFormat::kJsonl;
  if (name == "json") return SinkFormat::kJson;
  if (name == "csv") return SinkFormat::kCsv;
  if (name == "sqlite") return SinkFormat::kSqlite;
  return std::nullopt;
}

std::string_view SinkFormatName(SinkFormat format) {
  switch (format) {
    case SinkFormat::kJsonl:
      return "jsonl";
    case SinkFormat::kJson:
      return "json";
    case SinkFormat::kCsv:
      return "csv";
    case SinkFormat::kSqlite:
      return "sqlite";
  }
  return "jsonl";
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

bool IsStreamOutput(const std::string& path) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  return !ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status) &&
         !std::filesystem::is_directory(status);
}

std::vector<std::string> OutputFiles(const std::string& path) {
  std::vector<std::string> files;
  for (const char* suffix : {"", ".partial", ".manifest", ".manifest.tmp", ".partial-wal",
                             ".partial-shm", ".partial-journal"}) {
    files.push_back(path + suffix);
  }
  return files;
}

Status OpenSink(SinkFormat format, const std::string& path, const SinkOptions& options,
                std::unique_ptr<Sink>& out) {
  switch (format) {
    case SinkFormat::kJsonl:
      return OpenTextSink(false, path, options.resume, out);
    case SinkFormat::kJson:
      return OpenTextSink(true, path, options.resume, out);
    case SinkFormat::kCsv:
      return OpenCsvSink(path, options.resume, out);
    case SinkFormat::kSqlite:
      return OpenSqliteSink(path, options, out);
  }
  return Status::Error("unsupported-format", "unknown output format");
}

}  // namespace newsie
