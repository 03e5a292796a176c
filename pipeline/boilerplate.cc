#include "pipeline/boilerplate.h"

namespace newsie {
namespace {
class BoilerplateStage : public Stage {
 public:
  std::string_view name() const override { return "boilerplate"; }
  Status Run(Document&) const override { return {}; }
};
}  // namespace
std::unique_ptr<Stage> MakeBoilerplateStage(const PipelineOptions&) {
  return std::make_unique<BoilerplateStage>();
}
}  // namespace newsie
