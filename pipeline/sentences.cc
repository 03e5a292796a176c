#include "pipeline/sentences.h"

namespace newsie {
namespace {
class SentencesStage : public Stage {
 public:
  std::string_view name() const override { return "sentences"; }
  Status Run(Document& doc) const override {
    doc.source.lang = "en";
    for (auto& story : doc.stories) story.lang = "en";
    return {};
  }
};
}  // namespace
std::unique_ptr<Stage> MakeSentencesStage(const PipelineOptions&) {
  return std::make_unique<SentencesStage>();
}
}  // namespace newsie
