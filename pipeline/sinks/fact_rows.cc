#include "pipeline/sinks/fact_rows.h"

namespace newsie {
namespace {

std::optional<std::string> StringOf(const Json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

std::optional<int64_t> IntOf(const Json& object, const char* key) {
  const auto it = object.find(key);
  if (it == object.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<int64_t>();
}

void SetSpan(FactRow& row, const Json& object) {
  const auto it = object.find("span");
  if (it == object.end() || !it->is_array() || it->size() != 2) return;
  row.span_start = (*it)[0].get<int64_t>();
  row.span_end = (*it)[1].get<int64_t>();
}

void SetEvidence(FactRow& row, const Json& fact) {
  const auto it = fact.find("evidence");
  if (it != fact.end() && it->is_object()) {
    row.evidence = StringOf(*it, "text");
    SetSpan(row, *it);
  }
  row.rule = StringOf(fact, "rule");
}

// The array at `key`, by reference into the record (rows point at its facts).
const Json& ArrayOf(const Json& object, const char* key) {
  static const Json kEmpty = Json::array();
  const auto it = object.find(key);
  return it != object.end() && it->is_array() ? *it : kEmpty;
}

Json FirstOf(const Json& object, const char* key, const char* fallback) {
  const auto it = object.find(key);
  if (it != object.end() && !it->is_null()) return *it;
  const auto other = object.find(fallback);
  return other != object.end() ? *other : Json(nullptr);
}

}  // namespace

std::vector<FactRow> FactRows(const Json& record) {
  std::vector<FactRow> rows;
  const auto stories = record.find("stories");
  if (stories == record.end() || !stories->is_array()) return rows;
  for (const Json& story : *stories) {
    const int index = story.value("index", 0);
    auto add = [&](const char* kind, const Json& fact) -> FactRow& {
      FactRow& row = rows.emplace_back();
      row.story = index;
      row.kind = kind;
      row.fact = &fact;
      row.story_json = &story;
      return row;
    };
    if (const auto d = story.find("district"); d != story.end() && d->is_object()) {
      FactRow& row = add("district", *d);
      row.field = "code";
      row.value = d->value("code", Json(nullptr));
      SetSpan(row, *d);
    }
    if (const auto m = story.find("mayor"); m != story.end() && m->is_object()) {
      FactRow& row = add("mayor", *m);
      row.field = "name";
      row.value = FirstOf(*m, "name_ko", "name_en");
      SetSpan(row, *m);
    }
    for (const Json& t : ArrayOf(story, "targets")) {
      FactRow& row = add("target", t);
      row.field = t.value("metric", "");
      row.value = t.value("value", Json(nullptr));
      row.unit = StringOf(t, "unit");
      row.year = IntOf(t, "year");
      if (const auto p = t.find("period"); p != t.end() && p->is_object()) {
        row.period = std::to_string(p->value("from", 0)) + "-" + std::to_string(p->value("to", 0));
      }
      row.qualifier = StringOf(t, "qualifier");
      SetEvidence(row, t);
    }
    for (const Json& a : ArrayOf(story, "achievements")) {
      FactRow& row = add("achievement", a);
      for (const auto& [field, unit] :
           {std::pair{"actual", "jobs"}, std::pair{"rate_pct", "percent"},
            std::pair{"target", "jobs"}}) {
        if (const auto v = a.find(field); v != a.end() && !v->is_null()) {
          row.field = field;
          row.value = *v;
          row.unit = unit;
          break;
        }
      }
      if (row.field.empty()) row.field = "actual";
      row.year = IntOf(a, "year");
      row.qualifier = StringOf(a, "qualifier");
      SetEvidence(row, a);
    }
    for (const Json& a : ArrayOf(story, "awards")) {
      FactRow& row = add("award", a);
      row.field = StringOf(a, "grade").value_or("award");
      row.value = FirstOf(a, "name", "name_ko");
      row.year = IntOf(a, "year");
      SetEvidence(row, a);
    }
  }
  return rows;
}

int64_t CountFacts(const Json& record) {
  int64_t n = 0;
  for (const Json& story : ArrayOf(record, "stories")) {
    n += story.value("district", Json(nullptr)).is_object() ? 1 : 0;
    n += story.value("mayor", Json(nullptr)).is_object() ? 1 : 0;
    for (const char* kind : {"targets", "achievements", "awards"}) {
      n += static_cast<int64_t>(ArrayOf(story, kind).size());
    }
  }
  return n;
}

}  // namespace newsie
