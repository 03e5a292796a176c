#include "pipeline/extract.h"

#include "extractors/extractor.h"

namespace newsie {
namespace {

class ExtractStage : public Stage {
 public:
  explicit ExtractStage(const PipelineOptions& options)
      : extractors_(MakeExtractors(options.lexicons)) {}
  std::string_view name() const override { return "extract"; }
  Status Run(Document& doc) const override {
    // Each extractor over every story before the next: district first, so
    // the others find every story's government set.
    for (const auto& extractor : extractors_) extractor->ExtractStories(doc);
    return {};
  }

 private:
  std::vector<std::unique_ptr<Extractor>> extractors_;
};

}  // namespace

std::unique_ptr<Stage> MakeExtractStage(const PipelineOptions& options) {
  return std::make_unique<ExtractStage>(options);
}

}  // namespace newsie
