#include "pipeline/text_lines.h"

#include <algorithm>

namespace newsie {

LineRange Trim(std::string_view text, LineRange r) {
  while (r.begin < r.end && text[r.begin] == ' ') ++r.begin;
  while (r.end > r.begin && text[r.end - 1] == ' ') --r.end;
  return r;
}

std::vector<LineRange> SplitLines(std::string_view text, size_t begin, size_t end) {
  std::vector<LineRange> lines;
  end = std::min(end, text.size());
  size_t at = begin;
  while (at < end) {
    size_t nl = text.find('\n', at);
    if (nl == std::string_view::npos || nl > end) nl = end;
    lines.push_back(Trim(text, {at, nl}));
    at = nl + 1;
  }
  return lines;
}

std::vector<LineRange> KeptLines(const Document& doc, size_t begin, size_t end) {
  std::vector<LineRange> out;
  const auto& removed = doc.removed;
  // First removal that may overlap a line starting at `begin`.
  auto it = std::lower_bound(removed.begin(), removed.end(), begin,
                             [](const Removal& r, size_t pos) { return r.end <= pos; });
  for (LineRange line : SplitLines(doc.work, begin, end)) {
    while (it != removed.end() && it->end <= line.begin) ++it;
    size_t at = line.begin;
    for (auto r = it; r != removed.end() && r->begin < line.end; ++r) {
      if (r->begin > at) {
        const LineRange piece = Trim(doc.work, {at, r->begin});
        if (!piece.empty()) out.push_back(piece);
      }
      at = std::max(at, r->end);
    }
    if (at < line.end) {
      const LineRange piece = Trim(doc.work, {at, line.end});
      if (!piece.empty()) out.push_back(piece);
    }
  }
  return out;
}

}  // namespace newsie
