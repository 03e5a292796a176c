// Awards extractor: the award claims of a story's government.
//
// lexicons/awards.tsv lists the known awards in both scripts (the National
// Local Government Job Awards / 전국 지방자치단체 일자리대상, with organizer),
// grade words (`Special Award`, `우수상`, `대상을 수상` -> grade codes),
// category words, streak words, win verbs and prize words.
//
// One award claim per award event in a story: the facts spread over
// neighbouring sentences (the ceremony sentence, then `received the Special
// Award ... 55 million KRW`) merge into one AwardFact, first value read wins.
//   name, name_ko  from the lexicon entry of the award named, or of a
//             category that belongs to it (`Public Disclosure System category`)
//   organizer as the story prints it (`hosted by the Ministry of Employment
//             and Labor`, `고용노동부 주관`), else null (hard call: the corpus
//             writers record the organizer only when the story states it; a
//             `고용노동부 장관상` grade does not state it)
//   year      a year written right before the award's name (`2022 National ...
//             Job Awards`, `2022년 ... 일자리대상`), else a relative year
//             (`지난해`, `last year`) in a sentence with a win verb, else
//             another year in a sentence naming the award with a win verb
//             (`most recently in 2024`), else the one edition year the
//             document writes before the award's name (a roundup's later
//             stories: `at the same ceremony`), else null.
//             Hard call (seed 000): `exceeded its target ... last year and
//             achieved great success by winning the '... Job Award' for two
//             consecutive years` gives year 2023: the win verb's sentence
//             dates the latest win of the streak.
//   grade     the first grade word; grade_text as printed
//   streak    `eight consecutive years`, `9년 연속`, `10년째`
//   prize     the first sum of money in a sentence of the event that has a
//             prize word (`incentive`, `사업비`, `secured`); budgets in
//             sentences without an award word are not prizes
//   evidence  the sentence that names the grade, else the award
// Hard call: a grade with its own earlier year (`Following the Special Award
// in 2021`) is a separate, past award fact (same award, that year and grade);
// the streak stays with the current event.
// Headings are used only when the body names no award.
//
// Rules: <lang>.award.<award rule> (job_awards), <lang>.award.grade (a grade
// without a known award), <lang>.award.past.
#pragma once

#include <memory>

#include "extractors/extractor.h"
#include "extractors/targets/phrases.h"

namespace re2 {
class RE2;
}

namespace newsie {

class AwardsExtractor : public Extractor {
 public:
  explicit AwardsExtractor(const LexiconDir& lexicons);
  ~AwardsExtractor() override;
  std::string_view name() const override { return "awards"; }
  void Extract(Document& doc, Story& story) const override;
  void ExtractStories(Document& doc) const override;

 private:
  struct Event;
  // The award words of each sentence of the document (by doc.sentences index).
  using WordsBySentence = std::vector<std::vector<phrases::Hit>>;
  void Scan(const Document& doc, const std::vector<phrases::SentenceRef>& sentences,
            const WordsBySentence& words, std::optional<int> document_edition,
            std::vector<AwardFact>& out) const;
  // The one edition year the document writes before an award's name, if
  // it writes exactly one.
  std::optional<int> DocumentEdition(const Document& doc, const WordsBySentence& words) const;
  void ExtractStory(Document& doc, Story& story, const WordsBySentence& words,
                    std::optional<int> edition) const;
  // The award words of the sentences that can take part in an award event
  // (by doc.sentences index; the others left empty), or nullopt when no
  // story of `doc` can name an award or a grade, so that none has an event.
  std::optional<WordsBySentence> AwardWords(const Document& doc) const;
  std::optional<int> EditionYear(const Document& doc, const std::vector<Quantity>& qs,
                                 size_t name_begin) const;

  std::vector<LexiconRow> rows_;
  phrases::PhraseSet words_;     // every kind; Hit::index is the row
  phrases::PhraseGate openers_;  // award and grade texts
  std::unique_ptr<re2::RE2> streak_after_;
};

}  // namespace newsie
