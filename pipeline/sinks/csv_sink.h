// CSV sink: one row per fact (pipeline/sinks/fact_rows.h), RFC 4180.
//
// Columns: document_id, story, district_code, district_name_ko,
// district_name_en, kind, field, value, unit, year, period, qualifier,
// evidence, span_start, span_end, rule, fact (the fact as JSON). A header
// row comes first; lines end in CRLF; a field holding a comma, a quote, CR or
// LF is quoted, its quotes doubled. Empty means null.
#pragma once

#include <memory>
#include <string>

#include "pipeline/sinks/sink.h"

namespace newsie {

Status OpenCsvSink(const std::string& path, bool resume, std::unique_ptr<Sink>& out);

// One CSV field, quoted if it needs to be (exposed for tests).
std::string CsvField(std::string_view value);

}  // namespace newsie
