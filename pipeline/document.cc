#include "pipeline/document.h"

#include <algorithm>
#include <cstdio>

namespace newsie {

std::string_view Document::OriginalView(Span span) const {
  const auto last = static_cast<int64_t>(original_index.size());
  const int64_t s = std::clamp<int64_t>(span.start, 0, last);
  const int64_t e = std::clamp<int64_t>(span.end, s, last);
  const size_t begin = original_index.ByteOf(original, static_cast<size_t>(s));
  const size_t end = original_index.ByteOf(original, static_cast<size_t>(e));
  return std::string_view(original).substr(begin, end - begin);
}

void Document::ReleaseWorkingState() {
  std::string().swap(work);
  std::vector<Removal>().swap(removed);
  std::vector<LineRange>().swap(kept_lines);
  std::vector<Sentence>().swap(sentences);
  gov_scan.reset();
}

std::optional<std::string> RefDate::Iso() const {
  if (!year) return std::nullopt;
  // At the grain known: an inferred reference year stays "2024", not a made-up 1 January.
  char buf[16];
  if (month && day) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", *year, *month, *day);
  } else if (month) {
    std::snprintf(buf, sizeof buf, "%04d-%02d", *year, *month);
  } else {
    std::snprintf(buf, sizeof buf, "%04d", *year);
  }
  return std::string(buf);
}

}  // namespace newsie
