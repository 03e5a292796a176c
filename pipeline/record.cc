#include "pipeline/record.h"

#include "pipeline/government.h"

namespace newsie {
namespace {

template <typename T>
Json OrNull(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json OrNull(const std::optional<Number>& value) { return value ? ToJson(*value) : Json(nullptr); }

Json SpanJson(Span span) { return Json::array({span.start, span.end}); }

Json Evidence(const Document& doc, Span span) {
  return Json{{"text", doc.OriginalText(span)}, {"span", SpanJson(span)}};
}

Json DistrictJson(const std::optional<DistrictFact>& fact) {
  if (!fact || !fact->government) return nullptr;
  const Government& g = *fact->government;
  return Json{{"code", g.code},           {"name_ko", g.name_ko},        {"name_en", g.name_en},
              {"region_ko", g.region_ko}, {"region_en", g.region_en},    {"full_ko", g.full_ko()},
              {"level", g.level},         {"span", SpanJson(fact->span)}};
}

Json MayorJson(const std::optional<MayorFact>& fact) {
  if (!fact) return nullptr;
  return Json{{"name_ko", OrNull(fact->name_ko)},
              {"name_en", OrNull(fact->name_en)},
              {"title", fact->title},
              {"span", SpanJson(fact->span)}};
}

Json TargetJson(const Document& doc, const TargetFact& t) {
  Json period = nullptr;
  if (t.period) period = Json{{"from", t.period->from}, {"to", t.period->to}};
  return Json{{"metric", t.metric},
              {"value", ToJson(t.value)},
              {"unit", t.unit},
              {"year", OrNull(t.year)},
              {"period", period},
              {"qualifier", OrNull(t.qualifier)},
              {"scope", OrNull(t.scope)},
              {"revised_from", OrNull(t.revised_from)},
              {"evidence", Evidence(doc, t.evidence)},
              {"rule", t.rule}};
}

Json AchievementJson(const Document& doc, const AchievementFact& a) {
  return Json{{"year", OrNull(a.year)},
              {"actual", OrNull(a.actual)},
              {"target", OrNull(a.target)},
              {"rate_pct", OrNull(a.rate_pct)},
              {"qualifier", OrNull(a.qualifier)},
              {"derived", a.derived},
              {"consistent", OrNull(a.consistent)},
              {"evidence", Evidence(doc, a.evidence)},
              {"rule", a.rule}};
}

Json AwardJson(const Document& doc, const AwardFact& a) {
  return Json{{"name", OrNull(a.name)},
              {"name_ko", OrNull(a.name_ko)},
              {"year", OrNull(a.year)},
              {"grade", OrNull(a.grade)},
              {"grade_text", OrNull(a.grade_text)},
              {"category", OrNull(a.category)},
              {"streak_years", OrNull(a.streak_years)},
              {"prize_krw", OrNull(a.prize_krw)},
              {"organizer", OrNull(a.organizer)},
              {"evidence", Evidence(doc, a.evidence)},
              {"rule", a.rule}};
}

}  // namespace

Json ToJson(const Number& number) {
  return number.integral ? Json(number.integer) : Json(number.real);
}

Json ToRecord(const Document& doc) {
  Json stories = Json::array();
  for (const Story& story : doc.stories) {
    Json headline = nullptr;
    if (story.headline) {
      headline = doc.OriginalText(doc.ToOriginal(story.headline->first, story.headline->second));
    }
    Json targets = Json::array(), achievements = Json::array(), awards = Json::array();
    for (const auto& t : story.targets) targets.push_back(TargetJson(doc, t));
    for (const auto& a : story.achievements) achievements.push_back(AchievementJson(doc, a));
    for (const auto& a : story.awards) awards.push_back(AwardJson(doc, a));
    stories.push_back(Json{{"index", story.index},
                           {"span", SpanJson(doc.ToOriginal(story.begin, story.end))},
                           {"lang", story.lang},
                           {"headline", headline},
                           {"district", DistrictJson(story.district)},
                           {"mayor", MayorJson(story.mayor)},
                           {"targets", std::move(targets)},
                           {"achievements", std::move(achievements)},
                           {"awards", std::move(awards)}});
  }
  Json diagnostics = Json::array();
  for (const Diagnostic& d : doc.diagnostics) {
    diagnostics.push_back(Json{{"level", d.level},
                               {"code", d.code},
                               {"message", d.message},
                               {"span", d.span ? SpanJson(*d.span) : Json(nullptr)}});
  }
  return Json{
      {"schema", kSchemaId},
      {"id", doc.input.id},
      {"source", Json{{"path", doc.source.path},
                      {"sha256", doc.source.sha256},
                      {"bytes", doc.source.bytes},
                      {"encoding", doc.source.encoding},
                      {"lang", doc.source.lang},
                      {"url", OrNull(doc.source.url)},
                      {"title", OrNull(doc.source.title)}}},
      {"ref_date", Json{{"date", OrNull(doc.ref_date.Iso())}, {"basis", doc.ref_date.basis}}},
      {"stories", std::move(stories)},
      {"diagnostics", std::move(diagnostics)},
  };
}

}  // namespace newsie
