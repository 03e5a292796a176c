// DigitRun: a run of digits joined by separators (1,234.5, 2024-03-05,
// 010-1234-5678, 10:30, 3/4), walked once.
//
// The finder asks what such a run looks like from a digit inside it (how many
// dots, dashes, colons follow; where it ends) to reject phone numbers,
// versions and identifiers. It asks again from every number it finds inside
// the run, and a line of 40,000 "1," holds 40,000 of them: walking the rest
// of the run each time would be quadratic. So the run is walked once and
// keeps, per separator kind, the last two places it occurs; that answers
// "how many from here on, counting to two" for any start inside it.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace newsie::quantities {

// The separators a run may hold. One belongs to the run only when a digit
// follows it ("5." ends a sentence; "5.1" is one run).
enum class Separator { kDot, kDash, kColon, kSlash, kComma };

class DigitRun {
 public:
  // An empty run, containing nothing.
  DigitRun() = default;

  // The run from `start` to its end: every digit, and every separator
  // followed by a digit, from `start` on.
  static DigitRun Walk(std::string_view text, size_t start);

  // True when `pos` lies inside the run: a walk from `pos` would end at end()
  // and see exactly the separators at or after `pos`.
  bool Contains(size_t pos) const { return pos >= begin_ && pos < end_; }
  size_t end() const { return end_; }
  // The end of the letters and underscores glued to the run (3D, x86_64):
  // where the finder goes on when it rejects the run as an identifier.
  size_t glued_end() const { return glued_end_; }

  // How many separators of `kind` the run holds at or after `from`, counting
  // to two: 2 means two or more.
  int CountFrom(Separator kind, size_t from) const {
    int n = 0;
    for (const size_t pos : last_[static_cast<size_t>(kind)]) n += pos != npos && pos >= from;
    return n;
  }

  // The last separator of `kind` in the run (npos when there is none).
  size_t Last(Separator kind) const { return last_[static_cast<size_t>(kind)][0]; }

  static constexpr size_t npos = static_cast<size_t>(-1);

 private:
  size_t begin_ = 0, end_ = 0, glued_end_ = 0;
  // Per kind, the positions of its last two occurrences (latest first).
  std::array<std::array<size_t, 2>, 5> last_{
      {{npos, npos}, {npos, npos}, {npos, npos}, {npos, npos}, {npos, npos}}};
};

}  // namespace newsie::quantities
