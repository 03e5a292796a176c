// ref_date: the date every relative expression is anchored to.
//
// Reads input.date, metadata.printed_date, the stories' headlines and the
// sentences' quantities; sets `ref_date` and resolves every relative
// DateValue in the sentences against it (ResolveDate,
// pipeline/quantities/resolve.h). The basis, in order:
//
//   given     --ref-date or a JSONL record's date (input.date_given)
//   metadata  a sidecar's date, else the date printed in the page
//   inferred  a year worked out from the text (RefYearInference below)
//   none      no date: relative expressions stay unresolved
//
// `ref_date.reason` says what the date was taken or inferred from (`inspect`).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/pipeline.h"
#include "pipeline/quantities/finder.h"
#include "pipeline/quantities/resolve.h"

namespace newsie {

struct InferredYear {
  int year = 0;
  std::string reason;  // the clue and its evidence, for ref_date.reason
};

// The most likely reference year of a document without a date. The clues, in
// this order of trust (the first that gives a year wins):
//
//   1. schedule: "8,100 this year, 8,300 in 2024, 8,500 in 2025": the years
//      after "this year"/올해 run on from it, so it is the first minus one;
//   2. edition held on a day: an award or event named with its year in a
//      sentence that also has a day of the month ("the 2022 Job Awards,
//      presented on the 9th", "오는 12일 ... '2022 ...
//      일자리박람회'");
//   3. plan: a plan or strategy named with its year ("'2024 Comprehensive Job
//      Policy Plan'", "2019년 일자리 대책"), in a headline or a story's first
//      two sentences or in a sentence that also says this year/올해, while
//      the document says this year somewhere; the year named most often wins;
//   4. edition in the opening: an award or event edition in the first
//      story's headline or first sentence, without a day ("Wins Excellence
//      Award at '2021 National Local Government Job Awards'"); below plans,
//      because a lead may recall last year's award ("The plan follows the
//      award it received at the '2023 ... Awards'");
//   5. term plan: a span that is exactly the full calendar years of an
//      elected term the document names ("민선8기 ... 2023년부터 2026년까지"),
//      while the document says this year and its opening names no other
//      year: the span's first year;
//   6. term start: a term about to begin in its starting month ("the 8th
//      term starting in July", "7월 출범하는 민선8기"): the term's first year
//      (the document is from before that July).
//
// A year that is merely mentioned ("created 9,105 jobs in 2023", "following
// the Special Award in 2021") is never a clue. The cue words are data:
// lexicons/quantities/inference.tsv. Headlines are not sentences, so their
// quantities are found here with the shared finder.
class RefYearInference {
 public:
  // Throws LexiconError when a lexicon is missing or malformed.
  explicit RefYearInference(const LexiconDir& lexicons);

  // Needs the sentences' quantities, unresolved (the quantities stage).
  std::optional<InferredYear> Infer(const Document& doc) const;

  // One row of inference.tsv.
  struct Cue {
    std::string text;   // lower case when Latin
    std::string kind;   // plan, award, event, term_start
    size_t after = 0;   // bytes after the year (or term) the word may end within
    size_t before = 0;  // bytes before it the word may start within
    bool latin = false;
  };

 private:
  QuantityFinder finder_;
  std::vector<Cue> cues_;
};

std::unique_ptr<Stage> MakeRefDateStage(const PipelineOptions& options);

}  // namespace newsie
