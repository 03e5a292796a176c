#include "pipeline/normalize.h"

namespace newsie {
namespace {
class NormalizeStage : public Stage {
 public:
  std::string_view name() const override { return "normalize"; }
  Status Run(Document& doc) const override {
    doc.work = doc.original;
    for (size_t cp = 0; cp + 1 < doc.original_offsets.size(); ++cp) {
      doc.work_map.Append(doc.original_offsets[cp + 1] - doc.original_offsets[cp],
                          static_cast<uint32_t>(cp), static_cast<uint32_t>(cp + 1));
    }
    doc.work_map.Finish(static_cast<uint32_t>(doc.original_offsets.size() - 1));
    return {};
  }
};
}  // namespace
std::unique_ptr<Stage> MakeNormalizeStage(const PipelineOptions&) {
  return std::make_unique<NormalizeStage>();
}
}  // namespace newsie
