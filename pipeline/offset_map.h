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

#include <bit>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "pipeline/span.h"

namespace newsie {

// How the map is kept: a working byte's original position (where its piece
// begins) never goes down, and nearly always it is the previous byte's or
// one more. So each byte has one bit, set where the position grows, and a
// growth of more than one (code points folded away before the byte) is a
// `Jump`; per 64 bytes a `Block` holds the bits and the position before it.
// That is a quarter of a byte per working byte, where a position per byte
// took four (64 MB for a 16 MiB document, kept to the end).
class OffsetMap {
 public:
  // Records that `work_bytes` bytes now appended to the working text stand
  // for original code points [orig_begin, orig_end). orig_begin is at least
  // the previous piece's orig_end (pieces follow the original's order).
  void Append(uint32_t work_bytes, uint32_t orig_begin, uint32_t orig_end);

  // Records that `chars` (whole UTF-8 characters) now appended to the
  // working text stand each for one original code point, from `first_cp`
  // on: the same as one Append(length, c, c + 1) per character, for a run
  // copied unchanged (the normaliser's fast path), at a fraction of the cost.
  void AppendCopied(std::string_view chars, uint32_t first_cp);

  // Marks the end: `orig_size` is the original's length in code points.
  void Finish(uint32_t orig_size);

  // The original span covered by working-text bytes [work_begin, work_end).
  // An empty range maps to an empty span at the corresponding position.
  Span ToOriginal(size_t work_begin, size_t work_end) const;

  // Original code point where working byte `work_pos` starts (work_pos may be
  // the working text's size, which maps to the end of the original).
  uint32_t OriginalAt(size_t work_pos) const;

  size_t work_size() const { return size_; }
  void Reserve(size_t work_bytes) { blocks_.reserve(work_bytes / kBlock + 1); }

 private:
  static constexpr size_t kBlock = 64;

  // Where working byte `pos` (< work_size()) begins and ends in the original.
  uint32_t BeginOf(size_t pos) const;
  uint32_t EndOf(size_t pos) const;
  // Appends `count` bytes whose growth bits are `grows` (bit k for the k-th).
  void PutBytes(uint64_t grows, size_t count) {
    const size_t off = size_ % kBlock;
    if (off + count <= kBlock && size_ < blocks_.size() * kBlock) {  // within the last block
      blocks_.back().grows |= grows << off;
      if (grows != 0) next_ += static_cast<uint32_t>(std::popcount(grows));
      size_ += count;
      return;
    }
    PutBytesAcross(grows, count);
  }
  void PutBytesAcross(uint64_t grows, size_t count);
  // Makes the next byte's position `begin` (>= next_): a growth bit, and a
  // jump when it grows by more than one.
  void PutStart(uint32_t begin);

  struct Block {
    uint64_t grows = 0;  // bit k: byte k of the block begins past the byte before it
    uint32_t base = 0;   // the position of the byte before the block, plus one
    uint32_t jumps = 0;  // index of the block's first jump in jumps_
  };
  struct Jump {
    uint32_t work_pos = 0;  // a byte whose growth bit is set
    uint32_t extra = 0;     // how much more than one its position grows by
  };
  std::vector<Block> blocks_;
  std::vector<Jump> jumps_;
  size_t size_ = 0;    // working bytes
  uint32_t next_ = 0;  // the last byte's position plus one (0 before any)

  // Almost every piece stands for one code point, so a byte's end is its
  // begin + 1 and only the other pieces (a run of spaces folded to one,
  // CR LF, a composed cluster, a wider Append) are kept, in working-text
  // order.
  struct WidePiece {
    size_t work_begin = 0;
    size_t work_end = 0;
    uint32_t orig_end = 0;
  };
  std::vector<WidePiece> wide_;
  uint32_t orig_size_ = 0;
};

}  // namespace newsie
