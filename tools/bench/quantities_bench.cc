// Quantities stage throughput: QuantityFinder::Find over the corpus
// (corpus/**/*.txt, else the seeds in /work/shared/seeds) replicated to at
// least 50 MB, one line at a time (lines stand in for sentences), one core.
//
//   build/tools/bench/newsie_bench --benchmark_filter=Quantities
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/language.h"
#include "pipeline/lexicon.h"
#include "pipeline/normalize.h"
#include "pipeline/quantities/finder.h"

namespace newsie {
namespace {

struct Line {
  std::string text;  // normalised
  std::string lang;
};

std::vector<Line> LoadCorpus(size_t min_bytes) {
  namespace fs = std::filesystem;
  const LexiconDir lexicons(fs::path(NEWSIE_SOURCE_DIR) / "lexicons");
  const NormalizeTables tables = NormalizeTables::Load(lexicons);
  std::vector<fs::path> files;
  for (const fs::path& root :
       {fs::path(NEWSIE_SOURCE_DIR) / "corpus", fs::path("/work/shared/seeds")}) {
    if (!fs::is_directory(root)) continue;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
      if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
    }
    if (!files.empty()) break;
  }
  std::vector<Line> base;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    const NormalizedText n = Normalize(s.str(), tables);
    const std::string lang = LanguageOf(n.work);
    std::istringstream lines(n.work);
    std::string line;
    while (std::getline(lines, line)) {
      if (!line.empty()) base.push_back({line, lang});
    }
  }
  std::vector<Line> out;
  size_t bytes = 0;
  while (bytes < min_bytes && !base.empty()) {
    for (const Line& l : base) {
      out.push_back(l);
      bytes += l.text.size() + 1;
    }
  }
  return out;
}

void BM_QuantitiesFind(benchmark::State& state) {
  static const std::vector<Line> lines = LoadCorpus(50u << 20);
  static const QuantityFinder finder(
      LexiconDir(std::filesystem::path(NEWSIE_SOURCE_DIR) / "lexicons"));
  size_t bytes = 0;
  for (const Line& l : lines) bytes += l.text.size() + 1;
  size_t found = 0;
  for (auto _ : state) {
    for (const Line& l : lines) found += finder.Find(l.text, l.lang).size();
    benchmark::DoNotOptimize(found);
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes) * state.iterations());
  state.counters["corpus_MB"] = static_cast<double>(bytes) / (1 << 20);
  state.counters["quantities"] =
      benchmark::Counter(static_cast<double>(found), benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_QuantitiesFind)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace
}  // namespace newsie
