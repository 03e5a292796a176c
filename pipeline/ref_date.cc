#include "pipeline/ref_date.h"

namespace newsie {
namespace {
class RefDateStage : public Stage {
 public:
  std::string_view name() const override { return "ref_date"; }
  Status Run(Document&) const override { return {}; }
};
}  // namespace
std::unique_ptr<Stage> MakeRefDateStage(const PipelineOptions&) {
  return std::make_unique<RefDateStage>();
}
}  // namespace newsie
