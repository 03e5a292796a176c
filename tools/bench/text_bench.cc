// Throughput of the text stages (decode + normalize + boilerplate + stories +
// sentences) on one core, in MB/s of input bytes.
//
// The documents are corpus/**/*.txt (the seeds in ../shared/seeds when the
// corpus is absent), replicated until they total at least 50 MB. Run:
//   build/tools/bench/newsie_bench --benchmark_filter=TextStages
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/boilerplate.h"
#include "pipeline/decode.h"
#include "pipeline/normalize.h"
#include "pipeline/sentences.h"
#include "pipeline/stories.h"

namespace newsie {
namespace {

std::vector<std::string> LoadTexts() {
  namespace fs = std::filesystem;
  const fs::path source = NEWSIE_SOURCE_DIR;
  std::vector<fs::path> paths;
  for (const fs::path& dir : {source / "corpus", source / ".." / "shared" / "seeds"}) {
    if (!fs::is_directory(dir)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
      if (entry.is_regular_file() && entry.path().extension() == ".txt") {
        paths.push_back(entry.path());
      }
    }
    if (!paths.empty()) break;
  }
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> texts;
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    texts.push_back(s.str());
  }
  return texts;
}

void BM_TextStages(benchmark::State& state) {
  const std::vector<std::string> texts = LoadTexts();
  if (texts.empty()) {
    state.SkipWithError("no corpus");
    return;
  }
  size_t total = 0;
  std::vector<const std::string*> docs;
  while (total < 50u * 1000 * 1000) {
    for (const auto& t : texts) {
      docs.push_back(&t);
      total += t.size();
    }
  }
  const PipelineOptions options;
  std::vector<std::unique_ptr<Stage>> stages;
  stages.push_back(MakeDecodeStage(options));
  stages.push_back(MakeNormalizeStage(options));
  stages.push_back(MakeBoilerplateStage(options));
  stages.push_back(MakeStoriesStage(options));
  stages.push_back(MakeSentencesStage(options));
  size_t sentences = 0;
  for (auto _ : state) {
    for (const std::string* text : docs) {
      Document doc;
      doc.input.bytes = *text;
      for (const auto& stage : stages) stage->Run(doc);
      sentences += doc.sentences.size();
    }
  }
  benchmark::DoNotOptimize(sentences);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total));
  state.counters["docs"] = static_cast<double>(docs.size());
  state.counters["MB"] = static_cast<double>(total) / 1e6;
}
BENCHMARK(BM_TextStages)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3);

}  // namespace
}  // namespace newsie
