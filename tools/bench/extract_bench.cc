// Full extraction on one core: what one worker of `newsie extract` does per
// document (NewDocument with its sha256, every stage, the newsie/1 record as
// a JSONL line) over the corpus replicated to at least 50 MB. Reading files
// and writing the sink are left out: tools/bench/run_bench.sh measures the
// whole command end to end.
//
//   build/tools/bench/newsie_bench --benchmark_filter=Extract
#include <benchmark/benchmark.h>

#include <chrono>

#include "pipeline/pipeline.h"
#include "pipeline/record.h"
#include "pipeline/source.h"
#include "tools/bench/bench_corpus.h"

namespace newsie {
namespace {

void BM_Extract(benchmark::State& state) {
  const std::vector<const Input*> docs = bench::Replicated();
  PipelineOptions options;
  options.lexicons = LexiconDir(std::filesystem::path(NEWSIE_SOURCE_DIR) / "lexicons");
  const Pipeline pipeline(options);
  size_t facts_bytes = 0;
  StageProfile profile;
  for (auto _ : state) {
    for (const Input* input : docs) {
      Document doc = NewDocument(*input, std::nullopt, std::nullopt);
      (void)pipeline.Run(doc, &profile);
      facts_bytes += RecordLine(doc).size();  // as `extract` writes JSONL
    }
  }
  benchmark::DoNotOptimize(facts_bytes);
  const size_t total = bench::TotalBytes(docs);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * total));
  state.counters["docs"] = static_cast<double>(docs.size());
  state.counters["MB"] = static_cast<double>(total) / 1e6;
  // Where the time goes: milliseconds per stage (the rest is NewDocument and the record).
  for (size_t i = 0; i < profile.names.size(); ++i) {
    state.counters["ms_" + profile.names[i]] =
        std::chrono::duration<double, std::milli>(profile.spent[i]).count() /
        static_cast<double>(state.iterations());
  }
}
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond)->Iterations(1)->Repetitions(3);

}  // namespace
}  // namespace newsie
