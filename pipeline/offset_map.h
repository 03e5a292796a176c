// OffsetMap: from byte positions in the working text back to code points of
// the decoded original (CONTRACT "Offsets").
//
// The normaliser builds the working text piece by piece; each piece it
// appends records which original code points [orig_begin, orig_end) it came
// from. A piece may be longer than its source (a ligature unfolded), shorter
// (a run of spaces folded to one) or empty (a zero-width space dropped).
// Every span a stage reports is computed through ToOriginal, so evidence
// always points at the text as it stands in the source.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "pipeline/span.h"

namespace newsie {

// An allocator whose resize() leaves new elements uninitialised: the map
// writes every element right after growing, and zero-filling first would
// cost as much again.
template <typename T>
struct UninitializedAllocator : std::allocator<T> {
  template <typename U>
  struct rebind {
    using other = UninitializedAllocator<U>;
  };
  UninitializedAllocator() = default;
  template <typename U>
  UninitializedAllocator(const UninitializedAllocator<U>&) {}
  template <typename U>
  void construct(U* p) noexcept(std::is_nothrow_default_constructible_v<U>) {
    ::new (static_cast<void*>(p)) U;
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

class OffsetMap {
 public:
  // Records that `work_bytes` bytes now appended to the working text stand
  // for original code points [orig_begin, orig_end).
  void Append(uint32_t work_bytes, uint32_t orig_begin, uint32_t orig_end);

  // For a writer that fills the entries of copied characters itself, as it
  // reads them (the normaliser's scan, which so walks a run of unchanged
  // text once): Extend adds room for up to `bytes` entries and returns where
  // they start; the writer sets each byte of a character standing for
  // original code point c to c (the same as one Append(length, c, c + 1) per
  // character), then calls Truncate with the size it filled up to. The
  // pointer holds until the map next changes.
  struct Room {
    uint32_t* begin = nullptr;
  };
  Room Extend(size_t bytes);
  // Drops the entries from working byte `work_size` on (<= work_size()).
  void Truncate(size_t work_size);

  // Marks the end: `orig_size` is the original's length in code points.
  void Finish(uint32_t orig_size);

  // The original span covered by working-text bytes [work_begin, work_end).
  // An empty range maps to an empty span at the corresponding position.
  Span ToOriginal(size_t work_begin, size_t work_end) const;

  // Original code point where working byte `work_pos` starts (work_pos may be
  // the working text's size, which maps to the end of the original).
  uint32_t OriginalAt(size_t work_pos) const;

  size_t work_size() const { return begin_.size(); }
  void Reserve(size_t work_bytes) { begin_.reserve(work_bytes); }

 private:
  // Where working byte `pos` (< work_size()) ends in the original.
  uint32_t EndOf(size_t pos) const;

  using Positions = std::vector<uint32_t, UninitializedAllocator<uint32_t>>;
  Positions begin_;  // per working byte: source start code point
  // Almost every piece stands for one code point, so a byte's end is its
  // begin + 1 and only the other pieces (a run of spaces folded to one,
  // CR LF, a composed cluster, a wider Append) are kept, in working-text
  // order: one store per working byte instead of two.
  struct WidePiece {
    size_t work_begin = 0;
    size_t work_end = 0;
    uint32_t orig_end = 0;
  };
  std::vector<WidePiece> wide_;
  uint32_t orig_size_ = 0;
};

}  // namespace newsie
