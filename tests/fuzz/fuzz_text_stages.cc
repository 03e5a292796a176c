// Raw bytes through the text stages: decode, normalize, boilerplate, stories,
// sentences. Checks the decoded text, the offset map (bounds, monotonic,
// letters map back to themselves) and that every structure lies inside the
// working text on code point boundaries.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "pipeline/boilerplate.h"
#include "pipeline/decode.h"
#include "pipeline/normalize.h"
#include "pipeline/sentences.h"
#include "pipeline/source.h"
#include "pipeline/stories.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

struct Stages {
  std::vector<std::unique_ptr<newsie::Stage>> all;
  Stages() {
    const newsie::PipelineOptions options;
    all.push_back(newsie::MakeDecodeStage(options));
    all.push_back(newsie::MakeNormalizeStage(options));
    all.push_back(newsie::MakeBoilerplateStage(options));
    all.push_back(newsie::MakeStoriesStage(options));
    all.push_back(newsie::MakeSentencesStage(options));
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace newsie;
  static const Stages* stages = new Stages();
  Input input;
  input.id = input.path = "fuzz.txt";
  input.bytes.assign(reinterpret_cast<const char*>(data), size);
  Document doc = NewDocument(std::move(input), std::nullopt, std::nullopt);
  for (size_t i = 0; i < stages->all.size(); ++i) {
    const Status status = stages->all[i]->Run(doc);
    if (!status.ok()) return 0;  // a document-level error is an allowed outcome
    if (i == 0) fuzz::CheckDecoded(doc);
    if (i == 1) fuzz::CheckWorkMap(doc);
  }
  fuzz::CheckStructure(doc);
  return 0;
}
