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
  if (begin >= end) return lines;
  // Room for lines of 32 bytes on average (news lines are longer): one
  // allocation for most texts, without a pass to count the breaks.
  lines.reserve((end - begin) / 32 + 1);
  size_t at = begin;
  while (at < end) {
    size_t nl = text.find('\n', at);
    if (nl == std::string_view::npos || nl > end) nl = end;
    lines.push_back(Trim(text, {at, nl}));
    at = nl + 1;
  }
  return lines;
}

std::vector<LineRange> KeptLinesOf(const Document& doc, const std::vector<LineRange>& lines) {
  std::vector<LineRange> out;
  if (lines.empty()) return out;
  out.reserve(lines.size());
  const auto& removed = doc.removed;
  // First removal that may overlap the first line.
  auto it = std::lower_bound(removed.begin(), removed.end(), lines.front().begin,
                             [](const Removal& r, size_t pos) { return r.end <= pos; });
  for (const LineRange line : lines) {
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

std::vector<LineRange> KeptLines(const Document& doc, size_t begin, size_t end) {
  return KeptLinesOf(doc, SplitLines(doc.work, begin, end));
}

void KeptLinesIn(const Document& doc, size_t begin, size_t end, std::vector<LineRange>& out) {
  out.clear();
  const auto& kept = doc.kept_lines;
  // A kept line is a stretch of text with no '\n' and no removal in it, so
  // splitting [begin, end) anew would cut it only at `begin` and `end`; the
  // trim after the cut leaves what a fresh split would.
  auto it = std::lower_bound(kept.begin(), kept.end(), begin,
                             [](const LineRange& l, size_t pos) { return l.end <= pos; });
  for (; it != kept.end() && it->begin < end; ++it) {
    const LineRange piece = Trim(doc.work, {std::max(it->begin, begin), std::min(it->end, end)});
    if (!piece.empty()) out.push_back(piece);
  }
}

}  // namespace newsie
