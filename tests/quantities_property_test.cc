// Property: any integer 0..10^16 written in mixed Korean notation (digits
// with 만/억/조, with and without spaces and commas) or in Sino-Korean
// numerals reads back as itself. 10^5 numbers, fixed seed.
#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <string>

#include "pipeline/lexicon.h"
#include "pipeline/quantities/finder.h"
#include "tests/test_support.h"

namespace newsie {
namespace {

const char* const kDigits[] = {"영", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"};
struct Scale {
  int64_t unit;
  const char* name;
};
const Scale kScales[] = {{1000000000000LL, "조"}, {100000000LL, "억"}, {10000LL, "만"}};

std::string WithCommas(int64_t v) {
  std::string s = std::to_string(v);
  for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(i, ",");
  return s;
}

std::string Mixed(int64_t n, bool spaces, bool commas) {
  if (n == 0) return "0";
  std::string out;
  auto add = [&](const std::string& part) {
    if (!out.empty() && spaces) out += ' ';
    out += part;
  };
  for (const Scale& s : kScales) {
    const int64_t k = n / s.unit;
    n %= s.unit;
    if (k) add((commas ? WithCommas(k) : std::to_string(k)) + s.name);
  }
  if (n) add(commas ? WithCommas(n) : std::to_string(n));
  return out;
}

std::string SinoSection(int64_t n, bool explicit_one) {
  static const std::pair<int64_t, const char*> kUnits[] = {{1000, "천"}, {100, "백"}, {10, "십"}};
  std::string out;
  for (const auto& [unit, name] : kUnits) {
    const int64_t d = n / unit;
    n %= unit;
    if (d) out += std::string(d == 1 && !explicit_one ? "" : kDigits[d]) + name;
  }
  if (n) out += kDigits[n];
  return out;
}

std::string Sino(int64_t n, bool explicit_one) {
  if (n == 0) return "영";
  std::string out;
  for (const Scale& s : kScales) {
    const int64_t k = n / s.unit;
    n %= s.unit;
    if (k) out += (k == 1 && !explicit_one ? std::string() : SinoSection(k, explicit_one)) + s.name;
  }
  return out + SinoSection(n, explicit_one);
}

int64_t ReadBack(const QuantityFinder& finder, const std::string& written) {
  const std::string line = "총 " + written + " 개";
  const auto found = finder.Find(line, "ko");
  if (found.size() != 1 || !found[0].value.integral) return -1;
  return found[0].value.integer;
}

TEST_CASE("quantities property: Korean numbers read back exactly", "[quantities][property]") {
  const QuantityFinder finder(LexiconDir(testing::SourceDir() / "lexicons"));
  std::mt19937_64 rng(20240305);
  std::uniform_int_distribution<int64_t> magnitude(0, 16);
  int failures = 0;
  for (int i = 0; i < 100000 && failures < 10; ++i) {
    // Spread over magnitudes so small numbers are tested as often as big ones.
    int64_t limit = 1;
    for (int k = magnitude(rng); k > 0; --k) limit *= 10;
    const int64_t n = std::uniform_int_distribution<int64_t>(0, limit)(rng);
    const std::string forms[] = {Mixed(n, i % 2 == 0, i % 3 == 0), Sino(n, i % 2 == 1)};
    for (const std::string& written : forms) {
      if (n < 10 && written == forms[1]) continue;  // one syllable alone is not read (일, 이)
      const int64_t got = ReadBack(finder, written);
      if (got != n) {
        ++failures;
        FAIL_CHECK(written << " read as " << got << ", expected " << n);
      }
    }
  }
  CHECK(failures == 0);
}

}  // namespace
}  // namespace newsie
