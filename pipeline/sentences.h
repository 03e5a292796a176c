// sentences: ICU sentence breaks inside each story, and the languages.
//
// Reads `work`, `kept_lines` (boilerplate's) and `stories`; adds `sentences` (story set, and
// story.sentences filled; a story's deck lines, stories.h, give sentences
// marked `deck` listed in story.deck_sentences instead, before the body's) and sets story.lang and
// source.lang (ko, en, mixed) from script counts (pipeline/language.h); a language declared by the
// input record wins for source.lang.
//
// Sentences are made on kept text only (text_lines.h): they never cross a
// line break or a removed range. Inside a line, ICU's sentence BreakIterator
// (Korean or English rules by the story's language; one per thread) proposes
// breaks, and two fixes drop those it gets wrong in news text:
//   - a break with no space before it is not a sentence end: a Korean quote
//     closes and the sentence goes on ("...것"이라고 밝혔다.: no break after
//     the closing quote), nor is "2.5" or "U.S.A" split;
//   - a break after "..." is not one: headlines and quotes use it as a pause
//     ("Plan... Targeting 12,100 Jobs").
// ▲ list items stay in the sentence that introduces them; an item list ends
// where the sentence does ('.' or the end of the line), so an item is never
// glued to the sentence after it on another line.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "pipeline/language.h"
#include "pipeline/pipeline.h"

namespace newsie {

std::unique_ptr<Stage> MakeSentencesStage(const PipelineOptions& options);

// Where the sentences of one line of kept text end (byte offsets, ascending;
// the last is line.size()), by ICU's iterator with the two fixes above.
// `shortcut`: skip the iterator on lines where no kept break is possible (no
// terminator followed by closing punctuation and a space), and let it stop
// reading where no kept break can follow (SentenceEndsInto): the same ends,
// for a fraction of the work. Tests compare both ways.
std::vector<size_t> SentenceEnds(std::string_view line, bool korean, bool shortcut = true);
// The same, told whether ICU could end a sentence inside the line
// (MayBreakInside, or ScanLine's may_break): the iterator runs only if so.
std::vector<size_t> SentenceEndsKnowing(std::string_view line, bool korean, bool may_break);
// The same into `ends` (cleared first), whose room a caller splitting many
// lines reuses. ICU reads the line only as far as its breaks can depend on
// (past the first letter after the last place one is possible; see
// IcuReadEnd in sentences.cc), or, with `whole` (for tests), all of it:
// the same ends either way.
void SentenceEndsInto(std::string_view line, bool korean, bool may_break, std::vector<size_t>& ends,
                      bool whole = false);

// Whether a kept break is possible inside `line`: a terminator followed by
// closing punctuation and a space (the shortcut's test).
bool MayBreakInside(std::string_view line);

// A line of working text (valid UTF-8) read once for what the stage needs
// before splitting it: CountScripts(line) and MayBreakInside(line).
struct LineScan {
  ScriptCounts counts;
  bool may_break = false;
};
LineScan ScanLine(std::string_view line);

}  // namespace newsie
