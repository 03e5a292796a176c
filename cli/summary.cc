#include "cli/summary.h"

#include <cstdio>
#include <iomanip>

namespace newsie::cli {

void ProgressLine::Update(const Progress& p) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double mb_s = seconds > 0 ? static_cast<double>(p.bytes) / 1e6 / seconds : 0;
  std::fprintf(stderr, "\r%lld documents, %.1f MB/s, %lld errors   ",
               static_cast<long long>(p.done), mb_s, static_cast<long long>(p.failed));
  shown_ = true;
}

void ProgressLine::Clear() {
  if (shown_) std::fprintf(stderr, "\r%60s\r", "");
}

void PrintSummary(const BatchSummary& s, std::ostream& out) {
  const double seconds = s.elapsed.count();
  out << "newsie: " << s.documents << " documents, " << s.stories << " stories";
  for (const char* kind : {"district", "mayor", "targets", "achievements", "awards"}) {
    const auto it = s.facts.find(kind);
    out << ", " << (it == s.facts.end() ? 0 : it->second) << " " << kind;
  }
  out << "; " << s.failed << " errors";
  if (s.skipped) out << ", " << s.skipped << " skipped (already done)";
  out << "; " << std::fixed << std::setprecision(2) << seconds << " s";
  if (seconds > 0) {
    out << ", " << std::setprecision(1) << static_cast<double>(s.bytes) / 1e6 / seconds << " MB/s";
  }
  out << "\n";
  if (!s.diagnostics.empty()) {
    out << "diagnostics:";
    for (const auto& [code, n] : s.diagnostics) out << " " << code << " " << n;
    out << "\n";
  }
}

void PrintProfile(const BatchSummary& s, std::ostream& out) {
  out << "time per stage (summed over workers):\n";
  for (size_t i = 0; i < s.profile.names.size(); ++i) {
    const double ms = std::chrono::duration<double, std::milli>(s.profile.spent[i]).count();
    out << "  " << std::left << std::setw(12) << s.profile.names[i] << std::right << std::fixed
        << std::setprecision(1) << std::setw(10) << ms << " ms\n";
  }
}

}  // namespace newsie::cli
