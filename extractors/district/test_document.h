// Test helper for the district and mayor tests: a Document built by hand
// from text (work == original, 1:1 offsets), one story, sentences split on
// newlines, so extractors can be tested without the text stages.
#pragma once

#include <string>
#include <string_view>

#include "pipeline/document.h"
#include "pipeline/lexicon.h"
#include "tests/test_support.h"

namespace newsie::testing {

// The lexicons of the source tree.
inline LexiconDir Lexicons() { return LexiconDir(SourceDir() / "lexicons"); }

// An example table's text: `\\n` stands for a line break.
inline std::string Unescape(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == 'n') {
      out += '\n';
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

// `text` lines become sentences; a first line starting with "# " is the
// story headline (the "# " is kept out of the headline span).
inline Document HandDocument(std::string text, std::string lang = "en") {
  Document doc;
  doc.original = text;
  doc.work = text;
  uint32_t cp = 0;
  for (size_t i = 0; i < text.size();) {
    const auto b = static_cast<unsigned char>(text[i]);
    const uint32_t n = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    doc.work_map.Append(n, cp, cp + 1);
    ++cp;
    i += n;
  }
  doc.original_index = CodePointIndex::Of(text);
  doc.work_map.Finish(cp);
  doc.source.lang = lang;
  Story story;
  story.begin = 0;
  story.end = text.size();
  story.lang = lang;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    if (eol > pos) {
      if (pos == 0 && std::string_view(text).substr(0, 2) == "# ") {
        story.headline = std::make_pair(size_t{2}, eol);
      } else {
        Sentence s;
        s.begin = pos;
        s.end = eol;
        s.story = 0;
        story.sentences.push_back(static_cast<int>(doc.sentences.size()));
        doc.sentences.push_back(s);
      }
    }
    pos = eol + 1;
  }
  doc.stories.push_back(std::move(story));
  return doc;
}

}  // namespace newsie::testing
