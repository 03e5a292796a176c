#include "extractors/achievements/achievements_extractor.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>

#include "extractors/district/gazetteer.h"
#include "extractors/match.h"
#include "pipeline/utf8.h"

namespace newsie {
namespace {

std::unique_ptr<RE2> Compile(const std::string& pattern) {
  return phrases::CompileRule(pattern, "achievements");
}

// The window of `doc.work` before `pos` (at most `len` bytes, not before `floor`).
std::string_view Before(const Document& doc, size_t floor, size_t pos, size_t len) {
  const size_t b = CodePointStartFrom(doc.work, pos > floor + len ? pos - len : floor, pos);
  return doc.Work(b, pos);
}
std::string_view After(const Document& doc, size_t pos, size_t ceil, size_t len) {
  return doc.Work(pos, std::min(ceil, pos + len));
}

// Where in `text` the first capture of `re` matched, as work offsets; nullopt
// when it does not match. `base` is the work offset of text.
std::optional<std::pair<size_t, size_t>> Find(const RE2& re, std::string_view text, size_t base) {
  re2::StringPiece cap;
  if (!PartialMatchThenCapture(re, text, &cap)) return std::nullopt;
  const size_t b = base + static_cast<size_t>(cap.data() - text.data());
  return std::make_pair(b, b + cap.size());
}

// True when `re` matches somewhere in `text` (no captures: RE2's DFA alone).
bool Matches(const RE2& re, std::string_view text) {
  return re.Match(text, 0, text.size(), RE2::UNANCHORED, nullptr, 0);
}

double Round1(double v) { return std::round(v * 10.0) / 10.0; }

// A date of the sentence in a past year (`last year`, `in 2021` written in 2022).
bool PastDated(const Document& doc, const std::vector<Quantity>& qs) {
  for (const Quantity& q : qs) {
    if (q.kind != QuantityKind::kDate) continue;
    const auto& d = q.date;
    if ((d.anchor == DateValue::Anchor::kRelativeYear && d.offset < 0) ||
        (d.anchor == DateValue::Anchor::kAbsolute && d.year && doc.ref_date.year &&
         *d.year < *doc.ref_date.year))
      return true;
  }
  return false;
}

}  // namespace

AchievementsExtractor::~AchievementsExtractor() = default;

AchievementsExtractor::AchievementsExtractor(const LexiconDir& lexicons, bool ask_sides_first)
    : ask_sides_first_(ask_sides_first) {
  const auto rows = lexicons.ReadTsv("achievements.tsv");
  auto alt = [&](std::string_view kind) {
    return phrases::Alternation(phrases::Texts(rows, kind));
  };
  // The small words between the phrases are rows too (`determiner`,
  // `amount_word`, `counter`, ...): the patterns hold only their shape.
  const std::string det = alt("determiner"), amount = alt("amount_word");
  const std::string counter = alt("counter") + "?\\s*" + alt("counter_particle") + "?";
  // The rate's patterns, read before and after a percentage: each kept as
  // text too, for the union of each side.
  std::vector<std::string> rate_before_patterns, rate_after_patterns;
  auto before_rule = [&](const std::string& pattern) {
    rate_before_patterns.push_back(pattern);
    return Compile(pattern);
  };
  auto after_rule = [&](const std::string& pattern) {
    rate_after_patterns.push_back(pattern);
    return Compile(pattern);
  };
  rate_before_ = before_rule("(" + alt("rate_before") + ")\\s*$");
  rate_after_ = after_rule("^\\s*(" + alt("rate_after") + ")");
  exceed_before_ =
      before_rule("(" + alt("exceed_verb") + "\\s+" + det + "?\\s*(?:[\\w-]+\\s+){0,3}?" +
                  alt("goal_noun") + "\\s+" + alt("exceed_by") + ")\\s*$");
  excess_after_ = after_rule("^\\s*(" + alt("excess_after") + ")");
  excess_absorbed_ = Compile("(" + alt("excess_absorbed") + ")$");
  excess_tail_ = after_rule("^\\s*(" + alt("excess_tail") + ")");
  actual_before_ = Compile("(" + alt("actual_before") + ")\\s*" + amount + "?\\s*$");
  actual_after_ = Compile("^(\\s*" + counter + "\\s*(?:" + alt("new_adjective") + "\\s*)?" +
                          alt("jobs_word") + "?\\s*" + alt("object_particle") +
                          "?\\s*(?:" + alt("new_adverb") + "\\s*)?" + alt("actual_after") + ")");
  target_before_ = Compile("(" + alt("target_before") + ")\\s*[(:]?\\s*$");
  jobs_after_ = Compile("^(\\s*" + counter + "\\s*(?:" + alt("jobs_modifier") + "\\s+)?" +
                        alt("jobs_word") + ")");
  jobs_before_ = Compile("(" + alt("jobs_word") + ")\\s*$");
  jobs_counters_ = phrases::Texts(rows, "jobs_counter");
  bare_counters_ = phrases::Texts(rows, "bare_counter");
  rate_after_goal_ =
      after_rule("^(\\s*" + alt("of_word") + "\\s+" + det + "\\s+(?:[^\\s;]*[^\\s,;]\\s+){0,4}?" +
                 alt("rate_after_goal") + "s?)\\b");
  rate_before_paren_ = before_rule("(" + alt("rate_before_paren") + "\\s*\\([^)]{0,40}\\)\\s*" +
                                   alt("counter_particle") + ")\\s*$");
  rate_goal_before_ = before_rule("(" + alt("rate_goal_before") + ")\\s*$");
  rate_goal_after_ =
      after_rule("^\\s*" + alt("over_word") + "?\\s*(" + alt("rate_goal_after") + ")");
  actual_before_past_ = Compile("(" + alt("actual_before_past") + ")\\s*" + amount + "?\\s*$");
  // Either of the two above, asked first: most numbers have neither before them.
  actual_before_either_ = Compile("(?:" + alt("actual_before") + "|" + alt("actual_before_past") +
                                  ")\\s*" + amount + "?\\s*$");
  auto any_of = [](const std::vector<std::string>& patterns) {
    std::string out;
    for (const auto& p : patterns) out += (out.empty() ? "(?:" : "|(?:") + p + ")";
    return Compile(out);
  };
  rate_before_any_ = any_of(rate_before_patterns);
  rate_after_any_ = any_of(rate_after_patterns);
  std::vector<phrases::PhraseSet::Entry> refs;
  for (const auto& t : phrases::Texts(rows, "goal_ref")) refs.push_back({t, "goal_ref", ""});
  goal_refs_ = phrases::PhraseSet(refs);
  gazetteer_ = Gazetteer::Shared(lexicons);
  std::vector<phrases::PhraseSet::Entry> past;
  for (const auto& t : phrases::Texts(rows, "past")) past.push_back({t, "past", ""});
  past_ = phrases::PhraseSet(past);
}

std::optional<AchievementFact> AchievementsExtractor::ScanSentence(
    const Document& doc, const Story& story, const phrases::SentenceRef& s) const {
  if (s.quantities == nullptr) return std::nullopt;
  const auto& qs = *s.quantities;
  // A fact starts from a percentage (a rate) or a whole number (a count).
  if (std::none_of(qs.begin(), qs.end(), [](const Quantity& q) {
        return q.kind == QuantityKind::kPercent ||
               (q.kind == QuantityKind::kNumber && q.value.integral);
      }))
    return std::nullopt;
  const std::string_view text = doc.Work(s.begin, s.end);
  const bool ko = phrases::HasHangul(text);
  const std::string lang = ko ? "ko" : "en";

  const Quantity* rate_q = nullptr;
  const Quantity* actual_q = nullptr;
  const Quantity* target_q = nullptr;
  std::optional<Number> rate;
  std::string rate_rule;
  bool absorbed = false;  // `초과` inside the quantity: not a qualifier
  size_t eb = SIZE_MAX, ee = 0;
  const Quantity* goal_in_rate = nullptr;  // a count inside `of the 6,000-job goal`
  auto cover = [&](size_t b, size_t e) {
    eb = std::min(eb, b);
    ee = std::max(ee, e);
  };

  // The rate.
  for (const Quantity& q : qs) {
    if (q.kind != QuantityKind::kPercent) continue;
    const auto before = Before(doc, s.begin, q.begin, 90);
    const auto after = After(doc, q.end, s.end, 60);
    const size_t before_base = static_cast<size_t>(before.data() - doc.work.data());
    // Each pattern is asked only when one of its side's matches.
    const bool any_before = !ask_sides_first_ || Matches(*rate_before_any_, before);
    const bool any_after = !ask_sides_first_ || Matches(*rate_after_any_, after);
    auto find_before = [&](const RE2& re) {
      return any_before ? Find(re, before, before_base) : std::nullopt;
    };
    auto find_after = [&](const RE2& re) {
      return any_after ? Find(re, after, q.end) : std::nullopt;
    };
    if (auto m = find_before(*exceed_before_)) {
      // Hard call (header): an excess below 100 is added to the goal.
      rate = q.value.real < 100.0 ? Number::FromDouble(Round1(100.0 + q.value.real)) : q.value;
      rate_rule = "exceeded_by";
      cover(m->first, q.end);
    } else if (auto m2 = find_after(*excess_after_)) {
      rate = Number::FromDouble(Round1(100.0 + q.value.real));
      rate_rule = "excess";
      cover(q.begin, m2->second);
    } else if (auto m5 = any_after && Matches(*excess_absorbed_, doc.Work(q.begin, q.end))
                             ? find_after(*excess_tail_)
                             : std::nullopt) {
      rate = Number::FromDouble(Round1(100.0 + q.value.real));
      rate_rule = "excess";
      absorbed = true;
      cover(q.begin, m5->second);
    } else if (auto m3 = find_before(*rate_before_)) {
      rate = q.value;
      rate_rule = "rate_of_goal";
      cover(m3->first, q.end);
    } else if (auto m4 = find_after(*rate_after_)) {
      rate = q.value;
      rate_rule = "rate_of_goal";
      cover(q.begin, m4->second);
    } else if (auto m6 = find_before(*rate_before_paren_)) {
      rate = q.value;
      rate_rule = "rate_of_goal";
      cover(m6->first, q.end);
    } else if (auto m7 = find_after(*rate_after_goal_)) {
      rate = q.value;
      rate_rule = "rate_of_goal";
      cover(q.begin, m7->second);
      for (const Quantity& g : qs) {
        if (g.kind == QuantityKind::kNumber && g.value.integral && g.begin >= q.end &&
            g.end <= m7->second && goal_in_rate == nullptr)
          goal_in_rate = &g;
      }
    } else if (auto m8 =
                   find_before(*rate_goal_before_) ? find_after(*rate_goal_after_) : std::nullopt) {
      rate = q.value;
      rate_rule = "rate_of_goal";
      cover(Find(*rate_goal_before_, before, before_base)->first, m8->second);
    } else {
      continue;
    }
    rate_q = &q;
    break;
  }

  // A Korean 창출 counts as a result only in a sentence about the past: asked
  // once a pattern that needs it has matched (the past words are a scan of
  // the whole sentence).
  std::optional<bool> past_sentence;
  auto past = [&] {
    if (!past_sentence)
      past_sentence = rate_q != nullptr || PastDated(doc, qs) || past_.Contains(text);
    return *past_sentence;
  };

  auto counter_is = [](const Quantity& q, const std::vector<std::string>& words) {
    for (const std::string& w : words) {
      if (phrases::SameKey(q.counter, w)) return true;
    }
    return false;
  };
  auto jobs_word = [&](const Quantity& q) -> std::optional<std::pair<size_t, size_t>> {
    if (auto m = Find(*jobs_after_, After(doc, q.end, s.end, 40), q.end)) return m;
    if (counter_is(q, jobs_counters_)) return std::make_pair(q.begin, q.end);
    const auto before = Before(doc, s.begin, q.begin, 30);
    if (auto m = Find(*jobs_before_, before, static_cast<size_t>(before.data() - doc.work.data())))
      return m;
    return std::nullopt;
  };

  // The actual count.
  for (const Quantity& q : qs) {
    if (q.kind != QuantityKind::kNumber || !q.value.integral || &q == goal_in_rate) continue;
    const auto before = Before(doc, s.begin, q.begin, 60);
    const size_t before_base = static_cast<size_t>(before.data() - doc.work.data());
    std::optional<std::pair<size_t, size_t>> m;
    if (RE2::PartialMatch(re2::StringPiece(before.data(), before.size()), *actual_before_either_)) {
      m = Find(*actual_before_, before, before_base);
      if (!m) {
        m = Find(*actual_before_past_, before, before_base);
        if (m && !past()) m.reset();
      }
    }
    if (m) {
      const auto jobs = jobs_word(q);
      if (!jobs && !(ko && counter_is(q, bare_counters_))) continue;
      cover(m->first, jobs ? std::max(q.end, jobs->second) : q.end);
    } else if (auto m2 = Find(*actual_after_, After(doc, q.end, s.end, 50), q.end); m2 && past()) {
      const auto jobs = jobs_word(q);
      if (!jobs) continue;
      cover(std::min(q.begin, jobs->first), m2->second);
    } else {
      continue;
    }
    actual_q = &q;
    break;
  }
  if (rate_q == nullptr && actual_q == nullptr) return std::nullopt;
  // Another government's results (a quote about the neighbouring district).
  const size_t first_num =
      std::min(rate_q ? rate_q->begin : s.end, actual_q ? actual_q->begin : s.end);
  if (phrases::NamesOtherGovernment(*gazetteer_, doc, story, s.begin, first_num))
    return std::nullopt;

  // The goal measured against.
  if (goal_in_rate != nullptr && goal_in_rate != actual_q) target_q = goal_in_rate;
  for (const Quantity& q : qs) {
    if (target_q != nullptr) break;
    if (q.kind != QuantityKind::kNumber || !q.value.integral || &q == actual_q) continue;
    const auto before = Before(doc, s.begin, q.begin, 40);
    const size_t before_base = static_cast<size_t>(before.data() - doc.work.data());
    auto m = Find(*target_before_, before, before_base);
    if (!m) continue;
    const auto jobs = jobs_word(q);
    if (!jobs && !q.counter.empty() && !counter_is(q, bare_counters_)) continue;
    cover(m->first, jobs ? std::max(q.end, jobs->second) : q.end);
    target_q = &q;
    break;
  }

  AchievementFact f;
  if (rate_q != nullptr) {
    f.rate_pct = rate;
    if (!absorbed && (rate_q->approx == "more_than" || rate_q->approx == "about" ||
                      rate_q->approx == "at_least" || rate_q->approx == "up_to"))
      f.qualifier = rate_q->approx;
  }
  if (actual_q != nullptr) {
    f.actual = actual_q->value;
    if (!f.qualifier && !actual_q->approx.empty() && actual_q->approx != "less_than")
      f.qualifier = actual_q->approx;
  }
  if (target_q != nullptr) f.target = target_q->value;

  // The year: the year-grain date nearest the numbers.
  const Quantity* anchor = actual_q != nullptr ? actual_q : rate_q;
  const Quantity* date = nullptr;
  size_t best = SIZE_MAX;
  for (int pass = 0; pass < 2 && date == nullptr; ++pass) {
    for (const Quantity& q : qs) {
      if (q.kind != QuantityKind::kDate || q.date.elected_term || q.date.until) continue;
      if (pass == 0 && q.date.grain != DateGrain::kYear) continue;
      const size_t dist = q.begin >= anchor->end
                              ? q.begin - anchor->end
                              : (anchor->begin >= q.end ? anchor->begin - q.end : 0);
      if (dist < best) {
        best = dist;
        date = &q;
      }
    }
  }
  if (date != nullptr) {
    f.year = date->date.year;
    // Keep the date in the evidence when it sits next to the numbers.
    if (date->begin >= eb && date->end <= ee) {
    } else if (date->begin >= ee && date->begin - ee <= 12) {
      ee = date->end;
    } else if (date->end <= eb && eb - date->end <= 40) {
      eb = date->begin;
    }
  }
  // `연간 목표를 넘어섰다`: measured against the story's own jobs target.
  if (f.actual && !f.target && !f.rate_pct && goal_refs_.Contains(text)) {
    const TargetFact* goal = nullptr;
    int count = 0;
    for (const TargetFact& t : story.targets) {
      if (t.metric == "employment_rate" || t.metric == "employment_linkage_rate" || t.period)
        continue;
      if (f.year ? t.year == f.year : (++count, true)) goal = &t;
    }
    if (goal != nullptr && (f.year || count == 1)) {
      f.target = goal->value;
      if (!f.year) f.year = goal->year;
    }
  }
  // Two of three give the third.
  if (f.actual && f.target && !f.rate_pct && f.target->real > 0) {
    f.rate_pct = Number::FromDouble(Round1(f.actual->real / f.target->real * 100.0));
    f.derived.push_back("rate_pct");
  } else if (f.rate_pct && f.target && !f.actual) {
    f.actual = Number::Int(std::llround(f.target->real * f.rate_pct->real / 100.0));
    f.derived.push_back("actual");
  } else if (f.rate_pct && f.actual && !f.target && f.rate_pct->real > 0) {
    f.target = Number::Int(std::llround(f.actual->real * 100.0 / f.rate_pct->real));
    f.derived.push_back("target");
  } else if (f.rate_pct && f.actual && f.target && f.target->real > 0) {
    f.consistent = std::fabs(f.actual->real / f.target->real * 100.0 - f.rate_pct->real) <= 0.6;
  }

  f.evidence = doc.ToOriginal(eb, ee);
  if (!rate_rule.empty()) {
    f.rule = lang + ".achievement." + rate_rule;
  } else if (target_q != nullptr) {
    f.rule = lang + ".achievement.actual_vs_target";
  } else {
    f.rule = lang + ".achievement.created";
  }
  return f;
}

void AchievementsExtractor::Extract(Document& doc, Story& story) const {
  std::vector<AchievementFact> body, heads;
  for (const auto& s : phrases::StorySentences(doc, story)) {
    auto f = ScanSentence(doc, story, s);
    if (!f) continue;
    (phrases::IsHeading(doc, story, s.begin, s.end) ? heads : body).push_back(std::move(*f));
  }
  auto same = [](const AchievementFact& a, const AchievementFact& b) {
    auto eq = [](const std::optional<Number>& x, const std::optional<Number>& y) {
      return x && y && x->real == y->real;
    };
    return eq(a.actual, b.actual) || eq(a.rate_pct, b.rate_pct);
  };
  std::vector<AchievementFact> kept;
  for (auto* list : {&body, &heads}) {
    for (auto& f : *list) {
      bool dup = false;
      for (const auto& k : kept) dup |= same(k, f);
      if (!dup) kept.push_back(std::move(f));
    }
  }
  std::stable_sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) {
    return a.evidence.start < b.evidence.start;
  });
  for (auto& f : kept) story.achievements.push_back(std::move(f));
}

}  // namespace newsie
