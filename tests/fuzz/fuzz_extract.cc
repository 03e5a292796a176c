// Full `extract` on one document: every stage, then the newsie/1 record. The
// record validates against the schema, RecordLine writes the same line, every
// span lies inside the decoded text and every evidence text is exactly
// original[span].
#include <cstddef>
#include <cstdint>

#include "pipeline/pipeline.h"
#include "pipeline/record.h"
#include "pipeline/source.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace newsie;
  static const Pipeline* pipeline = new Pipeline(PipelineOptions{});
  // The first byte picks how the document arrives: text or HTML, with or
  // without a reference date (relative dates resolve differently).
  if (size == 0) return 0;
  const uint8_t mode = data[0];
  Input input;
  input.id = input.path = "fuzz.txt";
  input.format = (mode & 1) ? Input::Format::kHtml : Input::Format::kText;
  input.bytes.assign(reinterpret_cast<const char*>(data + 1), size - 1);
  std::optional<std::string> ref_date;
  if (mode & 2) ref_date = "2024-03-05";
  Document doc = NewDocument(std::move(input), ref_date, std::nullopt);
  if (!pipeline->Run(doc).ok()) return 0;
  fuzz::CheckDecoded(doc);
  fuzz::CheckWorkMap(doc);
  fuzz::CheckStructure(doc);
  const Json record = ToRecord(doc);
  // As the runner writes it; strict: the record must be valid UTF-8 already.
  const std::string line = record.dump(-1, ' ', false, Json::error_handler_t::strict);
  // The JSONL sinks' line, built in the thread's arena, is the same line.
  fuzz::Check(RecordLine(doc) == line, "RecordLine differs from ToRecord's line");
  const nlohmann::json parsed = nlohmann::json::parse(line);
  fuzz::CheckSchema(parsed);
  fuzz::CheckRecordSpans(doc, parsed);
  return 0;
}
