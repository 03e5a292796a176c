#include "extractors/targets/phrases.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "extractors/district/gazetteer.h"

namespace newsie::phrases {
namespace {

bool IsAsciiWord(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// `word_edges`: a phrase with an ASCII word character at an edge matches
// only on a word boundary (\b) there.
std::string PhrasePattern(std::string_view phrase, bool word_edges) {
  std::string out;
  size_t i = 0;
  bool first = true;
  while (i < phrase.size()) {
    while (i < phrase.size() && phrase[i] == ' ') ++i;
    size_t j = i;
    while (j < phrase.size() && phrase[j] != ' ') ++j;
    if (j > i) {
      if (!first) out += "\\s*";
      // A space is required before a word that starts with an ASCII letter
      // or digit (`job creation` never matches `jobcreation`).
      if (!first && IsAsciiWord(phrase[i]) && !out.empty()) out.back() = '+';
      out += RE2::QuoteMeta(phrase.substr(i, j - i));
      first = false;
    }
    i = j;
  }
  if (out.empty()) return out;
  const char head =
      phrase.find_first_not_of(' ') != phrase.npos ? phrase[phrase.find_first_not_of(' ')] : ' ';
  const char tail = phrase[phrase.find_last_not_of(' ')];
  if (word_edges && IsAsciiWord(head)) out = "\\b" + out;
  if (word_edges && IsAsciiWord(tail)) out += "\\b";
  return out;
}

}  // namespace

std::unique_ptr<RE2> CompileRule(const std::string& pattern, std::string_view extractor) {
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  auto re = std::make_unique<RE2>(pattern, options);
  if (!re->ok()) {
    throw LexiconError(std::string(extractor) + ": bad pattern " + pattern + ": " + re->error());
  }
  return re;
}

namespace {

bool IsKeySpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
char KeyChar(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::string Key(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (!IsKeySpace(c)) out += KeyChar(c);
  }
  return out;
}

bool SameKey(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  while (true) {
    while (i < a.size() && IsKeySpace(a[i])) ++i;
    while (j < b.size() && IsKeySpace(b[j])) ++j;
    if (i == a.size() || j == b.size()) return i == a.size() && j == b.size();
    if (KeyChar(a[i++]) != KeyChar(b[j++])) return false;
  }
}

namespace {

std::string AlternationOf(const std::vector<std::string>& phrases, bool word_edges) {
  // Longest first: RE2 alternations are leftmost-first unless longest_match.
  std::vector<std::string> sorted = phrases;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::string out = "(?:";
  bool first = true;
  for (const auto& p : sorted) {
    const std::string pat = PhrasePattern(p, word_edges);
    if (pat.empty()) continue;
    if (!first) out += '|';
    out += pat;
    first = false;
  }
  if (first) out += "\\b\\B";  // matches nothing
  out += ')';
  return out;
}

}  // namespace

std::string Alternation(const std::vector<std::string>& phrases) {
  return AlternationOf(phrases, /*word_edges=*/true);
}

PhraseGate::PhraseGate() = default;
PhraseGate::~PhraseGate() = default;
PhraseGate::PhraseGate(PhraseGate&&) noexcept = default;
PhraseGate& PhraseGate::operator=(PhraseGate&&) noexcept = default;

PhraseGate::PhraseGate(const std::vector<std::string>& phrases) {
  // Without the \b edges a PhraseSet puts on ASCII phrases, every match of
  // theirs is a match here wherever the text is cut, and RE2 needs no
  // lookbehind for them.
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  re_ = std::make_unique<RE2>(AlternationOf(phrases, /*word_edges=*/false), options);
  if (!re_->ok()) throw LexiconError("bad phrase pattern: " + re_->error());
}

bool PhraseGate::MayHold(std::string_view text) const {
  return re_ == nullptr || re_->Match(text, 0, text.size(), RE2::UNANCHORED, nullptr, 0);
}

std::optional<size_t> PhraseGate::FirstIn(std::string_view text) const {
  if (re_ == nullptr) return 0;
  re2::StringPiece match;
  if (!re_->Match(text, 0, text.size(), RE2::UNANCHORED, &match, 1)) return std::nullopt;
  return static_cast<size_t>(match.data() - text.data());
}

struct PhraseSet::AtEnd {
  std::once_flag once;
  std::unique_ptr<RE2> re;
};

PhraseSet::PhraseSet() = default;
PhraseSet::~PhraseSet() = default;
PhraseSet::PhraseSet(PhraseSet&&) noexcept = default;
PhraseSet& PhraseSet::operator=(PhraseSet&&) noexcept = default;

PhraseSet::PhraseSet(const std::vector<Entry>& entries) {
  std::vector<std::string> texts;
  for (const auto& e : entries) {
    texts.push_back(e.text);
    // Korean phrases may be written with or without their inner spaces.
    by_key_.emplace(Key(e.text), e);
  }
  if (texts.empty()) return;
  pattern_ = Alternation(texts);
  RE2::Options options;
  options.set_longest_match(true);
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  // No capturing group: asking only for the whole match lets RE2 find it
  // with its DFAs (forward for the end, reverse for the start).
  re_ = std::make_unique<RE2>(pattern_, options);
  if (!re_->ok()) throw LexiconError("bad phrase pattern: " + re_->error());
  at_end_ = std::make_unique<AtEnd>();
}

const PhraseSet::Entry* PhraseSet::Lookup(std::string_view matched) const {
  // Matches are short: their key is folded on the stack, not allocated.
  char folded[64];
  size_t n = 0;
  for (char c : matched) {
    if (IsKeySpace(c)) continue;
    if (n == sizeof(folded)) return LookupKey(Key(matched));
    folded[n++] = KeyChar(c);
  }
  return LookupKey(std::string_view(folded, n));
}

const PhraseSet::Entry* PhraseSet::LookupKey(std::string_view key) const {
  auto it = by_key_.find(key);
  return it == by_key_.end() ? nullptr : &it->second;
}

std::vector<Hit> PhraseSet::FindAll(std::string_view text, size_t base) const {
  std::vector<Hit> out;
  if (!re_) return out;
  re2::StringPiece match;
  size_t pos = 0;
  while (pos <= text.size() && re_->Match(text, pos, text.size(), RE2::UNANCHORED, &match, 1)) {
    const size_t begin = static_cast<size_t>(match.data() - text.data());
    const Entry* e = Lookup(std::string_view(match.data(), match.size()));
    if (e != nullptr)
      out.push_back({base + begin, base + begin + match.size(), e->cls, e->rule, e->index});
    pos = begin + std::max<size_t>(match.size(), 1);
  }
  return out;
}

std::optional<size_t> PhraseSet::OnlyEndFrom(std::string_view text, size_t pos) const {
  re2::StringPiece longest;
  if (!re_ || !re_->Match(text, pos, text.size(), RE2::ANCHOR_START, &longest, 1) ||
      longest.empty())
    return std::nullopt;
  const size_t end = pos + longest.size();
  // A shorter phrase from `pos`: one ending before `end` (the text after it
  // still decides its \b).
  if (re_->Match(text, pos, end - 1, RE2::ANCHOR_START, nullptr, 0)) return std::nullopt;
  return end;
}

std::optional<size_t> PhraseSet::OnlyStartTo(std::string_view text, size_t end) const {
  if (!re_ || end > text.size()) return std::nullopt;
  // The search below ends the text at `end`, where RE2 sees no word
  // character after a phrase; the text may have one.
  if (end < text.size() && (IsAsciiWord(text[end]) || text[end] == '_')) return std::nullopt;
  std::call_once(at_end_->once, [&] {
    RE2::Options options = re_->options();
    options.set_longest_match(true);
    at_end_->re = std::make_unique<RE2>(pattern_ + "$", options);
  });
  const RE2& at_end = *at_end_->re;
  // Ending at the end of the text, RE2 searches backwards: the leftmost
  // start is the longest phrase.
  const std::string_view head = text.substr(0, end);
  re2::StringPiece longest;
  if (!at_end.Match(head, 0, head.size(), RE2::UNANCHORED, &longest, 1) || longest.empty())
    return std::nullopt;
  const size_t start = static_cast<size_t>(longest.data() - head.data());
  if (at_end.Match(head, start + 1, head.size(), RE2::UNANCHORED, nullptr, 0))
    return std::nullopt;  // a shorter one ends there too
  return start;
}

bool PhraseSet::Contains(std::string_view text) const {
  // No submatch: RE2 answers from its forward DFA and stops at the first
  // match. (Unlike FindAll it does not ask Lookup, which folds only ASCII
  // case: a phrase matched through a Unicode case fold such as the Kelvin
  // sign for `k` counts here.)
  return re_ && re_->Match(text, 0, text.size(), RE2::UNANCHORED, nullptr, 0);
}

std::vector<PhraseSet::Entry> Rows(const std::vector<LexiconRow>& rows, std::string_view kind) {
  std::vector<PhraseSet::Entry> out;
  for (const auto& r : rows) {
    if (r.Get("kind") != kind) continue;
    out.push_back({r.Get("text"), r.Get("value"), r.Get("rule")});
  }
  return out;
}

std::vector<std::string> Texts(const std::vector<LexiconRow>& rows, std::string_view kind) {
  std::vector<std::string> out;
  for (const auto& r : rows) {
    if (r.Get("kind") == kind) out.push_back(r.Get("text"));
  }
  return out;
}

namespace {

// True when the eight bytes at `p` are all ASCII.
bool EightAscii(const char* p) {
  uint64_t eight;
  std::memcpy(&eight, p, sizeof(eight));
  return (eight & 0x8080808080808080ULL) == 0;
}

}  // namespace

bool HasHangul(std::string_view text) {
  size_t i = 0;
  while (i + 2 < text.size()) {
    // ASCII (most of an English sentence) is passed over eight bytes at a time.
    if (i + 8 <= text.size() && EightAscii(text.data() + i)) {
      i += 8;
      continue;
    }
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0xEA && c <= 0xED) {
      // U+AC00..U+D7A3 start with EA B0 .. ED 9E.
      const auto c1 = static_cast<unsigned char>(text[i + 1]);
      if ((c == 0xEA && c1 >= 0xB0) || (c > 0xEA && c < 0xED) || (c == 0xED && c1 <= 0x9E))
        return true;
    }
    ++i;
  }
  return false;
}

bool IsHeading(const Document& doc, const Story& story, size_t begin, size_t end) {
  if (story.headline && begin < story.headline->second && end > story.headline->first) return true;
  std::string_view t = doc.Work(begin, end);
  while (!t.empty() && (t.back() == ' ' || t.back() == '\n' || t.back() == '\r'))
    t.remove_suffix(1);
  if (t.empty()) return true;
  const char last = t.back();
  if (last == '.' || last == '!') return false;
  // Closing quotes after the full stop: ." .” .’
  static const std::string_view kClosers[] = {"\"", "\xE2\x80\x9D", "\xE2\x80\x99", "'", ")"};
  for (auto closer : kClosers) {
    if (t.size() > closer.size() && t.substr(t.size() - closer.size()) == closer) {
      const std::string_view rest = t.substr(0, t.size() - closer.size());
      if (!rest.empty() && (rest.back() == '.' || rest.back() == '!')) return false;
    }
  }
  // Korean sentences end in -다 even when the full stop is lost.
  if (t.size() >= 3 && t.substr(t.size() - 3) == "\xEB\x8B\xA4") return false;
  return true;
}

std::vector<SentenceRef> SentencesAt(const Document& doc, const std::vector<int>& indices) {
  std::vector<SentenceRef> out;
  out.reserve(indices.size());  // one allocation, not one per doubling
  for (int i : indices) {
    const Sentence& s = doc.sentences[static_cast<size_t>(i)];
    out.push_back({s.begin, s.end, &s.quantities, i});
  }
  return out;
}

std::vector<SentenceRef> StorySentences(const Document& doc, const Story& story) {
  std::vector<SentenceRef> out = SentencesAt(doc, story.sentences);
  if (!out.empty()) return out;
  size_t pos = story.begin;
  while (pos < story.end) {
    size_t nl = doc.work.find('\n', pos);
    if (nl == std::string::npos || nl > story.end) nl = story.end;
    if (nl > pos) out.push_back({pos, nl, nullptr});
    pos = nl + 1;
  }
  return out;
}

std::vector<SentenceRef> DocumentSentences(const Document& doc) {
  std::vector<SentenceRef> out;
  out.reserve(doc.sentences.size());
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    out.push_back({s.begin, s.end, &s.quantities, static_cast<int>(i)});
  }
  return out;
}

std::vector<std::vector<Hit>> HitsBySentence(const PhraseSet& set, const Document& doc,
                                             const std::vector<SentenceRef>& sentences) {
  const size_t n = sentences.size();
  std::vector<std::vector<Hit>> out(n);
  std::vector<bool> alone(n, false);
  const std::string_view work = doc.work;
  // RE2's \w: where one stands next to a sentence's edge, \b there depends on
  // whether the scan sees it.
  auto word = [&](size_t pos) {
    return pos < work.size() && (IsAsciiWord(work[pos]) || work[pos] == '_');
  };
  bool in_order = true;
  for (size_t i = 0; i < n; ++i) {
    const SentenceRef& s = sentences[i];
    in_order &=
        s.begin <= s.end && s.end <= work.size() && (i == 0 || sentences[i - 1].end <= s.begin);
    alone[i] = (s.begin > 0 && word(s.begin - 1)) || word(s.end);
  }
  if (n > 0 && in_order) {
    const size_t begin = sentences.front().begin, end = sentences.back().end;
    size_t k = 0;
    for (const Hit& h : set.FindAll(work.substr(begin, end - begin), begin)) {
      while (k < n && sentences[k].end <= h.begin) ++k;
      if (k == n) break;
      // A hit reaching into sentences it does not lie inside: they are read alone.
      const bool inside = h.begin >= sentences[k].begin && h.end <= sentences[k].end;
      if (inside) {
        out[k].push_back(h);
        continue;
      }
      for (size_t j = k; j < n && sentences[j].begin < h.end; ++j) alone[j] = true;
    }
  } else {
    alone.assign(n, true);
  }
  for (size_t i = 0; i < n; ++i) {
    if (alone[i])
      out[i] = set.FindAll(work.substr(sentences[i].begin, sentences[i].end - sentences[i].begin),
                           sentences[i].begin);
  }
  return out;
}

namespace {

// True when one of the eight bytes at `p` is `,`, `;` or `.` (a byte of
// x ^ c is zero where x holds c; the test for a zero byte is exact).
bool EightHoldBreak(const char* p) {
  uint64_t eight;
  std::memcpy(&eight, p, sizeof(eight));
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHighs = 0x8080808080808080ULL;
  auto zero_byte = [](uint64_t x) { return (x - kOnes) & ~x & kHighs; };
  return (zero_byte(eight ^ (kOnes * ',')) | zero_byte(eight ^ (kOnes * ';')) |
          zero_byte(eight ^ (kOnes * '.'))) != 0;
}

}  // namespace

std::vector<size_t> ClauseBreaks(std::string_view text, size_t base) {
  std::vector<size_t> out;
  for (size_t i = 0; i < text.size(); ++i) {
    // Runs without a break character (most of a Korean sentence) are passed
    // over eight bytes at a time.
    while (i + 8 <= text.size() && !EightHoldBreak(text.data() + i)) i += 8;
    if (i == text.size()) break;
    const char c = text[i];
    if (c != ',' && c != ';' && c != '.') continue;
    const bool digit_next = i + 1 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '9';
    const bool digit_prev = i > 0 && text[i - 1] >= '0' && text[i - 1] <= '9';
    if (c == ';' || (c == ',' && !(digit_next && digit_prev))) out.push_back(base + i);
    if (c == '.' && i + 2 < text.size() && text[i + 1] == '.' && text[i + 2] == '.') {
      out.push_back(base + i);
      i += 2;
    }
  }
  return out;
}

bool HoldsClauseBreak(std::string_view text) {
  return text.find_first_of(",;.") != std::string_view::npos;
}

ClauseHits::ClauseHits(const PhraseSet& set, const Document& doc, size_t begin, size_t end,
                       const std::vector<size_t>& breaks)
    : set_(set), doc_(doc), begin_(begin), end_(end), breaks_(breaks), hits_(breaks.size() + 1) {}

size_t ClauseHits::Of(size_t pos) const {
  return static_cast<size_t>(std::lower_bound(breaks_.begin(), breaks_.end(), pos) -
                             breaks_.begin());
}

const std::vector<Hit>& ClauseHits::In(size_t k) {
  if (!hits_[k]) {
    const size_t b = k == 0 ? begin_ : breaks_[k - 1] + 1;
    const size_t e = k < breaks_.size() ? breaks_[k] : end_;
    hits_[k] = set_.FindAll(doc_.Work(b, e), b);
  }
  return *hits_[k];
}

const Hit* ClauseHits::LastBefore(size_t k) {
  while (k-- > 0) {
    if (!In(k).empty()) return &In(k).back();
  }
  return nullptr;
}

const Hit* ClauseHits::FirstFrom(size_t k, size_t pos) {
  for (; k < size(); ++k) {
    for (const Hit& h : In(k)) {
      if (h.begin >= pos) return &h;
    }
  }
  return nullptr;
}

std::optional<int> YearOf(const Quantity& q) {
  if (q.kind != QuantityKind::kDate) return std::nullopt;
  return q.date.year;
}

bool NamesOtherGovernment(const Gazetteer& gazetteer, const Document& doc, const Story& story,
                          size_t begin, size_t end) {
  if (!story.district || story.district->government == nullptr) return false;
  const Government& own = *story.district->government;
  // The first government named is the subject: `Gangdong created ...`, but
  // not `Gwangmyeong-si, next to Seoul's Geumcheon-gu, ...`.
  for (const GovMention& m : gazetteer.Find(doc, begin, end)) {
    bool same = false;
    for (const Government* g : m.candidates) {
      same |= g->code == own.code || g->code == own.region_code;
    }
    return !same;
  }
  return false;
}

}  // namespace newsie::phrases
