#include "pipeline/quantities/stage.h"

#include "pipeline/quantities/finder.h"

namespace newsie {
namespace {

// Runs the finder on each sentence and shifts the spans into `work`.
class QuantitiesStage : public Stage {
 public:
  explicit QuantitiesStage(const PipelineOptions& options) : finder_(options.lexicons) {}
  std::string_view name() const override { return "quantities"; }

  Status Run(Document& doc) const override {
    for (Sentence& sentence : doc.sentences) {
      const std::string& lang = sentence.story >= 0 &&
                                        sentence.story < static_cast<int>(doc.stories.size()) &&
                                        !doc.stories[sentence.story].lang.empty()
                                    ? doc.stories[sentence.story].lang
                                    : (doc.source.lang.empty() ? kMixed : doc.source.lang);
      sentence.quantities = finder_.Find(doc.Work(sentence.begin, sentence.end), lang);
      for (Quantity& q : sentence.quantities) Shift(q, sentence.begin);
    }
    return {};
  }

 private:
  static void Shift(Quantity& q, size_t by) {
    q.begin += by;
    q.end += by;
    for (Quantity& b : q.bounds) Shift(b, by);
  }
  inline static const std::string kMixed = "mixed";
  QuantityFinder finder_;
};

}  // namespace

std::unique_ptr<Stage> MakeQuantitiesStage(const PipelineOptions& options) {
  return std::make_unique<QuantitiesStage>(options);
}

}  // namespace newsie
