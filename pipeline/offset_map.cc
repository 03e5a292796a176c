#include "pipeline/offset_map.h"

#include <algorithm>

namespace newsie {

void OffsetMap::Append(uint32_t work_bytes, uint32_t orig_begin, uint32_t orig_end) {
  const size_t at = begin_.size();
  begin_.resize(at + work_bytes);
  std::fill_n(begin_.data() + at, work_bytes, orig_begin);
  if (work_bytes > 0 && orig_end != orig_begin + 1)
    wide_.push_back({at, at + work_bytes, orig_end});
}

OffsetMap::Room OffsetMap::Extend(size_t bytes) {
  const size_t at = begin_.size();
  begin_.resize(at + bytes);
  return {begin_.data() + at};
}

void OffsetMap::Truncate(size_t work_size) {
  begin_.resize(work_size);
  while (!wide_.empty() && wide_.back().work_begin >= work_size) wide_.pop_back();
  if (!wide_.empty()) wide_.back().work_end = std::min(wide_.back().work_end, work_size);
}

void OffsetMap::Finish(uint32_t orig_size) { orig_size_ = orig_size; }

uint32_t OffsetMap::OriginalAt(size_t work_pos) const {
  return work_pos < begin_.size() ? begin_[work_pos] : orig_size_;
}

uint32_t OffsetMap::EndOf(size_t pos) const {
  // The last wide piece starting at or before `pos`, if it covers it.
  const auto after =
      std::upper_bound(wide_.begin(), wide_.end(), pos,
                       [](size_t p, const WidePiece& piece) { return p < piece.work_begin; });
  if (after != wide_.begin() && pos < std::prev(after)->work_end) return std::prev(after)->orig_end;
  return begin_[pos] + 1;
}

Span OffsetMap::ToOriginal(size_t work_begin, size_t work_end) const {
  if (work_end <= work_begin) {
    const int64_t at = OriginalAt(work_begin);
    return {at, at};
  }
  const size_t last = std::min(work_end, begin_.size()) - 1;
  return {begin_[std::min(work_begin, last)], EndOf(last)};
}

}  // namespace newsie
