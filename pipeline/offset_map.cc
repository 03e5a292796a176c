#include "pipeline/offset_map.h"

#include <algorithm>

namespace newsie {

void OffsetMap::Append(uint32_t work_bytes, uint32_t orig_begin, uint32_t orig_end) {
  begin_.insert(begin_.end(), work_bytes, orig_begin);
  end_.insert(end_.end(), work_bytes, orig_end);
}

void OffsetMap::AppendRun(uint32_t count, uint32_t bytes_each, uint32_t orig_begin) {
  const size_t at = begin_.size();
  const size_t bytes = static_cast<size_t>(count) * bytes_each;
  begin_.resize(at + bytes);
  end_.resize(at + bytes);
  uint32_t* b = begin_.data() + at;
  uint32_t* e = end_.data() + at;
  for (uint32_t k = 0; k < count; ++k) {
    const uint32_t cp = orig_begin + k;
    for (uint32_t j = 0; j < bytes_each; ++j) {
      *b++ = cp;
      *e++ = cp + 1;
    }
  }
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
