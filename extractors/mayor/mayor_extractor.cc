#include "extractors/mayor/mayor_extractor.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <sstream>

#include "extractors/match.h"
#include "pipeline/hangul.h"
#include "pipeline/rare_byte_search.h"
#include "pipeline/utf8.h"

namespace newsie {
namespace {

// Names as articles print them: romanised Korean names in ASCII (`Park
// Jun-hee`), Hangul names as 2-4 syllables. Narrow classes on purpose: with
// \p{Lu}/\p{Ll} the compiled patterns are many times larger, and RE2's
// submatch pass pays for their size on every match.
constexpr std::string_view kNameEn = R"(([A-Z][a-z]+ [A-Z][a-z]+(?:-[A-Za-z][a-z]*)?))";
constexpr std::string_view kNameKo = R"(([가-힣]{2,4}))";
// How far after a government name the `(Mayor Y)` / ` Mayor Y` patterns look.
constexpr size_t kLookahead = 120;
// Which run of spaces in a title-and-name match stands between the two
// (SplitAtSpaceRun): titles never start or end with a space (checked when
// the patterns are built), a Latin name holds exactly one (the second run
// from the end is the one before it), a Hangul name none (the first run).
constexpr int kBeforeLatinName = -2;
constexpr int kAfterHangulName = 0;

std::string Alternation(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += '|';
    out += RE2::QuoteMeta(w);
  }
  return "(" + out + ")";
}

std::unique_ptr<RE2> Compile(const std::string& pattern) {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(32 << 20);
  auto re = std::make_unique<RE2>(pattern, options);
  if (!re->ok()) throw LexiconError("mayor_titles.tsv: bad pattern: " + re->error());
  return re;
}

size_t Offset(std::string_view text, const re2::StringPiece& piece) {
  return static_cast<size_t>(piece.data() - text.data());
}

bool WordCharBefore(std::string_view text, size_t pos) {
  if (pos == 0) return false;
  const char32_t c = CodePointBefore(text, pos);
  return IsHangulSyllable(c) || (c < 0x80 && std::isalnum(static_cast<int>(c)));
}

// Calls f(groups) for each match of `re` in text[begin, end).
template <typename F>
void ForEachMatch(const RE2& re, std::string_view text, size_t begin, size_t end, F f) {
  const int n = re.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> groups(n);
  size_t pos = begin;
  while (pos < end && re.Match(text, pos, end, RE2::UNANCHORED, groups.data(), n)) {
    f(groups);
    const size_t match_end = Offset(text, groups[0]) + groups[0].size();
    size_t len = 1;
    CodePointAt(text, Offset(text, groups[0]), &len);
    pos = std::max(match_end, Offset(text, groups[0]) + len);
  }
}

std::string Str(const re2::StringPiece& p) { return std::string(p.data(), p.size()); }

// What a lead's match `\s*\(\s*...\s*\)` holds inside its parentheses,
// without the spaces at its edges.
re2::StringPiece InParentheses(re2::StringPiece whole) {
  const size_t open = whole.find('(');
  if (open == re2::StringPiece::npos || whole[whole.size() - 1] != ')') return {};
  whole.remove_prefix(open + 1);
  whole.remove_suffix(1);
  return TrimRe2Spaces(whole);
}

// True when text[pos, end) is spaces and then `(`: what every `X (Mayor Y)`
// pattern needs before RE2 is worth running.
bool ParenAfterSpaces(std::string_view text, size_t pos, size_t end) {
  while (pos < end && IsRe2Space(text[pos])) ++pos;
  return pos < end && text[pos] == '(';
}

// The titles that contain no other title (finding these finds every title:
// `District Mayor` holds `Mayor`), each with the forms holding it.
std::vector<MayorExtractor::CoreTitle> CoreTitles(const std::vector<std::string>& titles,
                                                  const std::vector<std::string>& glued) {
  auto holders = [](const std::string& core, const std::vector<std::string>& forms) {
    std::map<size_t, std::vector<std::string>> by_offset;
    for (const auto& form : forms) {
      for (size_t at = form.find(core); at != std::string::npos; at = form.find(core, at + 1))
        by_offset[at].push_back(form);
    }
    return MayorExtractor::CoreTitle::Holders(by_offset.begin(), by_offset.end());
  };
  std::vector<MayorExtractor::CoreTitle> core;
  for (const auto& t : titles) {
    bool holds_other = false;
    for (const auto& other : titles) {
      holds_other |= other != t && t.find(other) != std::string::npos;
    }
    if (!holds_other) core.push_back({t, RarestByte(t), holders(t, titles), holders(t, glued)});
  }
  return core;
}

// `ranges` sorted, overlapping ones joined.
std::vector<std::pair<size_t, size_t>> Merged(std::vector<std::pair<size_t, size_t>> ranges) {
  std::sort(ranges.begin(), ranges.end());
  // Merged in place: the kept ranges never overtake the one being read.
  size_t kept = 0;
  for (size_t i = 0; i < ranges.size(); ++i) {
    if (kept > 0 && ranges[i].first <= ranges[kept - 1].second) {
      ranges[kept - 1].second = std::max(ranges[kept - 1].second, ranges[i].second);
    } else {
      ranges[kept++] = ranges[i];
    }
  }
  ranges.resize(kept);
  return ranges;
}

// How far from a title word a name-and-title match can reach: a name
// (`Kim Kyung-ho`, `정원오`), the glued district stem (`성동` of 성동구청장),
// commas, `the`, spaces, and the rest of a longer title (`Acting District`
// before `Mayor`, `권한대행` after 구청장).
constexpr size_t kTitleReach = 96;

// A core title found in the text.
struct TitleHit {
  size_t at = 0;  // bytes in the text
  const MayorExtractor::CoreTitle* title = nullptr;
};

// The core titles in text[begin, end), in text order.
std::vector<TitleHit> FindTitles(std::string_view text, size_t begin, size_t end,
                                 const std::vector<MayorExtractor::CoreTitle>& titles) {
  std::vector<TitleHit> hits;
  const std::string_view range = text.substr(begin, end - begin);
  for (const auto& title : titles) {
    ForEachOccurrence(range, title.text, title.key, [&](size_t at) {
      hits.push_back({begin + at, &title});
    });
  }
  std::sort(hits.begin(), hits.end(),
            [](const TitleHit& a, const TitleHit& b) { return a.at < b.at; });
  return hits;
}

// The stretches of text[begin, end) within kTitleReach bytes of a title hit,
// merged, each starting on a character. The name-and-title patterns cannot
// match outside them, and titles are rare, so running the patterns only there
// saves scanning whole stories with them.
std::vector<std::pair<size_t, size_t>> TitleWindows(std::string_view text, size_t begin, size_t end,
                                                    const std::vector<TitleHit>& hits) {
  std::vector<std::pair<size_t, size_t>> windows;
  windows.reserve(hits.size());
  for (const auto& hit : hits) {
    size_t b = hit.at > begin + kTitleReach ? hit.at - kTitleReach : begin;
    b = CodePointStartAt(text, b, begin);
    windows.emplace_back(b, std::min(end, hit.at + hit.title->text.size() + kTitleReach));
  }
  return Merged(std::move(windows));
}

// Where the forms holding each hit begin, as printed in the text (`District
// Mayor` 9 bytes before its `Mayor`, `성동구청장` 6 before its 구청장): sorted,
// once each. `forms` picks CoreTitle::in_titles or CoreTitle::in_glued;
// with `after_space`, only forms printed after a space.
std::vector<size_t> FormStarts(std::string_view text, size_t begin,
                               const std::vector<TitleHit>& hits,
                               MayorExtractor::CoreTitle::Holders MayorExtractor::CoreTitle::*forms,
                               bool after_space) {
  std::vector<size_t> starts;
  for (const auto& hit : hits) {
    for (const auto& [offset, holding] : hit.title->*forms) {
      if (hit.at < begin + offset) continue;
      const size_t at = hit.at - offset;
      if (after_space && (at == begin || !IsRe2Space(text[at - 1]))) continue;
      for (const auto& form : holding) {
        if (text.substr(at, form.size()) == form) {
          starts.push_back(at);
          break;
        }
      }
    }
  }
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  return starts;
}

// True when text[0, at) ends with `,\s+`, or with `,\s+` and one of
// `between` (its words apart by runs of spaces) and `\s+`: what stands
// between the name and the title in `Kim Kyung-ho, Mayor of Gwangjin-gu`
// and `Kim Kyung-ho, the Mayor of Gwangjin-gu`.
bool AfterComma(std::string_view text, size_t at,
                const std::vector<std::vector<std::string>>& between) {
  auto skip_spaces = [&](size_t pos) {
    while (pos > 0 && IsRe2Space(text[pos - 1])) --pos;
    return pos;
  };
  const size_t end = skip_spaces(at);
  if (end == at || end == 0) return false;
  if (text[end - 1] == ',') return true;
  for (const std::vector<std::string>& words : between) {
    // The row's words from the last, each with spaces before it.
    size_t pos = end;
    bool ok = true;
    for (size_t w = words.size(); ok && w-- > 0;) {
      const std::string& word = words[w];
      ok = pos > word.size() && text.substr(pos - word.size(), word.size()) == word;
      if (ok) {
        const size_t start = pos - word.size();
        pos = skip_spaces(start);
        ok = pos < start && pos > 0;
      }
    }
    if (ok && text[pos - 1] == ',') return true;
  }
  return false;
}

// The rows of mayor_between.tsv, each as its words, and as one optional
// pattern (`(?:(?:the|its\s+current)\s+)?`; empty when there are none).
std::vector<std::vector<std::string>> BetweenCommaAndTitle(const LexiconDir& lexicons,
                                                           std::string* pattern) {
  std::vector<std::vector<std::string>> out;
  std::string alternation;
  for (const LexiconRow& row : lexicons.ReadTsv("mayor_between.tsv")) {
    std::vector<std::string> words;
    std::istringstream in(row.Get("text"));
    for (std::string word; in >> word;) words.push_back(word);
    if (words.empty()) continue;
    std::string quoted;
    for (const std::string& word : words) {
      quoted += (quoted.empty() ? "" : R"(\s+)") + RE2::QuoteMeta(word);
    }
    alternation += (alternation.empty() ? "" : "|") + quoted;
    out.push_back(std::move(words));
  }
  *pattern = alternation.empty() ? "" : "(?:(?:" + alternation + R"()\s+)?)";
  return out;
}

// Where `<2-4 Hangul syllables><spaces>` ending at `at` may start (the name
// in `정원오 구청장`), added to `starts`; none unless a space comes just before
// `at`. Looks no further back than `begin`.
void AddNameStarts(std::string_view text, size_t begin, size_t at, std::vector<size_t>& starts) {
  if (at <= begin || !IsRe2Space(text[at - 1])) return;
  size_t pos = at - 1;
  while (pos > begin && IsRe2Space(text[pos - 1])) --pos;
  for (int syllables = 1; syllables <= 4 && pos > begin; ++syllables) {
    size_t len = 0;
    if (!IsHangulSyllable(CodePointBefore(text, pos, &len)) || len != 3 || pos < begin + len) break;
    pos -= len;
    if (syllables >= 2) starts.push_back(pos);
  }
}

// ForEachMatch for a two-group pattern that can only match starting at one
// of `starts` (sorted): runs it anchored there rather than scanning
// text[begin, end). The matches are the same: RE2's leftmost match is the
// one at the first position where the pattern matches. RE2's DFA finds each
// match; groups_of(whole, groups) then fills groups[0..2] (false: none).
template <typename GroupsOf, typename F>
void ForEachMatchAt(const RE2& re, std::string_view text, const std::vector<size_t>& starts,
                    size_t begin, size_t end, GroupsOf groups_of, F f) {
  std::array<re2::StringPiece, 3> groups;
  size_t pos = begin;
  for (auto it = std::lower_bound(starts.begin(), starts.end(), begin);
       it != starts.end() && *it < end; ++it) {
    re2::StringPiece whole;
    if (*it < pos || !MatchAt(re, text, *it, end, &whole) || !groups_of(whole, groups.data()))
      continue;
    f(groups);
    const size_t match_end = Offset(text, groups[0]) + groups[0].size();
    size_t len = 1;
    CodePointAt(text, *it, &len);
    pos = std::max(match_end, *it + len);
  }
}

}  // namespace

MayorExtractor::MayorExtractor(const LexiconDir& lexicons, Groups groups)
    : groups_(groups), gazetteer_(Gazetteer::Shared(lexicons)), names_(lexicons) {
  const std::string t_en = Alternation(gazetteer_->titles_en());
  const std::string t_ko = Alternation(gazetteer_->titles_ko());
  std::vector<std::string> glued;
  for (const auto& [title, govs] : gazetteer_->glued_titles()) glued.push_back(title);
  // Collect takes title and name from the whole match, split at the run of
  // spaces between them (SplitAtSpaceRun): a title with a space at an edge
  // would move that run. Said here, when a rule adds one, not by wrong names.
  auto check_edges = [](const std::vector<std::string>& titles, const std::string& source) {
    for (const auto& t : titles) {
      if (t.empty() || IsRe2Space(t[0]) || IsRe2Space(t.back())) {
        throw LexiconError(source + ": title '" + t + "' is empty or starts or ends with a space");
      }
    }
  };
  check_edges(gazetteer_->titles_en(), "mayor_titles.tsv");
  check_edges(gazetteer_->titles_ko(), "mayor_titles.tsv");
  check_edges(glued, "districts.tsv (a name glued to its title)");
  const std::string name_en(kNameEn), name_ko(kNameKo);

  en_lead_ = Compile(R"(\s*\(\s*)" + t_en + R"(\s+)" + name_en + R"(\s*\))");
  en_after_district_ = Compile(R"(\s+)" + t_en + R"(\s+)" + name_en);
  std::string between;
  between_comma_and_title_ = BetweenCommaAndTitle(lexicons, &between);
  for (const LexiconRow& row : lexicons.ReadTsv("mayor_titles.tsv")) {
    if (row.Get("common_word") == "yes") common_word_titles_.push_back(row.Get("title"));
  }
  en_name_title_ = Compile(name_en + R"(,\s+)" + between + t_en + R"(\b)");
  en_of_ = Compile(R"(\s+of\s+)");
  en_title_name_ = Compile(t_en + R"(\s+)" + name_en);
  ko_lead_ = Compile(R"(\s*\(\s*(?:)" + t_ko + R"(\s*)" + name_ko + "|" + name_ko + R"(\s*)" +
                     t_ko + R"()\s*\))");
  ko_glued_ = Compile(name_ko + R"(\s+)" + Alternation(glued));
  ko_name_title_ = Compile(name_ko + R"(\s+)" + t_ko);
  core_titles_en_ = CoreTitles(gazetteer_->titles_en(), {});
  core_titles_ko_ = CoreTitles(gazetteer_->titles_ko(), glued);
}

MayorExtractor::~MayorExtractor() = default;

std::vector<MayorExtractor::Candidate> MayorExtractor::Collect(const Document& doc, size_t begin,
                                                               size_t end, Scripts scripts) const {
  const std::string_view work = doc.work;
  std::vector<Candidate> out;
  const bool want_hangul = scripts != Scripts::kLatin;
  const bool want_latin = scripts != Scripts::kHangul;
  // Every pattern below names a title: run them only near one.
  end = std::min(end, work.size());
  begin = std::min(begin, end);
  const auto hits_en =
      want_latin ? FindTitles(work, begin, end, core_titles_en_) : std::vector<TitleHit>();
  const auto hits_ko =
      want_hangul ? FindTitles(work, begin, end, core_titles_ko_) : std::vector<TitleHit>();
  const auto windows_en = TitleWindows(work, begin, end, hits_en);
  const auto windows_ko = TitleWindows(work, begin, end, hits_ko);
  // The government mentions that end near a title (`X (Mayor Y)`, `X(구청장 Y)`,
  // `Mayor of X`), found from further back so that a region written before
  // one (`Seoul's Jung-gu`) is seen whole.
  std::vector<GovMention> mentions;
  std::vector<std::pair<size_t, size_t>> windows;
  windows.reserve(windows_en.size() + windows_ko.size());
  windows.insert(windows.end(), windows_en.begin(), windows_en.end());
  windows.insert(windows.end(), windows_ko.begin(), windows_ko.end());
  for (const auto& [wb, we] : Merged(std::move(windows))) {
    size_t from = wb > begin + kTitleReach ? wb - kTitleReach : begin;
    from = CodePointStartAt(work, from, begin);
    for (auto& m : gazetteer_->Find(doc, from, we)) {
      if (m.end > wb) mentions.push_back(std::move(m));
    }
  }

  auto latin_ok = [&](std::string_view name) {
    return names_.IsLatinSurname(name.substr(0, name.find(' ')));
  };
  auto hangul_ok = [&](std::string_view text, size_t at, std::string_view name) {
    if (WordCharBefore(text, at) || !names_.HasKnownSurname(name)) return false;
    // Not a government name (관악구 구청장).
    const auto m = gazetteer_->Find(name, 0, name.size());
    return m.empty();
  };
  auto add = [&](const re2::StringPiece& name, const re2::StringPiece& title, bool hangul,
                 std::span<const Government* const> govs, int tier, std::string_view rule) {
    Candidate c;
    c.begin = Offset(work, name);
    c.end = c.begin + name.size();
    c.name = Str(name);
    c.hangul = hangul;
    c.title = Str(title);
    c.governments = govs;
    c.tier = tier;
    c.rule = rule;
    out.push_back(std::move(c));
  };

  // The groups of `whole`, a match in `text` of `re`, a pattern shaped
  // `...(T)\s+(N)...` or `(N)\s+(T)` (title, name) whose `inner` holds just
  // title and name: split at the spaces between them (see Groups). A Latin
  // name holds one space (kNameEn), so these are the second run from the end
  // (kBeforeLatinName); a Hangul name holds none, so they are the first run
  // (kAfterHangulName).
  auto groups_of = [&](const RE2& re, std::string_view text, const re2::StringPiece& whole,
                       const re2::StringPiece& inner, int run, re2::StringPiece* g) {
    if (groups_ == Groups::kCapture) return CaptureWithin(re, text, whole, g, 3);
    g[0] = whole;
    return SplitAtSpaceRun(inner, run, &g[1], &g[2]);
  };

  // After a government name: `X (Mayor Y)`, `X(구청장 Y)`, `X District Mayor Y`.
  for (const auto& m : mentions) {
    const std::string_view rest = work.substr(0, std::min(work.size(), m.end + kLookahead));
    std::array<re2::StringPiece, 5> g;
    re2::StringPiece whole;
    if (m.hangul) {
      if (want_hangul && ParenAfterSpaces(rest, m.end, rest.size()) &&
          MatchAtThenCapture(*ko_lead_, rest, m.end, rest.size(), g.data(), 5)) {
        const bool title_first = g[1].data() != nullptr;
        const auto& name = title_first ? g[2] : g[3];
        const auto& title = title_first ? g[1] : g[4];
        if (names_.HasKnownSurname(Str(name)))
          add(name, title, true, m.candidates, 0, "ko.mayor.lead_paren");
      }
    } else if (want_latin) {
      if (ParenAfterSpaces(rest, m.end, rest.size()) &&
          MatchAt(*en_lead_, rest, m.end, rest.size(), &whole) &&
          groups_of(*en_lead_, rest, whole, InParentheses(whole), kBeforeLatinName, g.data()) &&
          latin_ok(Str(g[2]))) {
        add(g[2], g[1], false, m.candidates, 0, "en.mayor.lead_paren");
      } else if (m.end < rest.size() && IsRe2Space(rest[m.end]) &&
                 MatchAt(*en_after_district_, rest, m.end, rest.size(), &whole) &&
                 groups_of(*en_after_district_, rest, whole, TrimRe2Spaces(whole), kBeforeLatinName,
                           g.data()) &&
                 latin_ok(Str(g[2]))) {
        add(g[2], g[1], false, m.candidates, 1, "en.mayor.district_title_name");
      }
    }
  }

  // Where a title is printed, for the patterns matching from one.
  const auto title_starts = FormStarts(work, begin, hits_en, &CoreTitle::in_titles, false);
  // `Kim Kyung-ho, Mayor of Gwangjin-gu` / `Kim Mi-kyung, head of the district office`:
  // only in a window where a title follows a comma.
  std::vector<size_t> after_comma;
  for (const size_t at : title_starts) {
    if (AfterComma(work, at, between_comma_and_title_)) after_comma.push_back(at);
  }
  for (const auto& [wb, we] : windows_en) {
    const auto first = std::lower_bound(after_comma.begin(), after_comma.end(), wb);
    if (first == after_comma.end() || *first >= we) continue;
    ForEachMatch(*en_name_title_, work, wb, we, [&](const auto& g) {
      if (!latin_ok(Str(g[1]))) return;
      const size_t after = Offset(work, g[0]) + g[0].size();
      re2::StringPiece of;
      if (en_of_->Match(work, after, end, RE2::ANCHOR_START, &of, 1)) {
        const size_t at = after + of.size();
        for (const auto& m : mentions) {
          if (m.begin == at) {
            add(g[1], g[2], false, m.candidates, 1, "en.mayor.name_title_of");
            return;
          }
        }
      }
      add(g[1], g[2], false, {}, 2, "en.mayor.name_title");
    });
  }
  // `Mayor Park Jun-hee said`: a match starts with a title.
  for (const auto& [wb, we] : windows_en) {
    auto groups = [&](const re2::StringPiece& whole, re2::StringPiece* g) {
      return groups_of(*en_title_name_, work, whole, whole, kBeforeLatinName, g);
    };
    ForEachMatchAt(*en_title_name_, work, title_starts, wb, we, groups, [&](const auto& g) {
      if (WordCharBefore(work, Offset(work, g[0])) || !latin_ok(Str(g[2]))) return;
      add(g[2], g[1], false, {}, 2, "en.mayor.title_name");
    });
  }
  // `정원오 성동구청장은`, `황인호 동구청장`: a match starts with the name before a
  // glued title.
  std::vector<size_t> name_starts;
  for (const size_t at : FormStarts(work, begin, hits_ko, &CoreTitle::in_glued, true))
    AddNameStarts(work, begin, at, name_starts);
  std::sort(name_starts.begin(), name_starts.end());
  for (const auto& [wb, we] : windows_ko) {
    auto groups = [&](const re2::StringPiece& whole, re2::StringPiece* g) {
      return groups_of(*ko_glued_, work, whole, whole, kAfterHangulName, g);
    };
    ForEachMatchAt(*ko_glued_, work, name_starts, wb, we, groups, [&](const auto& g) {
      if (!hangul_ok(work, Offset(work, g[1]), Str(g[1]))) return;
      const std::string glued = Str(g[2]);
      std::span<const Government* const> govs;
      for (const auto& [title, gs] : gazetteer_->glued_titles()) {
        if (title == glued) govs = gs;
      }
      // The title as printed: the title word the glued form ends with.
      re2::StringPiece title = g[2];
      for (const auto& t : gazetteer_->titles_ko()) {
        if (glued.size() > t.size() && glued.ends_with(t)) {
          title = re2::StringPiece(g[2].data() + glued.size() - t.size(), t.size());
          break;
        }
      }
      add(g[1], title, true, govs, 1, "ko.mayor.glued_title");
    });
  }
  // `김미경 구청장은`: a match starts with the name before a title.
  name_starts.clear();
  for (const size_t at : FormStarts(work, begin, hits_ko, &CoreTitle::in_titles, true))
    AddNameStarts(work, begin, at, name_starts);
  std::sort(name_starts.begin(), name_starts.end());
  for (const auto& [wb, we] : windows_ko) {
    auto groups = [&](const re2::StringPiece& whole, re2::StringPiece* g) {
      return groups_of(*ko_name_title_, work, whole, whole, kAfterHangulName, g);
    };
    ForEachMatchAt(*ko_name_title_, work, name_starts, wb, we, groups, [&](const auto& g) {
      if (!hangul_ok(work, Offset(work, g[1]), Str(g[1]))) return;
      add(g[1], g[2], true, {}, 2, "ko.mayor.name_title");
    });
  }
  std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
    return a.tier != b.tier ? a.tier < b.tier : a.begin < b.begin;
  });
  return out;
}

void MayorExtractor::Extract(Document& doc, Story& story) const {
  DocumentNames document_names;
  ExtractStory(doc, story, document_names);
}

void MayorExtractor::ExtractStories(Document& doc) const {
  DocumentNames document_names;
  for (Story& story : doc.stories) ExtractStory(doc, story, document_names);
}

void MayorExtractor::ExtractStory(Document& doc, Story& story,
                                  DocumentNames& document_names) const {
  if (!story.district || !story.district->government) return;
  const Government* district = story.district->government;
  const std::string_view work = doc.work;
  const auto quoted = QuotedRanges(work, story.begin, story.end, /*single=*/false);
  const auto candidates = Collect(doc, story.begin, story.end);

  // The terms whose heads may be meant.
  std::set<int> terms;
  const auto& ref = doc.ref_date;
  if (ref.year && ref.month) {
    if (auto t = gazetteer_->TermAt(*ref.year, *ref.month)) terms.insert(*t);
  } else if (ref.year) {
    for (int month : {1, 12}) {
      if (auto t = gazetteer_->TermAt(*ref.year, month)) terms.insert(*t);
    }
  }
  if (terms.empty()) terms.insert(gazetteer_->LatestTerm());

  auto same_person = [&](const Candidate& c, const std::string& ko, const std::string& en) {
    return c.hangul ? c.name == ko : (c.name == en || names_.Matches(ko, c.name));
  };
  // A bare `Mayor Y` naming the head of another government is not this story's.
  auto heads_another = [&](const Candidate& c) {
    for (const auto* h : gazetteer_->HeadsOf(district->code)) {
      if (same_person(c, h->name_ko, h->name_en)) return false;
    }
    for (const Head& h : gazetteer_->heads()) {
      if (h.code == district->code) continue;
      if (c.hangul ? c.name == h.name_ko : c.name == h.name_en) return true;
    }
    return false;
  };
  // A title that is a common word too (시장 is also "market"): a bare `Y 시장`
  // needs Y to be known as a head here.
  auto known_elsewhere = [&](const Candidate& c) {
    for (const auto* h : gazetteer_->HeadsOf(district->code)) {
      if (same_person(c, h->name_ko, h->name_en)) return true;
    }
    for (const auto& other : candidates) {
      if (&other != &c && other.tier < 2 && other.name == c.name) return true;
    }
    return false;
  };

  const Candidate* chosen = nullptr;
  for (const auto& c : candidates) {
    if (Inside(quoted, c.begin)) continue;
    if (!c.governments.empty()) {
      if (std::find(c.governments.begin(), c.governments.end(), district) == c.governments.end())
        continue;
    } else {
      if (heads_another(c)) continue;
      if (c.rule == "ko.mayor.name_title" &&
          std::find(common_word_titles_.begin(), common_word_titles_.end(), c.title) !=
              common_word_titles_.end() &&
          !known_elsewhere(c))
        continue;
    }
    chosen = &c;
    break;
  }
  if (!chosen) return;

  MayorFact fact;
  fact.title = chosen->title;
  fact.span = doc.ToOriginal(chosen->begin, chosen->end);
  fact.rule = chosen->rule;
  (chosen->hangul ? fact.name_ko : fact.name_en) = chosen->name;

  // The other script: from the same document, else the heads lexicon.
  auto pair_ok = [&](const std::string& ko, const std::string& en) {
    return names_.Matches(ko, en);
  };
  auto& other_script = chosen->hangul ? document_names.latin : document_names.hangul;
  if (!other_script)
    other_script =
        Collect(doc, 0, work.size(), chosen->hangul ? Scripts::kLatin : Scripts::kHangul);
  for (const auto& c : *other_script) {
    if (c.hangul == chosen->hangul) continue;
    const std::string& ko = chosen->hangul ? chosen->name : c.name;
    const std::string& en = chosen->hangul ? c.name : chosen->name;
    if (pair_ok(ko, en)) {
      (chosen->hangul ? fact.name_en : fact.name_ko) = c.name;
      break;
    }
  }
  if (!fact.name_ko || !fact.name_en) {
    for (const auto* h : gazetteer_->HeadsOf(district->code)) {
      if (!terms.count(h->term)) continue;
      if (chosen->hangul) {
        if (h->name_ko == chosen->name && pair_ok(h->name_ko, h->name_en)) {
          fact.name_en = h->name_en;
          break;
        }
      } else if (pair_ok(h->name_ko, chosen->name)) {
        fact.name_ko = h->name_ko;
        break;
      }
    }
  }
  story.mayor = std::move(fact);
}

}  // namespace newsie
