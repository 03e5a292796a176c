// `newsie quantities`: one JSON object per input line, spans in code points
// of the line, relative dates resolved against --ref-date.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/test_support.h"

namespace newsie {
namespace {

std::vector<nlohmann::json> Lines(const std::string& out) {
  std::vector<nlohmann::json> v;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) v.push_back(nlohmann::json::parse(line));
  return v;
}

TEST_CASE("quantities CLI: one object per line, code point spans", "[quantities][cli]") {
  const auto r = testing::RunNewsie("quantities --ref-date 2024-03-05",
                                    "올해 1만1473개 일자리\nup to 3 billion KRW last year\n\n");
  REQUIRE(r.exit_code == 0);
  const auto lines = Lines(r.out);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0]["text"] == "올해 1만1473개 일자리");
  const auto& q = lines[0]["quantities"];
  REQUIRE(q.size() == 2);
  CHECK(q[0]["kind"] == "date");
  CHECK(q[0]["date"] == "2024");
  CHECK(q[0]["grain"] == "year");
  CHECK(q[1]["kind"] == "number");
  CHECK(q[1]["value"] == 11473);
  CHECK(q[1]["start"] == 3);
  CHECK(q[1]["end"] == 10);
  CHECK(q[1]["text"] == "1만1473개");
  const auto& e = lines[1]["quantities"];
  REQUIRE(e.size() == 2);
  CHECK(e[0]["kind"] == "money");
  CHECK(e[0]["value"] == 3000000000LL);
  CHECK(e[0]["unit"] == "KRW");
  CHECK(e[0]["approx"] == "up_to");
  CHECK(e[1]["date"] == "2023");
  CHECK(lines[2]["quantities"].empty());
}

TEST_CASE("quantities CLI: spans survive normalisation", "[quantities][cli]") {
  // Full-width digits and a lost dash: spans still index the line as given.
  const auto r = testing::RunNewsie("quantities --lang ko", "기간 2023?2026 예산 ５억 원\n");
  REQUIRE(r.exit_code == 0);
  const auto lines = Lines(r.out);
  REQUIRE(lines.size() == 1);
  const auto& q = lines[0]["quantities"];
  REQUIRE(q.size() == 2);
  CHECK(q[0]["kind"] == "range");
  CHECK(q[0]["text"] == "2023?2026");
  CHECK(q[0]["low"]["date"] == "2023");
  CHECK(q[1]["text"] == "５억 원");
  CHECK(q[1]["value"] == 500000000);
}

TEST_CASE("quantities CLI: unresolved without --ref-date", "[quantities][cli]") {
  const auto r = testing::RunNewsie("quantities", "last year\n");
  REQUIRE(r.exit_code == 0);
  const auto lines = Lines(r.out);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0]["quantities"][0]["date"].is_null());
}

TEST_CASE("quantities CLI: usage errors", "[quantities][cli]") {
  CHECK(testing::RunNewsie("quantities --lang fr").exit_code == 2);
  CHECK(testing::RunNewsie("quantities --ref-date 2024").exit_code == 2);
  CHECK(testing::RunNewsie("quantities --help").exit_code == 0);
}

}  // namespace
}  // namespace newsie
