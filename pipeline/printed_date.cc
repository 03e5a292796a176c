#include "pipeline/printed_date.h"

#include <charconv>
#include <cstdio>

namespace newsie {

std::optional<std::string> CalendarDate(int y, int m, int d) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return std::nullopt;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (m == 2 && d == 29 && !leap) return std::nullopt;
  char buf[40];  // room for any int, as the compiler cannot see the checks
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return std::string(buf);
}

std::optional<std::string> DatelineDate(const re2::StringPiece groups[4]) {
  auto number = [](const re2::StringPiece& g) {
    int value = 0;
    if (g.data() != nullptr) std::from_chars(g.data(), g.data() + g.size(), value);
    return value;
  };
  return CalendarDate(number(groups[1]), number(groups[2]), number(groups[3]));
}

PrintedDates::PrintedDates(const LexiconDir& dir) {
  for (const auto& row : dir.ReadTsv("boilerplate.tsv")) {
    if (row.Get("kind") != "dateline") continue;
    auto re = std::make_unique<RE2>("(?:" + row.Get("pattern") + ")");
    if (!re->ok()) throw LexiconError(row.Where() + ": bad rule: " + re->error());
    if (re->NumberOfCapturingGroups() >= 3) rows_.push_back(std::move(re));
  }
}

std::optional<std::string> PrintedDates::FirstIn(std::string_view text) const {
  std::optional<std::string> best;
  size_t best_at = text.size() + 1;
  re2::StringPiece groups[4];
  for (const auto& re : rows_) {
    size_t pos = 0;
    while (pos < best_at && pos <= text.size() &&
           re->Match(text, pos, text.size(), RE2::UNANCHORED, groups, 4)) {
      const size_t at = static_cast<size_t>(groups[0].data() - text.data());
      if (at >= best_at) break;
      if (auto date = DatelineDate(groups)) {
        best = std::move(date);
        best_at = at;
        break;
      }
      // Not a day (입력 2023-02-30): on after its date, not after the whole
      // match, whose trailing `\s*.*` may run on into the next label.
      pos = groups[3].data() != nullptr
                ? static_cast<size_t>(groups[3].data() + groups[3].size() - text.data())
                : at + 1;
    }
  }
  return best;
}

}  // namespace newsie
