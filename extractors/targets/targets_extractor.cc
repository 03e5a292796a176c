#include "extractors/targets/targets_extractor.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdlib>
#include <type_traits>
#include <utility>

#include "extractors/district/gazetteer.h"
#include "pipeline/utf8.h"

namespace newsie {
namespace {

using phrases::Hit;

bool IsRateMetric(std::string_view code) {
  return code == "employment_rate" || code == "employment_linkage_rate";
}
// Jobs and public jobs are one family when headings are matched with the body.
std::string_view Family(std::string_view code) {
  return IsRateMetric(code) ? code : std::string_view("jobs");
}

std::unique_ptr<RE2> Compile(const std::string& pattern) {
  return phrases::CompileRule(pattern, "targets");
}

std::pair<size_t, size_t> ClauseOf(const std::vector<size_t>& breaks, size_t b, size_t e,
                                   size_t pos) {
  size_t cb = b, ce = e;
  for (size_t br : breaks) {
    if (br < pos) cb = br + 1;
    if (br >= pos) {
      ce = br;
      break;
    }
  }
  return {cb, ce};
}

std::optional<std::string> Qualifier(const Quantity& q) {
  if (q.approx == "about" || q.approx == "more_than" || q.approx == "at_least" ||
      q.approx == "up_to")
    return q.approx;
  return std::nullopt;
}

// The years of a range of years (`2023~2026`, `(2023?2026)`), if `q` is one.
std::optional<Period> YearRange(const Quantity& q) {
  if (q.kind != QuantityKind::kRange || q.bounds.size() != 2) return std::nullopt;
  auto year = [](const Quantity& b) -> std::optional<int> {
    if (b.kind == QuantityKind::kDate && b.date.grain == DateGrain::kYear) return b.date.year;
    if (b.kind == QuantityKind::kNumber && b.value.integral && b.value.integer >= 1990 &&
        b.value.integer <= 2100 && b.counter.empty())
      return static_cast<int>(b.value.integer);
    return std::nullopt;
  };
  const auto lo = year(q.bounds[0]), hi = year(q.bounds[1]);
  if (lo && hi && *lo < *hi) return Period{*lo, *hi};
  return std::nullopt;
}

// Only a number, a percentage or a range (`from 65.1% to 67.5%`) can be a goal.
bool MayBeGoal(const Quantity& q) {
  return q.kind == QuantityKind::kNumber || q.kind == QuantityKind::kPercent ||
         q.kind == QuantityKind::kRange;
}

// A value made on first use, by `make`.
template <typename Make>
class Lazy {
 public:
  explicit Lazy(Make make) : make_(std::move(make)) {}
  const auto& operator()() {
    if (!made_) {
      value_ = make_();
      made_ = true;
    }
    return value_;
  }

 private:
  Make make_;
  std::invoke_result_t<Make&> value_{};
  bool made_ = false;
};

}  // namespace

struct TargetsExtractor::Candidate {
  TargetFact fact;
  bool heading = false;
  bool deck = false;  // from the story's deck (read as a heading)
};

TargetsExtractor::~TargetsExtractor() = default;

TargetsExtractor::TargetsExtractor(const LexiconDir& lexicons) {
  const auto rows = lexicons.ReadTsv("targets.tsv");
  const auto cue_rows = phrases::Rows(rows, "cue");
  for (const auto& e : cue_rows) {
    // The cues are found clause by clause (phrases::ClauseHits).
    if (phrases::HoldsClauseBreak(e.text))
      throw LexiconError("targets: cue `" + e.text + "` holds a clause break (, ; .)");
  }
  cues_ = phrases::PhraseSet(cue_rows);
  metrics_ = phrases::PhraseSet(phrases::Rows(rows, "metric"));
  periods_ = phrases::PhraseSet(phrases::Rows(rows, "period"));
  term_ends_ = phrases::PhraseSet(phrases::Rows(rows, "term_end"));
  comparisons_ = phrases::PhraseSet(phrases::Rows(rows, "comparison"));
  std::vector<phrases::PhraseSet::Entry> rare;
  for (const char* kind : {"period", "term_end", "comparison"}) {
    const auto entries = phrases::Rows(rows, kind);
    rare.insert(rare.end(), entries.begin(), entries.end());
  }
  rare_ = phrases::PhraseSet(rare);
  gazetteer_ = Gazetteer::Shared(lexicons);
  // Every word the patterns below look for is a row of targets.tsv; the
  // patterns hold only their shape.
  auto words = [&](std::string_view kind) {
    return phrases::Alternation(phrases::Texts(rows, kind));
  };
  // `70 percent of trainees to jobs`, `70% of the people who use its job centre to find work`.
  linkage_after_ = Compile("^\\s*" + words("linkage_of") + "\\s+(?:" + words("linkage_determiner") +
                           "\\s+)?(?:[\\w-]+\\s+){0,2}?" + words("linkage_people") +
                           "[^,;]{0,80}?" + words("linkage_place"));
  link_start_ = Compile("^\\s*" + words("link_word"));
  const std::string metric = "(" + metrics_.pattern() + ")";
  // After the number: an optional counter (개, 명) and particle (의), a few
  // modifiers, the metric word.
  metric_after_ =
      Compile("^[\\s'\"\xE2\x80\x98\xE2\x80\x99]*" + words("counter") + "?\\s*" +
              words("counter_particle") + "?\\s*(?:" + words("modifier") + "\\s+){0,3}" + metric);
  // Before the number: the metric word, an optional parenthesis (the age
  // band), a few gap words, an optional opening quote.
  // A Korean comparison may stand between them: `고용률은 지난해보다 0.8%포인트 높은 60.2%`.
  metric_before_ =
      Compile(metric + "\\s*(?:\\([^)]{0,30}\\))?\\s*(?:" + words("gap") + "\\s*){0,4}(?:\\S*" +
              words("baseline") + "\\s*[0-9.,]+\\s*" + words("point") + "\\s*" + words("change") +
              "?\\s*)?" + "[\\s'\"\xE2\x80\x98\xE2\x80\x9C]*$");
  scope_ = Compile("(?:" + words("scope_prefix") + "\\s+)?(\\d{1,2})\\s*(?:-|~|\\?|" +
                   words("scope_to") + ")\\s*(\\d{1,2})\\s*" + words("scope_unit") + "?");
  list_sep_ = Compile("^[\\s,]*(?:" + words("list_joiner") + "[\\s,]*)?$");
  from_ = Compile(words("revised_from") + "\\s*$");
  to_ = Compile(words("revised_to") + "\\s*$");
  bare_count_end_ = Compile("^(?:\\s*$|\\s*[,.)\xE2\x80\xA6]|" + words("count_particle") + "|\\s*" +
                            words("count_word") + ")");
  term_word_ = Compile("^" + words("ordinal_suffix") + "?\\s*" + words("term_word"));
  term_before_ = phrases::Texts(rows, "term_before");
  term_after_ = phrases::Texts(rows, "term_after");
  revised_from_particles_ = phrases::Texts(rows, "revised_from_particle");
  revised_to_particles_ = phrases::Texts(rows, "revised_to_particle");
  bare_counters_ = phrases::Texts(rows, "bare_counter");
  for (const auto& row : lexicons.ReadTsv("terms.tsv")) {
    // 민선8기 2022-07 2026-06
    const std::string& name = row.Get("term");
    std::string digits;
    for (char c : name) {
      if (c >= '0' && c <= '9') digits += c;
    }
    const std::string& from = row.Get("from");
    const std::string& to = row.Get("to");
    if (digits.empty() || from.size() < 7 || to.size() < 4) continue;
    const int from_year = std::atoi(from.substr(0, 4).c_str());
    terms_[std::atoi(digits.c_str())] = Period{from_year, std::atoi(to.substr(0, 4).c_str())};
  }
}

std::optional<Period> TargetsExtractor::TermPeriod(int term) const {
  auto it = terms_.find(term);
  if (it == terms_.end()) return std::nullopt;
  return it->second;
}

std::optional<Period> TargetsExtractor::TermAtRef(const Document& doc) const {
  if (!doc.ref_date.year) return std::nullopt;
  const int y = *doc.ref_date.year;
  const int m = doc.ref_date.month ? *doc.ref_date.month : 1;
  for (const auto& [n, p] : terms_) {
    // Terms run from July of their first year to June of their last.
    if ((y > p.from && y < p.to) || (y == p.from && m >= 7) || (y == p.to && m <= 6)) return p;
  }
  return std::nullopt;
}

std::optional<std::string_view> TargetsExtractor::MetricWordOf(const RE2& re, std::string_view text,
                                                               bool at_start) const {
  re2::StringPiece whole;
  if (!re.Match(text, 0, text.size(), RE2::UNANCHORED, &whole, 1)) return std::nullopt;
  // The group is the metric phrase that alone fits at the match's edge;
  // where several do, RE2 picks among them.
  const size_t b = static_cast<size_t>(whole.data() - text.data()), e = b + whole.size();
  if (at_start) {
    if (const auto end = metrics_.OnlyEndFrom(text, b)) return text.substr(b, *end - b);
  } else if (const auto start = metrics_.OnlyStartTo(text, e)) {
    return text.substr(*start, e - *start);
  }
  re2::StringPiece groups[2];
  if (!re.Match(text, 0, text.size(), RE2::UNANCHORED, groups, 2)) return std::nullopt;
  return std::string_view(groups[1].data(), groups[1].size());
}

std::optional<TargetsExtractor::Metric> TargetsExtractor::MetricOf(
    const Document& doc, size_t sb, size_t se, const Quantity& q,
    const std::vector<phrases::Hit>& metric_words) const {
  // The patterns below end (or start) with a metric word: skip them where the
  // sentence has none.
  auto metric_word_in = [&](size_t b, size_t e) {
    return std::any_of(metric_words.begin(), metric_words.end(),
                       [&](const phrases::Hit& h) { return h.begin < e && h.end > b; });
  };
  const size_t after_end = std::min(se, q.end + 80);
  const std::string_view after = doc.Work(q.end, after_end);
  if (metric_word_in(q.end, after_end)) {
    const auto word = MetricWordOf(*metric_after_, after, /*at_start=*/false);
    if (const auto* e = word ? metrics_.Lookup(*word) : nullptr) {
      const size_t b = q.end + static_cast<size_t>(word->data() - after.data());
      return Metric{e->cls, b, b + word->size()};
    }
  }
  if (!q.counter.empty()) {
    if (const auto* e = metrics_.Lookup(q.counter)) {
      // The counter word may stand after the span (`12,100 Jobs`).
      size_t end = q.end;
      for (size_t at = q.end; at <= q.end + 1 && at + q.counter.size() <= se; ++at) {
        if (phrases::SameKey(doc.Work(at, at + q.counter.size()), q.counter))
          end = at + q.counter.size();
      }
      return Metric{e->cls, q.begin, end};
    }
  }
  if (q.kind == QuantityKind::kPercent &&
      RE2::PartialMatch(re2::StringPiece(after.data(), after.size()), *linkage_after_))
    return Metric{"employment_linkage_rate", q.begin, q.end};
  const size_t before_begin =
      CodePointStartFrom(doc.work, q.begin > sb + 120 ? q.begin - 120 : sb, q.begin);
  const std::string_view before = doc.Work(before_begin, q.begin);
  if (metric_word_in(before_begin, q.begin)) {
    const auto word = MetricWordOf(*metric_before_, before, /*at_start=*/true);
    if (const auto* e = word ? metrics_.Lookup(*word) : nullptr) {
      const size_t b = before_begin + static_cast<size_t>(word->data() - before.data());
      return Metric{e->cls, b, b + word->size()};
    }
  }
  return std::nullopt;
}

TargetsExtractor::Totals TargetsExtractor::TotalsIn(const Document& doc,
                                                    const phrases::SentenceRef& s,
                                                    std::optional<Period> story_range,
                                                    bool may_have_periods) const {
  // What makes a multi-year total: a year range written out (in this sentence,
  // else anywhere in the story), else the years of an elected term named here.
  const auto& qs = *s.quantities;
  Totals out;
  std::optional<Period> term_period;
  if (may_have_periods) {
    for (const auto& h : periods_.FindAll(doc.Work(s.begin, s.end), s.begin))
      out.marks.push_back(h.begin);
  }
  for (size_t i = 0; i < qs.size(); ++i) {
    const Quantity& q = qs[i];
    if (q.date.elected_term) {  // a date or the range the term spans
      if (!term_period) term_period = TermPeriod(*q.date.elected_term);
      out.marks.push_back(q.begin);
    } else if (auto range = YearRange(q)) {
      if (!out.period) out.period = range;
      out.marks.push_back(q.begin);
    } else if ((q.kind == QuantityKind::kOrdinal || q.kind == QuantityKind::kNumber) &&
               q.value.integral && q.value.integer > 0 && q.value.integer < 20) {
      // `8th elected term`, `민선 8기` when the quantities stage left them as numbers:
      // a term_before word at most a space before the number and a
      // term_after word at most a space after it, or as its counter (the
      // stage reads `민선 제8기` and `민선 8 기` as an ordinal counting 기).
      const std::string_view after = doc.Work(q.end, std::min(s.end, q.end + 12));
      auto within = [](std::string_view text, const std::string& word, size_t room) {
        return text.substr(0, std::min(text.size(), room)).find(word) != std::string_view::npos;
      };
      bool ko_term = false;
      for (const std::string& b : term_before_) {
        const size_t reach = b.size() + 1;
        const std::string_view before =
            doc.Work(q.begin > s.begin + reach ? q.begin - reach : s.begin, q.begin);
        if (before.find(b) == std::string_view::npos) continue;
        for (const std::string& a : term_after_)
          ko_term |= q.counter == a || within(after, a, a.size() + 1);
      }
      if (ko_term || RE2::PartialMatch(re2::StringPiece(after.data(), after.size()), *term_word_)) {
        if (!term_period) term_period = TermPeriod(static_cast<int>(q.value.integer));
        out.marks.push_back(q.begin);
      }
    }
  }
  if (!out.period && term_period) out.period = story_range ? story_range : term_period;
  return out;
}

TargetsExtractor::MetricWords::MetricWords(const phrases::PhraseSet& metrics, const Document& doc,
                                           const std::vector<phrases::SentenceRef>& sentences)
    : metrics_(metrics), doc_(doc), sentences_(sentences), found_(sentences.size()) {}

const std::vector<Hit>& TargetsExtractor::MetricWords::Of(size_t i) {
  if (!found_[i]) {
    const phrases::SentenceRef& s = sentences_[i];
    found_[i] = metrics_.FindAll(doc_.Work(s.begin, s.end), s.begin);
  }
  return *found_[i];
}

void TargetsExtractor::ScanSentence(const Document& doc, const Story& story,
                                    const std::vector<phrases::SentenceRef>& sentences, size_t si,
                                    MetricWords& metric_words, bool heading,
                                    std::optional<Period> story_range,
                                    std::vector<Candidate>& out) const {
  const phrases::SentenceRef& s = sentences[si];
  if (s.quantities == nullptr ||
      !std::any_of(s.quantities->begin(), s.quantities->end(), MayBeGoal))
    return;
  const auto& qs = *s.quantities;
  const std::string_view text = doc.Work(s.begin, s.end);
  const bool ko = phrases::HasHangul(text);
  const std::string lang = ko ? "ko" : "en";
  // The scans below matter only once a number measures a metric, which few
  // do: each runs on first use.
  Lazy breaks([&] { return phrases::ClauseBreaks(text, s.begin); });
  // Most numbers need only their own clause's cues.
  std::optional<phrases::ClauseHits> clause_cues;
  auto cues = [&]() -> phrases::ClauseHits& {
    if (!clause_cues) clause_cues.emplace(cues_, doc, s.begin, s.end, breaks());
    return *clause_cues;
  };
  // A hit of periods_, term_ends_ or comparisons_ is a match of rare_: where
  // rare_ has none (most sentences), their scans would find nothing.
  Lazy rare([&] { return rare_.Contains(text); });
  auto rare_hits = [&](const phrases::PhraseSet& set) {
    return rare() ? set.FindAll(text, s.begin) : std::vector<Hit>();
  };
  Lazy totals([&] { return TotalsIn(doc, s, story_range, rare()); });
  // A date right before `보다`/`than` is the baseline of a comparison.
  Lazy comparisons([&] { return rare_hits(comparisons_); });
  Lazy term_ends([&] { return rare_hits(term_ends_); });
  auto is_baseline = [&](const Quantity& q) {
    for (const Hit& h : comparisons()) {
      if (h.begin >= q.end && h.begin <= q.end + 1) return true;
    }
    return false;
  };
  auto is_date = [&](const Quantity& q) {
    return q.kind == QuantityKind::kDate && !q.date.elected_term &&
           (q.date.grain == DateGrain::kYear || q.date.until) && !is_baseline(q);
  };
  // The year-grain date nearest to [b, e) inside [cb, ce), or -1.
  auto nearest_date = [&](size_t b, size_t e, size_t cb, size_t ce) -> int {
    int best = -1;
    size_t best_dist = SIZE_MAX;
    for (size_t j = 0; j < qs.size(); ++j) {
      if (!is_date(qs[j]) || qs[j].begin < cb || qs[j].end > ce) continue;
      const size_t dist = qs[j].begin >= e ? qs[j].begin - e : (b >= qs[j].end ? b - qs[j].end : 0);
      if (dist < best_dist) {
        best_dist = dist;
        best = static_cast<int>(j);
      }
    }
    return best;
  };
  auto in_sentence_span = [&](size_t b, size_t e) { return doc.Work(b, e); };
  auto matches = [](const RE2& re, std::string_view t) {
    return RE2::PartialMatch(re2::StringPiece(t.data(), t.size()), re);
  };

  std::vector<bool> used(qs.size(), false);
  for (size_t i = 0; i < qs.size(); ++i) {
    if (used[i]) continue;
    // `from 65.1% to 67.5%` may come as one range: read it as a revision.
    Quantity expanded;
    const Quantity* qp = &qs[i];
    std::optional<Number> range_from;
    if (qs[i].kind == QuantityKind::kRange) {
      // Only a range of two numbers or percentages can be one (not `2023~2026`):
      // asked before the cues, which cost a scan of the sentence.
      if (qs[i].bounds.size() != 2 || (qs[i].bounds[1].kind != QuantityKind::kNumber &&
                                       qs[i].bounds[1].kind != QuantityKind::kPercent))
        continue;
      bool revised = false;
      for (const Hit& h : cues().In(cues().Of(qs[i].begin))) revised |= h.cls == "revision";
      if (!revised || qs[i].bounds.size() != 2) continue;
      expanded = qs[i].bounds[1];
      expanded.begin = qs[i].begin;
      expanded.end = qs[i].end;
      range_from = qs[i].bounds[0].value;
      qp = &expanded;
    }
    const Quantity& q = *qp;
    if (q.kind != QuantityKind::kNumber && q.kind != QuantityKind::kPercent) continue;
    const bool bare_counter =
        std::find(bare_counters_.begin(), bare_counters_.end(), q.counter) != bare_counters_.end();
    if (ko && q.kind == QuantityKind::kNumber && phrases::HasHangul(q.counter) && !bare_counter &&
        metrics_.Lookup(q.counter) == nullptr)
      continue;  // `4년간`, `500명`: a Korean counter of something else
    auto metric = MetricOf(doc, s.begin, s.end, q, metric_words.Of(si));
    if (!metric && ko && q.kind == QuantityKind::kNumber && bare_counter &&
        metric_words.JobsContext(si)) {
      // `연차별로는 올해 1만2515개, ...`, `목표를 8,420개로`: a bare count in a
      // sentence about jobs, not followed by a noun of its own.
      const std::string_view after = doc.Work(q.end, std::min(s.end, q.end + 8));
      if (RE2::PartialMatch(re2::StringPiece(after.data(), after.size()), *bare_count_end_))
        metric = Metric{"jobs", q.begin, q.end};
    }
    if (!metric) continue;
    const bool rate = IsRateMetric(metric->code);
    if (rate != (q.kind == QuantityKind::kPercent)) continue;
    const auto [cb, ce] = ClauseOf(breaks(), s.begin, s.end, q.begin);
    const size_t clause = cues().Of(q.begin);

    bool achievement = false, revision = false;
    const Hit* prev = nullptr;
    const Hit* next = nullptr;
    for (const Hit& h : cues().In(clause)) {
      if (h.cls == "achievement") achievement = true;
      if (h.cls == "revision") revision = true;
      if (h.end <= q.begin && h.cls != "revision") prev = &h;
      if (h.begin >= q.end && next == nullptr && h.cls != "revision") next = &h;
    }
    if (achievement) continue;
    // Another government's goal: a roundup headline part repeated above
    // another story (`도봉구 일자리 8350개 목표` above the 강북구 story), the next
    // story's headline left at the end of this one, a neighbour in a quote.
    if (phrases::NamesOtherGovernment(*gazetteer_, doc, story, heading ? cb : s.begin, q.begin))
      continue;

    // A revision: `65.1%에서 67.5%로 상향`, `from 65.1% to 67.5%`.
    std::optional<Number> revised_from;
    const Quantity* value_q = &q;
    size_t value_i = i;
    if (range_from) {
      revised_from = range_from;
    } else if (revision) {
      for (size_t j = i + 1; j < qs.size(); ++j) {
        if (qs[j].kind != q.kind || qs[j].begin >= ce) continue;
        const std::string_view before_q = doc.Work(cb, q.begin);
        const std::string_view between = doc.Work(q.end, qs[j].begin);
        // A Korean particle starting within four bytes after a value
        // (`65.1%에서`, `67.5% 로`), and ending before `limit`.
        auto particle_after = [&](size_t at, size_t limit, const std::vector<std::string>& words) {
          for (const std::string& w : words) {
            const size_t end = std::min(limit, at + 3 + w.size());
            if (end > at && doc.Work(at, end).find(w) != std::string_view::npos) return true;
          }
          return false;
        };
        const bool from_ok = matches(*from_, before_q) ||
                             particle_after(q.end, qs[j].begin, revised_from_particles_);
        const bool to_ok =
            matches(*to_, between) || particle_after(qs[j].end, ce, revised_to_particles_);
        if (from_ok && to_ok) {
          revised_from = q.value;
          value_q = &qs[j];
          value_i = j;
          used[j] = true;
        }
        break;
      }
    }

    const Hit* cue = nullptr;
    if (revised_from) {
      cue = prev ? prev : next;
    } else if (ko) {
      cue = next ? next : prev;
      // `1만2703개 창출과 고용률 67.5% 달성을 목표로`: a goal later in the clause
      // governs a bare 창출.
      if (next && next->cls == "create") {
        for (const Hit& h : cues().In(clause)) {
          if (h.begin <= next->begin) continue;
          if (h.cls == "target") cue = &h;
          if (h.cls != "create") break;
        }
      }
    } else {
      cue = prev ? prev : (next && next->begin < q.end + 60 ? next : nullptr);
    }
    if (!ko && cue == nullptr && !heading && cb > s.begin &&
        matches(*link_start_, doc.Work(cb, ce))) {
      // `the goal is 7,200 jobs this year, together with an employment rate
      // of 63.5%`: a linked clause without a cue of its own shares the one
      // before it.
      cue = cues().LastBefore(clause);
      if (cue != nullptr && cue->cls != "target") cue = nullptr;
    }
    // `올해 8420개, 2024년 8600개를 만든다는 계획`: a list reaching its verb later.
    if (ko && cue == nullptr) cue = cues().FirstFrom(clause, q.end);
    if (!revised_from && (cue == nullptr || cue->cls == "negative")) continue;

    const int di = nearest_date(value_q->begin, value_q->end, cb, ce);
    const int date_i = di >= 0 ? di : nearest_date(value_q->begin, value_q->end, s.begin, s.end);
    const Quantity* date = date_i >= 0 ? &qs[static_cast<size_t>(date_i)] : nullptr;
    if (date != nullptr && !date->date.until) {
      // A goal for a year already past is a result being reported.
      const auto& d = date->date;
      if ((d.anchor == DateValue::Anchor::kRelativeYear && d.offset < 0) ||
          (d.year && doc.ref_date.year && *d.year < *doc.ref_date.year))
        continue;
    }
    if (!revised_from && cue->cls == "create") {
      // A bare 창출 states a goal only with a deadline, a present/future year
      // or a span of years ahead (`2023년부터 2026년까지 4년 동안`).
      bool future = false;
      for (size_t m : totals().marks) future |= m >= cb && m < value_q->begin;
      if (date != nullptr) {
        const auto& d = date->date;
        future = d.until || (d.anchor == DateValue::Anchor::kRelativeYear && d.offset >= 0) ||
                 (d.year && doc.ref_date.year && *d.year >= *doc.ref_date.year);
      }
      if (!future) continue;
    } else if (!revised_from && cue->cls != "target") {
      continue;
    }

    Candidate c;
    c.heading = heading;
    TargetFact& f = c.fact;
    f.metric = metric->code;
    f.value = value_q->value;
    f.unit = rate ? "percent" : "jobs";
    f.qualifier = Qualifier(*value_q);
    {
      // `70%까지 끌어올리겠다`: 까지 names the level a goal raises to, not a bound.
      const std::string_view qt = doc.Work(value_q->begin, value_q->end);
      const std::string_view kkaji = "\xEA\xB9\x8C\xEC\xA7\x80";  // 까지
      if (f.qualifier == "up_to" && qt.size() >= kkaji.size() &&
          qt.substr(qt.size() - kkaji.size()) == kkaji)
        f.qualifier.reset();
    }
    f.revised_from = revised_from;
    if (date != nullptr) f.year = date->date.year;
    bool term_end = false;  // `by the end of the term`
    for (const Hit& h : term_ends()) term_end |= h.begin >= cb && h.end <= ce;
    std::optional<Period> term_now;
    if (term_end && (date == nullptr || !date->date.until)) term_now = TermAtRef(doc);
    const std::optional<Period>& period = totals().period;
    if (term_now) {
      f.year = term_now->to;
      if (!rate) f.period = term_now;
    } else if (rate && date == nullptr && period) {
      f.year = period->to;  // `2023년부터 2026년까지 ... 70%까지 끌어올리겠다는 목표`
    }
    const bool until = date != nullptr && date->date.until;
    bool total_here = false;  // a term, range or `4년간` before it in its clause
    for (size_t m : totals().marks) total_here |= m >= cb && m < value_q->begin;
    if (!rate && !term_now && period && (until || date == nullptr || total_here)) {
      f.period = period;
      f.year = until ? date->date.year : period->to;
    }
    if (metric->code == "employment_rate") {
      // The age band between the metric word and the number, or just after.
      const size_t sb2 = std::min(metric->end, value_q->begin);
      const size_t se2 = std::min(ce, std::max(metric->end, value_q->end + 24));
      const std::string_view window = in_sentence_span(sb2, se2);
      std::string lo, hi;
      if (RE2::PartialMatch(re2::StringPiece(window.data(), window.size()), *scope_, &lo, &hi))
        f.scope = lo + "-" + hi;
    }

    // Evidence: the cue when it governs this number directly, the metric
    // word, the number, the date when it is in the clause.
    size_t eb = std::min({q.begin, value_q->begin, metric->begin});
    size_t ee = std::max({q.end, value_q->end, metric->end});
    if (cue != nullptr) {
      bool direct = true;
      const size_t lo = std::min(cue->begin, q.begin), hi = std::max(cue->end, q.end);
      for (size_t j = 0; j < qs.size(); ++j) {
        if (j == i || j == value_i || qs[j].kind == QuantityKind::kDate) continue;
        if (qs[j].begin >= lo && qs[j].end <= hi) direct = false;
      }
      if (direct) {
        eb = std::min(eb, cue->begin);
        ee = std::max(ee, cue->end);
      }
    }
    bool date_adjacent = date != nullptr && date->begin >= cb && date->end <= ce;
    for (size_t j = 0; date_adjacent && j < qs.size(); ++j) {
      // Not across another number: `올해 일자리 1만개 창출과 고용률 67.5%`.
      if (j == i || j == value_i || qs[j].kind == QuantityKind::kDate) continue;
      const size_t lo = std::min(date->begin, value_q->begin);
      const size_t hi = std::max(date->end, value_q->end);
      if (qs[j].begin >= lo && qs[j].end <= hi) date_adjacent = false;
    }
    if (date_adjacent) {
      eb = std::min(eb, date->begin);
      ee = std::max(ee, date->end);
    }
    f.evidence = doc.ToOriginal(eb, ee);
    f.rule = lang + ".target." + (revised_from ? std::string("revised") : std::string(cue->rule));
    const Metric first_metric = *metric;
    const bool point_year = date != nullptr && !until;
    size_t prev_end = std::max(value_q->end, date != nullptr ? date->end : 0);
    out.push_back(std::move(c));

    // A yearly schedule after it: `, 8,300 in 2024, 8,500 in 2025, and 8,700 in 2026`
    // or `, 2024년 1만2703개, 2025년 ...`.
    if (!point_year) continue;
    for (size_t j = value_i + 1; j + 1 < qs.size(); ++j) {
      if (qs[j].begin < prev_end) continue;
      const Quantity& a = qs[j];
      const Quantity& b = qs[j + 1];
      const Quantity* num = nullptr;
      const Quantity* when = nullptr;
      if (a.kind == QuantityKind::kNumber && is_date(b) && !b.date.until &&
          matches(*list_sep_, doc.Work(prev_end, a.begin))) {
        const std::string_view mid = doc.Work(a.end, b.begin);
        if (mid.find_first_not_of(" ") == std::string_view::npos || mid == " in " ||
            mid == " for " || mid == " in" || mid == "in ")
          num = &a, when = &b;
      } else if (is_date(a) && !a.date.until && b.kind == QuantityKind::kNumber &&
                 matches(*list_sep_, doc.Work(prev_end, a.begin))) {
        const std::string_view mid = doc.Work(a.end, b.begin);
        if (mid.size() <= 12 && mid.find(',') == std::string_view::npos) num = &b, when = &a;
      }
      if (num == nullptr) break;
      Candidate item;
      item.heading = heading;
      TargetFact& g = item.fact;
      g.metric = first_metric.code;
      g.value = num->value;
      g.unit = "jobs";
      g.qualifier = Qualifier(*num);
      g.year = when->date.year;
      const size_t b0 = std::min(num->begin, when->begin), e0 = std::max(num->end, when->end);
      g.evidence = doc.ToOriginal(b0, e0);
      g.rule = lang + ".target.schedule";
      out.push_back(std::move(item));
      used[static_cast<size_t>(num - qs.data())] = true;
      prev_end = e0;
      ++j;
    }
  }
}

void TargetsExtractor::Extract(Document& doc, Story& story) const {
  std::vector<Candidate> all;
  const auto sentences = phrases::StorySentences(doc, story);
  std::optional<Period> story_range;
  for (const auto& s : sentences) {
    if (s.quantities == nullptr) continue;
    for (const Quantity& q : *s.quantities) {
      if (!story_range && !q.date.elected_term) story_range = YearRange(q);
    }
  }
  MetricWords metric_words(metrics_, doc, sentences);
  for (size_t i = 0; i < sentences.size(); ++i) {
    const auto& s = sentences[i];
    ScanSentence(doc, story, sentences, i, metric_words,
                 phrases::IsHeading(doc, story, s.begin, s.end), story_range, all);
  }
  // The deck after the body: sub-headlines that state the story's goals in
  // brief, read as headings (a body target of the same metric and value or
  // year wins; one the body does not state is kept).
  const auto deck = phrases::SentencesAt(doc, story.deck_sentences);  // stories.h
  MetricWords deck_words(metrics_, doc, deck);
  const size_t body_found = all.size();
  for (size_t i = 0; i < deck.size(); ++i) {
    ScanSentence(doc, story, deck, i, deck_words, /*heading=*/true, story_range, all);
  }
  for (size_t i = body_found; i < all.size(); ++i) all[i].deck = true;
  std::vector<Candidate> body, heads;
  for (auto& c : all) (c.heading ? heads : body).push_back(std::move(c));

  auto same_value = [](const TargetFact& a, const TargetFact& b) {
    return Family(a.metric) == Family(b.metric) && a.value.real == b.value.real;
  };
  auto same_year = [](const TargetFact& a, const TargetFact& b) {
    return Family(a.metric) == Family(b.metric) && a.year && b.year && *a.year == *b.year;
  };
  // A deck target or a body target without a year is for the story's year (a
  // rate takes the jobs target's below): the deck's goal cannot be told from
  // the body's of the same metric, unless that is a multi-year total.
  auto undated_match = [](const TargetFact& a, const TargetFact& b) {
    return Family(a.metric) == Family(b.metric) && (!a.year || !b.year) && !a.period && !b.period;
  };
  std::vector<TargetFact> kept;
  for (auto& c : body) {
    bool dup = false;
    for (auto& k : kept) {
      if (same_value(k, c.fact) && k.year == c.fact.year) dup = true;
    }
    if (!dup) kept.push_back(std::move(c.fact));
  }
  const size_t body_count = kept.size();
  for (auto& c : heads) {
    bool dup = false;
    for (size_t k = 0; k < kept.size(); ++k) {
      TargetFact& b = kept[k];
      if (same_value(b, c.fact)) {
        dup = true;
        if (!b.year && c.fact.year && k < body_count) b.year = c.fact.year;
      } else if (same_year(b, c.fact) || (c.deck && undated_match(b, c.fact))) {
        dup = true;
      }
    }
    if (!dup) kept.push_back(std::move(c.fact));
  }
  // A rate target without a year takes the year of the yearly jobs target.
  std::optional<int> jobs_year;
  for (const auto& f : kept) {
    if (!IsRateMetric(f.metric) && f.year && !f.period) {
      jobs_year = f.year;
      break;
    }
  }
  for (auto& f : kept) {
    if (IsRateMetric(f.metric) && !f.year) f.year = jobs_year;
  }
  std::stable_sort(kept.begin(), kept.end(), [](const TargetFact& a, const TargetFact& b) {
    return a.evidence.start < b.evidence.start;
  });
  for (auto& f : kept) story.targets.push_back(std::move(f));
}

}  // namespace newsie
