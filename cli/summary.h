// What `extract` tells a person on standard error: a progress line while it
// runs (only on a terminal) and a summary at the end.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <ostream>
#include <stop_token>
#include <string>
#include <vector>

#include "pipeline/runner.h"

namespace newsie::cli {

// "1234/50000 documents (2.5%), 21.3 MB/s, ETA 3m51s, 0 errors", redrawn at
// most five times a second. The total may come later (a folder is counted on
// another thread while the run starts); until then there is no ETA.
class ProgressLine {
 public:
  explicit ProgressLine(bool enabled) : enabled_(enabled) {}
  void Update(const Progress& progress);
  void SetTotal(int64_t total) { total_.store(total); }
  void Clear();

 private:
  bool enabled_;
  std::atomic<int64_t> total_{-1};  // -1: unknown
  bool shown_ = false;
  size_t width_ = 0;  // of the longest line drawn, to clear it
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

void PrintSummary(const BatchSummary& summary, std::ostream& out);
void PrintProfile(const BatchSummary& summary, std::ostream& out);

}  // namespace newsie::cli
