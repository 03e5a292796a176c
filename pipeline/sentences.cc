#include "pipeline/sentences.h"

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include <array>

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

// Whether ICU's break at `p` of `line` ends a sentence (see sentences.h).
bool RealBreak(std::string_view line, size_t p) {
  if (p >= line.size()) return true;
  if (p == 0) return false;
  if (line[p - 1] != ' ') return false;
  size_t e = p;
  while (e > 0 && line[e - 1] == ' ') --e;
  return !(e >= 3 && line.substr(e - 3, 3) == "...");
}

// Whether ICU could propose a break that RealBreak keeps inside `line`.
// ICU ends a sentence only after a terminator, any closing punctuation and
// any spaces (UAX #29, SB9-SB11), and RealBreak keeps a break only with a
// space right before it: so only a terminator ('.', '!', '?' or a non-ASCII
// character other than a Hangul syllable, '·' or '▲', taken conservatively)
// followed by closing characters (quotes, brackets, or again any such
// non-ASCII character) and then a space can end a sentence inside the line.
// Most Korean lines end in their only '.', and decimals (12.5%) or
// abbreviations glued to text (U.S.-based) break nothing: no iterator.
bool MayBreakInside(std::string_view line) {
  const auto* u = reinterpret_cast<const unsigned char*>(line.data());
  size_t n = line.size();
  while (n > 0 && (u[n - 1] == ' ' || u[n - 1] == '.' || u[n - 1] == '!' || u[n - 1] == '?' ||
                   u[n - 1] == '"' || u[n - 1] == '\'' || u[n - 1] == ')')) {
    --n;  // a closing run at the very end breaks nothing inside
  }
  // The length of the character at `i` if it may be a terminator or closing
  // punctuation (`closing` also allows ASCII quotes and brackets), else 0.
  auto special = [&](size_t i, bool closing) -> size_t {
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
      const char32_t cp = ((c & 0x0Fu) << 12) | ((u[i + 1] & 0x3Fu) << 6) | (u[i + 2] & 0x3Fu);
      return cp >= 0xAC00 && cp <= 0xD7A3 ? 0 : 3;
    }
    if (c == 0xC2 && i + 1 < n && u[i + 1] == 0xB7) return 0;                      // '·'
    if (c == 0xE2 && i + 2 < n && u[i + 1] == 0x96 && u[i + 2] == 0xB2) return 0;  // '▲'
    size_t len = 1;  // any other non-ASCII character, whole
    while (i + len < n && (u[i + len] & 0xC0) == 0x80) ++len;
    return len;
  };
  // ASCII bytes that end nothing, passed over in a tight loop.
  static constexpr std::array<bool, 256> kPlain = [] {
    std::array<bool, 256> plain{};
    for (int c = 0; c < 0x80; ++c) plain[c] = c != '.' && c != '!' && c != '?';
    return plain;
  }();
  for (size_t i = 0; i < n;) {
    while (i < n && kPlain[u[i]]) ++i;
    if (i >= n) break;
    const size_t len = special(i, /*closing=*/false);
    if (len == 0) {
      i += u[i] < 0x80 ? 1 : (u[i] == 0xC2 ? 2 : 3);  // ASCII, '·', a syllable or '▲'
      continue;
    }
    size_t j = i + len;
    while (j < n) {
      const size_t close = special(j, /*closing=*/true);
      if (close == 0) break;
      j += close;
    }
    if (j < n && u[j] == ' ') return true;
    i += len;
  }
  return false;
}

}  // namespace

std::vector<size_t> SentenceEnds(std::string_view line, bool korean, bool shortcut) {
  std::vector<size_t> ends;
  icu::BreakIterator* it = shortcut && !MayBreakInside(line) ? nullptr : Iterator(korean);
  if (it != nullptr) {
    // ICU's iterator costs about a third less over UTF-16 than over a UTF-8
    // UText: the line goes in as UTF-16, and each break (a UTF-16 index)
    // comes back as a byte offset, counted forward from the one before.
    // (`line` is working text: valid UTF-8, as DecodeStage made it.)
    thread_local icu::UnicodeString utf16;
    utf16 = icu::UnicodeString::fromUTF8(
        icu::StringPiece(line.data(), static_cast<int32_t>(line.size())));
    it->setText(utf16);
    const auto* u = reinterpret_cast<const unsigned char*>(line.data());
    size_t at = 0;     // byte offset in `line` ...
    int32_t unit = 0;  // ... of UTF-16 index `unit`
    for (int32_t p = it->next(); p != icu::BreakIterator::DONE; p = it->next()) {
      while (unit < p && at < line.size()) {
        const unsigned char lead = u[at];
        unit += lead >= 0xF0 ? 2 : 1;  // four bytes make a surrogate pair
        at += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      }
      if (at >= line.size()) break;
      if (RealBreak(line, at)) ends.push_back(at);
    }
  }
  ends.push_back(line.size());
  return ends;
}

namespace {

void SplitLine(Document& doc, const LineRange& line, bool korean, int story) {
  const std::string_view text = doc.Work(line.begin, line.end);
  size_t start = 0;
  for (const size_t end : SentenceEnds(text, korean)) {
    const LineRange r = Trim(doc.work, {line.begin + start, line.begin + end});
    start = end;
    if (r.empty()) continue;
    doc.stories[story].sentences.push_back(static_cast<int>(doc.sentences.size()));
    Sentence s;
    s.begin = r.begin;
    s.end = r.end;
    s.story = story;
    doc.sentences.push_back(std::move(s));
  }
}

class SentencesStage : public Stage {
 public:
  std::string_view name() const override { return "sentences"; }
  Status Run(Document& doc) const override {
    ScriptCounts all;
    for (size_t k = 0; k < doc.stories.size(); ++k) {
      Story& story = doc.stories[k];
      const std::vector<LineRange> lines = KeptLines(doc, story.begin, story.end);
      ScriptCounts counts;
      for (const auto& line : lines) {
        const ScriptCounts c = CountScripts(doc.Work(line.begin, line.end));
        counts.hangul += c.hangul;
        counts.latin += c.latin;
      }
      all.hangul += counts.hangul;
      all.latin += counts.latin;
      story.lang = LanguageOf(counts);
      for (const auto& line : lines) {
        SplitLine(doc, line, story.lang == "ko", static_cast<int>(k));
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
