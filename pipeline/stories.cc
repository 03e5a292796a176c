#include "pipeline/stories.h"

namespace newsie {
namespace {
class StoriesStage : public Stage {
 public:
  std::string_view name() const override { return "stories"; }
  Status Run(Document& doc) const override {
    Story story;
    story.begin = 0;
    story.end = doc.work.size();
    doc.stories.push_back(story);
    return {};
  }
};
}  // namespace
std::unique_ptr<Stage> MakeStoriesStage(const PipelineOptions&) {
  return std::make_unique<StoriesStage>();
}
}  // namespace newsie
