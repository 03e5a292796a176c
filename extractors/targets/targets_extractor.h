// Targets extractor: the job goals a story's government sets.
//
// Works sentence by sentence. A number or percentage is a target when
//   1. it measures a metric (lexicons/targets.tsv `metric`): `12,100 jobs`,
//      `일자리 8600개`, `66.9% Employment Rate`, `고용률(15~64세) 73.3%`,
//      `70% private sector employment linkage`; and
//   2. the cue governing it in its clause is a target cue (`aims to`, `goal`,
//      `목표로`, `창출할 계획`). English reads the nearest cue before the number
//      (then one shortly after); Korean the nearest after (then before). A
//      negative cue in between (`provide`, `지원`, `예산`) wins, and a clause
//      holding an achievement cue (`created`, `목표의`, `surpassing`) states
//      results, not goals (extractors/achievements/ reads those).
//
// Rules (ids `<lang>.target.<cue rule>`, plus):
//   <lang>.target.schedule   items after a target in a yearly list:
//                            `12,515 jobs this year, 12,703 in 2024, ...`
//   <lang>.target.revised    `고용률 목표를 당초 65.1%에서 67.5%로 상향`
//
// Year: the nearest year-grain date in the clause (else the sentence); `by
// 2026` / `2026년까지` is a due year; a goal dated in a past year is a result,
// not a target. A jobs total gets a `period` when its clause puts an elected
// term (`민선8기`, `8th elected term`), a year range (`2023~2026`) or `4년간`
// before it, or when it has a deadline or no year in a sentence naming one:
// the range written in the sentence, else one written anywhere in the story
// (`over the next four years (2023-2026)`), else the term's years as in
// lexicons/terms.tsv (민선8기 = 2022-2026; hard call: a plan written in 2023
// may mean 2023-2026, but without a range we do not guess). Its year is then
// the deadline, else the period's last year. A rate target with no year
// takes the year of the story's yearly jobs target (a plan states both for
// the same year).
//
// Korean bare counts: `연차별로는 올해 8420개, ...`, `목표를 8,420개로` count jobs
// when the sentence or the one before names 일자리 and no noun follows `개`;
// a Korean list with no cue in its clause takes the first cue after it.
//
// More rules: a rate `of trainees to jobs` / `of the people ... to find work`
// is an employment linkage rate; an English clause with no cue of its own
// that starts with a link word (`, together with an employment rate of
// 63.5%`) shares the target cue before it; a revision verb without a `from`
// value (`wants to raise its employment rate to 61%`) does not hide the cue
// before it; a date right before `보다`/`than` is a comparison's baseline, not
// the goal's year (`고용률도 지난해보다 0.6%포인트 높은 62.4%`); `by the end of
// the term` is due at the end of the elected term holding the reference
// date; `70%까지 끌어올리겠다` has no qualifier (까지 is the level, not a bound);
// a number whose sentence first names another government (or, in a heading,
// whose clause does) is that government's goal, not the story's.
//
// Headings (headline, sub-headlines) are read too, but a heading target is
// dropped when the body states one of the same metric (jobs and public jobs
// count as one) with the same value or year; it lends the body fact its year
// when that has none. The story's deck (Story::deck_sentences: the
// sub-headlines between the page title and the lead, outside the span; see
// pipeline/stories.h) is read after the body, as headings, and a deck target
// without a year (or against a body target without one) counts as one for
// the story's year, unless either is a multi-year total: a deck states the
// body's goals in brief, so where the body states the metric, the body wins.
// Seed 000's deck (`... Targeting 12,100 Jobs and 66.9% Employment Rate`)
// thus gives one 66.9% target (year 2024, evidence in the deck) and no second
// 12,100.
#pragma once

#include <map>
#include <memory>
#include <optional>

#include "extractors/extractor.h"
#include "extractors/targets/phrases.h"

namespace re2 {
class RE2;
}

namespace newsie {

class Gazetteer;

class TargetsExtractor : public Extractor {
 public:
  explicit TargetsExtractor(const LexiconDir& lexicons);
  ~TargetsExtractor() override;
  std::string_view name() const override { return "targets"; }
  void Extract(Document& doc, Story& story) const override;

 private:
  struct Metric {
    std::string code;
    size_t begin = 0, end = 0;  // the metric word in work
  };
  struct Candidate;
  // What makes a jobs figure a multi-year total in a sentence.
  struct Totals {
    std::optional<Period> period;  // the years it spans
    std::vector<size_t> marks;     // where a term, range or `4년간` stands
  };
  // `may_have_periods` false: rare_ found nothing in the sentence.
  Totals TotalsIn(const Document& doc, const phrases::SentenceRef& s,
                  std::optional<Period> story_range, bool may_have_periods) const;
  // The metric word of a match of `re` (metric_after_, metric_before_) in
  // `text`: its first group, standing at the match's start or end.
  std::optional<std::string_view> MetricWordOf(const re2::RE2& re, std::string_view text,
                                               bool at_start) const;
  // The metric `q` measures, from its counter or the words next to it.
  // `metric_words` are the metric phrases of the sentence [sb, se).
  std::optional<Metric> MetricOf(const Document& doc, size_t sb, size_t se, const Quantity& q,
                                 const std::vector<phrases::Hit>& metric_words) const;
  // The metric phrases of a story's sentences, each found on first use.
  class MetricWords {
   public:
    MetricWords(const phrases::PhraseSet& metrics, const Document& doc,
                const std::vector<phrases::SentenceRef>& sentences);
    const std::vector<phrases::Hit>& Of(size_t i);
    // Whether sentence `i` or the one before names a metric (`일자리`).
    bool JobsContext(size_t i) { return !Of(i).empty() || (i > 0 && !Of(i - 1).empty()); }

   private:
    const phrases::PhraseSet& metrics_;
    const Document& doc_;
    const std::vector<phrases::SentenceRef>& sentences_;
    std::vector<std::optional<std::vector<phrases::Hit>>> found_;  // a sentence's, once scanned
  };
  // The targets of `sentences[i]`.
  void ScanSentence(const Document& doc, const Story& story,
                    const std::vector<phrases::SentenceRef>& sentences, size_t i,
                    MetricWords& metric_words, bool heading, std::optional<Period> story_range,
                    std::vector<Candidate>& out) const;
  std::optional<Period> TermPeriod(int term) const;
  // The years of the elected term holding the reference date.
  std::optional<Period> TermAtRef(const Document& doc) const;

  phrases::PhraseSet cues_;
  phrases::PhraseSet metrics_;
  phrases::PhraseSet periods_;
  phrases::PhraseSet term_ends_;    // `by the end of the term`
  phrases::PhraseSet comparisons_;  // `보다`, `than`: a date before one is a baseline
  // periods_, term_ends_ and comparisons_ in one: most sentences hold none of
  // them, which one RE2 pass without positions (Contains) tells.
  phrases::PhraseSet rare_;
  std::unique_ptr<re2::RE2> linkage_after_;  // `^ of trainees to jobs`
  std::unique_ptr<re2::RE2> ko_compare_;     // `지난해보다 0.8%포인트 높은 $`
  std::unique_ptr<re2::RE2> link_start_;     // `^ together with`, `^ and`
  std::shared_ptr<const Gazetteer> gazetteer_;
  std::unique_ptr<re2::RE2> metric_after_;    // `^ new jobs`, `^개 일자리`
  std::unique_ptr<re2::RE2> metric_before_;   // `employment rate goal of $`, `일자리 $`
  std::unique_ptr<re2::RE2> scope_;           // `(15~64세)`, `aged 15-64`
  std::unique_ptr<re2::RE2> list_sep_;        // `, `, `, and `, `, then `
  std::unique_ptr<re2::RE2> from_, to_;       // `from $` ; `to $`
  std::unique_ptr<re2::RE2> term_word_;       // `^ elected` after an ordinal
  std::unique_ptr<re2::RE2> bare_count_end_;  // `개` then a particle, not a noun
  // targets.tsv's small Korean words read at fixed distances, not by a
  // pattern: a term's `민선` before its number and `기` after it; a
  // revision's `에서` after the old value and `로` after the new one; the
  // counter of a bare count (`8,420개`).
  std::vector<std::string> term_before_, term_after_;
  std::vector<std::string> revised_from_particles_, revised_to_particles_;
  std::vector<std::string> bare_counters_;
  std::map<int, Period> terms_;  // 민선 n기 -> plan years
};

}  // namespace newsie
