// stories: a page cut into the stories it holds.
//
// Reads `work` and `removed`; adds `stories` with their spans and headlines.
//
// The page is read as kept lines (text_lines.h: boilerplate out, blank lines
// skipped). A story starts at a lead line (lexicons/story_leads.tsv): a
// government named with its head in parentheses ("Gwanak-gu (Mayor Park
// Jun-hee) ...", "서울 성동구(구청장 정원오)는 ..."), or a government named at
// the start of a line with its region ("Jung-gu, Seoul, is ...") when it is
// not the government of the story running.
//
//   - The lines before the first lead are the page header; its first line is
//     the page title. A header line that holds several headlines separated by
//     "..." is a roundup line; each part naming a government introduces the
//     story of that government.
//   - Between two stories, the lines just before the lead that do not end
//     like a sentence (headlines, repeats of header lines) introduce the next
//     story and are not part of either story's text.
//   - headline: the first story's is the page title (unless that is a roundup
//     line: then its own header line or its roundup part); a later story's is
//     its own headline line, else its roundup part, else a repeated title.
//   - A story's span runs from its lead line to its last body line; lines
//     removed as boilerplate inside it are covered by the span but hold no
//     sentences (sentences are made on kept text only).
//   - No lead at all: one story of all kept lines (after the title line when
//     there are others). No kept lines: no story.
#pragma once

#include <memory>

#include "pipeline/pipeline.h"

namespace newsie {

std::unique_ptr<Stage> MakeStoriesStage(const PipelineOptions& options);

}  // namespace newsie
