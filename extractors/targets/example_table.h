// Test support for the targets, achievements and awards example tables
// (header-only: only *_test.cc files are compiled into the test binary).
//
// An example table is a TSV with columns `ref_date`, `text` and `expect`:
//   ref_date  YYYY-MM-DD the relative years resolve against, or `-`
//   text      one story; `. ` / `다. ` (and ` / `) split it into sentences
//   expect    the facts the extractor must produce, in order, separated by
//             ` ;; `; each fact is `key=value` pairs separated by `|`;
//             `-` for none. Keys a fact may have and that are not given
//             must be null (see each test for its keys).
// The quantities come from the real QuantityFinder.
#pragma once

#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "extractors/extractor.h"
#include "pipeline/document.h"
#include "pipeline/lexicon.h"
#include "pipeline/quantities/finder.h"
#include "pipeline/quantities/resolve.h"
#include "tests/test_support.h"

namespace newsie::examples {

inline const LexiconDir& Lexicons() {
  static const LexiconDir dir(newsie::testing::SourceDir() / "lexicons");
  return dir;
}

inline const QuantityFinder& Finder() {
  static const QuantityFinder finder(Lexicons());
  return finder;
}

// A document holding `text` as one story, sentences split naively, with real
// quantities resolved against `ref_date` (may be empty).
inline Document MakeDoc(const std::string& text, const std::string& ref_date) {
  Document doc;
  doc.original = text;
  doc.work = text;
  uint32_t cp = 0;
  for (size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    doc.work_map.Append(static_cast<uint32_t>(n), cp, cp + 1);
    i += n;
    ++cp;
  }
  doc.work_map.Finish(cp);
  doc.original_index = CodePointIndex::Of(text);
  if (!ref_date.empty() && ref_date != "-") {
    ParseIsoDate(ref_date, &doc.ref_date);
    doc.ref_date.basis = "given";
  }
  Story story;
  story.begin = 0;
  story.end = text.size();
  const bool ko = text.find("\xEB\x8B\xA4") != std::string::npos;  // 다
  story.lang = std::string(ko ? "ko" : "en");
  size_t start = 0;
  auto add = [&](size_t b, size_t e) {
    while (b < e && text[b] == ' ') ++b;
    while (e > b && text[e - 1] == ' ') --e;
    if (e <= b) return;
    Sentence s;
    s.begin = b;
    s.end = e;
    s.story = 0;
    s.quantities = Finder().Find(doc.Work(b, e), story.lang);
    for (Quantity& q : s.quantities) {
      q.begin += b;
      q.end += b;
      for (Quantity& bound : q.bounds) {
        bound.begin += b;
        bound.end += b;
      }
      ResolveQuantity(q, doc.ref_date);
    }
    story.sentences.push_back(static_cast<int>(doc.sentences.size()));
    doc.sentences.push_back(std::move(s));
  };
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, " / ") == 0) {
      add(start, i);
      start = i + 3;
      continue;
    }
    if ((text[i] == '.' || text[i] == '!' || text[i] == '?') && i + 1 < text.size() &&
        text[i + 1] == ' ' &&
        !(i > 0 && text[i - 1] >= '0' && text[i - 1] <= '9' && i + 2 < text.size() &&
          text[i + 2] >= '0' && text[i + 2] <= '9')) {
      add(start, i + 1);
      start = i + 2;
    }
  }
  add(start, text.size());
  doc.stories.push_back(std::move(story));
  return doc;
}

struct Example {
  int line = 0;
  std::string ref_date, text, expect;
};

inline std::vector<Example> ReadExamples(const std::string& relative_path) {
  const std::string content =
      newsie::testing::ReadFile(newsie::testing::SourceDir() / relative_path);
  std::vector<Example> out;
  std::istringstream in(content);
  std::string line;
  int n = 0;
  bool header = true;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    Example e;
    e.line = n;
    const size_t t1 = line.find('\t');
    const size_t t2 = line.find('\t', t1 + 1);
    if (t1 == std::string::npos || t2 == std::string::npos) continue;
    e.ref_date = line.substr(0, t1);
    e.text = line.substr(t1 + 1, t2 - t1 - 1);
    e.expect = line.substr(t2 + 1);
    out.push_back(std::move(e));
  }
  return out;
}

using Fields = std::vector<std::pair<std::string, std::string>>;

// `expect` into facts, each a list of key/value pairs.
inline std::vector<Fields> ParseExpect(const std::string& expect) {
  std::vector<Fields> out;
  if (expect == "-" || expect.empty()) return out;
  size_t pos = 0;
  while (pos <= expect.size()) {
    size_t end = expect.find(" ;; ", pos);
    if (end == std::string::npos) end = expect.size();
    const std::string fact = expect.substr(pos, end - pos);
    Fields fields;
    size_t p = 0;
    while (p <= fact.size()) {
      size_t bar = fact.find('|', p);
      if (bar == std::string::npos) bar = fact.size();
      const std::string kv = fact.substr(p, bar - p);
      const size_t eq = kv.find('=');
      if (eq != std::string::npos) fields.emplace_back(kv.substr(0, eq), kv.substr(eq + 1));
      p = bar + 1;
    }
    out.push_back(std::move(fields));
    pos = end + 4;
  }
  return out;
}

inline std::string Show(const Number& n) {
  if (n.integral) return std::to_string(n.integer);
  std::ostringstream s;
  s << n.real;
  return s.str();
}
inline std::string Show(const std::optional<Number>& n) { return n ? Show(*n) : "null"; }
inline std::string Show(const std::optional<int>& n) { return n ? std::to_string(*n) : "null"; }
inline std::string Show(const std::optional<std::string>& s) { return s ? *s : "null"; }
inline std::string Show(const std::optional<bool>& b) {
  return b ? (*b ? "true" : "false") : "null";
}

// Renders a fact as the same key=value list, for comparison and messages.
inline std::string Render(const Fields& f) {
  std::string out;
  for (const auto& [k, v] : f) {
    if (!out.empty()) out += '|';
    out += k + "=" + v;
  }
  return out;
}

// Runs an extractor's example table: for each row, the facts `facts_of`
// takes from the story, each shown by `actual(doc, fact)` as key=value,
// must be the row's expectation, fact by fact; keys a row does not give
// take their value from `defaults`. (Needs Catch2, included by the test.)
template <typename E, typename FactsOf, typename Actual>
void RunExampleTable(const std::string& table, FactsOf facts_of, Actual actual,
                     const std::map<std::string, std::string>& defaults) {
  const E extractor(Lexicons());
  for (const auto& ex : ReadExamples(table)) {
    Document doc = MakeDoc(ex.text, ex.ref_date);
    extractor.Extract(doc, doc.stories[0]);
    const auto& got = facts_of(doc.stories[0]);
    const auto want = ParseExpect(ex.expect);
    std::string got_text;
    for (const auto& f : got) {
      got_text += "\n  ";
      for (const auto& [k, v] : actual(doc, f)) got_text += k + "=" + v + " ";
    }
    INFO(table << ":" << ex.line << ": " << ex.text << "\ngot:" << got_text);
    REQUIRE(got.size() == want.size());
    for (size_t i = 0; i < want.size(); ++i) {
      std::map<std::string, std::string> expect = defaults;
      for (const auto& [k, v] : want[i]) expect[k] = v;
      const auto shown = actual(doc, got[i]);
      for (const auto& [k, v] : expect) {
        INFO("fact " << i << " key " << k);
        CHECK(shown.at(k) == v);
      }
    }
  }
}

// The story `text` makes once an `E` built from `lexicons` has run on it.
template <typename E>
Story ExtractWith(const LexiconDir& lexicons, const std::string& text,
                  const std::string& ref_date) {
  const E extractor(lexicons);
  Document doc = MakeDoc(text, ref_date);
  extractor.Extract(doc, doc.stories[0]);
  return doc.stories[0];
}

}  // namespace newsie::examples
