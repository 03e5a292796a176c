#include "pipeline/quantities/stage.h"

namespace newsie {
namespace {
class QuantitiesStage : public Stage {
 public:
  std::string_view name() const override { return "quantities"; }
  Status Run(Document&) const override { return {}; }
};
}  // namespace
std::unique_ptr<Stage> MakeQuantitiesStage(const PipelineOptions&) {
  return std::make_unique<QuantitiesStage>();
}
}  // namespace newsie
