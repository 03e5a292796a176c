#include "pipeline/boilerplate.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <cstdio>
#include <string>
#include <vector>

#include "pipeline/text_lines.h"

namespace newsie {
namespace {

struct Rule {
  std::string kind;
  bool prefix = false;
  std::unique_ptr<RE2> re;
  std::string entry;  // file:line
};

class BoilerplateStage : public Stage {
 public:
  explicit BoilerplateStage(const LexiconDir& dir)
      : line_set_(RE2::Options(), RE2::ANCHOR_BOTH),
        prefix_set_(RE2::Options(), RE2::ANCHOR_START) {
    for (const auto& row : dir.ReadTsv("boilerplate.tsv")) {
      Rule rule;
      rule.kind = row.Get("kind");
      rule.entry = row.Where();
      const std::string& scope = row.Get("scope");
      if (scope != "line" && scope != "prefix" && !scope.empty()) {
        throw LexiconError(row.Where() + ": scope must be `line` or `prefix`");
      }
      rule.prefix = scope == "prefix";
      const std::string pattern = "(?:" + row.Get("pattern") + ")";
      rule.re = std::make_unique<RE2>(pattern);
      if (rule.kind.empty() || !rule.re->ok()) {
        throw LexiconError(row.Where() + ": bad rule: " + rule.re->error());
      }
      std::string error;
      const int index = (rule.prefix ? prefix_set_ : line_set_).Add(pattern, &error);
      if (index < 0) throw LexiconError(row.Where() + ": " + error);
      (rule.prefix ? prefix_rules_ : line_rules_).push_back(rules_.size());
      rules_.push_back(std::move(rule));
    }
    if (!line_set_.Compile() || !prefix_set_.Compile()) {
      throw LexiconError("boilerplate.tsv: patterns too large to compile");
    }
  }

  std::string_view name() const override { return "boilerplate"; }

  Status Run(Document& doc) const override {
    std::vector<int> hits;
    re2::StringPiece groups[4];
    const Rule* list = nullptr;  // the `list` header whose items may follow
    for (const LineRange line : SplitLines(doc.work, 0, doc.work.size())) {
      if (line.empty()) {
        list = nullptr;  // a blank line ends a list
        continue;
      }
      const std::string_view text = doc.Work(line.begin, line.end);
      const re2::StringPiece piece(text.data(), text.size());
      // Whole-line rules first, then line-start rules.
      const Rule* rule = nullptr;
      if (MatchSet(line_set_, piece, hits)) rule = &rules_[line_rules_[Smallest(hits)]];
      if (!rule && MatchSet(prefix_set_, piece, hits)) {
        rule = &rules_[prefix_rules_[Smallest(hits)]];
      }
      if (!rule) {
        if (list && IsListItem(text)) {
          doc.removed.push_back({line.begin, line.end, "related", list->entry});
        } else {
          list = nullptr;
        }
        continue;
      }
      if (rule->kind == "list") list = rule;
      const int ngroups = std::min(rule->re->NumberOfCapturingGroups(), 3);
      if (!rule->re->Match(piece, 0, piece.size(),
                           rule->prefix ? RE2::ANCHOR_START : RE2::ANCHOR_BOTH, groups,
                           ngroups + 1)) {
        continue;  // cannot happen: the set matched
      }
      const size_t match_end = line.begin + groups[0].size();
      doc.removed.push_back(
          {line.begin, rule->prefix ? match_end : line.end, rule->kind, rule->entry});
      auto offset = [&](const re2::StringPiece& g) {
        return line.begin + static_cast<size_t>(g.data() - text.data());
      };
      if (rule->kind == "byline" && !doc.metadata.byline) {
        const re2::StringPiece& g = ngroups >= 1 && groups[1].data() ? groups[1] : groups[0];
        doc.metadata.byline = std::string(g.data(), g.size());
      } else if (rule->kind == "dateline" && ngroups >= 3 && !doc.metadata.printed_date &&
                 groups[1].data() && groups[3].data()) {
        const int y = std::stoi(std::string(groups[1].data(), groups[1].size()));
        const int m = std::stoi(std::string(groups[2].data(), groups[2].size()));
        const int d = std::stoi(std::string(groups[3].data(), groups[3].size()));
        if (m >= 1 && m <= 12 && d >= 1 && d <= 31) {
          char buf[16];
          std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
          doc.metadata.printed_date = buf;
          doc.metadata.printed_date_span =
              doc.ToOriginal(offset(groups[1]), offset(groups[3]) + groups[3].size());
        }
      }
    }
    return {};
  }

 private:
  // RE2::Set::Match, asked which patterns matched only when one did: asking
  // allocates, and most lines match none.
  static bool MatchSet(const RE2::Set& set, const re2::StringPiece& text, std::vector<int>& hits) {
    hits.clear();
    return set.Match(text, nullptr) && set.Match(text, &hits);
  }

  // An item of a related-article or most-read list: a headline, short and
  // not ending the way a sentence of the article would.
  static bool IsListItem(std::string_view line) {
    constexpr size_t kLongestItem = 300;  // bytes
    if (line.size() > kLongestItem) return false;
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    return !(line.ends_with('.') || line.ends_with("\xEB\x8B\xA4"));  // '.', '다'
  }

  static int Smallest(const std::vector<int>& hits) {
    int best = hits[0];
    for (int h : hits) best = std::min(best, h);
    return best;
  }

  std::vector<Rule> rules_;
  RE2::Set line_set_;
  RE2::Set prefix_set_;
  std::vector<size_t> line_rules_;    // set index -> rules_ index
  std::vector<size_t> prefix_rules_;  // set index -> rules_ index
};

}  // namespace

std::unique_ptr<Stage> MakeBoilerplateStage(const PipelineOptions& options) {
  return std::make_unique<BoilerplateStage>(options.lexicons);
}

}  // namespace newsie
