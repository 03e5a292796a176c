#include "report/overview.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "report/html.h"

namespace newsie::report {
namespace {

// Distinct values of one cell, in the order first seen ("12,100 / 12,300").
struct Values {
  std::vector<Json> values;
  void Add(const Json& v) {
    if (v.is_number() && std::find(values.begin(), values.end(), v) == values.end()) {
      values.push_back(v);
    }
  }
  bool empty() const { return values.empty(); }
  double First() const { return values.empty() ? 0 : values[0].get<double>(); }
  std::string Text(const char* suffix = "") const {
    std::string out;
    for (const Json& v : values) out += (out.empty() ? "" : " / ") + FormatNumber(v) + suffix;
    return out;
  }
};

struct YearRow {
  Values target;           // jobs targets for the year (targets, else achievements' target)
  Values achieved_target;  // the target an achievement was measured against
  Values actual;
  Values rate;
  Values employment_rate;  // employment-rate targets (%)
  std::vector<std::string> awards;
  std::set<int> documents;
};

struct Government {
  std::string name_ko, name_en, full_ko, region_en, code;
  std::map<int, YearRow> years;
  int awards = 0;
  std::vector<std::string> award_list;
  std::set<int> documents;
  std::string Label() const { return name_en.empty() ? full_ko : name_en + " (" + region_en + ")"; }
};

std::string Links(const std::set<int>& documents, const std::vector<ReportDocument>& docs) {
  std::string out;
  for (int i : documents) {
    out += "<a class=\"doclink\" href=\"#doc-" + std::to_string(i) + "\" title=\"" +
           Escape(docs[i].id) + "\">" + std::to_string(i + 1) + "</a> ";
  }
  return out;
}

std::string Fixed(double v, int decimals = 0) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// A round axis step for values up to `max` (about five ticks).
double NiceStep(double max) {
  if (max <= 0) return 1;
  const double raw = max / 5;
  const double magnitude = std::pow(10, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (m * magnitude >= raw) return m * magnitude;
  }
  return 10 * magnitude;
}

struct ChartRow {
  std::string label;
  std::string search;  // what the search box matches
  int year;
  double target = 0, actual = 0;
  bool has_target = false, has_actual = false;
  std::string rate;
  std::string tooltip;
};

std::string Chart(const std::vector<ChartRow>& rows) {
  if (rows.empty()) return "<p class=\"note\">No job targets or results to chart.</p>\n";
  constexpr int kLabel = 270, kBars = 760, kRight = 70, kRow = 22, kTop = 46;
  double max = 0;
  for (const ChartRow& r : rows) max = std::max({max, r.target, r.actual});
  const double step = NiceStep(max);
  const double top = std::ceil(max / step) * step;
  const int width = kLabel + kBars + kRight;
  const int height = kTop + static_cast<int>(rows.size()) * kRow + 10;
  auto x = [&](double v) { return kLabel + (top > 0 ? v / top * kBars : 0); };

  std::string svg =
      "<svg id=\"chart-targets\" class=\"chart\" data-row=\"" + std::to_string(kRow) +
      "\" data-top=\"" + std::to_string(kTop) +
      "\" xmlns=\"http://www.w3.org/2000/svg\" "
      "role=\"img\" aria-label=\"Job targets and jobs created per government and year\" "
      "viewBox=\"0 0 " +
      std::to_string(width) + " " + std::to_string(height) + "\" width=\"" + std::to_string(width) +
      "\" height=\"" + std::to_string(height) + "\">\n";
  // Legend and axis.
  svg += "<g class=\"legend\"><rect class=\"bar-target\" x=\"" + std::to_string(kLabel) +
         "\" y=\"4\" width=\"18\" height=\"12\"/><text x=\"" + std::to_string(kLabel + 24) +
         "\" y=\"14\">target (jobs)</text><rect class=\"bar-actual\" x=\"" +
         std::to_string(kLabel + 130) + "\" y=\"7\" width=\"18\" height=\"6\"/><text x=\"" +
         std::to_string(kLabel + 154) + "\" y=\"14\">jobs created</text><text x=\"" +
         std::to_string(kLabel + 270) + "\" y=\"14\">% achievement rate</text></g>\n";
  for (double t = 0; t <= top + step / 2; t += step) {
    const std::string xs = Fixed(x(t), 1);
    svg += "<line class=\"grid\" x1=\"" + xs + "\" x2=\"" + xs + "\" y1=\"" +
           std::to_string(kTop - 6) + "\" y2=\"" + std::to_string(height - 8) +
           "\"/><text class=\"tick\" x=\"" + xs + "\" y=\"" + std::to_string(kTop - 10) +
           "\" text-anchor=\"middle\">" + FormatNumber(Json(static_cast<int64_t>(t))) + "</text>\n";
  }
  for (size_t i = 0; i < rows.size(); ++i) {
    const ChartRow& r = rows[i];
    const int y = kTop + static_cast<int>(i) * kRow;
    svg += "<g class=\"row\" data-search=\"" + Escape(r.search) + "\"><title>" + Escape(r.tooltip) +
           "</title>";
    svg += "<text class=\"label\" x=\"" + std::to_string(kLabel - 8) + "\" y=\"" +
           std::to_string(y + 15) + "\" text-anchor=\"end\">" + Escape(r.label) + " " +
           std::to_string(r.year) + "</text>";
    if (r.has_target) {
      svg += "<rect class=\"bar-target\" x=\"" + std::to_string(kLabel) + "\" y=\"" +
             std::to_string(y + 3) + "\" width=\"" + Fixed(x(r.target) - kLabel, 1) +
             "\" height=\"16\"/>";
    }
    if (r.has_actual) {
      svg += "<rect class=\"bar-actual\" x=\"" + std::to_string(kLabel) + "\" y=\"" +
             std::to_string(y + 7) + "\" width=\"" + Fixed(x(r.actual) - kLabel, 1) +
             "\" height=\"8\"/>";
    }
    if (!r.rate.empty()) {
      svg += "<text class=\"rate\" x=\"" + Fixed(x(std::max(r.target, r.actual)) + 6, 1) +
             "\" y=\"" + std::to_string(y + 15) + "\">" + Escape(r.rate) + "</text>";
    }
    svg += "</g>\n";
  }
  svg += "</svg>\n";
  return svg;
}

}  // namespace

std::string RenderOverview(const std::vector<ReportDocument>& docs) {
  std::map<std::string, Government> governments;  // by full_ko: sorted by region, then name
  for (size_t i = 0; i < docs.size(); ++i) {
    const Json& r = docs[i].record;
    if (!r.is_object()) continue;
    for (const Json& story : r["stories"]) {
      const Json& d = story["district"];
      if (!d.is_object()) continue;
      Government& g = governments[Str(d, "full_ko") + "\t" + Str(d, "code")];
      g.name_ko = Str(d, "name_ko");
      g.name_en = Str(d, "name_en");
      g.full_ko = Str(d, "full_ko");
      g.region_en = Str(d, "region_en");
      g.code = Str(d, "code");
      g.documents.insert(static_cast<int>(i));
      for (const Json& t : story["targets"]) {
        if (!t["year"].is_number_integer() || !t["period"].is_null()) continue;
        const bool jobs = Str(t, "metric") == "jobs" && Str(t, "unit") == "jobs";
        const bool rate = Str(t, "metric") == "employment_rate";
        if (!jobs && !rate) continue;
        YearRow& row = g.years[t["year"].get<int>()];
        (jobs ? row.target : row.employment_rate).Add(t["value"]);
        row.documents.insert(static_cast<int>(i));
      }
      for (const Json& a : story["achievements"]) {
        if (!a["year"].is_number_integer()) continue;
        YearRow& row = g.years[a["year"].get<int>()];
        row.actual.Add(a["actual"]);
        row.achieved_target.Add(a["target"]);
        row.rate.Add(a["rate_pct"]);
        row.documents.insert(static_cast<int>(i));
      }
      for (const Json& a : story["awards"]) {
        ++g.awards;
        std::string grade = Str(a, "grade_text").empty() ? Str(a, "grade") : Str(a, "grade_text");
        if (grade.empty()) grade = Str(a, "name").empty() ? Str(a, "name_ko") : Str(a, "name");
        const std::string award =
            (a["year"].is_number_integer() ? a["year"].dump() + " " : std::string()) +
            (grade.empty() ? "award" : grade);
        g.award_list.push_back(award);
        if (a["year"].is_number_integer()) {
          YearRow& row = g.years[a["year"].get<int>()];
          row.awards.push_back(award);
          row.documents.insert(static_cast<int>(i));
        }
      }
    }
  }

  std::string table =
      "<table class=\"overview\" id=\"overview-table\"><thead><tr><th>government</th><th>code</th>"
      "<th>year</th><th>job target</th><th>jobs created</th><th>measured against</th>"
      "<th>rate</th><th>employment-rate target</th><th>awards</th><th>documents</th></tr>"
      "</thead><tbody>\n";
  std::vector<ChartRow> chart;
  for (const auto& [key, g] : governments) {
    bool first = true;
    for (const auto& [year, row] : g.years) {
      table += "<tr" + std::string(first ? " class=\"gov-first\"" : "") + " data-search=\"" +
               Escape(g.full_ko + " " + g.name_en + " " + g.code) + "\"><td>" +
               (first ? "<b>" + Escape(g.name_ko) + "</b> " + Escape(g.Label()) : "") +
               "</td><td>" + (first ? Escape(g.code) : "") + "</td><td>" + std::to_string(year) +
               "</td><td class=\"num\">" + row.target.Text() + "</td><td class=\"num\">" +
               row.actual.Text() + "</td><td class=\"num\">" + row.achieved_target.Text() +
               "</td><td class=\"num\">" + row.rate.Text("%") + "</td><td class=\"num\">" +
               row.employment_rate.Text("%") + "</td><td>";
      for (const std::string& a : row.awards)
        table += "<span class=\"chip ev-award\">" + Escape(a) + "</span> ";
      table += "</td><td>" + Links(row.documents, docs) + "</td></tr>\n";
      first = false;

      ChartRow c;
      c.label = g.name_en.empty() ? g.name_ko : g.name_en + " (" + g.region_en + ")";
      c.search = g.full_ko + " " + g.name_en + " " + g.code;
      c.year = year;
      const Values& target = row.target.empty() ? row.achieved_target : row.target;
      c.has_target = !target.empty();
      c.target = target.First();
      c.has_actual = !row.actual.empty();
      c.actual = row.actual.First();
      if (!row.rate.empty()) {
        c.rate = FormatNumber(row.rate.values[0]) + "%";
      } else if (c.has_target && c.has_actual && c.target > 0) {
        c.rate = Fixed(c.actual / c.target * 100, 1) + "%*";
      }
      c.tooltip = g.full_ko + " " + std::to_string(year) + ": target " +
                  (target.empty() ? "?" : target.Text()) + ", created " +
                  (row.actual.empty() ? "?" : row.actual.Text()) +
                  (c.rate.empty() ? "" : ", rate " + c.rate);
      if (c.has_target || c.has_actual) chart.push_back(c);
    }
  }
  table += "</tbody></table>\n";

  std::string awards =
      "<table class=\"overview\" id=\"awards-table\"><thead><tr><th>government</th><th>awards</th>"
      "<th>claimed</th></tr></thead><tbody>\n";
  std::vector<const Government*> by_awards;
  for (const auto& [key, g] : governments) {
    if (g.awards > 0) by_awards.push_back(&g);
  }
  std::stable_sort(by_awards.begin(), by_awards.end(),
                   [](const Government* a, const Government* b) { return a->awards > b->awards; });
  for (const Government* g : by_awards) {
    awards += "<tr data-search=\"" + Escape(g->full_ko + " " + g->name_en) + "\"><td><b>" +
              Escape(g->name_ko) + "</b> " + Escape(g->Label()) + "</td><td class=\"num\">" +
              std::to_string(g->awards) + "</td><td>";
    for (const std::string& a : g->award_list)
      awards += "<span class=\"chip ev-award\">" + Escape(a) + "</span> ";
    awards += "</td></tr>\n";
  }
  if (by_awards.empty()) awards += "<tr><td colspan=\"3\">No awards.</td></tr>\n";
  awards += "</tbody></table>\n";

  std::string problems = "<ul class=\"problems\" id=\"problems\">\n";
  size_t problem_count = 0;
  for (size_t i = 0; i < docs.size(); ++i) {
    const ReportDocument& doc = docs[i];
    std::string what;
    if (doc.error_code) {
      what = "<b class=\"lvl-error\">failed</b> <code>" + Escape(*doc.error_code) + "</code> " +
             Escape(doc.error_message);
    } else if (doc.record.is_object()) {
      std::map<std::string, int> codes;
      for (const Json& d : doc.record["diagnostics"]) {
        if (Str(d, "level") != "info") ++codes[Str(d, "level") + " " + Str(d, "code")];
      }
      for (const auto& [code, count] : codes) {
        what += "<code>" + Escape(code) + "</code>" +
                (count > 1 ? " ×" + std::to_string(count) : "") + " ";
      }
    }
    if (what.empty()) continue;
    ++problem_count;
    problems += "<li><a href=\"#doc-" + std::to_string(i) + "\">" + Escape(doc.id) + "</a> " +
                what + "</li>\n";
  }
  if (problem_count == 0)
    problems += "<li>None: every document was processed without warnings.</li>\n";
  problems += "</ul>\n";

  std::string out = "<section id=\"overview\">\n<h2>Overview</h2>\n";
  out += "<div class=\"panel\"><h3>Job targets and results, per government and year</h3>\n" +
         Chart(chart) +
         "<p class=\"note\">Bars: the year's job target (from a target, else the target an "
         "achievement was measured against) and the jobs created; the figure is the achievement "
         "rate as printed (* computed from the two).</p>\n" +
         "<div class=\"overview-wrap\">" + table + "</div></div>\n";
  out += "<div class=\"cols\"><div class=\"panel\"><h3>Awards claimed</h3>\n" + awards +
         "</div>\n<div class=\"panel\"><h3>Documents with errors or warnings (" +
         std::to_string(problem_count) + ")</h3>\n" + problems + "</div></div>\n";
  out += "</section>\n";
  return out;
}

}  // namespace newsie::report
