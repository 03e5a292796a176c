#include "pipeline/code_point_index.h"

#include <bit>
#include <cstring>

namespace newsie {
namespace {

// One bit per byte of the eight at p, in bit 7 of each: set where a code
// point starts (the byte is not 10xxxxxx).
inline uint64_t StartBits(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return ~(word & ~(word << 1)) & 0x8080808080808080ULL;
}

// How many of the eight bytes StartBits looked at start a code point (a
// byte sum by multiplication: cheaper than a population count on x86-64
// without POPCNT, which the build does not assume).
inline size_t CountStarts(uint64_t start_bits) {
  return static_cast<size_t>(((start_bits >> 7) * 0x0101010101010101ULL) >> 56);
}

inline bool IsStart(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

}  // namespace

size_t CountCodePoints(std::string_view utf8) {
  size_t count = 0, i = 0;
  for (; i + 8 <= utf8.size(); i += 8) count += CountStarts(StartBits(utf8.data() + i));
  for (; i < utf8.size(); ++i) count += IsStart(utf8[i]);
  return count;
}

CodePointIndex CodePointIndex::Of(std::string_view utf8) {
  CodePointIndex index;
  index.checkpoints_.reserve(utf8.size() / kStride + 1);
  // `count` code points start before byte i; the next checkpoint is due at
  // code point `due`.
  size_t count = 0, due = 0, i = 0;
  for (; i + 8 <= utf8.size(); i += 8) {
    uint64_t starts = StartBits(utf8.data() + i);
    const size_t here = CountStarts(starts);
    if (due < count + here) {  // at most one checkpoint in eight bytes
      for (size_t skip = due - count; skip > 0; --skip) starts &= starts - 1;
      index.checkpoints_.push_back(
          static_cast<uint32_t>(i + static_cast<size_t>(std::countr_zero(starts)) / 8));
      due += kStride;
    }
    count += here;
  }
  for (; i < utf8.size(); ++i) {
    if (!IsStart(utf8[i])) continue;
    if (count == due) {
      index.checkpoints_.push_back(static_cast<uint32_t>(i));
      due += kStride;
    }
    ++count;
  }
  index.size_ = count;
  return index;
}

size_t CodePointIndex::ByteOf(std::string_view utf8, size_t cp) const {
  if (cp >= size_) return utf8.size();
  size_t i = checkpoints_[cp / kStride];
  // The start of the (cp % kStride)-th code point from the checkpoint's
  // (counting it as the 0th), eight bytes at a time.
  size_t skip = cp % kStride;
  for (; i + 8 <= utf8.size(); i += 8) {
    uint64_t starts = StartBits(utf8.data() + i);
    const size_t here = CountStarts(starts);
    if (skip < here) {
      for (; skip > 0; --skip) starts &= starts - 1;
      return i + static_cast<size_t>(std::countr_zero(starts)) / 8;
    }
    skip -= here;
  }
  for (;; ++i) {
    if (IsStart(utf8[i]) && skip-- == 0) return i;
  }
}

}  // namespace newsie
