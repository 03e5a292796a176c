// The benchmarks' input: the team's corpus (corpus/, else the seeds in
// ../shared/seeds), read the way `newsie extract` reads it (sidecars and
// JSONL records included), then repeated until it totals at least 50 MB.
#pragma once

#include <cstddef>
#include <vector>

#include "pipeline/document.h"

namespace newsie::bench {

inline constexpr size_t kMinCorpusBytes = 50u * 1000 * 1000;

// Every document of the corpus, in the order `newsie extract corpus` takes them.
const std::vector<Input>& CorpusInputs();

// Pointers into CorpusInputs(), repeated until their bytes total min_bytes.
std::vector<const Input*> Replicated(size_t min_bytes = kMinCorpusBytes);

// The total size of `docs` in input bytes.
size_t TotalBytes(const std::vector<const Input*>& docs);

}  // namespace newsie::bench
