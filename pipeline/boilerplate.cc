#include "pipeline/boilerplate.h"

#include <re2/re2.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pipeline/boilerplate_rules.h"
#include "pipeline/printed_date.h"
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
  explicit BoilerplateStage(const LexiconDir& dir) {
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
      // One set of patterns for both scopes, so a line costs one DFA pass
      // (two for a line with a floating row's literal, see
      // boilerplate_rules.h): a whole-line rule is anchored at the end by its
      // own `$` (the sets anchor starts).
      std::string error;
      if (set_.Add(rule.prefix ? pattern : pattern + "$", &error) < 0) {
        throw LexiconError(row.Where() + ": " + error);
      }
      rules_.push_back(std::move(rule));
    }
    if (!set_.Compile()) {
      throw LexiconError("boilerplate.tsv: patterns too large to compile");
    }
  }

  std::string_view name() const override { return "boilerplate"; }

  Status Run(Document& doc) const override {
    thread_local std::vector<int> hits;  // kept by the thread from document to document
    re2::StringPiece groups[4];
    const Rule* list = nullptr;  // the `list` header whose items may follow
    const std::vector<LineRange> lines = SplitLines(doc.work, 0, doc.work.size());
    for (const LineRange line : lines) {
      if (line.empty()) {
        list = nullptr;  // a blank line ends a list
        continue;
      }
      const std::string_view text = doc.Work(line.begin, line.end);
      const re2::StringPiece piece(text.data(), text.size());
      const Rule* rule = RuleFor(text, hits);
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
        if (auto date = DatelineDate(groups)) {
          doc.metadata.printed_date = std::move(date);
          doc.metadata.printed_date_span =
              doc.ToOriginal(offset(groups[1]), offset(groups[3]) + groups[3].size());
        }
      }
    }
    // `removed` is complete: what is left of the lines is what stories and
    // sentences read (Document::kept_lines), so that they need not split
    // the text again.
    doc.kept_lines = KeptLinesOf(doc, lines);
    return {};
  }

 private:
  // The rule a line is removed by, if any. The sets are asked which patterns
  // matched only when one did: asking is a second pass over the line and
  // three allocations (RE2::Set::Match's), and most lines match none. The
  // lines that do are mostly page chrome that comes back page after page, so
  // the answer for a short one is remembered (RuleMemo).
  const Rule* RuleFor(std::string_view line, std::vector<int>& hits) const {
    if (!set_.Match(line)) return nullptr;
    RuleMemo* memo = line.size() <= kLongestRemembered ? &Memo() : nullptr;
    if (memo) {
      if (const auto it = memo->find(line); it != memo->end()) return &rules_[it->second];
    }
    if (!set_.Match(line, hits)) return nullptr;  // cannot happen: it matched just now
    const size_t chosen = Chosen(hits);
    if (memo) {
      if (memo->size() >= kMostRemembered) memo->clear();
      memo->emplace(line, chosen);
    }
    return &rules_[chosen];
  }

  // Matched line -> index of the rule chosen for it, this thread's, for one
  // stage at a time (stages differ by their lexicons: a memo follows the
  // stage's serial number, not its address, which a later stage may reuse).
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  using RuleMemo = std::unordered_map<std::string, size_t, TextHash, std::equal_to<>>;
  static constexpr size_t kLongestRemembered = 200;  // bytes: chrome, bylines, stamps
  static constexpr size_t kMostRemembered = 4096;    // lines, then it starts over
  RuleMemo& Memo() const {
    thread_local RuleMemo memo;
    thread_local uint64_t owner = 0;
    if (owner != serial_) {
      memo.clear();
      owner = serial_;
    }
    return memo;
  }
  static uint64_t NextSerial() {
    static std::atomic<uint64_t> last{0};
    return ++last;
  }

  // An item of a related-article or most-read list: a headline, short and
  // not ending the way a sentence of the article would.
  static bool IsListItem(std::string_view line) {
    constexpr size_t kLongestItem = 300;  // bytes
    if (line.size() > kLongestItem) return false;
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    return !(line.ends_with('.') || line.ends_with("\xEB\x8B\xA4"));  // '.', '다'
  }

  // Of the rules that matched, the first whole-line rule in file order, else
  // the first line-start rule.
  size_t Chosen(const std::vector<int>& hits) const {
    std::optional<size_t> line, prefix;
    for (int h : hits) {
      const auto i = static_cast<size_t>(h);
      std::optional<size_t>& best = rules_[i].prefix ? prefix : line;
      if (!best || i < *best) best = i;
    }
    return line ? *line : *prefix;
  }

  std::vector<Rule> rules_;  // file order; set index = rules_ index
  BoilerplatePatterns set_;
  const uint64_t serial_ = NextSerial();  // this stage among all made (see Memo)
};

}  // namespace

std::unique_ptr<Stage> MakeBoilerplateStage(const PipelineOptions& options) {
  return std::make_unique<BoilerplateStage>(options.lexicons);
}

}  // namespace newsie
