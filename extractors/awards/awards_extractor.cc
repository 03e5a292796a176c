#include "extractors/awards/awards_extractor.h"

#include <re2/re2.h>

#include <algorithm>
#include <climits>

namespace newsie {
namespace {

std::unique_ptr<RE2> Compile(const std::string& pattern) {
  return phrases::CompileRule(pattern, "awards");
}

bool IsYearDate(const Quantity& q) {
  return q.kind == QuantityKind::kDate && !q.date.elected_term && q.date.grain == DateGrain::kYear;
}

}  // namespace

struct AwardsExtractor::Event {
  AwardFact fact;
  bool named = false;  // a known award was named
  bool year_explicit = false;
  std::optional<Span> name_sentence, grade_sentence;
  std::string lang;
  std::string rule;
};

AwardsExtractor::~AwardsExtractor() = default;

AwardsExtractor::AwardsExtractor(const LexiconDir& lexicons) {
  rows_ = lexicons.ReadTsv("awards.tsv");
  std::vector<phrases::PhraseSet::Entry> entries;
  for (size_t i = 0; i < rows_.size(); ++i) {
    const auto& r = rows_[i];
    if (r.Get("kind") == "streak" || r.Get("kind") == "streak_unit") continue;
    entries.push_back({r.Get("text"), r.Get("kind"), r.Get("rule"), static_cast<int>(i)});
  }
  words_ = phrases::PhraseSet(entries);
  // A story's award event starts at a sentence naming an award or a grade.
  std::vector<std::string> openers = phrases::Texts(rows_, "award");
  for (auto& text : phrases::Texts(rows_, "grade")) openers.push_back(std::move(text));
  openers_ = phrases::PhraseGate(openers);
  streak_after_ =
      Compile("^[\\s'\"]*" + phrases::Alternation(phrases::Texts(rows_, "streak_unit")) + "?\\s*" +
              phrases::Alternation(phrases::Texts(rows_, "streak")));
}

// The edition year written right before an award's name (`2022 National ...
// Job Awards`, `2022년 ... 일자리대상`), or nullopt.
std::optional<int> AwardsExtractor::EditionYear(const Document& doc,
                                                const std::vector<Quantity>& qs,
                                                size_t name_begin) const {
  for (const Quantity& q : qs) {
    if (!IsYearDate(q) || q.date.anchor != DateValue::Anchor::kAbsolute) continue;
    if (q.end > name_begin || name_begin - q.end > 45) continue;
    const std::string_view between = doc.Work(q.end, name_begin);
    if (between.find_first_of(",.;") != std::string_view::npos) continue;
    bool other = false;
    for (const Quantity& o : qs) other |= &o != &q && o.begin >= q.end && o.end <= name_begin;
    if (!other) return q.date.year;
  }
  return std::nullopt;
}

void AwardsExtractor::Scan(const Document& doc, const std::vector<phrases::SentenceRef>& sentences,
                           const WordsBySentence& words, std::optional<int> document_edition,
                           std::vector<AwardFact>& out) const {
  Event ev;
  std::optional<int> relative_year, absolute_year;
  std::vector<AwardFact> past;
  std::vector<size_t> past_year_at;  // years given to earlier editions
  bool started = false;
  for (const auto& s : sentences) {
    const std::string_view text = doc.Work(s.begin, s.end);
    const bool found = s.index >= 0 && static_cast<size_t>(s.index) < words.size();
    const std::vector<phrases::Hit> own =
        found ? std::vector<phrases::Hit>() : words_.FindAll(text, s.begin);
    const auto& hits = found ? words[static_cast<size_t>(s.index)] : own;
    static const std::vector<Quantity> kNone;
    const auto& qs = s.quantities != nullptr ? *s.quantities : kNone;
    bool has_award = false, has_grade = false, has_word = false, has_win = false, has_prize = false;
    size_t first_past = SIZE_MAX;
    for (const auto& h : hits) {
      has_award |= h.cls == "award";
      has_grade |= h.cls == "grade";
      has_word |= h.cls == "award_word";
      has_win |= h.cls == "win";
      has_prize |= h.cls == "prize";
      if (h.cls == "past") first_past = std::min(first_past, h.begin);
    }
    const bool member = has_award || has_grade || (started && (has_word || has_win));
    if (!member) continue;
    started = true;
    const std::string lang = phrases::HasHangul(text) ? "ko" : "en";
    if (ev.lang.empty()) ev.lang = lang;

    for (const auto& h : hits) {
      const LexiconRow& row = rows_[static_cast<size_t>(h.index)];
      if (h.cls == "award") {
        if (!ev.named) {
          ev.named = true;
          ev.fact.name = row.Get("name_en");
          ev.fact.name_ko = row.Get("name_ko");
          ev.rule = row.Get("rule");
          ev.name_sentence = doc.ToOriginal(s.begin, s.end);
        }
        // The edition: a year written right before the name.
        if (!ev.year_explicit) {
          if (auto y = EditionYear(doc, qs, h.begin)) {
            ev.fact.year = y;
            ev.year_explicit = true;
          }
        }
      } else if (h.cls == "organizer") {
        // As the story prints it; the lexicon does not supply it.
        if (!ev.fact.organizer) ev.fact.organizer = std::string(doc.Work(h.begin, h.end));
      } else if (h.cls == "grade") {
        // A grade with its own year next to it, after `Following`/`에 이어`, or
        // a year other than this event's, is an earlier award.
        const Quantity* own_year = nullptr;
        for (const Quantity& q : qs) {
          if (!IsYearDate(q) || q.date.anchor != DateValue::Anchor::kAbsolute) continue;
          const bool after = q.begin >= h.end && q.begin - h.end <= 12;
          const bool before = q.end <= h.begin && h.begin - q.end <= 6;
          if (after || before) own_year = &q;
        }
        const std::string printed =
            row.Get("printed").empty() ? std::string(doc.Work(h.begin, h.end)) : row.Get("printed");
        if (own_year != nullptr &&
            (first_past < h.begin || (ev.fact.year && own_year->date.year != ev.fact.year))) {
          past_year_at.push_back(own_year->begin);
          AwardFact p;
          p.year = own_year->date.year;
          p.grade = row.Get("value");
          p.grade_text = printed;
          p.evidence =
              doc.ToOriginal(std::min(h.begin, own_year->begin), std::max(h.end, own_year->end));
          p.rule = lang + ".award.past";
          past.push_back(std::move(p));
          continue;
        }
        if (!ev.fact.grade) {
          ev.fact.grade = row.Get("value");
          ev.fact.grade_text = printed;
          ev.grade_sentence = doc.ToOriginal(s.begin, s.end);
        }
      } else if (h.cls == "category") {
        if (!ev.fact.category) ev.fact.category = row.Get("value");
        // A category of a known award names it (`the Public Disclosure System
        // category` is the Job Awards').
        if (!ev.named && !row.Get("name_en").empty()) {
          ev.named = true;
          ev.fact.name = row.Get("name_en");
          ev.fact.name_ko = row.Get("name_ko");
          ev.rule = row.Get("rule");
          ev.name_sentence = doc.ToOriginal(s.begin, s.end);
        }
      }
    }
    // The streak.
    for (const Quantity& q : qs) {
      if (ev.fact.streak_years) break;
      if (q.kind != QuantityKind::kNumber && q.kind != QuantityKind::kOrdinal) continue;
      if (!q.value.integral || q.value.integer < 2 || q.value.integer > 60) continue;
      const std::string_view after = doc.Work(q.end, std::min(s.end, q.end + 40));
      if (RE2::PartialMatch(re2::StringPiece(after.data(), after.size()), *streak_after_))
        ev.fact.streak_years = static_cast<int>(q.value.integer);
    }
    // The prize.
    if (has_prize && !ev.fact.prize_krw) {
      for (const Quantity& q : qs) {
        if (q.kind == QuantityKind::kMoney && (q.unit == "KRW" || q.unit.empty())) {
          ev.fact.prize_krw = q.value;
          break;
        }
      }
    }
    // A relative year in a sentence that says the award was won.
    if (has_win && !relative_year) {
      for (const Quantity& q : qs) {
        if (IsYearDate(q) && q.date.anchor == DateValue::Anchor::kRelativeYear && q.date.year) {
          relative_year = q.date.year;
          break;
        }
      }
    }
    // Else a year written elsewhere in a sentence that names the award and
    // says it was won (`has won the ... Awards three years in a row, most
    // recently in 2024`), not one given to an earlier edition.
    if (has_win && (has_award || has_grade) && !absolute_year) {
      for (const Quantity& q : qs) {
        if (!IsYearDate(q) || q.date.anchor != DateValue::Anchor::kAbsolute || !q.date.year)
          continue;
        if (std::find(past_year_at.begin(), past_year_at.end(), q.begin) != past_year_at.end())
          continue;
        if (doc.ref_date.year && *q.date.year > *doc.ref_date.year) continue;
        absolute_year = q.date.year;
        break;
      }
    }
  }
  if (!ev.named && !ev.fact.grade) return;
  if (!ev.fact.year) ev.fact.year = relative_year;
  if (!ev.fact.year) ev.fact.year = absolute_year;
  // A roundup story's award at `the same ceremony` another story dates: the
  // one edition of this award the document names.
  if (!ev.fact.year && ev.named) ev.fact.year = document_edition;
  ev.fact.evidence = ev.grade_sentence ? *ev.grade_sentence : *ev.name_sentence;
  ev.fact.rule = ev.lang + ".award." + (ev.named ? ev.rule : std::string("grade"));
  out.push_back(ev.fact);
  for (auto& p : past) {
    p.name = ev.fact.name;
    p.name_ko = ev.fact.name_ko;
    p.organizer = ev.fact.organizer;
    out.push_back(std::move(p));
  }
}

std::optional<int> AwardsExtractor::DocumentEdition(const Document& doc,
                                                    const WordsBySentence& words) const {
  std::optional<int> edition;
  for (size_t i = 0; i < doc.sentences.size() && i < words.size(); ++i) {
    if (doc.sentences[i].deck) continue;  // awards are read from story bodies and headlines
    for (const auto& h : words[i]) {
      if (h.cls != "award") continue;
      if (auto y = EditionYear(doc, doc.sentences[i].quantities, h.begin)) {
        if (edition && *edition != *y) return std::nullopt;
        edition = y;
      }
    }
  }
  return edition;
}

void AwardsExtractor::ExtractStory(Document& doc, Story& story, const WordsBySentence& words,
                                   std::optional<int> edition) const {
  const auto sentences = phrases::StorySentences(doc, story);
  std::vector<phrases::SentenceRef> body, heads;
  body.reserve(sentences.size());  // nearly all of them
  for (const auto& s : sentences) {
    (phrases::IsHeading(doc, story, s.begin, s.end) ? heads : body).push_back(s);
  }
  std::vector<AwardFact> found;
  Scan(doc, body, words, edition, found);
  if (found.empty()) Scan(doc, heads, words, edition, found);
  for (auto& f : found) story.awards.push_back(std::move(f));
}

void AwardsExtractor::Extract(Document& doc, Story& story) const {
  const std::optional<WordsBySentence> words = AwardWords(doc);
  if (!words) return;
  ExtractStory(doc, story, *words, DocumentEdition(doc, *words));
}

std::optional<AwardsExtractor::WordsBySentence> AwardsExtractor::AwardWords(
    const Document& doc) const {
  // Most documents name no award, and in most that do, the stories around
  // it name none. An event starts at a sentence naming an award or a grade
  // (Scan), and the gate's leftmost match in a story's text starts at or
  // before any such name: the sentences that end before it (and every
  // sentence of a story without a match) can take no part in an event, nor
  // date one (DocumentEdition reads award names). One gate pass over each
  // story says where that is; the award words, whose scan stops at every
  // `received` or `budget`, are found only from there on.
  std::vector<int> wanted;  // doc.sentences indices, ascending
  bool any = false;
  for (const Story& story : doc.stories) {
    // The story's text, and its sentences' (a deck may stand above it).
    size_t begin = story.begin, end = story.end;
    for (const auto* list : {&story.sentences, &story.deck_sentences}) {
      for (const int i : *list) {
        begin = std::min(begin, doc.sentences[static_cast<size_t>(i)].begin);
        end = std::max(end, doc.sentences[static_cast<size_t>(i)].end);
      }
    }
    if (begin >= end) continue;
    const std::optional<size_t> first = openers_.FirstIn(doc.Work(begin, end));
    if (!first) continue;
    any = true;
    for (const int i : story.sentences) {
      if (doc.sentences[static_cast<size_t>(i)].end > begin + *first) wanted.push_back(i);
    }
  }
  if (!any) return std::nullopt;
  std::sort(wanted.begin(), wanted.end());
  WordsBySentence words(doc.sentences.size());
  // One scan per run of consecutive sentences (HitsBySentence gives what a
  // scan of each sentence alone would).
  for (size_t r = 0; r < wanted.size();) {
    size_t e = r + 1;
    while (e < wanted.size() && wanted[e] == wanted[e - 1] + 1) ++e;
    const std::vector<int> run(wanted.begin() + static_cast<std::ptrdiff_t>(r),
                               wanted.begin() + static_cast<std::ptrdiff_t>(e));
    auto hits = phrases::HitsBySentence(words_, doc, phrases::SentencesAt(doc, run));
    for (size_t k = 0; k < run.size(); ++k) words[static_cast<size_t>(run[k])] = std::move(hits[k]);
    r = e;
  }
  return words;
}

void AwardsExtractor::ExtractStories(Document& doc) const {
  const std::optional<WordsBySentence> words = AwardWords(doc);
  if (!words) return;
  const std::optional<int> edition = DocumentEdition(doc, *words);
  for (Story& story : doc.stories) ExtractStory(doc, story, *words, edition);
}

}  // namespace newsie
