// Extractor: finds one kind of fact in a story.
//
// How to write one (see extractors/targets/ for a full example):
//
//   1. Put the words your rules care about in lexicons/ (a .tsv read with
//      LexiconDir::ReadTsv), never in C++: a rule author must be able to add
//      a phrase without recompiling.
//   2. Compile patterns once, in the constructor, with RE2: scraped text is
//      untrusted and RE2 guarantees linear time. Match against the working
//      text (`doc.work`, already NFC and folded: digits are ASCII, dashes are
//      '-', spaces are ' ').
//   3. Take numbers and dates from `sentence.quantities` (the quantities
//      stage has valued them exactly and resolved relative years); never
//      parse a number yourself.
//   4. Evidence is `doc.ToOriginal(begin, end)` of the working-text bytes you
//      matched, and every fact names its rule with a stable id
//      ("en.target.aims_to_create"): rule ids appear in golden files, so
//      renaming one is a visible change.
//   5. Keep an example table beside the extractor (examples.tsv) with the
//      sentences each rule must (and must not) fire on; tests/ runs it.
//
// An extractor is built once and shared by all worker threads: Extract must
// be const and keep no per-call state in members.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/lexicon.h"

namespace newsie {

class Extractor {
 public:
  virtual ~Extractor() = default;
  virtual std::string_view name() const = 0;
  // Adds what it finds in `story` (a story of `doc`) to the story.
  virtual void Extract(Document& doc, Story& story) const = 0;
  // Runs Extract on every story of `doc`, in order. An extractor whose rules
  // read the whole document as well overrides this to read it once, not once
  // per story.
  virtual void ExtractStories(Document& doc) const {
    for (Story& story : doc.stories) Extract(doc, story);
  }
};

// Every extractor, in the order they run (district first: the others need it).
std::vector<std::unique_ptr<Extractor>> MakeExtractors(const LexiconDir& lexicons);

}  // namespace newsie
