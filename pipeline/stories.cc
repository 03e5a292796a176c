#include "pipeline/stories.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "pipeline/government.h"
#include "pipeline/text_lines.h"

namespace newsie {
namespace {

// The parts of a roundup line: government named, bytes of the part in work.
using RoundupPartList = std::vector<std::pair<std::string, std::pair<size_t, size_t>>>;

struct Lead {
  enum class Kind { kStrong, kNewGov, kName } kind = Kind::kStrong;
  std::string government;
};

class StoriesStage : public Stage {
 public:
  StoriesStage(const LexiconDir& dir, StoriesSearch search)
      : shortcuts_(search == StoriesSearch::kShortcuts),
        lead_set_(RE2::Options(), RE2::ANCHOR_START) {
    std::string sections;  // the section rows, as one alternation
    for (const auto& row : dir.ReadTsv("story_leads.tsv")) {
      const std::string& kind = row.Get("kind");
      if (kind == "section") {
        if (const RE2 section(row.Get("pattern")); !section.ok()) {
          throw LexiconError(row.Where() + ": bad pattern: " + section.error());
        }
        sections += (sections.empty() ? "(?:" : "|(?:") + row.Get("pattern") + ")";
        continue;
      }
      auto re = std::make_unique<RE2>(row.Get("pattern"));
      if (!re->ok() || re->NumberOfCapturingGroups() < 1) {
        throw LexiconError(row.Where() +
                           ": bad pattern (group 1 names the government): " + re->error());
      }
      if (kind == "strong") {
        strong_.push_back(std::move(re));
      } else if (kind == "new_gov") {
        new_gov_.push_back(std::move(re));
      } else if (kind == "name") {
        name_.push_back(std::move(re));
      } else if (kind == "government") {
        government_.push_back(std::move(re));
      } else {
        throw LexiconError(row.Where() + ": unknown kind '" + kind + "'");
      }
    }
    // What a `government` match must be to count: a name the gazetteer's
    // table knows (a name or a variant, either script), not any word the
    // pattern's shape allows (특례시, 도시, 연구).
    for (Government& g : ReadGovernments(dir)) {
      known_names_.insert(std::move(g.name_ko));
      if (!g.name_en.empty()) known_names_.insert(std::move(g.name_en));
      for (std::string& variant : g.variants) known_names_.insert(std::move(variant));
    }
    for (const auto& row : dir.ReadTsv("headlines.tsv")) {
      if (row.Get("kind") != "reported_ending") {
        throw LexiconError(row.Where() + ": unknown kind '" + row.Get("kind") + "'");
      }
      if (!row.Get("text").empty()) reported_endings_.push_back(row.Get("text"));
    }
    if (!sections.empty()) section_ = std::make_unique<RE2>(sections);
    // The lead patterns in the order LeadOf tries them, in one set; a strong
    // one twice, with a section tag before it and without, so that the set
    // tells which of the two MatchLead has to try.
    for (const auto& [kind, patterns] : LeadPatterns()) {
      for (const auto& re : *patterns) {
        std::string error;
        const bool sectioned = kind == Lead::Kind::kStrong && section_;
        if (sectioned) {
          if (lead_set_.Add("(?:" + sections + ")(?:" + re->pattern() + ")", &error) < 0) {
            throw LexiconError("story_leads.tsv: " + error);
          }
          leads_.push_back({kind, re.get(), true});
        }
        if (lead_set_.Add(re->pattern(), &error) < 0) {
          throw LexiconError("story_leads.tsv: " + error);
        }
        leads_.push_back({kind, re.get(), false});
      }
    }
    if (!lead_set_.Compile()) throw LexiconError("story_leads.tsv: patterns too large to compile");
  }

  std::string_view name() const override { return "stories"; }

  Status Run(Document& doc) const override {
    // The kept lines of the whole text, as the boilerplate stage left them.
    const std::vector<LineRange>& lines = doc.kept_lines;
    if (lines.empty()) return {};
    auto text = [&](const LineRange& l) { return doc.Work(l.begin, l.end); };
    // The roundup parts of each line, worked out once, when first asked for.
    // (With whether the line starts no lead: one allocation for both.)
    struct LineFacts {
      bool lead_less = false;
      std::optional<RoundupPartList> roundup_parts;
    };
    std::vector<LineFacts> facts(lines.size());
    auto parts_of = [&](size_t i) -> const RoundupPartList& {
      if (!facts[i].roundup_parts) facts[i].roundup_parts = RoundupParts(doc, lines[i]);
      return *facts[i].roundup_parts;
    };

    // Leads: index of the line and the government it names.
    std::vector<std::pair<size_t, std::string>> leads;
    std::string current;
    // The governments named by roundup lines (lines starting no lead) above
    // line `i`. Only a name lead asks, so the lines are searched for them
    // only then (searching is a capturing match per part and pattern, and
    // "..." is common in body text): `announce_until(i)` catches up.
    std::set<std::string> announced;
    size_t announced_until = 0;
    auto announce_until = [&](size_t i) {
      for (; announced_until < i; ++announced_until) {
        if (!facts[announced_until].lead_less) continue;
        const RoundupPartList& parts = parts_of(announced_until);
        if (parts.size() >= 2) {
          for (const auto& part : parts) announced.insert(part.first);
        }
      }
    };
    for (size_t i = 0; i < lines.size(); ++i) {
      const std::optional<Lead> lead = LeadOf(text(lines[i]));
      if (!lead) {
        facts[i].lead_less = true;
        if (!shortcuts_) announce_until(i + 1);
        continue;
      }
      const std::string& gov = lead->government;
      switch (lead->kind) {
        case Lead::Kind::kStrong:
          break;
        case Lead::Kind::kNewGov:
          if (leads.empty() || gov == current) continue;
          break;
        case Lead::Kind::kName:
          // A sentence (not a headline) about a new government the page announced.
          if (gov == current || HeadlineLike(text(lines[i]))) continue;
          announce_until(i);
          if (!announced.count(gov) && !(i > 0 && HeadlineLike(text(lines[i - 1])) &&
                                         GovernmentIn(text(lines[i - 1])) == gov)) {
            continue;
          }
          break;
      }
      leads.emplace_back(i, gov);
      current = gov;
    }

    if (leads.empty()) {
      Story story;
      size_t first = 0;
      if (lines.size() > 1 && HeadlineLike(text(lines[0]))) {
        story.headline = std::make_pair(lines[0].begin, lines[0].end);
        first = 1;
      }
      story.begin = lines[first].begin;
      story.end = lines.back().end;
      doc.stories.push_back(std::move(story));
      return {};
    }

    // The page header: lines before the first lead.
    const size_t header_end = leads[0].first;
    // Its lines' texts, sorted (one allocation, not a node per line).
    std::vector<std::string_view> header;
    header.reserve(header_end);
    std::map<std::string, std::pair<size_t, size_t>> roundup;  // government -> part
    std::set<size_t> roundup_lines;
    for (size_t i = 0; i < header_end; ++i) {
      header.push_back(text(lines[i]));
      if (AddRoundupParts(parts_of(i), roundup) >= 2) roundup_lines.insert(i);
    }
    std::sort(header.begin(), header.end());
    auto in_header = [&](std::string_view t) {
      return std::binary_search(header.begin(), header.end(), t);
    };
    const bool has_title = header_end > 0;

    // Where each story's introduction (headline lines) begins.
    std::vector<size_t> intro_begin(leads.size());
    intro_begin[0] = 0;
    for (size_t k = 1; k < leads.size(); ++k) {
      size_t i = leads[k].first;
      while (i > leads[k - 1].first + 1) {
        const std::string_view t = text(lines[i - 1]);
        if (!in_header(t) && !HeadlineLike(t)) break;
        --i;
      }
      intro_begin[k] = i;
    }

    doc.stories.reserve(doc.stories.size() + leads.size());
    for (size_t k = 0; k < leads.size(); ++k) {
      Story story;
      story.index = static_cast<int>(k);
      const size_t lead = leads[k].first;
      const size_t last = k + 1 < leads.size() ? intro_begin[k + 1] - 1 : lines.size() - 1;
      story.begin = lines[lead].begin;
      story.end = lines[last].end;
      // Headline.
      std::optional<size_t> own, repeat;
      for (size_t i = intro_begin[k]; i < lead; ++i) {
        const bool title_line = k == 0 ? i == 0 : in_header(text(lines[i]));
        if (roundup_lines.count(i)) continue;
        if (k > 0 && parts_of(i).size() >= 2) {
          // A roundup line down the page (another page glued on, a second
          // briefs block) titles the stories it names, from here on: each
          // takes its part, not the whole line. Lines above it (the end of
          // the page before: a copyright, a byline) title none of them.
          for (const auto& [gov, range] : parts_of(i)) roundup.insert_or_assign(gov, range);
          own.reset();
          repeat.reset();
          continue;
        }
        if (title_line) {
          if (!repeat) repeat = i;
        } else {
          own = i;
        }
      }
      auto part = roundup.find(leads[k].second);
      if (k == 0 && has_title && !roundup_lines.count(0)) {
        const size_t title = PageTitle(lines, text, header_end, roundup_lines);
        story.headline = std::make_pair(lines[title].begin, lines[title].end);
        if (roundup_lines.empty()) {
          size_t body = header_end;
          story.deck = Deck(lines, text, title, header_end, &body);
          // Body text the leads missed (`Incheon's Namdong-gu will create
          // ...` right above the `Namdong-gu (Mayor ...)` lead) is the
          // story's: when every line down to the lead reads as body text
          // (no headline or masthead between: another page's header) and
          // names no other government (else it is a story whose lead the
          // patterns missed).
          bool story_text = body < header_end;
          for (size_t i = body; i < header_end && story_text; ++i) {
            const std::string_view t = text(lines[i]);
            if (DeckLike(t)) {
              story_text = false;
            } else {
              const std::string gov = GovernmentIn(t);
              story_text = gov.empty() || gov == leads[0].second;
            }
          }
          if (story_text) story.begin = lines[body].begin;
        }
      } else if (own && (k > 0 || !repeat || roundup_lines.count(0))) {
        story.headline = std::make_pair(lines[*own].begin, lines[*own].end);
      } else if (part != roundup.end()) {
        story.headline = part->second;
      } else if (repeat) {
        story.headline = std::make_pair(lines[*repeat].begin, lines[*repeat].end);
      }
      doc.stories.push_back(std::move(story));
    }
    return {};
  }

 private:
  // The first story's deck: the header lines under the page title (line
  // `title`), other than repeats of it, down to the first line that ends like
  // a sentence (stories.h). Lines above the title are mastheads and menus;
  // with no line that reads like a title there is no deck.
  // `body`: set to the line it stopped at, when that is body text.
  template <typename TextOf>
  std::vector<std::pair<size_t, size_t>> Deck(const std::vector<LineRange>& lines,
                                              const TextOf& text, size_t title, size_t header_end,
                                              size_t* body) const {
    std::vector<std::pair<size_t, size_t>> deck;
    if (!TitleLike(text(lines[title]))) return deck;
    for (size_t i = title + 1; i < header_end; ++i) {
      const std::string_view t = text(lines[i]);
      if (!DeckLike(t)) {  // body text the leads missed, then anything
        *body = i;
        break;
      }
      if (t != text(lines[title])) deck.emplace_back(lines[i].begin, lines[i].end);
    }
    return deck;
  }

  // A headline, or a headline closing on a quoted phrase (`...목표..."동북권
  // 경제 중심으로"`), which HeadlineLike leaves out because a quoted sentence
  // (`... he said."`) ends the same way: here the character before the
  // closing quote tells them apart.
  bool DeckLike(std::string_view t) const {
    if (HeadlineLike(t)) return true;
    if (t.size() < 2 || t.size() > 400 || (t.back() != '"' && t.back() != '\'')) return false;
    t.remove_suffix(1);
    return HeadlineLike(t);
  }

  using Patterns = std::vector<std::unique_ptr<RE2>>;
  std::array<std::pair<Lead::Kind, const Patterns*>, 3> LeadPatterns() const {
    return {{{Lead::Kind::kStrong, &strong_},
             {Lead::Kind::kNewGov, &new_gov_},
             {Lead::Kind::kName, &name_}}};
  }

  // The first lead pattern (strong, then new_gov, then name; file order
  // within each) matching at the start of `line`.
  std::optional<Lead> LeadOf(std::string_view line) const {
    const re2::StringPiece piece(line.data(), line.size());
    re2::StringPiece group[2];
    // Most lines start no story. The set rules them out in one DFA pass; a
    // capturing match per pattern costs a backtracking pass each. (Asking
    // the set which patterns matched allocates: only after it says some did;
    // the hits vector is kept by the thread from line to line.)
    thread_local std::vector<int> hits;
    RE2::Set::ErrorInfo error;
    if (!shortcuts_) {
      error.kind = RE2::Set::kOutOfMemory;  // as if the set failed: every pattern in turn
    } else if (lead_set_.Match(piece, nullptr, &error) && lead_set_.Match(piece, &hits, &error)) {
      // The first pattern matching; its entries that did (after a section
      // tag, at the start): an entry that did not cannot match in MatchLead.
      const auto first = static_cast<size_t>(*std::min_element(hits.begin(), hits.end()));
      const LeadPattern& lead = leads_[first];
      bool after_tag = false, at_start = false;
      for (const int hit : hits) {
        const LeadPattern& entry = leads_[static_cast<size_t>(hit)];
        if (entry.re != lead.re) continue;
        (entry.after_tag ? after_tag : at_start) = true;
      }
      if (MatchLead(lead.kind, *lead.re, piece, group, after_tag, at_start)) {
        return Lead{lead.kind, std::string(group[1].data(), group[1].size())};
      }
    } else if (error.kind == RE2::Set::kNoError) {
      return std::nullopt;
    }
    // The set failed (out of DFA memory) or disagreed: every pattern in turn.
    for (const auto& [kind, patterns] : LeadPatterns()) {
      for (const auto& re : *patterns) {
        if (MatchLead(kind, *re, piece, group, true, true)) {
          return Lead{kind, std::string(group[1].data(), group[1].size())};
        }
      }
    }
    return std::nullopt;
  }

  // Whether lead pattern `re` matches at the start of `line` (a strong one
  // right after a section tag, else at the start), with its groups. Where
  // the set said it cannot match (after a tag: `after_tag` false; at the
  // start: `at_start` false), it is not tried.
  bool MatchLead(Lead::Kind kind, const RE2& re, const re2::StringPiece& line,
                 re2::StringPiece* group, bool after_tag, bool at_start) const {
    if (kind == Lead::Kind::kStrong && section_ && after_tag) {
      re2::StringPiece tag;
      if (section_->Match(line, 0, line.size(), RE2::ANCHOR_START, &tag, 1)) {
        const re2::StringPiece rest(line.data() + tag.size(), line.size() - tag.size());
        if (CaptureAtStart(re, rest, group)) return true;
      }
    }
    return at_start && CaptureAtStart(re, line, group);
  }

  // RE2::Match anchored at the start of `text`, with group 1. Given captures
  // and a line, RE2 backtracks over the whole line, clearing a bitmap of
  // pattern size x line length; so its DFA first finds where the match ends
  // and the groups are taken over the match alone (the highest-priority
  // match is also the highest-priority one ending there: the same groups).
  static bool CaptureAtStart(const RE2& re, const re2::StringPiece& text, re2::StringPiece* group) {
    re2::StringPiece whole;
    return re.Match(text, 0, text.size(), RE2::ANCHOR_START, &whole, 1) &&
           re.Match(text, 0, whole.size(), RE2::ANCHOR_BOTH, group, 2);
  }

  // The first government named in `text` (a `government` match that
  // districts.tsv knows), or "".
  std::string GovernmentIn(std::string_view text) const {
    const re2::StringPiece piece(text.data(), text.size());
    re2::StringPiece group[2];
    size_t best = std::string::npos;
    std::string name;
    for (const auto& re : government_) {
      for (size_t pos = 0; pos < std::min(best, piece.size()) &&
                           re->Match(piece, pos, piece.size(), RE2::UNANCHORED, group, 2);) {
        const size_t at = static_cast<size_t>(group[1].data() - text.data());
        if (at >= best) break;
        if (known_names_.count(std::string_view(group[1].data(), group[1].size()))) {
          best = at;
          name.assign(group[1].data(), group[1].size());
          break;
        }
        pos = static_cast<size_t>(group[0].data() + group[0].size() - text.data());
        if (group[0].empty()) ++pos;
      }
    }
    return name;
  }

  // The "..."-separated parts of a header line, each naming a government;
  // none unless at least two do (a line is a roundup line only then, and
  // callers read no fewer). So the governments are looked for (a capturing
  // search per pattern and part) only while two parts can still name one:
  // a line ending in "..." (a teaser) has one part and costs no search.
  RoundupPartList RoundupParts(const Document& doc, const LineRange& line) const {
    RoundupPartList parts;
    const std::string_view t = doc.Work(line.begin, line.end);
    if (t.find("...") == std::string_view::npos) return parts;
    thread_local std::vector<LineRange> pieces;  // the non-empty parts, before naming
    pieces.clear();
    size_t at = 0;
    while (at <= t.size()) {
      size_t sep = t.find("...", at);
      if (sep == std::string_view::npos) sep = t.size();
      LineRange part{line.begin + at, line.begin + sep};
      // A leading section tag: "[Seoul District News] ".
      if (doc.work[part.begin] == '[') {
        const size_t close = doc.work.find(']', part.begin);
        if (close != std::string::npos && close < part.end) part.begin = close + 1;
      }
      while (part.begin < part.end && doc.work[part.begin] == '.') ++part.begin;
      part = Trim(doc.work, part);
      if (!part.empty()) pieces.push_back(part);
      at = sep + 3;
    }
    for (size_t k = 0;
         k < pieces.size() && (!shortcuts_ || parts.size() + (pieces.size() - k) >= 2); ++k) {
      const LineRange& part = pieces[k];
      std::string gov = GovernmentIn(doc.Work(part.begin, part.end));
      if (!gov.empty()) parts.push_back({std::move(gov), {part.begin, part.end}});
    }
    if (parts.size() < 2) parts.clear();
    return parts;
  }

  // Adds the parts of a roundup line; returns how many parts name a government.
  static size_t AddRoundupParts(const RoundupPartList& parts,
                                std::map<std::string, std::pair<size_t, size_t>>& roundup) {
    if (parts.size() < 2) return parts.size();
    for (const auto& [gov, range] : parts) roundup.emplace(gov, range);
    return parts.size();
  }

  // The page's title among the lines before the first lead: the first that
  // reads like a title rather than a masthead or a menu, else the first line.
  // A roundup line ("[Briefs] A ... B ... C") titles the page, not its
  // first story.
  template <typename TextOf>
  static size_t PageTitle(const std::vector<LineRange>& lines, const TextOf& text, size_t end,
                          const std::set<size_t>& roundup_lines) {
    for (size_t i = 0; i < end; ++i) {
      if (!roundup_lines.count(i) && TitleLike(text(lines[i]))) return i;
    }
    return 0;
  }

  // Mastheads ("K-LocalGov Times") and menus ("Home | Local | Seoul",
  // "뉴스홈 > 지자체 > 서울", "Home · Industry · Culture", "Text Size Large
  // Small") are short or are lists;
  // a title is a phrase of several words that says something: it carries a
  // figure or a comma, or it is long.
  static bool TitleLike(std::string_view t) {
    if (t.empty() || t.back() == '.') return false;
    if (t.find('|') != std::string_view::npos || t.find('>') != std::string_view::npos ||
        t.find(" · ") != std::string_view::npos) {
      return false;
    }
    size_t words = 0;
    bool in_word = false, figure = false;
    for (const char c : t) {
      const bool space = c == ' ';
      if (!space && !in_word) ++words;
      in_word = !space;
      figure = figure || (c >= '0' && c <= '9') || c == ',';
    }
    return words >= 3 && (figure || words >= 7);
  }

  // A line that does not end like a sentence: a headline.
  bool HeadlineLike(std::string_view t) const {
    if (t.empty() || t.size() > 400) return false;
    const char c = t.back();
    if (c == '.' || c == '!' || c == '"' || c == '\'' || c == ':' || c == ';') return false;
    // A Korean headline may end in a verb (`8600개 만든다`), but a line that
    // reads as a reported sentence (`...고 밝혔다`, `...했다`) is none.
    for (const std::string& ending : reported_endings_) {
      if (t.ends_with(ending)) return false;
    }
    return true;
  }

  bool shortcuts_ = true;                           // StoriesSearch::kShortcuts
  std::vector<std::string> reported_endings_;       // headlines.tsv
  std::set<std::string, std::less<>> known_names_;  // districts.tsv
  Patterns strong_, new_gov_, name_, government_;
  std::unique_ptr<RE2> section_;  // null when no section row
  RE2::Set lead_set_;             // strong_, new_gov_, name_ in order
  struct LeadPattern {
    Lead::Kind kind = Lead::Kind::kStrong;
    const RE2* re = nullptr;
    bool after_tag = false;  // the set's entry asks for a section tag before it
  };
  std::vector<LeadPattern> leads_;  // set index -> pattern
};

}  // namespace

std::unique_ptr<Stage> MakeStoriesStage(const PipelineOptions& options) {
  return MakeStoriesStage(options, StoriesSearch::kShortcuts);
}

std::unique_ptr<Stage> MakeStoriesStage(const PipelineOptions& options, StoriesSearch search) {
  return std::make_unique<StoriesStage>(options.lexicons, search);
}

}  // namespace newsie
