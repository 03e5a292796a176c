// normalize: the working text rules match against.
//
// Reads `original`; sets `work` and `work_map` back to the original. The
// original itself is never changed. The working text is:
//
//   - NFC (decomposed Hangul and combining marks are composed);
//   - folded by lexicons/normalize.tsv: full-width ASCII to ASCII (digits are
//     ASCII), every space to ' ' with runs collapsed to one, CR LF / CR / U+2028
//     to '\n' (line structure is kept: boilerplate and stories are line-based),
//     zero-width characters dropped, curly quotes to ' and ", every dash to
//     '-', every tilde to '~', '…' to "...";
//   - bullets and separators: list bullets (▲ △ ■ □ • ◆ ● ...) all become
//     U+25B2 '▲' (a list item starts after it); middle dots (ㆍ · ・) all
//     become U+00B7 '·' (a separator inside a phrase: 상생형·맞춤형);
//   - lost characters repaired: a '?' the scraper wrote for a character it
//     could not encode. Between two digits (`2023?2026`, `15?34`) it becomes
//     '-' (a range); between two Hangul syllables (`산업?유통`) '·'. Each
//     repair is reported. Any other '?' (a real question) stays.
//
// Use it on its own (the `quantities` command does, one line at a time):
//
//   static const NormalizeTables tables = NormalizeTables::Load(LexiconDir::Default());
//   NormalizedText n = Normalize(line_utf8, tables);
//   // n.work is the folded text; n.map.ToOriginal(b, e) gives the span of
//   // working bytes [b, e) in code points of line_utf8; n.repairs lists the
//   // lost characters repaired.
//
// `original_utf8` should be valid UTF-8 (decode's output is); an invalid byte
// counts as one code point and becomes U+FFFD.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/lexicon.h"
#include "pipeline/offset_map.h"
#include "pipeline/pipeline.h"
#include "pipeline/span.h"

namespace newsie {

// The fold table, built once (immutable afterwards; share it across threads).
class NormalizeTables {
 public:
  enum class Kind : uint8_t { kKeep, kSpace, kNewline, kDrop, kMap };

  // Reads normalize.tsv from `dir`. Throws LexiconError on a bad row.
  static NormalizeTables Load(const LexiconDir& dir);

  Kind KindOf(char32_t cp) const {
    if (cp >= index_.size()) return Kind::kKeep;
    const uint16_t i = index_[cp];
    return i == 0 ? Kind::kKeep : entries_[i - 1].kind;
  }
  // The replacement of a kMap code point (UTF-8).
  std::string_view MapOf(char32_t cp) const { return entries_[index_[cp] - 1].to; }
  // Whether ASCII byte `c` needs more than copying.
  bool AsciiSpecial(unsigned char c) const { return ascii_special_[c]; }
  // Whether no Hangul syllable (U+AC00..U+D7A3) has a fold: the scan then
  // copies syllables without looking each one up.
  bool HangulKept() const { return hangul_kept_; }
  // The ASCII bytes other than ' ' that need more than copying, padded with
  // 0xFF, when there are at most eight of them (else BlockScan() is false):
  // the scan copies runs of plain ASCII sixteen bytes at a time up to one.
  const char (&BlockStops() const)[8] { return block_stops_; }
  bool BlockScan() const { return block_scan_; }

 private:
  struct Entry {
    Kind kind;
    std::string to;
  };
  std::vector<uint16_t> index_;  // per BMP code point: 0 none, else 1 + index into entries_
  std::vector<Entry> entries_;
  bool ascii_special_[128] = {};
  bool hangul_kept_ = false;
  char block_stops_[8] = {'\xFF', '\xFF', '\xFF', '\xFF', '\xFF', '\xFF', '\xFF', '\xFF'};
  bool block_scan_ = false;
};

// A lost character put back.
struct TextRepair {
  Span span;            // code points of the original
  std::string message;  // "'?' between digits read as a dash"
};

struct NormalizedText {
  std::string work;
  OffsetMap map;  // working bytes -> original code points (finished)
  std::vector<TextRepair> repairs;
};

// `block_scan`: copy runs of plain ASCII sixteen bytes at a time (the same
// result as byte by byte; false only for tests comparing both ways).
NormalizedText Normalize(std::string_view original_utf8, const NormalizeTables& tables,
                         bool block_scan = true);

// The stage: Normalize(doc.original) into doc.work / doc.work_map; each repair
// becomes an info diagnostic `mojibake-repaired` with its span.
std::unique_ptr<Stage> MakeNormalizeStage(const PipelineOptions& options);

}  // namespace newsie
