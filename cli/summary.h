// What `extract` tells a person on standard error: a progress line while it
// runs (only on a terminal) and a summary at the end.
#pragma once

#include <chrono>
#include <ostream>

#include "pipeline/runner.h"

namespace newsie::cli {

class ProgressLine {
 public:
  explicit ProgressLine(bool enabled) : enabled_(enabled) {}
  void Update(const Progress& progress);
  void Clear();

 private:
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

void PrintSummary(const BatchSummary& summary, std::ostream& out);
void PrintProfile(const BatchSummary& summary, std::ostream& out);

}  // namespace newsie::cli
