#include "report/document_view.h"

#include <algorithm>
#include <set>

#include "report/facts.h"
#include "report/html.h"

namespace newsie::report {
namespace {

// Byte offset of each code point of UTF-8 `text`, plus one for the end.
std::vector<size_t> CodePointOffsets(const std::string& text) {
  std::vector<size_t> out;
  out.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) out.push_back(i);
  }
  out.push_back(text.size());
  return out;
}

// A highlighted or greyed range of the text.
struct Mark {
  int64_t start = 0;
  int64_t end = 0;
  std::string kind;   // district, mayor, target, achievement, award; rm; diag
  std::string id;     // fact id (facts only)
  std::string title;  // for rm and diag
};

std::string Attr(const std::string& name, const std::string& value) {
  return " " + name + "=\"" + Escape(value) + "\"";
}

// One line of text [begin, end) (code points) with its marks.
void RenderLine(const std::string& text, const std::vector<size_t>& cps, int64_t begin, int64_t end,
                const std::vector<Mark>& marks, std::string& out) {
  std::vector<int64_t> cuts = {begin, end};
  for (const Mark& m : marks) {
    if (m.end <= begin || m.start >= end) continue;
    cuts.push_back(std::clamp(m.start, begin, end));
    cuts.push_back(std::clamp(m.end, begin, end));
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  for (size_t c = 0; c + 1 < cuts.size(); ++c) {
    const int64_t a = cuts[c], b = cuts[c + 1];
    const std::string piece = Escape(std::string_view(text).substr(cps[a], cps[b] - cps[a]));
    std::vector<const Mark*> facts;
    std::string removed_title, diag_title;
    for (const Mark& m : marks) {
      if (m.start > a || m.end < b) continue;
      if (m.kind == "rm") {
        removed_title = m.title;
      } else if (m.kind == "diag") {
        diag_title += (diag_title.empty() ? "" : "\n") + m.title;
      } else {
        facts.push_back(&m);
      }
    }
    if (facts.empty() && removed_title.empty() && diag_title.empty()) {
      out += piece;
      continue;
    }
    std::string classes;
    if (!facts.empty()) {
      // The shortest range gives the colour; the others are underlined.
      std::stable_sort(facts.begin(), facts.end(), [](const Mark* x, const Mark* y) {
        return x->end - x->start < y->end - y->start;
      });
      classes = "ev ev-" + facts[0]->kind;
      std::set<std::string> also;
      for (size_t i = 1; i < facts.size(); ++i) {
        if (facts[i]->kind != facts[0]->kind) also.insert(facts[i]->kind);
      }
      for (const std::string& k : also) classes += " also-" + k;
    }
    if (!removed_title.empty()) classes += classes.empty() ? "rm" : " rm";
    if (!diag_title.empty()) classes += classes.empty() ? "dg" : " dg";
    std::string ids;
    for (const Mark* m : facts) ids += (ids.empty() ? "" : " ") + m->id;
    const std::string title = removed_title.empty() ? diag_title : removed_title;
    const char* tag = facts.empty() ? "span" : "mark";
    out += std::string("<") + tag + Attr("class", classes);
    if (!ids.empty()) out += Attr("data-f", ids);
    if (!title.empty()) out += Attr("title", title);
    out += ">" + piece + "</" + tag + ">";
  }
}

int64_t StoryStart(const Json& story) {
  return story.contains("span") && story["span"].is_array() ? story["span"][0].get<int64_t>() : -1;
}
int64_t StoryEnd(const Json& story) {
  return story.contains("span") && story["span"].is_array() ? story["span"][1].get<int64_t>() : -1;
}

std::string StoryLabel(const Json& story) {
  std::string label = "Story " + std::to_string(story.value("index", 0) + 1);
  if (story["district"].is_object()) {
    label += " · " + Str(story["district"], "name_ko") + " " + Str(story["district"], "name_en");
  }
  if (!Str(story, "headline").empty()) label += " · " + Str(story, "headline");
  return label;
}

void RenderText(const ReportDocument& doc, const std::vector<FactView>& facts, std::string& out) {
  const std::string& text = *doc.text;
  const std::vector<size_t> cps = CodePointOffsets(text);
  const int64_t n = static_cast<int64_t>(cps.size()) - 1;
  std::vector<Mark> marks;
  for (const TextRange& r : doc.removed) {
    marks.push_back({r.start, r.end, "rm", "", "boilerplate: " + r.kind});
  }
  for (const FactView& f : facts) {
    if (f.span && f.span->end > f.span->start) {
      marks.push_back({f.span->start, f.span->end, f.kind, f.id, ""});
    }
  }
  if (doc.record.is_object()) {
    for (const Json& d : doc.record["diagnostics"]) {
      if (!d["span"].is_array()) continue;
      marks.push_back({d["span"][0].get<int64_t>(), d["span"][1].get<int64_t>(), "diag", "",
                       Str(d, "level") + " " + Str(d, "code") + ": " + Str(d, "message")});
    }
  }
  for (Mark& m : marks) {
    m.start = std::clamp<int64_t>(m.start, 0, n);
    m.end = std::clamp<int64_t>(m.end, 0, n);
  }
  const Json stories = doc.record.is_object() ? doc.record["stories"] : Json::array();

  out += "<div class=\"text\">\n";
  int64_t line_start = 0;
  for (int64_t i = 0; i <= n; ++i) {
    if (i < n && text[cps[i]] != '\n') continue;
    const int64_t line_end = i;
    // Story boundaries: a marker before the line where each story starts.
    int story_here = -1;
    for (const Json& story : stories) {
      const int64_t s = StoryStart(story), e = StoryEnd(story);
      if (s >= line_start && s <= line_end) {
        out += "<div class=\"story-mark st" + std::to_string(story.value("index", 0) % 4) + "\">" +
               Escape(StoryLabel(story)) + "</div>\n";
      }
      if (s <= line_end && e > line_start) story_here = story.value("index", 0);
    }
    bool all_removed = line_end > line_start;
    for (int64_t k = line_start; k < line_end && all_removed; ++k) {
      bool covered = false;
      for (const TextRange& r : doc.removed) covered = covered || (r.start <= k && k < r.end);
      all_removed = covered || text[cps[k]] == ' ';
    }
    std::string classes = "ln";
    if (story_here >= 0) classes += " st st" + std::to_string(story_here % 4);
    if (line_end == line_start) classes += " blank";
    if (all_removed) classes += " rm-line";
    out += "<div class=\"" + classes + "\">";
    RenderLine(text, cps, line_start, line_end, marks, out);
    out += "</div>\n";
    line_start = i + 1;
  }
  out += "</div>\n";
}

void RenderFactsTable(const ReportDocument& doc, const std::vector<FactView>& facts,
                      std::string& out) {
  if (facts.empty()) {
    out += "<p class=\"note\">No facts.</p>\n";
    return;
  }
  out +=
      "<table class=\"facts\"><thead><tr><th>story</th><th>kind</th><th>values</th>"
      "<th>rule</th><th>evidence</th><th>span</th></tr></thead><tbody>\n";
  for (const FactView& f : facts) {
    std::string evidence = f.evidence;
    if (evidence.empty() && f.span) evidence = TextOf(doc, f.span->start, f.span->end);
    out += "<tr class=\"fr k-" + f.kind + "\"" + Attr("data-f", f.id) + "><td>" +
           std::to_string(f.story + 1) + "</td><td><span class=\"chip ev-" + f.kind + "\">" +
           f.kind + "</span></td><td>" + Escape(f.summary) + "</td><td><code>" + Escape(f.rule) +
           "</code></td><td>" + Escape(evidence) + "</td><td class=\"num\">" +
           (f.span ? "[" + std::to_string(f.span->start) + ", " + std::to_string(f.span->end) + ")"
                   : "") +
           "</td></tr>\n";
  }
  out += "</tbody></table>\n";
}

void RenderDiagnostics(const ReportDocument& doc, std::string& out) {
  if (!doc.record.is_object() || doc.record["diagnostics"].empty()) return;
  out += "<h4>Diagnostics</h4><ul class=\"diags\">\n";
  for (const Json& d : doc.record["diagnostics"]) {
    out += "<li class=\"lvl-" + Escape(Str(d, "level")) + "\"><b>" + Escape(Str(d, "level")) +
           "</b> <code>" + Escape(Str(d, "code")) + "</code>";
    if (d["span"].is_array()) out += " <span class=\"num\">" + Escape(d["span"].dump()) + "</span>";
    out += " " + Escape(Str(d, "message")) + "</li>\n";
  }
  out += "</ul>\n";
}

}  // namespace

std::string TextOf(const ReportDocument& document, int64_t start, int64_t end) {
  if (!document.text || start >= end) return "";
  const std::vector<size_t> cps = CodePointOffsets(*document.text);
  const int64_t n = static_cast<int64_t>(cps.size()) - 1;
  start = std::clamp<int64_t>(start, 0, n);
  end = std::clamp<int64_t>(end, 0, n);
  return document.text->substr(cps[start], cps[end] - cps[start]);
}

std::string SearchKeys(const ReportDocument& document) {
  std::string keys = document.id;
  const Json& r = document.record;
  if (!r.is_object()) return keys;
  keys += " " + Str(r["source"], "title") + " " + Str(r["source"], "url");
  for (const Json& story : r["stories"]) {
    const Json& d = story["district"];
    if (!d.is_object()) continue;
    keys += " " + Str(d, "full_ko") + " " + Str(d, "name_ko") + " " + Str(d, "name_en") + " " +
            Str(d, "region_en") + " " + Str(d, "code");
  }
  return keys;
}

std::string RenderDocument(const ReportDocument& doc, int index, Json* fact_data) {
  const std::vector<FactView> facts = CollectFacts(doc.record, index);
  for (const FactView& f : facts) (*fact_data)[f.id] = FactData(f);
  const Json& r = doc.record;
  const bool failed = doc.error_code.has_value();
  size_t warnings = 0;
  if (r.is_object()) {
    for (const Json& d : r["diagnostics"]) warnings += Str(d, "level") == "info" ? 0 : 1;
  }

  std::string out = "<section class=\"doc" + std::string(failed ? " failed" : "") + "\"" +
                    Attr("id", "doc-" + std::to_string(index)) +
                    Attr("data-search", SearchKeys(doc)) + ">\n";
  out += "<h3><span class=\"doc-id\">" + Escape(doc.id) + "</span>";
  if (r.is_object() && !Str(r["source"], "title").empty()) {
    out += " <span class=\"doc-title\">" + Escape(Str(r["source"], "title")) + "</span>";
  }
  out += "</h3>\n";
  if (failed) {
    out += "<div class=\"error\"><b>failed</b> <code>" + Escape(*doc.error_code) + "</code> " +
           Escape(doc.error_message) + "</div>\n";
  }
  if (r.is_object()) {
    const Json& s = r["source"];
    out += "<p class=\"meta\">" + Escape(Str(s, "path")) + " · " + Escape(Str(s, "encoding")) +
           " · " + Escape(Str(s, "lang")) + " · reference date " +
           Escape(r["ref_date"]["date"].is_null() ? "none" : Str(r["ref_date"], "date")) + " (" +
           Escape(Str(r["ref_date"], "basis")) + ") · " + std::to_string(r["stories"].size()) +
           " stories · " + std::to_string(facts.size()) + " facts" +
           (warnings ? " · <b>" + std::to_string(warnings) + " warnings</b>" : "");
    if (!Str(s, "url").empty()) {
      out += " · <a rel=\"noreferrer\"" + Attr("href", Str(s, "url")) + ">" +
             Escape(Str(s, "url")) + "</a>";
    }
    out += "</p>\n";
  }
  if (doc.text) {
    RenderText(doc, facts, out);
  } else if (!doc.text_note.empty()) {
    out += "<p class=\"note\">" + Escape(doc.text_note) + "</p>\n";
  }
  if (r.is_object()) {
    out += "<h4>Facts</h4>\n";
    RenderFactsTable(doc, facts, out);
    RenderDiagnostics(doc, out);
  }
  out += "</section>\n";
  return out;
}

}  // namespace newsie::report
