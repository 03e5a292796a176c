#include "report/report.h"

#include <map>

#include "report/assets.h"
#include "report/document_view.h"
#include "report/html.h"
#include "report/overview.h"

namespace newsie::report {
namespace {

std::string Counts(const std::vector<ReportDocument>& docs) {
  size_t stories = 0, failed = 0;
  std::map<std::string, size_t> facts;
  for (const ReportDocument& d : docs) {
    if (d.error_code) ++failed;
    if (!d.record.is_object()) continue;
    for (const Json& s : d.record["stories"]) {
      ++stories;
      facts["district"] += s["district"].is_object() ? 1 : 0;
      facts["mayor"] += s["mayor"].is_object() ? 1 : 0;
      facts["target"] += s["targets"].size();
      facts["achievement"] += s["achievements"].size();
      facts["award"] += s["awards"].size();
    }
  }
  std::string out =
      std::to_string(docs.size()) + " documents · " + std::to_string(stories) + " stories · ";
  for (const char* kind : {"district", "mayor", "target", "achievement", "award"}) {
    out += "<span class=\"chip ev-" + std::string(kind) + "\">" + std::to_string(facts[kind]) +
           " " + kind + (facts[kind] == 1 ? "" : "s") + "</span> ";
  }
  if (failed) out += " · <b class=\"lvl-error\">" + std::to_string(failed) + " failed</b>";
  return out;
}

std::string Index(const std::vector<ReportDocument>& docs) {
  std::string out = "<nav id=\"index\"><h2>Documents</h2><ol>\n";
  for (size_t i = 0; i < docs.size(); ++i) {
    const ReportDocument& d = docs[i];
    std::string governments;
    if (d.record.is_object()) {
      for (const Json& s : d.record["stories"]) {
        if (!s["district"].is_object()) continue;
        const std::string name = Str(s["district"], "name_ko");
        if (governments.find(name) == std::string::npos) {
          governments += (governments.empty() ? "" : ", ") + name;
        }
      }
    }
    out += "<li data-doc=\"doc-" + std::to_string(i) + "\"" +
           (d.error_code ? " class=\"failed\"" : "") + "><a href=\"#doc-" + std::to_string(i) +
           "\">" + Escape(d.id) + "</a> " + Escape(governments) + "</li>\n";
  }
  out += "</ol></nav>\n";
  return out;
}

}  // namespace

std::string RenderReport(const std::vector<ReportDocument>& docs, const ReportOptions& options) {
  Json fact_data = Json::object();
  std::string documents;
  for (size_t i = 0; i < docs.size(); ++i) {
    documents += RenderDocument(docs[i], static_cast<int>(i), &fact_data);
  }
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      // Nothing is loaded from anywhere: the page is the whole report.
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"" +
      Escape(options.generator) + "\">\n<title>" + Escape(options.title) + "</title>\n<style>" +
      kReportCss + "</style>\n</head>\n<body>\n";
  out += "<header class=\"top\"><h1>" + Escape(options.title) + "</h1><span class=\"counts\">" +
         Counts(docs) +
         "</span><input id=\"search\" type=\"search\" placeholder=\"Filter documents by "
         "government or text (관악구, Gwanak, 일자리대상…)\" autocomplete=\"off\"><span "
         "id=\"search-count\"></span><span class=\"legend-chips\">"
         "<span class=\"chip ev-district\">district</span><span class=\"chip ev-mayor\">mayor"
         "</span><span class=\"chip ev-target\">target</span><span class=\"chip "
         "ev-achievement\">achievement</span><span class=\"chip ev-award\">award</span><span "
         "class=\"chip rm\">boilerplate</span></span></header>\n<main>\n";
  out += RenderOverview(docs);
  out += Index(docs);
  out += "<div id=\"documents\">\n" + documents + "</div>\n</main>\n";
  out += "<div id=\"tip\" hidden></div>\n";
  out += "<footer>" + Escape(options.generator) +
         " · spans are code points of each document's decoded original text · hover or click "
         "a highlight for its values and rule</footer>\n";
  out += "<script type=\"application/json\" id=\"facts-data\">" + ScriptJson(fact_data) +
         "</script>\n<script>" + kReportJs + "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace newsie::report
