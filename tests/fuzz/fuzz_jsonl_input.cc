// JSONL input parsing: bytes as a JSONL stream on standard input. Every line
// becomes a record or an error naming "-:LINE"; records carry their text; the
// reader never throws and always ends.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "pipeline/input.h"
#include "pipeline/source.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace newsie;
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  for (const InputFormat format : {InputFormat::kJsonl, InputFormat::kAuto}) {
    std::istringstream in(bytes);
    InputOptions options;
    options.format = format;
    options.max_bytes = 4096;
    InputReader reader({"-"}, options, in);
    size_t items = 0;
    while (auto item = reader.Next()) {
      fuzz::Check(++items <= size + 1, "the reader hands out more items than there are lines");
      if (!item->error.ok()) {
        fuzz::Check(!item->error.code().empty() && !item->error.message().empty(),
                    "an error without a code or message");
        fuzz::Check(item->error.message().find(item->path) != std::string::npos,
                    "the error message does not name " + item->path);
        continue;
      }
      fuzz::Check(!item->file, "standard input gave a file item");
      fuzz::Check(item->input.bytes.size() <= options.max_bytes,
                  "a record larger than --max-bytes was accepted");
      Document doc = NewDocument(std::move(item->input), std::nullopt, std::nullopt);
      fuzz::Check(doc.source.bytes == static_cast<int64_t>(doc.input.bytes.size()),
                  "source.bytes is not the record's text size");
    }
  }
  return 0;
}
