#include "pipeline/ref_date.h"

#include <algorithm>
#include <map>
#include <set>
#include <stdexcept>

#include "pipeline/quantities/tables.h"
#include "pipeline/quantities/text_scan.h"
#include "pipeline/utf8.h"

namespace newsie {
namespace {

using quantities::IsAlpha;
using quantities::IsDigit;
using quantities::LatinWordEnds;
using quantities::LatinWordStarts;
using quantities::StartsWithIcase;
using Cue = RefYearInference::Cue;

// A stretch of text clues are looked for in: a sentence or a headline.
struct Passage {
  size_t begin = 0;  // bytes in work
  size_t end = 0;
  const std::vector<Quantity>* quantities = nullptr;  // offsets in work
  bool lead = false;  // a headline, or one of a story's first two sentences
  // The opening of the document: the first story's headline (0), its first
  // sentence (1) or its second (2); -1 elsewhere.
  int opening = -1;
  bool this_year = false;  // says this year / 올해
};

// A year written out, within the years a job-policy article can be dated by
// (`1010년` is no clue).
bool IsAbsoluteYear(const Quantity& q) {
  return q.kind == QuantityKind::kDate && q.date.anchor == DateValue::Anchor::kAbsolute &&
         q.date.grain == DateGrain::kYear && q.date.year && IsContractYear(*q.date.year) &&
         !q.date.until && !q.date.elected_term;
}
bool IsDayOfMonth(const Quantity& q) {
  return q.kind == QuantityKind::kDate && q.date.anchor == DateValue::Anchor::kDayOfRefMonth;
}
// 올해, "this year", 올해 3월 (not a bare "March", which is anchored the same way).
bool IsThisYear(std::string_view work, const Quantity& q,
                const quantities::QuantityTables& tables) {
  if (q.kind != QuantityKind::kDate || q.date.anchor != DateValue::Anchor::kRelativeYear ||
      q.date.offset != 0) {
    return false;
  }
  if (q.date.grain == DateGrain::kYear) return true;
  const quantities::Phrase* word = tables.relative.Match(work, q.begin, "year");
  return word && word->offset == 0;
}

std::string Excerpt(const Document& doc, size_t begin, size_t end) {
  const size_t limit = 90;
  std::string s(doc.Work(begin, end));
  if (s.size() > limit) {
    s = s.substr(0, CodePointStartAt(s, limit)) + "...";
  }
  for (char& c : s) {
    if (c == '\n') c = ' ';
  }
  return "\"" + s + "\"";
}

bool IsOpenQuote(uint32_t c) {
  return c == '\'' || c == '"' || c == 0x2018 || c == 0x201C || c == 0x300C || c == 0x300E ||
         c == 0x300A || c == 0x3008 || c == '<';
}
bool IsCloseQuote(uint32_t c) {
  return c == '\'' || c == '"' || c == 0x2019 || c == 0x201D || c == 0x300D || c == 0x300F ||
         c == 0x300B || c == 0x3009 || c == '>';
}

// When the year at `q` opens a quoted name ('2021 National ... Awards'), the
// text inside the quotes, in [*begin, *end).
bool QuotedName(std::string_view t, const Passage& p, const Quantity& q, size_t* begin,
                size_t* end) {
  if (q.begin <= p.begin || !IsOpenQuote(CodePointBefore(t, q.begin))) return false;
  size_t len = 0;
  for (size_t i = q.end; i < p.end; i += len) {
    if (IsCloseQuote(CodePointAt(t, i, &len))) {
      *begin = q.begin;
      *end = i;
      return true;
    }
  }
  return false;
}

// Whether the words in [from, to) can be part of one name: no clause
// punctuation, and in English no lower-case word but a few joiners
// ("2024 Comprehensive Job Policy Plan", not "2023, ... beating its plan").
bool LooksLikeName(std::string_view t, size_t from, size_t to) {
  static const std::set<std::string_view> kJoiners = {"of", "and", "for", "on", "the", "in", "&"};
  size_t i = from;
  while (i < to) {
    const char c = t[i];
    if (c == ',' || c == '.' || c == ';' || c == ':' || c == '(' || c == ')') return false;
    if (IsAlpha(c) && LatinWordStarts(t, i)) {
      size_t j = i;
      while (j < to && (IsAlpha(t[j]) || t[j] == '-')) ++j;
      if (c >= 'a' && c <= 'z' && !kJoiners.count(t.substr(i, j - i))) return false;
      i = j;
      continue;
    }
    ++i;
  }
  return true;
}

// Whether `cue` stands wholly inside [from, to).
bool HasCue(std::string_view t, size_t from, size_t to, const Cue& cue, size_t* at = nullptr) {
  if (to > t.size()) to = t.size();
  if (from >= to) return false;
  if (!cue.latin) {
    // Matched exactly (no case to fold): its first occurrence.
    const size_t i = t.substr(from, to - from).find(cue.text);
    if (i == std::string_view::npos) return false;
    if (at) *at = from + i;
    return true;
  }
  const char first = cue.text[0];  // lower case
  for (size_t i = from; i + cue.text.size() <= to; ++i) {
    if (quantities::Lower(t[i]) == first && StartsWithIcase(t, i, cue.text) &&
        LatinWordStarts(t, i) && LatinWordEnds(t, i + cue.text.size())) {
      if (at) *at = i;
      return true;
    }
  }
  return false;
}

}  // namespace

RefYearInference::RefYearInference(const LexiconDir& lexicons) : finder_(lexicons) {
  for (const auto& row : lexicons.ReadTsv("quantities/inference.tsv")) {
    Cue cue;
    cue.text = row.Get("word");
    cue.kind = row.Get("kind");
    cue.latin = !cue.text.empty() && static_cast<unsigned char>(cue.text[0]) < 0x80;
    if (cue.latin) {
      for (char& c : cue.text) c = quantities::Lower(c);
    }
    try {
      cue.after =
          static_cast<size_t>(std::stoul(row.Get("window").empty() ? "0" : row.Get("window")));
      cue.before =
          static_cast<size_t>(std::stoul(row.Get("before").empty() ? "0" : row.Get("before")));
    } catch (const std::exception&) {
      throw LexiconError(row.Where() + ": window and before must be byte counts");
    }
    if (cue.text.empty() || (cue.kind != "plan" && cue.kind != "award" && cue.kind != "event" &&
                             cue.kind != "term_start")) {
      throw LexiconError(row.Where() +
                         ": needs a word and a kind (plan, award, event, term_start)");
    }
    cues_.push_back(std::move(cue));
  }
}

std::optional<InferredYear> RefYearInference::Infer(const Document& doc) const {
  const std::string_view t = doc.work;
  const quantities::QuantityTables& tables = finder_.tables();

  // The passages in document order: headlines (their quantities found here)
  // and sentences.
  std::vector<std::vector<Quantity>> headline_quantities;
  headline_quantities.reserve(doc.stories.size());
  std::vector<Passage> passages;
  passages.reserve(doc.stories.size() + doc.sentences.size());  // at most one per headline
  std::set<size_t> seen_headlines;
  std::map<int, int> lead_sentences;  // sentence -> its opening rank
  for (const Story& story : doc.stories) {
    const bool first_story = &story == &doc.stories.front();
    for (size_t k = 0; k < story.sentences.size() && k < 2; ++k) {
      lead_sentences[story.sentences[k]] = first_story ? static_cast<int>(k) + 1 : -1;
    }
    if (!story.headline || !seen_headlines.insert(story.headline->first).second) continue;
    const auto [begin, end] = *story.headline;
    headline_quantities.push_back(
        finder_.Find(doc.Work(begin, end), story.lang.empty() ? "mixed" : story.lang));
    for (Quantity& q : headline_quantities.back()) {
      q.begin += begin;
      q.end += begin;
    }
    passages.push_back({begin, end, &headline_quantities.back(), true, first_story ? 0 : -1});
  }
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    if (s.deck) continue;  // the reference year is read from headlines and bodies, as before decks
    const auto lead = lead_sentences.find(static_cast<int>(i));
    passages.push_back({s.begin, s.end, &s.quantities, lead != lead_sentences.end(),
                        lead != lead_sentences.end() ? lead->second : -1});
  }
  std::stable_sort(passages.begin(), passages.end(),
                   [](const Passage& a, const Passage& b) { return a.begin < b.begin; });
  bool this_year = false;
  for (Passage& p : passages) {
    for (const Quantity& q : *p.quantities) p.this_year |= IsThisYear(t, q, tables);
    this_year |= p.this_year;
  }

  // Whether the year at `q` names something of `kind` ('2022 ... Awards').
  auto names = [&](const Passage& p, const Quantity& q, std::string_view kind) {
    size_t name_begin, name_end;
    const bool quoted = QuotedName(t, p, q, &name_begin, &name_end);
    // A Korean year names a plan only when a space follows it (2019년 일자리
    // 대책), not a particle (2023년에는 ... 계획).
    const bool spaced = !quoted && q.end < p.end && t[q.end] == ' ';
    for (const Cue& cue : cues_) {
      if (cue.kind != kind) continue;
      size_t at = 0;
      if (quoted) {
        if (HasCue(t, name_begin, name_end, cue)) return true;
      } else if (HasCue(t, q.end, std::min(p.end, q.end + cue.after), cue, &at) &&
                 LooksLikeName(t, q.end, at) && (cue.latin || spaced)) {
        return true;
      }
      if (cue.before > 0) {
        const size_t reach = cue.before + cue.text.size();
        const size_t from = q.begin > p.begin + reach ? q.begin - reach : p.begin;
        if (HasCue(t, from, q.begin, cue, &at) && LooksLikeName(t, at, q.begin)) return true;
      }
    }
    return false;
  };
  auto edition = [&](const Passage& p, const Quantity& q) {
    return IsAbsoluteYear(q) && (names(p, q, "award") || names(p, q, "event"));
  };

  // 1. A schedule after "this year".
  for (const Passage& p : passages) {
    const std::vector<Quantity>& qs = *p.quantities;
    for (size_t i = 0; i < qs.size(); ++i) {
      if (!IsThisYear(t, qs[i], tables)) continue;
      std::vector<int> years;
      for (size_t j = i + 1; j < qs.size(); ++j) {
        if (IsAbsoluteYear(qs[j])) years.push_back(*qs[j].date.year);
      }
      bool run = years.size() >= 2;
      for (size_t k = 1; run && k < years.size(); ++k) run = years[k] == years[k - 1] + 1;
      if (run) {
        return InferredYear{years[0] - 1,
                            "a yearly schedule starting with this year and going on " +
                                std::to_string(years[0]) + ", " + std::to_string(years[1]) + ": " +
                                Excerpt(doc, p.begin, p.end)};
      }
    }
  }
  // 2. An award or event edition in a sentence with a day of the month.
  for (const Passage& p : passages) {
    if (std::none_of(p.quantities->begin(), p.quantities->end(), IsDayOfMonth)) continue;
    for (const Quantity& q : *p.quantities) {
      if (edition(p, q)) {
        return InferredYear{*q.date.year, "an award or event edition held on a day of the month: " +
                                              Excerpt(doc, q.begin, p.end)};
      }
    }
  }
  // 3. A plan named with a year, in the lead or next to "this year".
  if (this_year) {
    std::map<int, std::pair<int, size_t>> votes;  // year -> count, first position
    std::map<int, std::string> evidence;
    for (const Passage& p : passages) {
      if (!p.lead && !p.this_year) continue;
      for (const Quantity& q : *p.quantities) {
        if (IsAbsoluteYear(q) && names(p, q, "plan")) {
          auto [it, added] = votes.try_emplace(*q.date.year, 0, q.begin);
          ++it->second.first;
          if (added) evidence[*q.date.year] = Excerpt(doc, q.begin, p.end);
        }
      }
    }
    const std::pair<const int, std::pair<int, size_t>>* best = nullptr;
    for (const auto& entry : votes) {
      if (!best || entry.second.first > best->second.first ||
          (entry.second.first == best->second.first && entry.second.second < best->second.second)) {
        best = &entry;
      }
    }
    if (best) {
      return InferredYear{best->first,
                          "a plan named with its year (in the lead or next to \"this year\"), "
                          "and \"this year\" in the text: " +
                              evidence[best->first]};
    }
  }
  // 4. An award or event edition in the headline or first sentence (of the
  // first story: a roundup's later stories recall past awards in theirs).
  for (const Passage& p : passages) {
    if (p.opening < 0 || p.opening > 1) continue;
    for (const Quantity& q : *p.quantities) {
      if (edition(p, q)) {
        return InferredYear{*q.date.year,
                            "an award or event edition in the headline or first sentence: " +
                                Excerpt(doc, q.begin, p.end)};
      }
    }
  }
  // The elected terms the document names (민선8기, "8th elected term").
  std::set<int> terms;
  for (const Passage& p : passages) {
    for (const Quantity& q : *p.quantities) {
      if (q.date.elected_term && tables.terms.count(*q.date.elected_term)) {
        terms.insert(*q.date.elected_term);
      }
    }
  }
  // 5. A plan over exactly the full years of a named term, spoken of as this
  // year's, unless the opening names another year as the news ("Targets 21,400
  // Jobs in 2024": a term plan is cited all through the term).
  std::set<int> opening_years;
  for (const Passage& p : passages) {
    if (p.opening < 0) continue;
    for (const Quantity& q : *p.quantities) {
      if (IsAbsoluteYear(q)) opening_years.insert(*q.date.year);
    }
  }
  if (this_year) {
    for (const Passage& p : passages) {
      for (const Quantity& q : *p.quantities) {
        if (q.kind != QuantityKind::kRange || q.bounds.size() != 2 ||
            !IsAbsoluteYear(q.bounds[0]) || !IsAbsoluteYear(q.bounds[1])) {
          continue;
        }
        const int low = *q.bounds[0].date.year, high = *q.bounds[1].date.year;
        for (int n : terms) {
          const quantities::ElectedTerm& term = tables.terms.at(n);
          const int first_full = term.from_month == 1 ? term.from_year : term.from_year + 1;
          if (low == first_full && high == term.to_year &&
              std::all_of(opening_years.begin(), opening_years.end(),
                          [&](int y) { return y == low; })) {
            return InferredYear{
                low, "a plan for the full years of elected term " + std::to_string(n) + " (" +
                         std::to_string(low) + "-" + std::to_string(high) +
                         ") with \"this year\" in the text, so made in its first full year: " +
                         Excerpt(doc, p.begin, p.end)};
          }
        }
      }
    }
  }
  // 6. An elected term about to begin in its first month.
  for (const Passage& p : passages) {
    for (const Quantity& q : *p.quantities) {
      if (!q.date.elected_term || !tables.terms.count(*q.date.elected_term)) continue;
      const quantities::ElectedTerm& term = tables.terms.at(*q.date.elected_term);
      bool starting = false;
      for (const Cue& cue : cues_) {
        if (cue.kind != "term_start") continue;
        const size_t reach = cue.before + cue.text.size();
        starting |=
            (cue.after > 0 && HasCue(t, q.end, std::min(p.end, q.end + cue.after), cue)) ||
            (cue.before > 0 &&
             HasCue(t, q.begin > p.begin + reach ? q.begin - reach : p.begin, q.begin, cue));
      }
      if (!starting) continue;
      const bool in_month =
          std::any_of(p.quantities->begin(), p.quantities->end(), [&](const Quantity& m) {
            return m.kind == QuantityKind::kDate && !m.date.elected_term && m.date.month &&
                   *m.date.month == term.from_month && m.date.offset == 0 &&
                   (m.date.year ? *m.date.year == term.from_year
                                : m.date.anchor == DateValue::Anchor::kRelativeYear);
          });
      if (in_month) {
        return InferredYear{term.from_year,
                            "elected term " + std::to_string(*q.date.elected_term) +
                                " spoken of as starting in its first month, so the text is "
                                "from before it began: " +
                                Excerpt(doc, p.begin, p.end)};
      }
    }
  }
  return std::nullopt;
}

namespace {

class RefDateStage : public Stage {
 public:
  explicit RefDateStage(const PipelineOptions& options)
      : inference_(options.lexicons), override_(options.ref_date) {}
  std::string_view name() const override { return "ref_date"; }

  Status Run(Document& doc) const override {
    RefDate ref;
    Choose(doc, &ref);
    doc.ref_date = std::move(ref);
    for (Sentence& s : doc.sentences) {
      for (Quantity& q : s.quantities) ResolveQuantity(q, doc.ref_date);
    }
    return {};
  }

 private:
  void Choose(Document& doc, RefDate* ref) const {
    auto take = [&](const std::string& iso, const char* basis, std::string reason) {
      RefDate r;
      if (!ParseIsoDate(iso, &r)) {
        doc.AddDiagnostic("warning", "bad-ref-date",
                          "'" + iso + "' is not YYYY-MM-DD (" + reason + ")");
        return false;
      }
      r.basis = basis;
      r.reason = std::move(reason);
      *ref = std::move(r);
      return true;
    };
    if (override_ && take(*override_, "given", "--ref-date")) return;
    if (doc.input.date) {
      if (doc.input.date_given && take(*doc.input.date, "given", "the input record's date")) return;
      if (!doc.input.date_given && take(*doc.input.date, "metadata", "the sidecar's date")) return;
    }
    if (doc.metadata.printed_date &&
        take(*doc.metadata.printed_date, "metadata", "the date printed in the page")) {
      return;
    }
    if (auto inferred = inference_.Infer(doc)) {
      ref->year = inferred->year;
      ref->basis = "inferred";
      ref->reason = "inferred " + std::to_string(inferred->year) + " from " + inferred->reason;
      return;
    }
    ref->basis = "none";
    ref->reason = "no date given, none printed, and no year to infer from the text";
  }

  RefYearInference inference_;
  std::optional<std::string> override_;
};

}  // namespace

std::unique_ptr<Stage> MakeRefDateStage(const PipelineOptions& options) {
  return std::make_unique<RefDateStage>(options);
}

}  // namespace newsie
