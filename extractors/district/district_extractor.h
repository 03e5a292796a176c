// District extractor: which of the 243 local governments a story is about.
//
// The story's district is its lead government, not every government it
// names. In order of preference (rule ids):
//
//   <lang>.district.lead_with_head  `Gwanak-gu (Mayor Park Jun-hee)`, `서울 성동구(구청장
//                                   정원오)는` in the story's first six sentences naming a
//                                   government (outside quotes)
//   <lang>.district.first_mention   else a basic government opening one of those sentences,
//                                   else a metropolitan one opening one, else the first
//                                   (basic preferred) of the first such sentence
//   <lang>.district.headline        the story headline's first government
//   <lang>.district.any_mention     the first government named anywhere in the story
//
// A shared name (중구, 동구, 강서구 ...) is resolved by: the region written in
// the mention (`서울 중구`, `Jung-gu, Seoul`); regions named elsewhere in the
// story; regions named in the document (other governments of the roundup, a
// `[Seoul District News]` label); the heads lexicon (a named head of one of the
// candidates); then Seoul if the document is about Seoul. The last step, and
// a name that stays unresolved (then no district), add a `district-ambiguous`
// warning.
#pragma once

#include <memory>

#include "extractors/district/gazetteer.h"
#include "extractors/extractor.h"

namespace re2 {
class RE2;
}

namespace newsie {

class DistrictExtractor : public Extractor {
 public:
  explicit DistrictExtractor(const LexiconDir& lexicons);
  ~DistrictExtractor() override;
  std::string_view name() const override { return "district"; }
  void Extract(Document& doc, Story& story) const override;

 private:
  std::shared_ptr<const Gazetteer> gazetteer_;
  std::unique_ptr<re2::RE2> lead_en_;  // `(Mayor Park Jun-hee)` right after a name
  std::unique_ptr<re2::RE2> lead_ko_;  // `(구청장 정원오)`, `(정원오 구청장)`
};

// Byte ranges of the story's sentences; when the sentence stage has not run,
// the story's non-empty lines. Shared with the mayor extractor.
std::vector<std::pair<size_t, size_t>> StorySentences(const Document& doc, const Story& story);

}  // namespace newsie
