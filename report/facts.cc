#include "report/facts.h"

#include "report/html.h"

namespace newsie::report {
namespace {

std::optional<TextRange> SpanOf(const Json& span, const std::string& kind) {
  if (!span.is_array() || span.size() != 2 || !span[0].is_number_integer() ||
      !span[1].is_number_integer()) {
    return std::nullopt;
  }
  return TextRange{span[0].get<int64_t>(), span[1].get<int64_t>(), kind};
}

std::string Join(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += separator;
    out += p;
  }
  return out;
}

std::string YearText(const Json& fact) {
  if (fact.contains("period") && fact["period"].is_object()) {
    return FormatNumber(fact["period"]["from"]).empty()
               ? ""
               : fact["period"]["from"].dump() + "–" + fact["period"]["to"].dump();
  }
  return fact.contains("year") && !fact["year"].is_null() ? fact["year"].dump() : "";
}

std::string DistrictSummary(const Json& d) {
  return Join({Str(d, "full_ko"), Str(d, "name_en"), Str(d, "code")}, " · ");
}

std::string MayorSummary(const Json& m) {
  return Join({Join({Str(m, "name_ko"), Str(m, "name_en")}, " / "), Str(m, "title")}, ", ");
}

std::string TargetSummary(const Json& t) {
  std::string value = FormatNumber(t["value"]);
  if (Str(t, "unit") == "percent") {
    value += "%";
  } else if (!Str(t, "unit").empty()) {
    value += " " + Str(t, "unit");
  }
  std::vector<std::string> parts = {Str(t, "metric") + ": " + value};
  if (const std::string year = YearText(t); !year.empty()) parts.push_back("for " + year);
  if (!Str(t, "qualifier").empty()) parts.push_back("(" + Str(t, "qualifier") + ")");
  if (!Str(t, "scope").empty()) parts.push_back("ages " + Str(t, "scope"));
  if (t.contains("revised_from") && !t["revised_from"].is_null()) {
    parts.push_back("revised from " + FormatNumber(t["revised_from"]));
  }
  return Join(parts, " ");
}

std::string AchievementSummary(const Json& a) {
  std::vector<std::string> parts;
  if (const std::string year = YearText(a); !year.empty()) parts.push_back(year + ":");
  if (!a["actual"].is_null()) parts.push_back(FormatNumber(a["actual"]) + " jobs");
  if (!a["target"].is_null()) parts.push_back("of " + FormatNumber(a["target"]));
  if (!a["rate_pct"].is_null()) parts.push_back("= " + FormatNumber(a["rate_pct"]) + "%");
  if (!Str(a, "qualifier").empty()) parts.push_back("(" + Str(a, "qualifier") + ")");
  if (a.contains("consistent") && a["consistent"].is_boolean() && !a["consistent"].get<bool>()) {
    parts.push_back("[inconsistent]");
  }
  return Join(parts, " ");
}

std::string AwardSummary(const Json& a) {
  std::vector<std::string> parts;
  if (!a["year"].is_null()) parts.push_back(a["year"].dump());
  parts.push_back(Str(a, "grade_text").empty() ? Str(a, "grade") : Str(a, "grade_text"));
  parts.push_back(Str(a, "name").empty() ? Str(a, "name_ko") : Str(a, "name"));
  if (!Str(a, "category").empty()) parts.push_back("(" + Str(a, "category") + ")");
  if (a.contains("streak_years") && !a["streak_years"].is_null()) {
    parts.push_back(a["streak_years"].dump() + " years running");
  }
  if (a.contains("prize_krw") && !a["prize_krw"].is_null()) {
    parts.push_back("₩" + FormatNumber(a["prize_krw"]));
  }
  return Join(parts, " ");
}

}  // namespace

std::vector<FactView> CollectFacts(const Json& record, int document_index) {
  std::vector<FactView> out;
  if (!record.is_object() || !record.contains("stories")) return out;
  const std::string prefix = "d" + std::to_string(document_index) + "-s";
  for (const Json& story : record["stories"]) {
    const int s = story.value("index", 0);
    const std::string base = prefix + std::to_string(s) + "-";
    if (story.contains("district") && story["district"].is_object()) {
      const Json& d = story["district"];
      out.push_back({base + "district", "district", s, &d, SpanOf(d["span"], "district"),
                     DistrictSummary(d), "", ""});
    }
    if (story.contains("mayor") && story["mayor"].is_object()) {
      const Json& m = story["mayor"];
      out.push_back(
          {base + "mayor", "mayor", s, &m, SpanOf(m["span"], "mayor"), MayorSummary(m), "", ""});
    }
    const std::pair<const char*, const char*> lists[] = {
        {"targets", "target"}, {"achievements", "achievement"}, {"awards", "award"}};
    for (const auto& [key, kind] : lists) {
      if (!story.contains(key)) continue;
      int i = 0;
      for (const Json& fact : story[key]) {
        FactView view;
        view.id = base + kind + "-" + std::to_string(i++);
        view.kind = kind;
        view.story = s;
        view.fact = &fact;
        if (fact.contains("evidence") && fact["evidence"].is_object()) {
          view.span = SpanOf(fact["evidence"]["span"], kind);
          view.evidence = Str(fact["evidence"], "text");
        }
        view.rule = Str(fact, "rule");
        view.summary = std::string(kind) == "target"        ? TargetSummary(fact)
                       : std::string(kind) == "achievement" ? AchievementSummary(fact)
                                                            : AwardSummary(fact);
        out.push_back(std::move(view));
      }
    }
  }
  return out;
}

Json FactData(const FactView& view) {
  Json values = *view.fact;
  values.erase("evidence");
  values.erase("rule");
  values.erase("span");
  Json data = {{"kind", view.kind}, {"story", view.story},       {"summary", view.summary},
               {"rule", view.rule}, {"evidence", view.evidence}, {"values", values}};
  return data;
}

}  // namespace newsie::report
