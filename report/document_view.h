// document_view: one document of the report: its text with highlights, its
// facts as a table, its diagnostics.
#pragma once

#include <string>

#include "report/report.h"

namespace newsie::report {

// The <section> for documents[index]; adds each fact's tooltip data to
// `fact_data` (id -> FactData).
std::string RenderDocument(const ReportDocument& document, int index, Json* fact_data);

// The text of `document` in code points [start, end), or "" without text.
std::string TextOf(const ReportDocument& document, int64_t start, int64_t end);

// The names a search for this document should match: id, title, url,
// governments (Korean and English names, codes).
std::string SearchKeys(const ReportDocument& document);

}  // namespace newsie::report
