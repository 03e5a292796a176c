#include "cli/summary.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iomanip>
#include <string>

namespace newsie::cli {

void ProgressLine::Update(const Progress& p) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const double mb_s = seconds > 0 ? static_cast<double>(p.bytes) / 1e6 / seconds : 0;
  const int64_t total = total_.load();
  std::string line;
  char buf[160];
  if (total > 0) {
    std::snprintf(buf, sizeof buf, "\r%lld/%lld documents (%.1f%%)", static_cast<long long>(p.done),
                  static_cast<long long>(total),
                  100.0 * static_cast<double>(p.done) / static_cast<double>(total));
  } else {
    std::snprintf(buf, sizeof buf, "\r%lld documents", static_cast<long long>(p.done));
  }
  line += buf;
  std::snprintf(buf, sizeof buf, ", %.1f MB/s", mb_s);
  line += buf;
  // The ETA counts the documents this run handles; skipped ones come fast,
  // so they are left out of the rate.
  const int64_t handled = p.done - p.skipped;
  if (total > 0 && handled > 0 && seconds > 1 && p.done <= total) {
    const double rate = static_cast<double>(handled) / seconds;
    const auto eta = static_cast<long long>(std::ceil(static_cast<double>(total - p.done) / rate));
    if (eta >= 3600) {
      std::snprintf(buf, sizeof buf, ", ETA %lldh%02lldm", eta / 3600, eta % 3600 / 60);
    } else {
      std::snprintf(buf, sizeof buf, ", ETA %lldm%02llds", eta / 60, eta % 60);
    }
    line += buf;
  }
  std::snprintf(buf, sizeof buf, ", %lld errors", static_cast<long long>(p.failed));
  line += buf;
  if (p.skipped > 0) {
    std::snprintf(buf, sizeof buf, ", %lld skipped", static_cast<long long>(p.skipped));
    line += buf;
  }
  line += "   ";
  std::fputs(line.c_str(), stderr);
  width_ = std::max(width_, line.size());
  shown_ = true;
}

void ProgressLine::Clear() {
  if (shown_) std::fprintf(stderr, "\r%*s\r", static_cast<int>(width_), "");
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
    out << ", " << std::setprecision(1) << static_cast<double>(s.bytes) / 1e6 / seconds << " MB/s, "
        << std::setprecision(0) << static_cast<double>(s.documents) / seconds << " documents/s";
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
