// CodePointIndex: where the code points of a UTF-8 text start, for turning
// CONTRACT spans (code points of `original`) into bytes.
//
// It keeps the byte offset of one code point in 64 and walks the text from
// there: 1/16 of a byte per code point instead of four (a 16 MiB document
// kept 64 MB of offsets to the end for the few spans the record quotes).
//
//   const CodePointIndex index = CodePointIndex::Of(text);
//   const size_t byte = index.ByteOf(text, cp);  // cp <= index.size()
//
// The text must be the one it was built of, unchanged, and valid UTF-8 (a
// code point starts at every byte that is not 10xxxxxx).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace newsie {

class CodePointIndex {
 public:
  static CodePointIndex Of(std::string_view utf8);

  // The number of code points.
  size_t size() const { return size_; }
  // Where code point `cp` starts in `utf8` (its size for cp == size()).
  size_t ByteOf(std::string_view utf8, size_t cp) const;

 private:
  static constexpr size_t kStride = 64;
  std::vector<uint32_t> checkpoints_;  // byte offset of code points 0, 64, 128, ...
  size_t size_ = 0;
};

// The number of code points of valid UTF-8 `utf8`.
size_t CountCodePoints(std::string_view utf8);

}  // namespace newsie
