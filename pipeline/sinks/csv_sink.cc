#include "pipeline/sinks/csv_sink.h"

#include "pipeline/sinks/fact_rows.h"
#include "pipeline/sinks/text_sinks.h"

namespace newsie {
namespace {

constexpr std::string_view kHeader =
    "document_id,story,district_code,district_name_ko,district_name_en,kind,field,value,unit,"
    "year,period,qualifier,evidence,span_start,span_end,rule,fact\r\n";

std::string Dump(const Json& json) {
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string ValueText(const Json& value) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.get<std::string>();
  return Dump(value);  // numbers stay exact: 274500000000, 66.9
}

template <typename T>
std::string Optional(const std::optional<T>& value) {
  if (!value) return "";
  if constexpr (std::is_same_v<T, std::string>) {
    return *value;
  } else {
    return std::to_string(*value);
  }
}

class CsvSink : public Sink {
 public:
  Status Open(const std::string& path, bool resume) {
    Status s = out_.Open(path, SinkFormat::kCsv, resume, restored_);
    // The header belongs to no record: a resume that restored nothing starts
    // the file again, header included.
    if (s.ok() && restored_.empty()) out_.Emit(kHeader);
    return s;
  }

  Status Write(const Json& record) override { return WriteLine(record, {}, KeyOf(record)); }

  Status WriteLine(const Json& record, std::string_view /*line*/, const RecordKey& key) override {
    const std::string id = CsvField(record.value("id", ""));
    std::string text;
    for (const FactRow& row : FactRows(record)) {
      const Json* district = nullptr;
      const Json& story = *row.story_json;
      if (const auto d = story.find("district"); d != story.end() && d->is_object()) district = &*d;
      auto district_field = [&](const char* key) {
        return district ? CsvField(ValueText(district->value(key, Json(nullptr)))) : "";
      };
      text += id;
      text += ',' + std::to_string(row.story);
      text += ',' + district_field("code");
      text += ',' + district_field("name_ko");
      text += ',' + district_field("name_en");
      text += ',' + CsvField(row.kind);
      text += ',' + CsvField(row.field);
      text += ',' + CsvField(ValueText(row.value));
      text += ',' + CsvField(Optional(row.unit));
      text += ',' + Optional(row.year);
      text += ',' + CsvField(Optional(row.period));
      text += ',' + CsvField(Optional(row.qualifier));
      text += ',' + CsvField(Optional(row.evidence));
      text += ',' + Optional(row.span_start);
      text += ',' + Optional(row.span_end);
      text += ',' + CsvField(Optional(row.rule));
      text += ',' + CsvField(row.fact ? Dump(*row.fact) : "");
      text += "\r\n";
    }
    out_.Emit(text);
    return out_.EndRecord(key);
  }

  Status Finish() override { return out_.Finish(""); }

 private:
  TextOutput out_;
};

}  // namespace

std::string CsvField(std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
  std::string quoted = "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

Status OpenCsvSink(const std::string& path, bool resume, std::unique_ptr<Sink>& out) {
  auto sink = std::make_unique<CsvSink>();
  Status s = sink->Open(path, resume);
  if (!s.ok()) return s;
  out = std::move(sink);
  return {};
}

}  // namespace newsie
