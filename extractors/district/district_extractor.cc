#include "extractors/district/district_extractor.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>

namespace newsie {
namespace {

// How many of the story's first sentences naming a government are searched
// for its lead.
constexpr int kLeadSentences = 6;

std::string Alternation(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out += '|';
    out += RE2::QuoteMeta(w);
  }
  return "(?:" + out + ")";
}

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// True when nothing but spaces and bracketed tags (`[Asia Economy Reporter
// ...]`, `(서울=뉴스1)`) stands between `begin` and `pos`.
bool AtSentenceStart(std::string_view text, size_t begin, size_t pos) {
  size_t i = begin;
  while (i < pos) {
    if (IsSpace(text[i])) {
      ++i;
    } else if (text[i] == '[' || text[i] == '(') {
      const char close = text[i] == '[' ? ']' : ')';
      const size_t at = text.find(close, i);
      if (at == std::string_view::npos || at >= pos) return false;
      i = at + 1;
    } else {
      return false;
    }
  }
  return true;
}

std::string RegionOf(const Government* g) { return g->level == "metro" ? g->code : g->region_code; }

using Counts = std::map<std::string, int, std::less<>>;

Counts RegionCounts(const std::vector<GovMention>& mentions, size_t skip_begin) {
  Counts counts;
  for (const auto& m : mentions) {
    if (m.begin == skip_begin) continue;
    if (m.region_code) {
      ++counts[*m.region_code];
    } else if (m.candidates.size() == 1) {
      ++counts[RegionOf(m.candidates[0])];
    }
  }
  return counts;
}

// The candidate whose region is named most often, if exactly one is.
const Government* ByRegion(std::span<const Government* const> candidates, const Counts& counts) {
  const Government* best = nullptr;
  int best_count = 0;
  bool tie = false;
  for (const auto* c : candidates) {
    const auto it = counts.find(RegionOf(c));
    const int n = it == counts.end() ? 0 : it->second;
    if (n > best_count) {
      best = c;
      best_count = n;
      tie = false;
    } else if (n == best_count && n > 0) {
      tie = true;
    }
  }
  return tie ? nullptr : best;
}

std::string Names(std::span<const Government* const> candidates) {
  std::string out;
  for (const auto* c : candidates) {
    if (!out.empty()) out += ", ";
    out += c->full_ko();
  }
  return out;
}

}  // namespace

std::vector<std::pair<size_t, size_t>> StorySentences(const Document& doc, const Story& story) {
  std::vector<std::pair<size_t, size_t>> out;
  if (!story.sentences.empty()) {
    out.reserve(story.sentences.size());
    for (const int i : story.sentences) {
      out.emplace_back(doc.sentences[i].begin, doc.sentences[i].end);
    }
    return out;
  }
  size_t pos = story.begin;
  const size_t end = std::min(story.end, doc.work.size());
  while (pos < end) {
    size_t eol = doc.work.find('\n', pos);
    if (eol == std::string::npos || eol > end) eol = end;
    size_t b = pos, e = eol;
    while (b < e && IsSpace(doc.work[b])) ++b;
    while (e > b && IsSpace(doc.work[e - 1])) --e;
    if (b < e) out.emplace_back(b, e);
    pos = eol + 1;
  }
  return out;
}

DistrictExtractor::DistrictExtractor(const LexiconDir& lexicons)
    : gazetteer_(Gazetteer::Shared(lexicons)) {
  RE2::Options options;
  options.set_log_errors(false);
  const std::string en = Alternation(gazetteer_->titles_en());
  const std::string ko = Alternation(gazetteer_->titles_ko());
  lead_en_ = std::make_unique<RE2>(R"(^\s*\(\s*)" + en + R"(\s+\p{Lu})", options);
  lead_ko_ = std::make_unique<RE2>(
      R"(^\s*\(\s*(?:)" + ko + R"(\s*\p{Hangul}{2,4}|\p{Hangul}{2,4}\s*)" + ko + R"()\s*\))",
      options);
  if (!lead_en_->ok() || !lead_ko_->ok()) throw LexiconError("mayor_titles.tsv: bad title");
}

DistrictExtractor::~DistrictExtractor() = default;

void DistrictExtractor::Extract(Document& doc, Story& story) const {
  const std::string_view work = doc.work;
  const auto sentences = StorySentences(doc, story);
  const auto mentions = gazetteer_->Find(doc, story.begin, story.end);
  const auto quoted = QuotedRanges(work, story.begin, story.end, /*single=*/true);
  std::vector<GovMention> headline;
  if (story.headline)
    headline = gazetteer_->Find(doc, story.headline->first, story.headline->second);

  auto in_headline = [&](size_t pos) {
    return story.headline && story.headline->first <= pos && pos < story.headline->second;
  };
  auto has_lead = [&](const GovMention& m) {
    const std::string_view rest = work.substr(m.end, std::min<size_t>(80, work.size() - m.end));
    // Both patterns open with `\s*\(`: most names have no parenthesis after them.
    const size_t paren = rest.find_first_not_of(" \t\n\f\r");
    if (paren == std::string_view::npos || rest[paren] != '(') return false;
    return RE2::PartialMatch(rest, m.hangul ? *lead_ko_ : *lead_en_);
  };

  auto is_basic = [](const GovMention& m) {
    return std::any_of(m.candidates.begin(), m.candidates.end(),
                       [](const Government* g) { return g->level == "basic"; });
  };
  // Walk the first sentences that name a government (page chrome such as a
  // masthead or a section label may come first when the text stages left it):
  // `X (Mayor Y)` wins at once; else a basic government opening a sentence,
  // else a metropolitan one opening a sentence, else the first name of the
  // first such sentence.
  const GovMention* lead = nullptr;
  std::string how;
  const GovMention* opening_basic = nullptr;
  const GovMention* opening_metro = nullptr;
  const GovMention* first_other = nullptr;
  int seen = 0;
  std::vector<const GovMention*> here;  // of a sentence (one vector for all of them)
  for (const auto& [sb, se] : sentences) {
    if (in_headline(sb)) continue;
    if (seen >= kLeadSentences) break;
    // A metropolitan name inside a sentence (`Home > Local > Seoul`, `in Busan`) is
    // context; one that opens the sentence or carries `(Mayor Y)` may be the lead.
    here.clear();
    for (const auto& m : mentions) {
      if (m.begin < sb || m.end > se || Inside(quoted, m.begin)) continue;
      if (is_basic(m) || AtSentenceStart(work, sb, m.begin) || has_lead(m)) here.push_back(&m);
    }
    if (here.empty()) continue;
    ++seen;
    for (const auto* m : here) {
      if (has_lead(*m)) {
        lead = m;
        how = "lead_with_head";
        break;
      }
    }
    if (lead) break;
    const GovMention* opening =
        AtSentenceStart(work, sb, here.front()->begin) ? here.front() : nullptr;
    // A name opening a sentence is a fallback only: headlines and titles repeated
    // above each roundup item open with a government too.
    if (opening && is_basic(*opening) && !opening_basic) opening_basic = opening;
    if (opening && !is_basic(*opening) && !opening_metro) opening_metro = opening;
    if (!opening && !first_other) {
      for (const auto* m : here) {
        if (is_basic(*m)) {
          first_other = m;
          break;
        }
      }
      if (!first_other) first_other = here.front();
    }
  }
  if (!lead && (opening_basic || opening_metro || first_other)) {
    lead = opening_basic ? opening_basic : opening_metro ? opening_metro : first_other;
    how = "first_mention";
    // The same government with `(Mayor Y)` a little later is the better evidence
    // (`Gimpo Eyes 16,000 Jobs` above `Gimpo-si (Mayor ...) aims to ...`).
    for (const auto& m : mentions) {
      if (m.begin > lead->end && m.begin < lead->end + 2000 && !Inside(quoted, m.begin) &&
          std::ranges::equal(m.candidates, lead->candidates) && has_lead(m)) {
        lead = &m;
        how = "lead_with_head";
        break;
      }
    }
  }
  if (!lead && !headline.empty()) {
    lead = &headline.front();
    how = "headline";
  }
  if (!lead) {
    for (const auto& m : mentions) {
      if (!Inside(quoted, m.begin)) {
        lead = &m;
        how = "any_mention";
        break;
      }
    }
  }
  if (!lead) return;

  // Built at its size and moved into the fact (it was built in three steps
  // and then copied).
  constexpr std::string_view kMiddle = ".district.";
  std::string rule;
  rule.reserve(2 + kMiddle.size() + how.size());
  rule.append(lead->hangul ? "ko" : "en").append(kMiddle).append(how);
  const Span span = doc.ToOriginal(lead->begin, lead->end);
  const Government* chosen = nullptr;
  if (lead->candidates.size() == 1) {
    chosen = lead->candidates[0];
  } else {
    // Regions named in the story, then in the whole document.
    chosen = ByRegion(lead->candidates, RegionCounts(mentions, lead->begin));
    std::vector<GovMention> all;
    if (!chosen) {
      all = gazetteer_->Find(doc, 0, work.size());
      chosen = ByRegion(lead->candidates, RegionCounts(all, lead->begin));
    }
    // A named head of one of the candidates.
    if (!chosen) {
      const std::string_view text = work.substr(story.begin, story.end - story.begin);
      const Government* hit = nullptr;
      int hits = 0;
      for (const auto* c : lead->candidates) {
        for (const auto* h : gazetteer_->HeadsOf(c->code)) {
          if ((!h->name_ko.empty() && text.find(h->name_ko) != std::string_view::npos) ||
              (!h->name_en.empty() && text.find(h->name_en) != std::string_view::npos)) {
            if (hit != c) ++hits;
            hit = c;
            break;
          }
        }
      }
      if (hits == 1) chosen = hit;
    }
    if (!chosen) {
      const Counts counts = RegionCounts(all, lead->begin);
      int seoul = 0, most = 0;
      for (const auto& [code, n] : counts) {
        most = std::max(most, n);
        if (code == "11000") seoul = n;
      }
      const Government* in_seoul = nullptr;
      const Government* metro = nullptr;
      for (const auto* c : lead->candidates) {
        if (RegionOf(c) == "11000") in_seoul = c;
        if (c->level == "metro") metro = c;
      }
      const std::string surface(work.substr(lead->name_begin, lead->name_end - lead->name_begin));
      if (in_seoul && seoul > 0 && seoul == most) {
        chosen = in_seoul;
        doc.AddDiagnostic("warning", "district-ambiguous",
                          surface + " may be " + Names(lead->candidates) + "; chose " +
                              chosen->full_ko() + " because the document is about Seoul",
                          span);
      } else if (metro) {
        chosen = metro;
        doc.AddDiagnostic("warning", "district-ambiguous",
                          surface + " may be " + Names(lead->candidates) + "; chose " +
                              chosen->full_ko() + ", the metropolitan government",
                          span);
      } else {
        doc.AddDiagnostic("warning", "district-ambiguous",
                          surface + " may be " + Names(lead->candidates) +
                              "; nothing in the document tells which, district left unknown",
                          span);
        return;
      }
    }
  }
  story.district = DistrictFact{chosen, span, std::move(rule)};
}

}  // namespace newsie
