// boilerplate: page chrome out of the way.
//
// Reads `work`; adds `removed` (page chrome, copyright, bylines, captions,
// related-article lists, weather widgets, page date stamps), `kept_lines`
// (the lines of `work` less the removed ranges, split once here for the
// line-based stages after it) and `metadata` (byline, printed date). Nothing
// is deleted from `work`: later stages skip the removed ranges (see
// pipeline/text_lines.h, KeptLines).
//
// The rules are data: lexicons/boilerplate.tsv, one RE2 pattern per row,
// matched against whole lines (scope `line`) or line starts (scope `prefix`)
// of the working text, trimmed. A rule author adds a new outlet's chrome by
// adding a row there; each Removal names the row (`boilerplate.tsv:17`) for
// `inspect`. All patterns are compiled once into two RE2::Sets, so a line is
// scanned once whatever the number of rows.
//
// A `list` row is a list's header (관련기사, Most Read): the lines right after
// it, up to a blank line, are its items (short, not ending like a sentence of
// the article) and are removed as `related`, named by the header's row.
//
// Metadata: the first `byline` match gives metadata.byline (group 1, else the
// match); the first `dateline` match with year/month/day groups gives
// metadata.printed_date (YYYY-MM-DD) and its span; the ref_date stage takes it
// as the document date (basis `metadata`) unless one was given.
#pragma once

#include <memory>

#include "pipeline/pipeline.h"

namespace newsie {

std::unique_ptr<Stage> MakeBoilerplateStage(const PipelineOptions& options);

}  // namespace newsie
