#include "pipeline/offset_map.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace newsie {
namespace {

// Bit k set where byte k of the eight at p starts a UTF-8 character (is not
// 10xxxxxx).
inline uint64_t CharStarts8(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, sizeof word);
  const uint64_t starts = ~(word & ~(word << 1)) & 0x8080808080808080ULL;
  // Bit 7 of byte k to bit k (each product term lands on its own bit).
  return ((starts >> 7) * 0x0102040810204080ULL) >> 56;
}

}  // namespace

void OffsetMap::PutBytesAcross(uint64_t grows, size_t count) {
  while (count > 0) {
    const size_t off = size_ % kBlock;
    if (off == 0 && size_ == blocks_.size() * kBlock) {
      blocks_.push_back({0, next_, static_cast<uint32_t>(jumps_.size())});
    }
    const size_t take = std::min(count, kBlock - off);
    const uint64_t part = take == kBlock ? grows : grows & ((uint64_t{1} << take) - 1);
    blocks_.back().grows |= part << off;
    next_ += static_cast<uint32_t>(std::popcount(part));
    size_ += take;
    grows = take == kBlock ? 0 : grows >> take;
    count -= take;
  }
}

void OffsetMap::PutStart(uint32_t begin) {
  if (size_ == blocks_.size() * kBlock) {
    blocks_.push_back({0, next_, static_cast<uint32_t>(jumps_.size())});
  }
  if (begin > next_) {
    jumps_.push_back({static_cast<uint32_t>(size_), begin - next_});
    next_ = begin;
  }
  PutBytes(1, 1);
}

void OffsetMap::Append(uint32_t work_bytes, uint32_t orig_begin, uint32_t orig_end) {
  if (work_bytes == 0) return;
  const size_t at = size_;
  if (orig_begin >= next_) {
    PutStart(orig_begin);
    PutBytes(0, work_bytes - 1);
  } else {
    PutBytes(0, work_bytes);  // the same position as the byte before
  }
  if (orig_end != orig_begin + 1) wide_.push_back({at, at + work_bytes, orig_end});
}

void OffsetMap::AppendCopied(std::string_view chars, uint32_t first_cp) {
  if (chars.empty()) return;
  // The first character may follow code points folded away; every
  // character grows the position by one, at its first byte.
  if (first_cp > next_) {
    if (size_ == blocks_.size() * kBlock) {
      blocks_.push_back({0, next_, static_cast<uint32_t>(jumps_.size())});
    }
    jumps_.push_back({static_cast<uint32_t>(size_), first_cp - next_});
    next_ = first_cp;
  }
  // A block's worth of bytes at a time (up to the next block's start).
  for (size_t i = 0; i < chars.size();) {
    const size_t take = std::min(chars.size() - i, kBlock - size_ % kBlock);
    const char* p = chars.data() + i;
    uint64_t grows = 0;
    size_t k = 0;
    for (; k + 8 <= take; k += 8) grows |= CharStarts8(p + k) << k;
    if (k < take) {  // the last few bytes, through a word of their own
      char last[8] = {};
      std::memcpy(last, p + k, take - k);
      grows |= (CharStarts8(last) & ((uint64_t{1} << (take - k)) - 1)) << k;
    }
    PutBytes(grows, take);
    i += take;
  }
}

void OffsetMap::Finish(uint32_t orig_size) { orig_size_ = orig_size; }

uint32_t OffsetMap::BeginOf(size_t pos) const {
  const Block& block = blocks_[pos / kBlock];
  const size_t bit = pos % kBlock;
  const uint64_t upto = bit == kBlock - 1 ? ~uint64_t{0} : (uint64_t{2} << bit) - 1;
  uint32_t begin = block.base + static_cast<uint32_t>(std::popcount(block.grows & upto)) - 1;
  for (size_t j = block.jumps; j < jumps_.size() && jumps_[j].work_pos <= pos; ++j) {
    begin += jumps_[j].extra;
  }
  return begin;
}

uint32_t OffsetMap::OriginalAt(size_t work_pos) const {
  return work_pos < size_ ? BeginOf(work_pos) : orig_size_;
}

uint32_t OffsetMap::EndOf(size_t pos) const {
  // The last wide piece starting at or before `pos`, if it covers it.
  const auto after =
      std::upper_bound(wide_.begin(), wide_.end(), pos,
                       [](size_t p, const WidePiece& piece) { return p < piece.work_begin; });
  if (after != wide_.begin() && pos < std::prev(after)->work_end) return std::prev(after)->orig_end;
  return BeginOf(pos) + 1;
}

Span OffsetMap::ToOriginal(size_t work_begin, size_t work_end) const {
  if (work_end <= work_begin) {
    const int64_t at = OriginalAt(work_begin);
    return {at, at};
  }
  const size_t last = std::min(work_end, size_) - 1;
  return {BeginOf(std::min(work_begin, last)), EndOf(last)};
}

}  // namespace newsie
