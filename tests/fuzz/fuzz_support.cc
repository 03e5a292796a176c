#include "tests/fuzz/fuzz_support.h"

#include <cstdio>
#include <cstdlib>

#include "tests/schema_validator.h"

namespace newsie::fuzz {

void Fail(const std::string& what) {
  std::fprintf(stderr, "property failed: %s\n", what.c_str());
  std::fflush(stderr);
  std::abort();
}

bool ValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t n = 0;
    uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      n = 1, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3, cp = c & 0x07;
    } else {
      return false;
    }
    for (size_t k = 1; k <= n; ++k) {
      if (i + k >= s.size()) return false;
      const auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000)) return false;
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n + 1;
  }
  return true;
}

void CheckDecoded(const Document& doc) {
  Check(ValidUtf8(doc.original), "decode: original is not valid UTF-8");
  const CodePointIndex& index = doc.original_index;
  Check(index.ByteOf(doc.original, 0) == 0 || doc.original.empty(),
        "decode: code point 0 does not start at byte 0");
  Check(index.ByteOf(doc.original, index.size()) == doc.original.size(),
        "decode: the end is not the original's size");
  size_t at = 0;
  for (size_t i = 0; i < index.size(); ++i) {
    const size_t byte = index.ByteOf(doc.original, i);
    Check(i == 0 || byte > at, "decode: offsets not strictly increasing at " + std::to_string(i));
    const auto lead = static_cast<unsigned char>(doc.original[byte]);
    Check((lead & 0xC0) != 0x80, "decode: offset " + std::to_string(i) + " inside a code point");
    at = byte;
  }
}

namespace {

int64_t CodePoints(const Document& doc) { return static_cast<int64_t>(doc.original_index.size()); }

bool CheckSpan(const Document& doc, const Span& s) {
  return s.start >= 0 && s.start <= s.end && s.end <= CodePoints(doc);
}

bool Boundary(const std::string& text, size_t pos) {
  return pos == text.size() ||
         (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80);
}

}  // namespace

void CheckWorkMap(const Document& doc) {
  const auto& map = doc.work_map;
  Check(map.work_size() == doc.work.size(), "normalize: offset map size " +
                                                std::to_string(map.work_size()) + " != work size " +
                                                std::to_string(doc.work.size()));
  Check(ValidUtf8(doc.work), "normalize: work is not valid UTF-8");
  const int64_t n = CodePoints(doc);
  int64_t prev = 0;
  for (size_t b = 0; b <= doc.work.size(); ++b) {
    const int64_t at = map.OriginalAt(b);
    Check(at >= 0 && at <= n, "normalize: work byte " + std::to_string(b) + " maps outside");
    Check(at >= prev, "normalize: offset map goes backwards at work byte " + std::to_string(b));
    prev = at;
  }
  // Round trip: an ASCII letter or digit in the working text stands for that
  // same character in the original (or its full-width form), possibly with
  // combining marks NFC could not compose into it (D + U+0329 stays two).
  for (size_t b = 0; b < doc.work.size(); ++b) {
    const char c = doc.work[b];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) continue;
    const Span s = doc.ToOriginal(b, b + 1);
    Check(CheckSpan(doc, s) && s.start < s.end,
          "normalize: span of work byte " + std::to_string(b) + " outside or empty");
    const std::string o = doc.OriginalText({s.start, s.start + 1});  // its first code point
    // U+FF01..U+FF5E is ASCII 0x21..0x7E + 0xFEE0.
    const uint32_t wide = static_cast<uint32_t>(c) + 0xFEE0;
    const std::string fullwidth = {static_cast<char>(0xE0 | (wide >> 12)),
                                   static_cast<char>(0x80 | ((wide >> 6) & 0x3F)),
                                   static_cast<char>(0x80 | (wide & 0x3F))};
    // NFC's one singleton onto an ASCII letter: U+212A KELVIN SIGN -> 'K'.
    const bool kelvin = c == 'K' && o == "\u212A";
    Check(o == std::string(1, c) || o == fullwidth || kelvin,
          "normalize: work byte " + std::to_string(b) + " '" + std::string(1, c) +
              "' maps back to '" + doc.OriginalText(s) + "'");
  }
}

void CheckStructure(const Document& doc) {
  size_t last = 0;
  for (const Removal& r : doc.removed) {
    Check(r.begin <= r.end && r.end <= doc.work.size(), "boilerplate: removal outside work");
    Check(r.begin >= last, "boilerplate: removals overlap or are unsorted");
    Check(Boundary(doc.work, r.begin) && Boundary(doc.work, r.end),
          "boilerplate: removal splits a code point");
    last = r.end;
  }
  for (const Story& s : doc.stories) {
    Check(s.begin <= s.end && s.end <= doc.work.size(), "stories: story outside work");
    Check(Boundary(doc.work, s.begin) && Boundary(doc.work, s.end),
          "stories: story splits a code point");
    if (s.headline) {
      Check(s.headline->first <= s.headline->second && s.headline->second <= doc.work.size(),
            "stories: headline outside work");
    }
    for (int i : s.sentences) {
      Check(i >= 0 && static_cast<size_t>(i) < doc.sentences.size(),
            "stories: sentence index out of range");
    }
    for (int i : s.deck_sentences) {
      Check(i >= 0 && static_cast<size_t>(i) < doc.sentences.size() &&
                doc.sentences[static_cast<size_t>(i)].deck,
            "stories: deck sentence index out of range");
    }
    for (const auto& [begin, end] : s.deck) {
      Check(begin <= end && end <= s.begin, "stories: deck line not above the story");
    }
  }
  for (const Sentence& s : doc.sentences) {
    Check(s.begin <= s.end && s.end <= doc.work.size(), "sentences: sentence outside work");
    Check(Boundary(doc.work, s.begin) && Boundary(doc.work, s.end),
          "sentences: sentence splits a code point");
    Check(s.story >= -1 && s.story < static_cast<int>(doc.stories.size()),
          "sentences: story index out of range");
    for (const Quantity& q : s.quantities) {
      Check(q.begin < q.end && q.end <= doc.work.size(), "quantities: quantity outside work");
    }
  }
  for (const Diagnostic& d : doc.diagnostics) {
    if (d.span) Check(CheckSpan(doc, *d.span), "diagnostic " + d.code + ": span outside original");
  }
}

void CheckRecordSpans(const Document& doc, const nlohmann::json& v) {
  if (v.is_object()) {
    if (auto it = v.find("span"); it != v.end() && it->is_array()) {
      Check(it->size() == 2 && (*it)[0].is_number_integer() && (*it)[1].is_number_integer(),
            "record: span is not [start, end]");
      const Span s{(*it)[0].get<int64_t>(), (*it)[1].get<int64_t>()};
      Check(CheckSpan(doc, s), "record: span " + it->dump() + " outside the original (" +
                                   std::to_string(CodePoints(doc)) + " code points)");
    }
    if (auto it = v.find("evidence"); it != v.end() && it->is_object()) {
      const auto& span = it->at("span");
      const Span s{span[0].get<int64_t>(), span[1].get<int64_t>()};
      Check(it->at("text").get<std::string>() == doc.OriginalText(s),
            "record: evidence " + it->dump() + " is not original[span]");
    }
    for (const auto& [key, child] : v.items()) CheckRecordSpans(doc, child);
  } else if (v.is_array()) {
    for (const auto& child : v) CheckRecordSpans(doc, child);
  }
}

void CheckSchema(const nlohmann::json& record) {
  static const testing::SchemaValidator* schema = new testing::SchemaValidator(
      testing::SchemaValidator::FromFile(NEWSIE_SOURCE_DIR "/schema/newsie-1.schema.json"));
  const auto violations = schema->Validate(record);
  if (!violations.empty()) {
    std::string all;
    for (const auto& v : violations) all += "\n  " + v;
    Fail("record does not validate against newsie/1:" + all);
  }
}

}  // namespace newsie::fuzz
