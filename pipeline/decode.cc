#include "pipeline/decode.h"

#include <utf8proc.h>

namespace newsie {
namespace {
class DecodeStage : public Stage {
 public:
  std::string_view name() const override { return "decode"; }
  Status Run(Document& doc) const override {
    doc.source.encoding = "UTF-8";
    doc.original = doc.input.bytes;
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(doc.original.data());
    size_t i = 0;
    while (i < doc.original.size()) {
      doc.original_offsets.push_back(static_cast<uint32_t>(i));
      utf8proc_int32_t cp;
      auto n = utf8proc_iterate(p + i, doc.original.size() - i, &cp);
      i += n > 0 ? n : 1;
    }
    doc.original_offsets.push_back(static_cast<uint32_t>(doc.original.size()));
    return {};
  }
};
}  // namespace
std::unique_ptr<Stage> MakeDecodeStage(const PipelineOptions&) {
  return std::make_unique<DecodeStage>();
}
}  // namespace newsie
