#include "pipeline/sentences.h"

#include <unicode/brkiter.h>
#include <unicode/unistr.h>
#include <unicode/ustring.h>

#include <array>
#include <cstdint>
#include <cstring>

#include "pipeline/hangul.h"
#include "pipeline/language.h"
#include "pipeline/text_lines.h"

namespace newsie {
namespace {

// One sentence iterator per language and thread (stages are shared).
icu::BreakIterator* Iterator(bool korean) {
  thread_local std::unique_ptr<icu::BreakIterator> ko, en;
  auto& slot = korean ? ko : en;
  if (!slot) {
    UErrorCode status = U_ZERO_ERROR;
    slot.reset(icu::BreakIterator::createSentenceInstance(
        korean ? icu::Locale::getKorean() : icu::Locale::getEnglish(), status));
    if (U_FAILURE(status)) slot.reset();
  }
  return slot.get();
}

// The bytes of the character led by `lead`, as the walks over a line count
// them (on working text, valid UTF-8; a stray byte counts as a lead).
size_t LengthFromLead(unsigned char lead) {
  return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

// Whether ICU's break at `p` of `line` ends a sentence (see sentences.h).
bool RealBreak(std::string_view line, size_t p) {
  if (p >= line.size()) return true;
  if (p == 0) return false;
  if (line[p - 1] != ' ') return false;
  size_t e = p;
  while (e > 0 && line[e - 1] == ' ') --e;
  return !(e >= 3 && line.substr(e - 3, 3) == "...");
}

// The length of the character at u[i] (of a line of `n` bytes) if it may be
// a sentence terminator or, with `closing`, closing punctuation, else 0:
// '.', '!', '?', and (taken conservatively) any non-ASCII character other
// than a Hangul syllable, '·' or '▲'; `closing` also allows ASCII quotes and
// brackets.
size_t SpecialAt(const unsigned char* u, size_t i, size_t n, bool closing) {
  const unsigned char c = u[i];
  if (c < 0x80) {
    if (c == '.' || c == '!' || c == '?') return 1;
    if (closing && (c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' || c == '(' ||
                    c == '[' || c == '{')) {
      return 1;
    }
    return 0;
  }
  if (c >= 0xEA && c <= 0xED && i + 3 <= n) {
    return HangulSyllableAt(std::string_view(reinterpret_cast<const char*>(u), n), i) ? 0 : 3;
  }
  if (c == 0xC2 && i + 1 < n && u[i + 1] == 0xB7) return 0;                      // '·'
  if (c == 0xE2 && i + 2 < n && u[i + 1] == 0x96 && u[i + 2] == 0xB2) return 0;  // '▲'
  size_t len = 1;  // any other non-ASCII character, whole
  while (i + len < n && (u[i + len] & 0xC0) == 0x80) ++len;
  return len;
}

// Whether the terminator of `len` bytes at u[i] is followed by closing
// characters and then a space, all before `n`.
bool SpaceAfterClosing(const unsigned char* u, size_t i, size_t len, size_t n) {
  size_t j = i + len;
  while (j < n) {
    const size_t close = SpecialAt(u, j, n, /*closing=*/true);
    if (close == 0) break;
    j += close;
  }
  return j < n && u[j] == ' ';
}

// The end of `line` before its closing run (spaces, terminators, quotes and
// ')' at the very end), which breaks nothing inside the line.
size_t BeforeClosingRun(std::string_view line) {
  size_t n = line.size();
  while (n > 0 &&
         (line[n - 1] == ' ' || line[n - 1] == '.' || line[n - 1] == '!' || line[n - 1] == '?' ||
          line[n - 1] == '"' || line[n - 1] == '\'' || line[n - 1] == ')')) {
    --n;
  }
  return n;
}

// Calls found(end) for each terminator of `line` after which ICU could end
// a sentence inside the line that RealBreak keeps: one followed by closing
// characters and then a space (see MayBreakInside), with `end` the end of the
// terminator; stops, and returns true, when found returns true.
template <typename F>
bool ForEachBreakPlace(std::string_view line, F found) {
  const auto* u = reinterpret_cast<const unsigned char*>(line.data());
  const size_t n = BeforeClosingRun(line);
  // ASCII bytes that end nothing, passed over in a tight loop.
  static constexpr std::array<bool, 256> kPlain = [] {
    std::array<bool, 256> plain{};
    for (int c = 0; c < 0x80; ++c) plain[c] = c != '.' && c != '!' && c != '?';
    return plain;
  }();
  for (size_t i = 0; i < n;) {
    while (i < n && kPlain[u[i]]) ++i;
    if (i >= n) break;
    const size_t len = SpecialAt(u, i, n, /*closing=*/false);
    if (len == 0) {
      i += u[i] < 0x80 ? 1 : (u[i] == 0xC2 ? 2 : 3);  // ASCII, '·', a syllable or '▲'
      continue;
    }
    if (SpaceAfterClosing(u, i, len, n) && found(i + len)) return true;
    i += len;
  }
  return false;
}

// Where ICU may stop reading `line` (valid UTF-8) for SentenceEndsInto: past
// the first letter after the line's last place a kept break is possible (a
// terminator, closing characters and a space: MayBreakInside's test), at the
// end of that letter's word. Whether ICU breaks at such a place depends on
// what follows only up to the next letter (UAX #29: SB7's upper-case letter
// right after, SB8's lower-case letter after any spaces, digits and
// punctuation, SB8a's comma or terminator): so the breaks it proposes
// before that letter are the same for the whole line and for the line cut
// there, and after it no kept break is possible. The rest of the line, most
// of its last sentence, is left unread. Only an ASCII letter or a Hangul
// syllable counts as a letter here; anything else is read past, which can
// only keep more of the line. line.size() when no letter follows.
size_t IcuReadEnd(std::string_view line) {
  const auto* u = reinterpret_cast<const unsigned char*>(line.data());
  const size_t size = line.size();
  size_t after = std::string_view::npos;  // the end of the last such terminator
  ForEachBreakPlace(line, [&](size_t end) {
    after = end;
    return false;
  });
  if (after == std::string_view::npos) return size;
  for (size_t j = after; j < size;) {
    const unsigned char c = u[j];
    if (IsAsciiLetter(c) || (c >= 0xEA && c <= 0xED && HangulSyllableAt(line, j) != 0)) {
      const size_t space = line.find(' ', j);
      return space == std::string_view::npos ? size : space;
    }
    j += LengthFromLead(c);
  }
  return size;
}

}  // namespace

// ICU ends a sentence only after a terminator, any closing punctuation and
// any spaces (UAX #29, SB9-SB11), and RealBreak keeps a break only with a
// space right before it: so only a terminator followed by closing
// characters and then a space can end a sentence inside the line. Most
// Korean lines end in their only '.', and decimals (12.5%) or abbreviations
// glued to text (U.S.-based) break nothing: no iterator.
bool MayBreakInside(std::string_view line) {
  return ForEachBreakPlace(line, [](size_t) { return true; });
}

LineScan ScanLine(std::string_view line) {
  LineScan scan;
  ScriptCounts& counts = scan.counts;
  const auto* u = reinterpret_cast<const unsigned char*>(line.data());
  const size_t size = line.size();
  const size_t n = BeforeClosingRun(line);  // terminators are looked for before it
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  // Whether one of the eight bytes of `word` is `c` (the classic zero-byte test).
  auto has_byte = [](uint64_t word, unsigned char c) {
    const uint64_t x = word ^ (c * kOnes);
    return ((x - kOnes) & ~x & (0x80 * kOnes)) != 0;
  };
  // A character at `i` that may end a sentence inside the line.
  auto terminator = [&](size_t i) {
    if (scan.may_break || i >= n) return;
    const size_t len = SpecialAt(u, i, n, /*closing=*/false);
    scan.may_break = len > 0 && SpaceAfterClosing(u, i, len, n);
  };
  size_t i = 0;
  while (i < size) {
    const size_t left = size - i;
    // CountScripts' paths, in its order: eight ASCII bytes (here only when
    // none of them may end a sentence, or the answer is known), one ASCII
    // byte, a Hangul syllable, anything else by utf8proc.
    uint64_t word;
    if (left >= 8 && (std::memcpy(&word, u + i, 8), (word & 0x8080808080808080ULL) == 0) &&
        (scan.may_break || i >= n ||
         !(has_byte(word, '.') || has_byte(word, '!') || has_byte(word, '?')))) {
      counts.latin += LatinLettersOfAsciiWord(word);
      i += 8;
      continue;
    }
    if (u[i] < 0x80) {
      counts.latin += IsAsciiLetter(u[i]);
      if (u[i] == '.' || u[i] == '!' || u[i] == '?') terminator(i);
      ++i;
      continue;
    }
    if (left >= 3 && u[i] >= 0xEA && u[i] <= 0xED && (u[i + 1] & 0xC0) == 0x80 &&
        (u[i + 2] & 0xC0) == 0x80) {
      const char32_t cp = ((u[i] & 0x0Fu) << 12) | ((u[i + 1] & 0x3Fu) << 6) | (u[i + 2] & 0x3Fu);
      if (cp >= 0xAC00 && cp <= 0xD7A3) {
        ++counts.hangul;  // a syllable ends nothing
        i += 3;
        continue;
      }
    }
    terminator(i);
    i += CountCodePointAt(u + i, left, counts);
  }
  return scan;
}

std::vector<size_t> SentenceEnds(std::string_view line, bool korean, bool shortcut) {
  std::vector<size_t> ends;
  SentenceEndsInto(line, korean, !shortcut || MayBreakInside(line), ends,
                   /*whole=*/!shortcut);
  return ends;
}

std::vector<size_t> SentenceEndsKnowing(std::string_view line, bool korean, bool may_break) {
  std::vector<size_t> ends;
  SentenceEndsInto(line, korean, may_break, ends);
  return ends;
}

void SentenceEndsInto(std::string_view line, bool korean, bool may_break, std::vector<size_t>& ends,
                      bool whole) {
  ends.clear();
  icu::BreakIterator* it = may_break ? Iterator(korean) : nullptr;
  if (it != nullptr) {
    // What ICU reads of the line (IcuReadEnd), and the end of text it sees.
    const size_t read_end = whole ? line.size() : IcuReadEnd(line);
    // ICU's iterator costs about a third less over UTF-16 than over a UTF-8
    // UText: the line goes in as UTF-16, and each break (a UTF-16 index)
    // comes back as a byte offset, counted forward from the one before.
    // (`line` is working text: valid UTF-8, as DecodeStage made it.) The
    // line is converted into the buffer the line before left (as
    // UnicodeString::fromUTF8 does, with U+FFFD for a bad byte, but without
    // a new string per line).
    thread_local icu::UnicodeString utf16;
    const auto size = static_cast<int32_t>(read_end);
    char16_t* buffer = utf16.getBuffer(size + 1);  // no more UTF-16 units than bytes
    if (buffer != nullptr) {
      int32_t units = 0;
      UErrorCode status = U_ZERO_ERROR;
      u_strFromUTF8WithSub(buffer, utf16.getCapacity(), &units, line.data(), size, 0xFFFD, nullptr,
                           &status);
      utf16.releaseBuffer(U_SUCCESS(status) ? units : 0);
    } else {
      utf16 = icu::UnicodeString::fromUTF8(icu::StringPiece(line.data(), size));
    }
    it->setText(utf16);
    const auto* u = reinterpret_cast<const unsigned char*>(line.data());
    size_t at = 0;     // byte offset in `line` ...
    int32_t unit = 0;  // ... of UTF-16 index `unit`
    for (int32_t p = it->next(); p != icu::BreakIterator::DONE; p = it->next()) {
      while (unit < p && at < read_end) {
        const unsigned char lead = u[at];
        unit += lead >= 0xF0 ? 2 : 1;  // four bytes make a surrogate pair
        at += LengthFromLead(lead);
      }
      if (at >= read_end) break;  // the end of what ICU read is not a break
      if (RealBreak(line, at)) ends.push_back(at);
    }
  }
  ends.push_back(line.size());
}

namespace {

// `may_break`: false when ScanLine found no place ICU could break inside.
// `deck`: the line is one of the story's deck (stories.h), whose sentences go
// to story.deck_sentences instead of story.sentences.
// `ends`: room for the line's sentence ends, reused from line to line.
void SplitLine(Document& doc, const LineRange& line, bool korean, bool may_break, int story,
               std::vector<size_t>& ends, bool deck = false) {
  const std::string_view text = doc.Work(line.begin, line.end);
  size_t start = 0;
  SentenceEndsInto(text, korean, may_break, ends);
  for (const size_t end : ends) {
    const LineRange r = Trim(doc.work, {line.begin + start, line.begin + end});
    start = end;
    if (r.empty()) continue;
    Story& owner = doc.stories[story];
    (deck ? owner.deck_sentences : owner.sentences)
        .push_back(static_cast<int>(doc.sentences.size()));
    Sentence s;
    s.begin = r.begin;
    s.end = r.end;
    s.story = story;
    s.deck = deck;
    doc.sentences.push_back(std::move(s));
  }
}

class SentencesStage : public Stage {
 public:
  std::string_view name() const override { return "sentences"; }
  Status Run(Document& doc) const override {
    ScriptCounts all;
    // Working room kept by the thread from document to document.
    thread_local std::vector<bool> may_break;   // per line of the story
    thread_local std::vector<size_t> ends;      // of a line's sentences
    thread_local std::vector<LineRange> lines;  // of the story, found among doc.kept_lines
    // Room for a sentence per kept line and deck line (most lines are one
    // sentence): grown one by one, the vectors were copied some six times
    // per document.
    size_t deck_lines = 0;
    for (const Story& story : doc.stories) deck_lines += story.deck.size();
    if (!doc.stories.empty()) doc.sentences.reserve(doc.kept_lines.size() + deck_lines);
    for (size_t k = 0; k < doc.stories.size(); ++k) {
      Story& story = doc.stories[k];
      KeptLinesIn(doc, story.begin, story.end, lines);
      story.sentences.reserve(lines.size());
      story.deck_sentences.reserve(story.deck.size());
      // One pass over each line for its scripts (the story's language picks
      // the iterator) and for whether the iterator is needed on it.
      ScriptCounts counts;
      may_break.clear();
      for (const auto& line : lines) {
        const LineScan scan = ScanLine(doc.Work(line.begin, line.end));
        counts.hangul += scan.counts.hangul;
        counts.latin += scan.counts.latin;
        may_break.push_back(scan.may_break);
      }
      all.hangul += counts.hangul;
      all.latin += counts.latin;
      story.lang = LanguageOf(counts);
      // The deck stands above the lead: its sentences come first, so that
      // doc.sentences stays in text order. (Its few lines were not scanned
      // for the shortcut: ICU reads them whole.)
      for (const auto& [begin, end] : story.deck) {
        SplitLine(doc, {begin, end}, story.lang == "ko", /*may_break=*/true, static_cast<int>(k),
                  ends, /*deck=*/true);
      }
      for (size_t l = 0; l < lines.size(); ++l) {
        SplitLine(doc, lines[l], story.lang == "ko", may_break[l], static_cast<int>(k), ends);
      }
    }
    if (doc.stories.empty()) all = CountScripts(doc.work);
    doc.source.lang =
        doc.input.lang && !doc.input.lang->empty() ? *doc.input.lang : LanguageOf(all);
    return {};
  }
};

}  // namespace

std::unique_ptr<Stage> MakeSentencesStage(const PipelineOptions&) {
  return std::make_unique<SentencesStage>();
}

}  // namespace newsie
