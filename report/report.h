// report: one self-contained HTML page for a person reviewing what newsie
// extracted and why (`newsie report`).
//
// This layer knows nothing of the pipeline: it renders newsie/1 records,
// with the decoded original text and the removed boilerplate ranges when the
// caller has them (cli/report_command.cc runs the pipeline or re-reads the
// source to get them). Everything is inline (CSS, JS, SVG, data); the page
// loads nothing from the network, and its Content-Security-Policy says so.
//
//   RenderReport(documents)
//     header     counts, the search box (filters documents by government,
//                id or text)
//     overview   per government and year: job targets against achievements
//                (a table and an SVG bar chart), award counts, documents
//                that failed or carry warnings
//     documents  per document: the original text with boilerplate greyed,
//                story boundaries, each fact's evidence highlighted by kind
//                (hover or click: its normalised values and rule id), the
//                facts as a table, the diagnostics
//
// Positions: spans are CONTRACT spans, code points of the original text.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace newsie::report {

using Json = nlohmann::ordered_json;

// A range of the original text, in code points.
struct TextRange {
  int64_t start = 0;
  int64_t end = 0;
  std::string kind;  // for removed boilerplate: chrome, byline, copyright, ...
};

struct ReportDocument {
  std::string id;
  Json record;                      // newsie/1; null when the document failed
  std::optional<std::string> text;  // the decoded original text (UTF-8), when known
  std::vector<TextRange> removed;   // boilerplate, within `text`
  std::string text_note;            // why there is no text, when there is none
  // A document that failed: its error as `extract` reports it.
  std::optional<std::string> error_code;
  std::string error_message;
};

struct ReportOptions {
  std::string title = "newsie review report";
  std::string generator;  // "newsie 0.1.0", shown in the footer
};

// The whole page, UTF-8.
std::string RenderReport(const std::vector<ReportDocument>& documents,
                         const ReportOptions& options);

}  // namespace newsie::report
