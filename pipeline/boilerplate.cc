#include "pipeline/boilerplate.h"

#include <re2/filtered_re2.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/text_lines.h"

namespace newsie {
namespace {

struct Rule {
  std::string kind;
  bool prefix = false;
  bool scan = false;  // scope `scan`: a whole-line rule kept out of the set
  std::unique_ptr<RE2> re;
  std::string entry;  // file:line
  // For a `scan` rule, a word every line it matches contains (empty: none
  // found, the rule is tried on every line).
  std::string needed;
  std::optional<std::boyer_moore_horspool_searcher<const char*>> needed_search;
};

// The longest run of Hangul syllables (U+AC00 to U+D7A3) in `atom`:
// FilteredRE2 lowercases its atoms, and only uncased text is sure to appear
// in a matching line exactly as the atom spells it.
std::string LongestHangulRun(const std::string& atom) {
  std::string best;
  size_t run = 0, run_size = 0;  // current run: start, bytes
  for (size_t i = 0; i < atom.size();) {
    bool hangul = false;
    if (i + 3 <= atom.size()) {
      const auto b0 = static_cast<unsigned char>(atom[i]);
      const auto b1 = static_cast<unsigned char>(atom[i + 1]);
      const auto b2 = static_cast<unsigned char>(atom[i + 2]);
      const unsigned cp = ((b0 & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (b2 & 0x3Fu);
      hangul = (b0 & 0xF0) == 0xE0 && (b1 & 0xC0) == 0x80 && (b2 & 0xC0) == 0x80 && cp >= 0xAC00 &&
               cp <= 0xD7A3;
    }
    if (hangul) {
      if (run_size == 0) run = i;
      run_size += 3;
      if (run_size > best.size()) best = atom.substr(run, run_size);
      i += 3;
    } else {
      run_size = 0;
      ++i;
    }
  }
  return best;
}

// The longest Hangul word every match of `pattern` contains, from the atoms
// RE2's FilteredRE2 computes (the pattern is a candidate only when some
// combination of them occurs): a word is needed when the pattern is no longer
// a candidate with every atom not holding the word present. `[사진` or
// `(사진` gives 사진.
std::string NeededWord(const std::string& pattern) {
  re2::FilteredRE2 filter;
  int id = 0;
  if (filter.Add(pattern, RE2::Options(), &id) != RE2::NoError) return "";
  std::vector<std::string> atoms;
  filter.Compile(&atoms);
  std::string best;
  for (const std::string& atom : atoms) {
    const std::string word = LongestHangulRun(atom);
    if (word.size() <= best.size()) continue;
    std::vector<int> without, candidates;
    for (size_t j = 0; j < atoms.size(); ++j) {
      if (atoms[j].find(word) == std::string::npos) without.push_back(static_cast<int>(j));
    }
    filter.AllPotentials(without, &candidates);
    if (candidates.empty()) best = word;
  }
  return best;
}

class BoilerplateStage : public Stage {
 public:
  explicit BoilerplateStage(const LexiconDir& dir) : set_(RE2::Options(), RE2::ANCHOR_START) {
    for (const auto& row : dir.ReadTsv("boilerplate.tsv")) {
      Rule rule;
      rule.kind = row.Get("kind");
      rule.entry = row.Where();
      const std::string& scope = row.Get("scope");
      if (scope != "line" && scope != "prefix" && scope != "scan" && !scope.empty()) {
        throw LexiconError(row.Where() + ": scope must be `line`, `prefix` or `scan`");
      }
      rule.prefix = scope == "prefix";
      rule.scan = scope == "scan";
      const std::string pattern = "(?:" + row.Get("pattern") + ")";
      rule.re = std::make_unique<RE2>(pattern);
      if (rule.kind.empty() || !rule.re->ok()) {
        throw LexiconError(row.Where() + ": bad rule: " + rule.re->error());
      }
      // One set for `line` and `prefix`, so a line costs one DFA pass: a
      // whole-line rule is anchored at the end by its own `$` (the set
      // anchors starts). A `scan` rule (`.*...`) would keep that pass alive
      // to the end of every line, so it stays out and is tried on its own,
      // on the lines holding a word it needs.
      std::string error;
      if (rule.scan) {
        rule.needed = NeededWord(pattern);
        scan_rules_.push_back(rules_.size());
      } else if (set_.Add(rule.prefix ? pattern : pattern + "$", &error) < 0) {
        throw LexiconError(row.Where() + ": " + error);
      } else {
        set_rules_.push_back(rules_.size());
      }
      rules_.push_back(std::move(rule));
    }
    // The searchers point into the rules' strings, which no longer move.
    for (Rule& rule : rules_) {
      if (!rule.needed.empty()) {
        rule.needed_search.emplace(rule.needed.data(), rule.needed.data() + rule.needed.size());
      }
    }
    if (!set_.Compile()) {
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
      const Rule* rule = Choose(piece, hits);
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
      // A whole-line rule's match is the line: its own capturing match runs
      // only when its groups are still wanted as metadata (most matched
      // lines are chrome, copyright or a later byline).
      const bool wanted = rule->prefix ||
                          (rule->kind == "byline" && ngroups >= 1 && !doc.metadata.byline) ||
                          (rule->kind == "dateline" && ngroups >= 3 && !doc.metadata.printed_date);
      if (!wanted) {
        groups[0] = piece;
        for (int g = 1; g <= 3; ++g) groups[g] = re2::StringPiece();
      } else if (!rule->re->Match(piece, 0, piece.size(),
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

  // The rule a line falls under: of the rules that match it, the first
  // whole-line rule (`line` or `scan`) in file order, else the first
  // line-start rule; null when none matches.
  const Rule* Choose(const re2::StringPiece& text, std::vector<int>& hits) const {
    std::optional<size_t> line, prefix;
    if (MatchSet(set_, text, hits)) {
      for (int h : hits) {
        const size_t i = set_rules_[static_cast<size_t>(h)];
        std::optional<size_t>& best = rules_[i].prefix ? prefix : line;
        if (!best || i < *best) best = i;
      }
    }
    // A `scan` rule wins only over later whole-line rules.
    for (size_t i : scan_rules_) {
      if (line && *line < i) break;
      const Rule& rule = rules_[i];
      if (rule.needed_search && std::search(text.data(), text.data() + text.size(),
                                            *rule.needed_search) == text.data() + text.size()) {
        continue;  // the line lacks a word every match holds
      }
      if (rule.re->Match(text, 0, text.size(), RE2::ANCHOR_BOTH, nullptr, 0)) {
        line = i;
        break;
      }
    }
    if (line) return &rules_[*line];
    if (prefix) return &rules_[*prefix];
    return nullptr;
  }

  std::vector<Rule> rules_;         // file order
  std::vector<size_t> set_rules_;   // set index -> rules_ index
  std::vector<size_t> scan_rules_;  // rules_ indexes of `scan` rules, in order
  RE2::Set set_;
};

}  // namespace

std::unique_ptr<Stage> MakeBoilerplateStage(const PipelineOptions& options) {
  return std::make_unique<BoilerplateStage>(options.lexicons);
}

}  // namespace newsie
