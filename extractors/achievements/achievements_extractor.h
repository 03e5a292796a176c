// Achievements extractor: how a story's government did against its job goal.
//
// One fact per sentence that states a result: an achievement rate, a count of
// jobs created, and the goal they were measured against, in any combination
// (lexicons/achievements.tsv names the words around each):
//
//   rate    `138.2% of the target`, `목표의 136.6%`, `목표 대비 124.2%`,
//           `an achievement rate of 112.6%`; `17% 초과 달성` is rate 117;
//           `exceeded its job creation target by more than 109%` is rate 109
//           with qualifier more_than (hard call: read literally it would be
//           209%, but that is how the source phrases a 109% result, and the
//           issue fixes it so)
//   actual  `created 13,342 jobs`, `실적 2만1665명`, `1만1473개 일자리를 창출`
//           (a Korean 창출 only in a sentence that is about the past)
//   target  `the target of 9,656 jobs`, `against a goal of 9,071`, `목표 1만7450명`
//           (only next to a rate or an actual)
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

class AchievementsExtractor : public Extractor {
 public:
  explicit AchievementsExtractor(const LexiconDir& lexicons);
  ~AchievementsExtractor() override;
  std::string_view name() const override { return "achievements"; }
  void Extract(Document& doc, Story& story) const override;

 private:
  std::optional<AchievementFact> ScanSentence(const Document& doc,
                                              const phrases::SentenceRef& s) const;

  std::unique_ptr<re2::RE2> rate_before_, rate_after_, exceed_before_, excess_after_;
  std::unique_ptr<re2::RE2> actual_before_, actual_after_, target_before_;
  std::unique_ptr<re2::RE2> excess_absorbed_, excess_tail_;  // `17% 초과` as one quantity, `달성`
  std::unique_ptr<re2::RE2> jobs_after_;                     // `^ jobs`, `^개 일자리`
  std::unique_ptr<re2::RE2> jobs_before_;                    // `일자리 $`
  phrases::PhraseSet past_;
};

}  // namespace newsie
