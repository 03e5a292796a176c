#include "tools/bench/bench_corpus.h"

#include <filesystem>
#include <sstream>
#include <stdexcept>

#include "pipeline/input.h"

namespace newsie::bench {
namespace {

std::vector<Input> ReadCorpus() {
  namespace fs = std::filesystem;
  const fs::path source = NEWSIE_SOURCE_DIR;
  for (const fs::path& dir : {source / "corpus", source / ".." / "shared" / "seeds"}) {
    if (!fs::is_directory(dir)) continue;
    std::istringstream no_stdin;
    const InputOptions options;
    InputReader reader({dir.string()}, options, no_stdin);
    std::vector<Input> inputs;
    while (auto item = reader.Next()) {
      if (!item->error.ok()) continue;
      if (item->file && !Load(*item, options).ok()) continue;
      inputs.push_back(std::move(item->input));
    }
    if (!inputs.empty()) return inputs;
  }
  throw std::runtime_error("no corpus under " + source.string());
}

}  // namespace

const std::vector<Input>& CorpusInputs() {
  static const std::vector<Input> inputs = ReadCorpus();
  return inputs;
}

std::vector<const Input*> Replicated(size_t min_bytes) {
  std::vector<const Input*> out;
  size_t total = 0;
  while (total < min_bytes) {
    for (const Input& input : CorpusInputs()) {
      out.push_back(&input);
      total += input.bytes.size();
    }
  }
  return out;
}

size_t TotalBytes(const std::vector<const Input*>& docs) {
  size_t total = 0;
  for (const Input* d : docs) total += d->bytes.size();
  return total;
}

}  // namespace newsie::bench
