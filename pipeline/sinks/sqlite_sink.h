// SQLite sink: the records as tables, for SQL over a whole corpus.
//
//   meta(key, value)                 schema = newsie/1, status = running|complete
//   documents(doc, id, path, sha256, bytes, encoding, lang, url, title,
//             ref_date, ref_basis, record)
//   stories(doc, story, span_start, span_end, lang, headline, district_code,
//           district_name_ko, district_name_en, region_ko, region_en,
//           district_level, mayor_name_ko, mayor_name_en, mayor_title)
//   facts(fact, doc, story, kind, field, value, unit, year, period,
//         qualifier, evidence, span_start, span_end, rule, json)
//   diagnostics(doc, level, code, message, span_start, span_end)
//
// `doc` numbers documents in output order (1, 2, ...); `record` is the
// document's JSONL line exactly, so `SELECT record FROM documents ORDER BY
// doc` gives what the JSONL sink writes. Facts are the rows of
// pipeline/sinks/fact_rows.h. Indexes: documents(sha256), documents(id),
// stories(district_code), facts(kind, field), facts(doc, story),
// diagnostics(code).
//
// The database is written as OUT.partial in WAL mode, one transaction per
// batch of documents, and renamed to OUT by Finish. A killed run keeps its
// committed batches in OUT.partial; --resume continues it (or a copy of a
// finished OUT), skipping the documents it holds.
#pragma once

#include <memory>
#include <string>

#include "pipeline/sinks/sink.h"

namespace newsie {

Status OpenSqliteSink(const std::string& path, const SinkOptions& options,
                      std::unique_ptr<Sink>& out);

}  // namespace newsie
