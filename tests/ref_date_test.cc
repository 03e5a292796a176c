// ref_date: the basis chosen, the year inferred from the text, and relative
// dates resolved against it.
#include <catch2/catch.hpp>

#include "pipeline/quantities/resolve.h"
#include "tests/test_support.h"

namespace newsie {
namespace {

std::vector<const Quantity*> Dates(const Document& doc) {
  std::vector<const Quantity*> out;
  for (const Sentence& s : doc.sentences) {
    for (const Quantity& q : s.quantities) {
      if (q.kind == QuantityKind::kDate) out.push_back(&q);
    }
  }
  return out;
}

TEST_CASE("ref_date: given", "[ref_date]") {
  const Document doc = testing::Process("올해 일자리 8600개를 만든다.\n", "t.txt", "2024-03-05");
  CHECK(doc.ref_date.basis == "given");
  CHECK(doc.ref_date.Iso() == "2024-03-05");
  const auto dates = Dates(doc);
  REQUIRE(!dates.empty());
  CHECK(dates[0]->date.Iso() == "2024");
}

TEST_CASE("ref_date: inferred from a plan named with its year", "[ref_date]") {
  const Document doc = testing::Process(
      "Gwanak-gu Establishes the '2024 Comprehensive Job Policy Plan'.\n\n"
      "Gwanak-gu aims to create 12,100 jobs this year.\n");
  CHECK(doc.ref_date.basis == "inferred");
  CHECK(doc.ref_date.Iso() == "2024");
  CHECK(doc.ref_date.reason.find("plan") != std::string::npos);
}

TEST_CASE("ref_date: inferred from a yearly schedule", "[ref_date]") {
  const Document doc = testing::Process(
      "The annual targets are 12,515 jobs this year, 12,703 in 2024, 12,894 in 2025, and "
      "13,088 in 2026.\n");
  CHECK(doc.ref_date.basis == "inferred");
  CHECK(doc.ref_date.Iso() == "2023");
  CHECK(doc.ref_date.reason.find("schedule") != std::string::npos);
}

TEST_CASE("ref_date: inferred from an award edition", "[ref_date]") {
  const Document doc = testing::Process(
      "Seongdong-gu was honored at the '2022 National Local Government Job Awards' held on "
      "the 21st.\n");
  CHECK(doc.ref_date.basis == "inferred");
  CHECK(doc.ref_date.Iso() == "2022");
}

TEST_CASE("ref_date: Korean plan year and 올해", "[ref_date]") {
  const Document doc = testing::Process(
      "성동구는 2024년 일자리대책 세부 추진계획을 수립했다고 밝혔다.\n올해는 일자리 8600개 "
      "창출을 목표로 한다.\n");
  CHECK(doc.ref_date.basis == "inferred");
  CHECK(doc.ref_date.Iso() == "2024");
  bool resolved = false;
  for (const Quantity* q : Dates(doc)) {
    if (q->date.anchor == DateValue::Anchor::kRelativeYear) resolved = q->date.Iso() == "2024";
  }
  CHECK(resolved);
}

TEST_CASE("ref_date: none", "[ref_date]") {
  const Document doc = testing::Process("Jobs are the best welfare, the mayor said.\n");
  CHECK(doc.ref_date.basis == "none");
  CHECK(!doc.ref_date.Iso());
}

TEST_CASE("ResolveDate: anchors", "[ref_date]") {
  RefDate ref;
  REQUIRE(ParseIsoDate("2024-03-05", &ref));
  DateValue last_month;
  last_month.grain = DateGrain::kMonth;
  last_month.anchor = DateValue::Anchor::kRelativeMonth;
  last_month.offset = -3;
  ResolveDate(last_month, ref);
  CHECK(last_month.Iso() == "2023-12");
  DateValue day;
  day.grain = DateGrain::kDay;
  day.day = 25;
  day.anchor = DateValue::Anchor::kDayOfRefMonth;
  day.offset = -1;  // 지난 25일, written on 5 March: February's
  ResolveDate(day, ref);
  CHECK(day.Iso() == "2024-02-25");
  DateValue year_only;
  year_only.anchor = DateValue::Anchor::kRelativeYear;
  year_only.offset = 1;
  RefDate inferred;
  inferred.year = 2023;
  ResolveDate(year_only, inferred);
  CHECK(year_only.Iso() == "2024");
  DateValue month_rel;
  month_rel.grain = DateGrain::kMonth;
  month_rel.anchor = DateValue::Anchor::kRelativeMonth;
  ResolveDate(month_rel, inferred);
  CHECK(!month_rel.Iso());  // 이달 with a reference year only: unresolved
}

}  // namespace
}  // namespace newsie
