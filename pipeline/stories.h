// stories: a page cut into the stories it holds.
//
// Reads `work` and `kept_lines` (boilerplate's); adds `stories` with their
// spans, headlines and the first story's deck.
//
// The page is read as kept lines (text_lines.h: boilerplate out, blank lines
// skipped). A story starts at a lead line (lexicons/story_leads.tsv):
//   - strong: a government named with its head in parentheses, after an
//     optional section tag (kind `section`) and region ("Gwanak-gu (Mayor Park Jun-hee) ...",
//     "Daejeon's Jung-gu (Mayor ...)", "서울 성동구(구청장 정원오)는 ...",
//     "대전 유성구(청장 ...)");
//   - new_gov: a government named at the start of a line with its region
//     ("Jung-gu, Seoul, is ...", "서울 중구는 ...") or a section marker naming
//     one government ("[서초구] ..."), when it is not the government of the
//     story running (never the first story);
//   - name: a government named alone at the start of a sentence line
//     ("Jung-gu has opened ...", "중구는 ...") when it is not the government
//     of the story running and the page announced it: a roundup line above
//     ("A does X... B does Y") names it, or the line just before is a
//     headline naming it. A government merely mentioned mid-article is not
//     announced, so it does not split the story.
//
//   - The lines before the first lead are the page header; its first line is
//     the page title. A header line that holds several headlines separated by
//     "..." is a roundup line when two parts name a government districts.tsv
//     knows (not 특례시, which only looks like one); each part naming a
//     government introduces the story of that government. A roundup line
//     further down (a second page glued on) does the same for the stories
//     after it.
//   - Between two stories, the lines just before the lead that do not end
//     like a sentence (headlines, repeats of header lines) introduce the next
//     story and are not part of either story's text.
//   - deck: the first story of a page without a roundup line keeps the
//     header lines under the page title (the first line that reads like a
//     title: TitleLike) that are not a repeat of it, down to the first line
//     that ends like a sentence (body text the leads missed: it and what
//     follows are no deck). These sub-headlines ("City Aims for 14,300 Jobs
//     and a 62.4% Employment Rate This Year") are the story's but lie above
//     its lead, outside its span, which stays where it is; the sentences stage makes them sentences
//     marked `deck`, kept apart from story.sentences, and only the extractors that ask read them
//     (the targets extractor, as headings). Lines above the title (mastheads, menus) are none; a
//     roundup's header introduces several stories, so it gives none. Chrome the boilerplate lexicon
//     misses (a widget's label) may be a deck line: it holds no goal, so nothing is read from it.
//   - headline: the first story's is the page title (unless that is a roundup
//     line: then its own header line or its roundup part); a later story's is
//     its own headline line (below any roundup line in its introduction),
//     else its roundup part (from the nearest roundup line above), else a
//     repeated title.
//   - Body text the leads missed: when the first story's deck stops at a
//     line that ends like a sentence, and every line from there down to the
//     lead reads as body text naming no government but the lead's
//     ("Incheon's Namdong-gu will create 15,600 jobs ..." above "Namdong-gu
//     (Mayor Lee Kang-ho) said ..."), the story starts at that line. Body
//     text naming another government is a story whose lead the patterns
//     missed, and a headline between is another page's header: neither
//     joins.
//   - A story's span runs from its lead line (or the body text above it, as
//     just said) to its last body line, both kept
//     text: it never starts or ends in boilerplate (a byline before the lead,
//     captions, related lists or copyright after the last line stay outside).
//     Boilerplate removed in the MIDDLE of a story (a photo caption between
//     two paragraphs) is covered by the span, because a story has one span;
//     it holds no sentences (sentences are made on kept text only), so no
//     fact or evidence comes from it, and `inspect` lists it among the
//     removed ranges. Consumers that slice the original text by the story
//     span get those lines too; doc.removed tells which.
//   - No lead at all: one story of all kept lines (after the title line when
//     there are others). No kept lines: no story.
#pragma once

#include <memory>

#include "pipeline/pipeline.h"

namespace newsie {

std::unique_ptr<Stage> MakeStoriesStage(const PipelineOptions& options);

// How the stage looks for leads and roundup parts. kShortcuts (the
// pipeline's): one set of all lead patterns rules a line out or names the
// pattern (and the place: after a section tag or not) to capture, a "..."
// line that cannot have two roundup parts is not searched for governments,
// and the lines above a name lead are searched only when one asks whether
// the page announced its government. kEveryPattern: every lead pattern is
// tried in turn on every line and every part of every "..." line is
// searched as the line is read; tests compare the two.
enum class StoriesSearch { kShortcuts, kEveryPattern };
std::unique_ptr<Stage> MakeStoriesStage(const PipelineOptions& options, StoriesSearch search);

}  // namespace newsie
