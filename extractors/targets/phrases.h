// PhraseSet and helpers shared by the targets, achievements and awards
// extractors: lexicon phrases compiled into one RE2, and small questions about
// a sentence (its language, whether it is a heading, its year-dates).
//
// A PhraseSet maps every phrase to a class ("target", "achievement", ...) and
// an optional rule name. Phrases made of ASCII words match case-insensitively
// on word boundaries; a space in a phrase matches any run of spaces. Matching
// is leftmost-longest, so "달성을 목표" wins over "달성" at the same place.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/lexicon.h"

namespace re2 {
class RE2;
}

namespace newsie {
class Gazetteer;
}

namespace newsie::phrases {

struct Hit {
  size_t begin = 0;  // bytes in work
  size_t end = 0;
  std::string_view cls;  // points into the PhraseSet, which must outlive the hit
  std::string_view rule;
  int index = -1;
};

class PhraseSet {
 public:
  struct Entry {
    std::string text;
    std::string cls;
    std::string rule;
    int index = -1;  // the caller's row number, if it needs more columns
  };
  PhraseSet();
  ~PhraseSet();
  PhraseSet(PhraseSet&&) noexcept;
  PhraseSet& operator=(PhraseSet&&) noexcept;
  explicit PhraseSet(const std::vector<Entry>& entries);

  bool empty() const { return re_ == nullptr; }
  // Every non-overlapping hit in `text`, which starts at byte `base` of work.
  std::vector<Hit> FindAll(std::string_view text, size_t base) const;
  // True when `text` holds a phrase of the set (the first hit ends the search).
  bool Contains(std::string_view text) const;
  // The regex alternation, for building larger patterns: "(?:a|b\s+c)".
  const std::string& pattern() const { return pattern_; }
  // The entry a matched text stands for (case and spacing folded), or null.
  const Entry* Lookup(std::string_view matched) const;

  // A phrase found without asking RE2 for a capture (which for a large
  // pattern runs its NFA, ~10 times the cost of finding the whole match):
  // where the one phrase starting at `pos` of `text` ends; nullopt when none
  // starts there or phrases of different lengths do (`취업연계율`, `취업연계`).
  std::optional<size_t> OnlyEndFrom(std::string_view text, size_t pos) const;
  // Where the one phrase ending at `end` of `text` starts; nullopt when none
  // ends there, phrases of different lengths do (`public jobs`, `jobs`), or
  // an ASCII word character follows (the \b a phrase may end on is left to RE2).
  std::optional<size_t> OnlyStartTo(std::string_view text, size_t end) const;

 private:
  struct AtEnd;  // the pattern anchored at the end of the text, made on first use
  std::unique_ptr<re2::RE2> re_;
  std::string pattern_;
  // By Key(text); found by a string_view key (heterogeneous lookup).
  struct KeyHash {
    using is_transparent = void;
    size_t operator()(std::string_view key) const { return std::hash<std::string_view>()(key); }
  };
  const Entry* LookupKey(std::string_view key) const;
  std::unordered_map<std::string, Entry, KeyHash, std::equal_to<>> by_key_;
  std::unique_ptr<AtEnd> at_end_;
};

// A quick test, before a PhraseSet's scan, that a text may hold one of a few
// phrases the scan looks for: true wherever a PhraseSet of them finds one in
// the text or in any part of it (and sometimes where it does not: a phrase's
// word boundaries are not asked). One DFA pass; no hits are built.
class PhraseGate {
 public:
  PhraseGate();
  ~PhraseGate();
  PhraseGate(PhraseGate&&) noexcept;
  PhraseGate& operator=(PhraseGate&&) noexcept;
  explicit PhraseGate(const std::vector<std::string>& phrases);

  // False only when no phrase is in `text`; a default gate holds everything.
  bool MayHold(std::string_view text) const;
  // Where in `text` the leftmost gate match starts (no phrase starts before
  // it), or nullopt when MayHold is false; 0 for a default gate.
  std::optional<size_t> FirstIn(std::string_view text) const;

 private:
  std::unique_ptr<re2::RE2> re_;
};

// An alternation of `phrases` ("(?:...)"), ASCII words case-folded at match
// time by the caller's (?i), spaces as \s+, ASCII-edged phrases on \b.
std::string Alternation(const std::vector<std::string>& phrases);

// A rule's pattern, built from lexicon rows, compiled case-insensitively;
// throws LexiconError naming `extractor` and the pattern when RE2 refuses it.
std::unique_ptr<re2::RE2> CompileRule(const std::string& pattern, std::string_view extractor);

// Lower-cased ASCII without spaces: the lookup key of a phrase (Korean
// phrases match with or without their inner spaces).
std::string Key(std::string_view text);
// Key(a) == Key(b), without building them.
bool SameKey(std::string_view a, std::string_view b);

// Rows of `file` whose `kind` column is `kind`, as entries (text/class/rule
// from the `text`, `value` and `rule` columns).
std::vector<PhraseSet::Entry> Rows(const std::vector<LexiconRow>& rows, std::string_view kind);
std::vector<std::string> Texts(const std::vector<LexiconRow>& rows, std::string_view kind);

// True when the text holds a Hangul syllable.
bool HasHangul(std::string_view text);

// A heading line: part of the story headline, or a line without the closing
// punctuation of a sentence.
bool IsHeading(const Document& doc, const Story& story, size_t begin, size_t end);

// The sentences of a story as byte ranges, with their quantities; falls back
// to the story's non-empty lines when the sentence stage has not run.
struct SentenceRef {
  size_t begin = 0;
  size_t end = 0;
  const std::vector<Quantity>* quantities = nullptr;  // may be null
  int index = -1;  // in doc.sentences; -1 for a line of the fallback
};
std::vector<SentenceRef> StorySentences(const Document& doc, const Story& story);
// doc.sentences[i] for each i of `indices` (a story's `sentences` or
// `deck_sentences`), as SentenceRefs.
std::vector<SentenceRef> SentencesAt(const Document& doc, const std::vector<int>& indices);
// Every sentence of the document, as SentenceRefs.
std::vector<SentenceRef> DocumentSentences(const Document& doc);

// What FindAll gives on each of `sentences` (in text order), found with one
// scan from the first to the last: one RE2 call per hit rather than one per
// sentence. Where one scan could differ from a sentence's own (a hit across
// a sentence boundary, a word character next to one, as \b sees it), that
// sentence is scanned on its own.
std::vector<std::vector<Hit>> HitsBySentence(const PhraseSet& set, const Document& doc,
                                             const std::vector<SentenceRef>& sentences);

// Clause boundaries inside a sentence `text` that starts at byte `base` of
// work, as work offsets: `;`, `...` (its first dot), and commas that do not
// sit inside a number (`12,100`).
std::vector<size_t> ClauseBreaks(std::string_view text, size_t base);
// True when `text` holds a character that may break a clause (`,` `;` `.`).
bool HoldsClauseBreak(std::string_view text);

// The hits of a phrase set in a sentence, found clause by clause on first use
// (a number needs mostly its own clause's). No phrase of the set may hold a
// clause break (HoldsClauseBreak), so no hit crosses one, and a clause's own
// scan finds what FindAll on the whole sentence finds in it: a break is no
// word character, so \b reads the same at a clause's edge either way.
class ClauseHits {
 public:
  // `breaks`: ClauseBreaks of the sentence [begin, end) of work; it and the
  // set must outlive this.
  ClauseHits(const PhraseSet& set, const Document& doc, size_t begin, size_t end,
             const std::vector<size_t>& breaks);
  // The number of clauses (breaks + 1).
  size_t size() const { return hits_.size(); }
  // The clause holding work offset `pos`: the number of breaks before it.
  size_t Of(size_t pos) const;
  // The hits inside clause `k`, in text order.
  const std::vector<Hit>& In(size_t k);
  // The last hit ending before clause `k`, or null.
  const Hit* LastBefore(size_t k);
  // The first hit of clause `k` or a later one that starts at or after `pos`, or null.
  const Hit* FirstFrom(size_t k, size_t pos);

 private:
  const PhraseSet& set_;
  const Document& doc_;
  size_t begin_ = 0, end_ = 0;
  const std::vector<size_t>& breaks_;
  std::vector<std::optional<std::vector<Hit>>> hits_;  // a clause's, once scanned
};

// True when the first government [begin, end) of work names is not the
// story's (nor its region): `Gangdong created ...` in a Hanam story. False
// when the story has no district or the range names none.
bool NamesOtherGovernment(const Gazetteer& gazetteer, const Document& doc, const Story& story,
                          size_t begin, size_t end);

// The year of a date quantity (resolved), else nullopt.
std::optional<int> YearOf(const Quantity& q);

// Span of the original text and the rule name, in one place.
inline Span Evidence(const Document& doc, size_t begin, size_t end) {
  return doc.ToOriginal(begin, end);
}

}  // namespace newsie::phrases
