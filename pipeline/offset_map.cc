#include "pipeline/offset_map.h"

#include <algorithm>

namespace newsie {

void OffsetMap::Append(uint32_t work_bytes, uint32_t orig_begin, uint32_t orig_end) {
  const size_t at = begin_.size();
  begin_.resize(at + work_bytes);
  end_.resize(at + work_bytes);
  std::fill_n(begin_.data() + at, work_bytes, orig_begin);
  std::fill_n(end_.data() + at, work_bytes, orig_end);
}

OffsetMap::Room OffsetMap::Extend(size_t bytes) {
  const size_t at = begin_.size();
  begin_.resize(at + bytes);
  end_.resize(at + bytes);
  return {begin_.data() + at, end_.data() + at};
}

void OffsetMap::Finish(uint32_t orig_size) { orig_size_ = orig_size; }

uint32_t OffsetMap::OriginalAt(size_t work_pos) const {
  return work_pos < begin_.size() ? begin_[work_pos] : orig_size_;
}

Span OffsetMap::ToOriginal(size_t work_begin, size_t work_end) const {
  if (work_end <= work_begin) {
    const int64_t at = OriginalAt(work_begin);
    return {at, at};
  }
  const size_t last = std::min(work_end, begin_.size()) - 1;
  return {begin_[std::min(work_begin, last)], end_[last]};
}

}  // namespace newsie
