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
#include <vector>

#include "pipeline/span.h"

namespace newsie {

class OffsetMap {
 public:
  // Records that `work_bytes` bytes now appended to the working text stand
  // for original code points [orig_begin, orig_end).
  void Append(uint32_t work_bytes, uint32_t orig_begin, uint32_t orig_end);

  // Records a run of `count` characters copied unchanged, each `bytes_each`
  // bytes long: character k stands for original code point orig_begin + k.
  // The same as `count` calls of Append(bytes_each, b, b + 1), in one step
  // (the normaliser's fast path for plain ASCII and Hangul runs).
  void AppendRun(uint32_t count, uint32_t bytes_each, uint32_t orig_begin);

  // Marks the end: `orig_size` is the original's length in code points.
  void Finish(uint32_t orig_size);

  // The original span covered by working-text bytes [work_begin, work_end).
  // An empty range maps to an empty span at the corresponding position.
  Span ToOriginal(size_t work_begin, size_t work_end) const;

  // Original code point where working byte `work_pos` starts (work_pos may be
  // the working text's size, which maps to the end of the original).
  uint32_t OriginalAt(size_t work_pos) const;

  size_t work_size() const { return begin_.size(); }
  void Reserve(size_t work_bytes) {
    begin_.reserve(work_bytes);
    end_.reserve(work_bytes);
  }

 private:
  std::vector<uint32_t> begin_;  // per working byte: source start code point
  std::vector<uint32_t> end_;    // per working byte: source end code point
  uint32_t orig_size_ = 0;
};

}  // namespace newsie
