// Document: one article on its way from bytes to records.
//
// Stages run in order (pipeline/pipeline.cc) and pass the Document forward;
// each fills in its part and may rely on what earlier stages filled in:
//
//   stage        reads                      adds
//   -----------  -------------------------  ------------------------------------
//   (reader)     file / JSONL record        input, source.path/bytes/sha256
//   decode       input.bytes (drops them)   original, original_index, source.encoding
//   normalize    original                   work, work_map, repairs
//   boilerplate  work                       removed, kept_lines, metadata (byline,
//                                           printed date)
//   stories      work, kept_lines           stories (spans, headlines, decks)
//   sentences    work, kept_lines, stories  sentences (body and deck), story/document lang
//   quantities   work, sentences            sentence quantities (dates unresolved)
//   ref_date     input, metadata, quantities ref_date; resolves relative dates
//   extract      everything above           story facts
//
// Positions inside the pipeline are byte offsets into `work` (UTF-8). They
// become CONTRACT spans (code points of `original`) only through `work_map`.
// Nothing here is shared between threads: one Document, one worker.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/code_point_index.h"
#include "pipeline/facts.h"
#include "pipeline/offset_map.h"
#include "pipeline/quantity.h"
#include "pipeline/span.h"

namespace newsie {

struct GovScan;  // extractors/district/gazetteer.h

// What the reader hands the pipeline: the raw bytes and what came with them.
struct Input {
  std::string id;    // CONTRACT `id`
  std::string path;  // where it was read from ("-" for standard input)
  std::string bytes;
  enum class Format { kText, kHtml } format = Format::kText;
  std::optional<std::string> encoding;  // forced (--encoding) or declared
  std::optional<std::string> date;      // YYYY-MM-DD from --ref-date, JSONL or sidecar
  bool date_given = false;              // true for --ref-date and JSONL (basis "given")
  std::optional<std::string> url;
  std::optional<std::string> title;
  std::optional<std::string> lang;           // declared by a JSONL record
  std::optional<std::string> sidecar_error;  // NAME.meta.json was there but unreadable
};

struct Diagnostic {
  std::string level;  // info, warning, error
  std::string code;   // kebab-case, stable
  std::string message;
  std::optional<Span> span;
};

struct SourceInfo {
  std::string path;
  std::string sha256;
  int64_t bytes = 0;
  std::string encoding;
  std::string lang;  // ko, en, mixed
  std::optional<std::string> url;
  std::optional<std::string> title;
};

// A line of the working text, or the part of one left by boilerplate: bytes
// in work, without the '\n' (pipeline/text_lines.h splits and trims them).
struct LineRange {
  size_t begin = 0;  // bytes in work
  size_t end = 0;
  bool empty() const { return begin >= end; }
};

// A part of the working text that is page chrome, not article text.
struct Removal {
  size_t begin = 0;  // bytes in work
  size_t end = 0;
  std::string kind;   // chrome, copyright, byline, caption, related, weather, dateline, image
  std::string entry;  // the lexicon entry that matched (file:line), for `inspect`
};

struct PageMetadata {
  std::optional<std::string> byline;
  std::optional<std::string> printed_date;  // YYYY-MM-DD printed in the page
  std::optional<Span> printed_date_span;
};

struct RefDate {
  std::optional<int> year, month, day;
  std::string basis = "none";              // given, metadata, inferred, none
  std::string reason;                      // for `inspect`: what it was taken or inferred from
  std::optional<std::string> Iso() const;  // YYYY-MM-DD, YYYY-MM or YYYY: the grain known
};

struct Sentence {
  size_t begin = 0;  // bytes in work
  size_t end = 0;
  int story = -1;     // index into stories, -1 outside any story
  bool deck = false;  // a sentence of its story's deck (Story::deck_sentences), not of its body
  std::vector<Quantity> quantities;  // offsets relative to work (not to the sentence)
};

struct Story {
  int index = 0;
  size_t begin = 0;  // bytes in work; the story's text, boilerplate excluded
  size_t end = 0;
  std::optional<std::pair<size_t, size_t>> headline;  // bytes in work
  std::string lang;                                   // ko, en, mixed
  std::vector<int> sentences;                         // indices into Document::sentences
  // The deck (sub-headlines under the page title, before the lead; see
  // stories.h): outside the span, so its sentences are kept apart from
  // `sentences` and only the extractors that ask for them read them.
  std::vector<std::pair<size_t, size_t>> deck;  // lines, bytes in work (stories)
  std::vector<int> deck_sentences;              // indices into Document::sentences (sentences)

  std::optional<DistrictFact> district;
  std::optional<MayorFact> mayor;
  std::vector<TargetFact> targets;
  std::vector<AchievementFact> achievements;
  std::vector<AwardFact> awards;
};

struct Document {
  Input input;
  SourceInfo source;

  // decode: the original text, UTF-8, and where its code points start. Decode
  // is done with input.bytes once it has `original` and drops them.
  std::string original;
  CodePointIndex original_index;  // of `original`

  // normalize: the text rules match against, and the way back.
  std::string work;
  OffsetMap work_map;

  std::vector<Removal> removed;  // sorted, non-overlapping
  // boilerplate, once `removed` is complete: the kept lines of all of `work`,
  // exactly KeptLines(*this, 0, work.size()) (text_lines.h), split once and
  // read by the line-based stages after it: stories takes them as they are,
  // sentences finds each story's among them (KeptLinesIn).
  std::vector<LineRange> kept_lines;
  PageMetadata metadata;
  std::vector<Story> stories;
  std::vector<Sentence> sentences;
  RefDate ref_date;
  std::vector<Diagnostic> diagnostics;

  // extract: the gazetteer's scan of `work` for government names, made by the
  // first extractor that asks and reused by the others (mutable: a memo of
  // `work`, not part of the document).
  mutable std::shared_ptr<const GovScan> gov_scan;

  // Drops what only the stages read (the working text, its lines and
  // removals, the sentences with their quantities, the gazetteer's scan),
  // keeping what a record is made of: source, `original` and its index,
  // `work_map`, stories and their facts, ref_date, diagnostics. For the
  // batch runner once the pipeline is done: on a large document the
  // sentences' quantities alone are some 4 bytes per byte of the text.
  void ReleaseWorkingState();

  // Helpers every stage needs.
  Span ToOriginal(size_t work_begin, size_t work_end) const {
    return work_map.ToOriginal(work_begin, work_end);
  }
  // The original text of a span, as it stands in the source.
  std::string OriginalText(Span span) const { return std::string(OriginalView(span)); }
  std::string_view OriginalView(Span span) const;
  std::string_view Work(size_t begin, size_t end) const {
    return std::string_view(work).substr(begin, end - begin);
  }
  void AddDiagnostic(std::string level, std::string code, std::string message,
                     std::optional<Span> span = std::nullopt) {
    diagnostics.push_back({std::move(level), std::move(code), std::move(message), span});
  }
};

}  // namespace newsie
