#include "pipeline/sentences.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

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

// Whether ICU could propose a break that RealBreak keeps inside `line`: only
// after a terminator ('.', '!', '?' or a non-ASCII character other than a
// Hangul syllable, '·' or '▲', taken conservatively) with more text after
// it. Most Korean lines end in their only '.', and need no iterator.
bool MayBreakInside(std::string_view line) {
  const auto* u = reinterpret_cast<const unsigned char*>(line.data());
  size_t n = line.size();
  while (n > 0 && (u[n - 1] == ' ' || u[n - 1] == '.' || u[n - 1] == '!' || u[n - 1] == '?' ||
                   u[n - 1] == '"' || u[n - 1] == '\'' || u[n - 1] == ')')) {
    --n;  // a closing run at the very end breaks nothing inside
  }
  for (size_t i = 0; i < n;) {
    const unsigned char c = u[i];
    if (c < 0x80) {
      if (c == '.' || c == '!' || c == '?') return true;
      ++i;
    } else if (c >= 0xEA && c <= 0xED && i + 3 <= n) {
      const char32_t cp = ((c & 0x0Fu) << 12) | ((u[i + 1] & 0x3Fu) << 6) | (u[i + 2] & 0x3Fu);
      if (cp < 0xAC00 || cp > 0xD7A3) return true;
      i += 3;
    } else if (c == 0xC2 && i + 1 < n && u[i + 1] == 0xB7) {
      i += 2;  // '·'
    } else if (c == 0xE2 && i + 2 < n && u[i + 1] == 0x96 && u[i + 2] == 0xB2) {
      i += 3;  // '▲'
    } else {
      return true;
    }
  }
  return false;
}

void SplitLine(Document& doc, const LineRange& line, bool korean, int story) {
  const std::string_view text = doc.Work(line.begin, line.end);
  auto emit = [&](size_t b, size_t e) {
    const LineRange r = Trim(doc.work, {line.begin + b, line.begin + e});
    if (r.empty()) return;
    doc.stories[story].sentences.push_back(static_cast<int>(doc.sentences.size()));
    Sentence s;
    s.begin = r.begin;
    s.end = r.end;
    s.story = story;
    doc.sentences.push_back(std::move(s));
  };
  if (!MayBreakInside(text)) {
    emit(0, text.size());
    return;
  }
  icu::BreakIterator* it = Iterator(korean);
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  if (it) utext_openUTF8(&ut, text.data(), static_cast<int64_t>(text.size()), &status);
  if (!it || U_FAILURE(status)) {
    emit(0, text.size());
    return;
  }
  it->setText(&ut, status);
  size_t start = 0;
  for (int32_t p = it->next(); p != icu::BreakIterator::DONE; p = it->next()) {
    const size_t at = static_cast<size_t>(p);
    if (!RealBreak(text, at)) continue;
    emit(start, at);
    start = at;
  }
  if (start < text.size()) emit(start, text.size());
  // Leave the iterator pointing at nothing that outlives `text`.
  utext_close(&ut);
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
