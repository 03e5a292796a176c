// Achievements extractor: how a story's government did against its job goal.
//
// One fact per sentence that states a result: an achievement rate, a count of
// jobs created, and the goal they were measured against, in any combination
// (lexicons/achievements.tsv names the words around each):
//
//   rate    `138.2% of the target`, `목표의 136.6%`, `목표 대비 124.2%`,
//           `an achievement rate of 112.6%`; `17% 초과 달성` is rate 117;
//           `exceeded its 2019 target by 14 percent` is rate 114, but
//           `exceeded its job creation target by more than 109%` is rate 109
//           with qualifier more_than. Hard call, one reading for both: an
//           excess below 100 is an excess (100 + N: exceeding a goal by 14%
//           is reaching 114% of it); 100 or more is the achievement rate as
//           printed (read literally 109% would be 209%, more than doubling a
//           yearly job goal, which no corpus or seed source means; they
//           print the rate after `by`). `by 14 percent` and `by more than
//           109%` thus give 114 and 109 (more_than), as the writers read them.
//   actual  `created 13,342 jobs`, `실적 2만1665명`, `1만1473개 일자리를 창출`
//           (a Korean 창출 only in a sentence that is about the past)
//   target  `the target of 9,656 jobs`, `against a goal of 9,071`, `목표 1만7450명`,
//           `116% of the 2,000 it had planned`, `연간 목표(1만 7,500개)의`
//           (only next to a rate or an actual); `연간 목표를 넘어섰다` without a
//           figure takes the story's jobs target of the same year
//
// A sentence that names another government before its numbers (a mayor's
// quote about the neighbouring district: `Gangdong created more than 9,000
// jobs last year`) states that government's results, not the story's.
//
// Two of the three give the third (named in `derived`: rate to one decimal,
// counts rounded); all three read give `consistent` (within 0.6 points). The
// year is the year-grain date nearest the numbers (`in 2021`, `last year`).
//
// Rules: <lang>.achievement.rate_of_goal, .exceeded_by, .excess, .actual_vs_target,
// .created.
#pragma once

#include <memory>

#include "extractors/extractor.h"
#include "extractors/targets/phrases.h"

namespace re2 {
class RE2;
}

namespace newsie {

class Gazetteer;

class AchievementsExtractor : public Extractor {
 public:
  // `ask_sides_first` false: every rate pattern is asked on its own (the
  // tests compare the two).
  explicit AchievementsExtractor(const LexiconDir& lexicons, bool ask_sides_first = true);
  ~AchievementsExtractor() override;
  std::string_view name() const override { return "achievements"; }
  void Extract(Document& doc, Story& story) const override;

 private:
  std::optional<AchievementFact> ScanSentence(const Document& doc, const Story& story,
                                              const phrases::SentenceRef& s) const;

  std::unique_ptr<re2::RE2> rate_before_, rate_after_, exceed_before_, excess_after_;
  std::unique_ptr<re2::RE2> actual_before_, actual_after_, target_before_;
  std::unique_ptr<re2::RE2> excess_absorbed_, excess_tail_;  // `17% 초과` as one quantity, `달성`
  std::unique_ptr<re2::RE2> jobs_after_;                     // `^ jobs`, `^개 일자리`
  // A count's own counter that names the jobs (`jobs`, as the quantities
  // stage reads `13,342 jobs`), and the Korean counters a count may carry
  // without a jobs word (`2만1665명`, `1만개`).
  std::vector<std::string> jobs_counters_, bare_counters_;
  std::unique_ptr<re2::RE2> jobs_before_;                         // `일자리 $`
  std::unique_ptr<re2::RE2> rate_after_goal_;                     // `of the 6,000-job goal`
  std::unique_ptr<re2::RE2> rate_before_paren_;                   // `목표(1만 7,500개)의`
  std::unique_ptr<re2::RE2> rate_goal_before_, rate_goal_after_;  // `목표를 109% 넘게 달성했다`
  std::unique_ptr<re2::RE2> actual_before_past_;                  // `creating`
  std::unique_ptr<re2::RE2> actual_before_either_;                // one of the two
  // Any of the rate's patterns read before a percentage (rate_before_,
  // exceed_before_, rate_before_paren_, rate_goal_before_), and any of those
  // read after it: most percentages have none, which two RE2 calls tell
  // instead of nine.
  std::unique_ptr<re2::RE2> rate_before_any_, rate_after_any_;
  bool ask_sides_first_ = true;
  phrases::PhraseSet past_;
  phrases::PhraseSet goal_refs_;  // `연간 목표`: the story's own target
  std::shared_ptr<const Gazetteer> gazetteer_;
};

}  // namespace newsie
