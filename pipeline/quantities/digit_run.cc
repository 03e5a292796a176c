#include "pipeline/quantities/digit_run.h"

#include <optional>

#include "pipeline/quantities/text_scan.h"

namespace newsie::quantities {
namespace {

std::optional<Separator> SeparatorOf(char c) {
  switch (c) {
    case '.':
      return Separator::kDot;
    case '-':
      return Separator::kDash;
    case ':':
      return Separator::kColon;
    case '/':
      return Separator::kSlash;
    case ',':
      return Separator::kComma;
    default:
      return std::nullopt;
  }
}

}  // namespace

DigitRun DigitRun::Walk(std::string_view text, size_t start) {
  DigitRun run;
  run.begin_ = start;
  size_t j = start;
  while (j < text.size()) {
    if (IsDigit(text[j])) {
      ++j;
      continue;
    }
    const auto kind = SeparatorOf(text[j]);
    if (!kind || j + 1 >= text.size() || !IsDigit(text[j + 1])) break;
    auto& last = run.last_[static_cast<size_t>(*kind)];
    last[1] = last[0];
    last[0] = j;
    ++j;
  }
  run.end_ = j;
  while (j < text.size() && (IsAlpha(text[j]) || text[j] == '_')) ++j;
  run.glued_end_ = j;
  return run;
}

}  // namespace newsie::quantities
