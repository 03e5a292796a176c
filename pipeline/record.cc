#include "pipeline/record.h"

#include "pipeline/government.h"

namespace newsie {
namespace {

// Builds a JSON object key by key, in the order given. Json{{"key", value},
// ...} first makes a two-element array of every pair and then looks each key
// up again; records are built once per document, so that adds up. The
// entries are reserved up front: growing the ordered_map's vector would copy
// every key already in it (its keys are const, so they cannot be moved).
class Object {
 public:
  explicit Object(size_t keys) : json_(Json::value_t::object) {
    json_.get_ref<Json::object_t&>().reserve(keys);
  }
  Object& Add(const char* key, Json value) {
    json_.get_ref<Json::object_t&>().emplace_back(key, std::move(value));
    return *this;
  }
  Json Done() { return std::move(json_); }

 private:
  Json json_;
};

// An empty array with room for `n` elements.
Json ArrayFor(size_t n) {
  Json::array_t array;
  array.reserve(n);
  return Json(std::move(array));
}

template <typename T>
Json OrNull(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json OrNull(const std::optional<Number>& value) { return value ? ToJson(*value) : Json(nullptr); }

// A fact's year as the contract allows it: a year printed outside that
// (`1010년`, a typo or a date in history) dates no job policy.
Json FactYear(const std::optional<int>& year) {
  return year && IsContractYear(*year) ? Json(*year) : Json(nullptr);
}

Json SpanJson(Span span) {
  Json::array_t pair;
  pair.reserve(2);
  pair.emplace_back(span.start);
  pair.emplace_back(span.end);
  return Json(std::move(pair));
}

Json Evidence(const Document& doc, Span span) {
  return Object(2).Add("text", doc.OriginalText(span)).Add("span", SpanJson(span)).Done();
}

Json DistrictJson(const std::optional<DistrictFact>& fact) {
  if (!fact || !fact->government) return nullptr;
  const Government& g = *fact->government;
  return Object(8)
      .Add("code", g.code)
      .Add("name_ko", g.name_ko)
      .Add("name_en", g.name_en)
      .Add("region_ko", g.region_ko)
      .Add("region_en", g.region_en)
      .Add("full_ko", g.full_ko())
      .Add("level", g.level)
      .Add("span", SpanJson(fact->span))
      .Done();
}

Json MayorJson(const std::optional<MayorFact>& fact) {
  if (!fact) return nullptr;
  return Object(4)
      .Add("name_ko", OrNull(fact->name_ko))
      .Add("name_en", OrNull(fact->name_en))
      .Add("title", fact->title)
      .Add("span", SpanJson(fact->span))
      .Done();
}

Json TargetJson(const Document& doc, const TargetFact& t) {
  Json period = nullptr;
  if (t.period) period = Object(2).Add("from", t.period->from).Add("to", t.period->to).Done();
  return Object(10)
      .Add("metric", t.metric)
      .Add("value", ToJson(t.value))
      .Add("unit", t.unit)
      .Add("year", FactYear(t.year))
      .Add("period", std::move(period))
      .Add("qualifier", OrNull(t.qualifier))
      .Add("scope", OrNull(t.scope))
      .Add("revised_from", OrNull(t.revised_from))
      .Add("evidence", Evidence(doc, t.evidence))
      .Add("rule", t.rule)
      .Done();
}

Json AchievementJson(const Document& doc, const AchievementFact& a) {
  return Object(9)
      .Add("year", FactYear(a.year))
      .Add("actual", OrNull(a.actual))
      .Add("target", OrNull(a.target))
      .Add("rate_pct", OrNull(a.rate_pct))
      .Add("qualifier", OrNull(a.qualifier))
      .Add("derived", a.derived)
      .Add("consistent", OrNull(a.consistent))
      .Add("evidence", Evidence(doc, a.evidence))
      .Add("rule", a.rule)
      .Done();
}

Json AwardJson(const Document& doc, const AwardFact& a) {
  return Object(11)
      .Add("name", OrNull(a.name))
      .Add("name_ko", OrNull(a.name_ko))
      .Add("year", FactYear(a.year))
      .Add("grade", OrNull(a.grade))
      .Add("grade_text", OrNull(a.grade_text))
      .Add("category", OrNull(a.category))
      .Add("streak_years", OrNull(a.streak_years))
      .Add("prize_krw", OrNull(a.prize_krw))
      .Add("organizer", OrNull(a.organizer))
      .Add("evidence", Evidence(doc, a.evidence))
      .Add("rule", a.rule)
      .Done();
}

}  // namespace

Json ToJson(const Number& number) {
  return number.integral ? Json(number.integer) : Json(number.real);
}

Json ToRecord(const Document& doc) {
  Json stories = ArrayFor(doc.stories.size());
  for (const Story& story : doc.stories) {
    Json headline = nullptr;
    if (story.headline) {
      headline = doc.OriginalText(doc.ToOriginal(story.headline->first, story.headline->second));
    }
    Json targets = ArrayFor(story.targets.size());
    Json achievements = ArrayFor(story.achievements.size());
    Json awards = ArrayFor(story.awards.size());
    for (const auto& t : story.targets) targets.push_back(TargetJson(doc, t));
    for (const auto& a : story.achievements) achievements.push_back(AchievementJson(doc, a));
    for (const auto& a : story.awards) awards.push_back(AwardJson(doc, a));
    stories.push_back(Object(9)
                          .Add("index", story.index)
                          .Add("span", SpanJson(doc.ToOriginal(story.begin, story.end)))
                          .Add("lang", story.lang)
                          .Add("headline", std::move(headline))
                          .Add("district", DistrictJson(story.district))
                          .Add("mayor", MayorJson(story.mayor))
                          .Add("targets", std::move(targets))
                          .Add("achievements", std::move(achievements))
                          .Add("awards", std::move(awards))
                          .Done());
  }
  Json diagnostics = ArrayFor(doc.diagnostics.size());
  for (const Diagnostic& d : doc.diagnostics) {
    diagnostics.push_back(Object(4)
                              .Add("level", d.level)
                              .Add("code", d.code)
                              .Add("message", d.message)
                              .Add("span", d.span ? SpanJson(*d.span) : Json(nullptr))
                              .Done());
  }
  return Object(6)
      .Add("schema", kSchemaId)
      .Add("id", doc.input.id)
      .Add("source", Object(7)
                         .Add("path", doc.source.path)
                         .Add("sha256", doc.source.sha256)
                         .Add("bytes", doc.source.bytes)
                         .Add("encoding", doc.source.encoding)
                         .Add("lang", doc.source.lang)
                         .Add("url", OrNull(doc.source.url))
                         .Add("title", OrNull(doc.source.title))
                         .Done())
      .Add(
          "ref_date",
          Object(2).Add("date", OrNull(doc.ref_date.Iso())).Add("basis", doc.ref_date.basis).Done())
      .Add("stories", std::move(stories))
      .Add("diagnostics", std::move(diagnostics))
      .Done();
}

}  // namespace newsie
