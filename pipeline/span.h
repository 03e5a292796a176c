// Span: [start, end) in Unicode code points of the decoded original text.
#pragma once

#include <cstdint>

namespace newsie {

struct Span {
  int64_t start = 0;
  int64_t end = 0;

  int64_t size() const { return end - start; }
  bool operator==(const Span&) const = default;
};

}  // namespace newsie
