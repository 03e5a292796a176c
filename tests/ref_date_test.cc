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
      "Mapo-gu Unveils Its '2024 Comprehensive Job Policy Plan'.\n\n"
      "Mapo-gu wants 8,300 new jobs this year.\n");
  CHECK(doc.ref_date.basis == "inferred");
  CHECK(doc.ref_date.Iso() == "2024");
  CHECK(doc.ref_date.reason.find("plan") != std::string::npos);
}

TEST_CASE("ref_date: inferred from a yearly schedule", "[ref_date]") {
  const Document doc = testing::Process(
      "The yearly goals come to 9,100 jobs this year, then 9,250 in 2024, 9,400 in 2025 and "
      "9,550 in 2026.\n");
  CHECK(doc.ref_date.basis == "inferred");
  CHECK(doc.ref_date.Iso() == "2023");
  CHECK(doc.ref_date.reason.find("schedule") != std::string::npos);
}

TEST_CASE("ref_date: inferred from an award edition", "[ref_date]") {
  const Document doc = testing::Process(
      "Dobong-gu took a prize at the '2022 National Local Government Job Awards' ceremony "
      "last week.\n");
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

TEST_CASE("ref_date: metadata from a byline carrying the publication stamp", "[ref_date]") {
  const Document doc = testing::Process(
      "Nowon-gu Sets Goal of 8,740 Jobs\n"
      "Reporter Kim Seo-yeon | Published 2024.01.23 09:30 | Updated 2024.01.25 14:02\n"
      "Nowon-gu (Mayor Oh Seung-rok) has set a goal of 8,740 jobs this year.\n");
  CHECK(doc.ref_date.basis == "metadata");
  CHECK(doc.ref_date.Iso() == "2024-01-23");
  bool removed = false;
  for (const Removal& r : doc.removed) removed |= r.kind == "dateline";
  CHECK(removed);
}

TEST_CASE("ref_date: an award edition in the headline, no day", "[ref_date]") {
  const Document doc = testing::Process(
      "Changnyeong-gun Wins Excellence Award at '2021 National Local Government Job Awards'\n"
      "Changnyeong-gun (County Governor Han Jeong-woo) has won the Excellence Award, its third "
      "job award in a row.\n"
      "It created 2,318 jobs last year.\n");
  CHECK(doc.ref_date.basis == "inferred");
  CHECK(doc.ref_date.Iso() == "2021");
  CHECK(doc.ref_date.reason.find("edition") != std::string::npos);
}

TEST_CASE("ref_date: an award edition named after the year in Korean, with a day", "[ref_date]") {
  const Document doc = testing::Process(
      "달서구(구청장 이태훈)는 ‘2021년 전국 지방자치단체 일자리대상’ 공시제 부문에서 우수상을 "
      "받았다고 9일 밝혔다.\n");
  CHECK(doc.ref_date.basis == "inferred");
  CHECK(doc.ref_date.Iso() == "2021");
}

TEST_CASE("ref_date: an award named before its year", "[ref_date]") {
  const Document doc = testing::Process(
      "The county was honoured at the Job Awards 2021 held in Sejong on the 9th.\n");
  CHECK(doc.ref_date.basis == "inferred");
  CHECK(doc.ref_date.Iso() == "2021");
}

TEST_CASE("ref_date: an event edition held on a day", "[ref_date]") {
  const Document doc = testing::Process(
      "중구(구청장 김길성)가 오는 12일 ‘2022 중구·종로구 공동 일자리박람회’를 연다고 5일 "
      "밝혔다.\n");
  CHECK(doc.ref_date.basis == "inferred");
  CHECK(doc.ref_date.Iso() == "2022");
}

TEST_CASE("ref_date: a plan year in the headline with 올해", "[ref_date]") {
  const Document doc = testing::Process(
      "창녕군, 2019년 일자리 대책 발표\n"
      "창녕군(군수 한정우)은 올해 일자리 3,120개 창출을 목표로 한다고 밝혔다.\n");
  CHECK(doc.ref_date.basis == "inferred");
  CHECK(doc.ref_date.Iso() == "2019");
}

TEST_CASE("ref_date: a strategy named with its year next to this year", "[ref_date]") {
  const Document doc = testing::Process(
      "Jobs news\n"
      "The mayor spoke first.\nThe council agreed.\n"
      "Gwangsan-gu has drawn up its '2020 Gwangsan Job Strategy', under which it will create "
      "10,500 jobs this year.\n");
  CHECK(doc.ref_date.basis == "inferred");
  CHECK(doc.ref_date.Iso() == "2020");
}

TEST_CASE("ref_date: this year's plan beats an award the lead recalls", "[ref_date]") {
  const Document doc = testing::Process(
      "Buk-gu Aims for 8,050 Jobs\n"
      "Buk-gu is going for 8,050 jobs this year under its '2024 Buk-gu Job Plan'.\n"
      "The plan follows the award it received at the '2023 National Local Government Job "
      "Awards'.\n");
  CHECK(doc.ref_date.Iso() == "2024");
  CHECK(doc.ref_date.reason.find("plan") != std::string::npos);
}

TEST_CASE("ref_date: a plan over an elected term's full years", "[ref_date]") {
  const Document doc = testing::Process(
      "광진구는 민선8기 일자리 종합계획을 내놓았다.\n"
      "구는 2023년부터 2026년까지 4년 동안 공공일자리 2만4000개를 만든다.\n"
      "지원센터는 올해 3월 공사를 시작해 2025년 문을 연다.\n");
  CHECK(doc.ref_date.basis == "inferred");
  CHECK(doc.ref_date.Iso() == "2023");
  CHECK(doc.ref_date.reason.find("elected term 8") != std::string::npos);
}

TEST_CASE("ref_date: an elected term starting in its first month", "[ref_date]") {
  const Document en = testing::Process(
      "The district has run a task force since June 10 to prepare for the 8th term starting in "
      "July.\n");
  CHECK(en.ref_date.basis == "inferred");
  CHECK(en.ref_date.Iso() == "2022");
  const Document ko = testing::Process("구는 7월 출범하는 민선8기 조직 개편안을 마련했다.\n");
  CHECK(ko.ref_date.Iso() == "2022");
  const Document past =
      testing::Process("The 8th term, which began in July, has reorganised two bureaus.\n");
  CHECK(past.ref_date.basis == "none");
}

TEST_CASE("ref_date: a year merely mentioned is no clue", "[ref_date]") {
  // A past result next to the word "plan", and "this year" elsewhere.
  const Document result = testing::Process(
      "Jobs news\n"
      "The mayor spoke first.\nThe council agreed.\n"
      "In 2023, Nowon-gu created 9,105 jobs, beating its plan of 8,510.\n"
      "It aims for 8,740 jobs this year.\n");
  CHECK(result.ref_date.basis == "none");
  // A past award, outside the lead and with no day.
  const Document award = testing::Process(
      "Jobs news\n"
      "The mayor spoke first.\nThe council agreed.\n"
      "Following the Special Award in 2021, it also won the '2019 National Job Awards'.\n");
  CHECK(award.ref_date.basis == "none");
  // A Korean year followed by a particle is not a plan's name.
  const Document ko = testing::Process(
      "일자리 소식\n"
      "구청장이 먼저 말했다.\n의회도 동의했다.\n"
      "2023년에는 목표를 넘겨 올해 새 계획을 세웠다.\n");
  CHECK(ko.ref_date.basis == "none");
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
