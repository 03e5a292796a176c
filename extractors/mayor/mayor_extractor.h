// Mayor extractor: the head of the story's government, as named.
//
// Runs after the district extractor and only links a head to the story's
// district. Patterns (rule ids; a lower tier wins, then the earlier one):
//
//   tier 0  en.mayor.lead_paren           `Gwanak-gu (Mayor Park Jun-hee)`
//           ko.mayor.lead_paren           `성동구(구청장 정원오)`, `성동구(정원오 구청장)`
//   tier 1  en.mayor.name_title_of        `Kim Kyung-ho, Mayor of Gwangjin-gu` (X must be
//                                         the story's district)
//           en.mayor.district_title_name  `Seongdong District Mayor Jung Won-oh`
//           ko.mayor.glued_title          `정원오 성동구청장은`, `황인호 동구청장`
//   tier 2  en.mayor.title_name           `Mayor Park Jun-hee said`
//           en.mayor.name_title           `Kim Mi-kyung, head of the district office`
//           ko.mayor.name_title           `김미경 구청장은` (시장 only when the name is
//                                         otherwise known: 시장 is also "market")
//
// Names inside double quotes are skipped; a tier-2 name that is the head of
// another government in lexicons/heads.tsv is rejected. The other script's
// form comes from the same document or heads.tsv (the term containing the
// reference date, else the latest), and only when NameMatcher says the pair
// matches.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/district/gazetteer.h"
#include "extractors/extractor.h"
#include "extractors/mayor/name_match.h"

namespace re2 {
class RE2;
}

namespace newsie {

class MayorExtractor : public Extractor {
 public:
  // How Collect takes the name and the title from a match of its patterns:
  // from the whole match, which RE2's DFA alone finds, where the pattern's
  // shape fixes them (SplitAtSpaceRun, match.h), else by a capturing call
  // over just the match; or by a capturing call for every pattern, the
  // reference that the tests compare the first with.
  enum class Groups { kFromMatch, kCapture };
  explicit MayorExtractor(const LexiconDir& lexicons, Groups groups = Groups::kFromMatch);
  ~MayorExtractor() override;
  std::string_view name() const override { return "mayor"; }
  void Extract(Document& doc, Story& story) const override;
  // Extract on every story, the names found in the whole document collected
  // once for all of them (roundups have several stories).
  void ExtractStories(Document& doc) const override;

  struct Candidate {
    size_t begin = 0, end = 0;  // the name, bytes in work
    std::string name;
    bool hangul = false;
    std::string title;
    // The government written with it, if any: a view into the Gazetteer
    // (the lists of its mentions and glued titles), not a copy.
    std::span<const Government* const> governments;
    int tier = 2;
    std::string_view rule;  // a string literal naming the pattern
  };
  // A title word that holds no shorter title (`Mayor`, not `District Mayor`):
  // where Collect looks for titles before running its patterns, with the
  // forms holding it and where it sits in each (`District Mayor`, 9).
  struct CoreTitle {
    // The forms holding it, by where it sits in them: {9, {`District Mayor`}}.
    using Holders = std::vector<std::pair<size_t, std::vector<std::string>>>;
    std::string text;
    size_t key = 0;     // the byte of `text` it is looked for by (its rarest)
    Holders in_titles;  // mayor_titles.tsv
    Holders in_glued;   // Gazetteer::glued_titles()
  };
  // Which names Collect looks for: both scripts, or only Hangul or only Latin ones.
  enum class Scripts { kBoth, kHangul, kLatin };
  // Every head-like name in work[begin, end), whatever government it belongs to.
  std::vector<Candidate> Collect(const Document& doc, size_t begin, size_t end,
                                 Scripts scripts = Scripts::kBoth) const;

 private:
  // The names of each script in the whole document (Collect(doc, 0,
  // doc.work.size(), kLatin or kHangul)), where Extract looks for the
  // other script's form of a name: collected when first needed, then kept
  // for the document's other stories.
  struct DocumentNames {
    std::optional<std::vector<Candidate>> latin, hangul;
  };
  void ExtractStory(Document& doc, Story& story, DocumentNames& document_names) const;

  Groups groups_ = Groups::kFromMatch;
  std::shared_ptr<const Gazetteer> gazetteer_;
  NameMatcher names_;
  std::unique_ptr<re2::RE2> en_lead_, en_name_title_, en_after_district_, en_title_name_;
  std::unique_ptr<re2::RE2> ko_lead_, ko_glued_, ko_name_title_;
  std::unique_ptr<re2::RE2> en_of_;
  std::vector<CoreTitle> core_titles_en_, core_titles_ko_;
  // mayor_between.tsv: what may stand between `Name,` and its title (`the`),
  // each as its words.
  std::vector<std::vector<std::string>> between_comma_and_title_;
  // mayor_titles.tsv's titles that are common words too (`시장`, "market"):
  // `Y 시장` needs Y known as a head.
  std::vector<std::string> common_word_titles_;
};

}  // namespace newsie
