#include "pipeline/normalize.h"

#include <utf8proc.h>

#include <algorithm>
#include <bit>
#include <cstdlib>
#include <cstring>

#include "pipeline/hangul.h"

namespace newsie {
namespace {

// Parses "U+XXXX" (or "U+XXXX..U+YYYY") into [first, last].
bool ParseCodeRange(std::string_view s, char32_t& first, char32_t& last) {
  auto parse_one = [](std::string_view t, char32_t& out) {
    if (t.size() < 3 || t[0] != 'U' || t[1] != '+') return false;
    char* end = nullptr;
    const std::string digits(t.substr(2));
    const unsigned long v = std::strtoul(digits.c_str(), &end, 16);
    if (end == digits.c_str() || *end != '\0' || v > 0x10FFFF) return false;
    out = static_cast<char32_t>(v);
    return true;
  };
  const size_t dots = s.find("..");
  if (dots == std::string_view::npos) {
    if (!parse_one(s, first)) return false;
    last = first;
    return true;
  }
  return parse_one(s.substr(0, dots), first) && parse_one(s.substr(dots + 2), last) &&
         first <= last;
}

void AppendUtf8(std::string& out, char32_t cp) {
  utf8proc_uint8_t buf[4];
  const auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
  out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
}

// Decodes the code point at s[i]; sets len (>= 1). Invalid bytes: U+FFFD, len 1.
inline char32_t DecodeAt(std::string_view s, size_t i, size_t& len) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    len = 1;
    return c;
  }
  utf8proc_int32_t cp = 0;
  const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                  static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  if (n <= 0) {
    len = 1;
    return 0xFFFD;
  }
  len = static_cast<size_t>(n);
  return static_cast<char32_t>(cp);
}

inline bool IsCombining(char32_t cp) {
  if (cp < 0x300) return false;
  if (cp >= 0x1160 && cp <= 0x11FF) return true;  // Hangul medial and final jamo
  if (cp >= 0xD7B0 && cp <= 0xD7FF) return true;
  return utf8proc_get_property(static_cast<utf8proc_int32_t>(cp))->combining_class != 0;
}

// Whether u[i..i+3) is a Hangul syllable (U+AC00..U+D7A3: EA B0 80 .. ED 9E A3).
inline bool IsHangulAt(const unsigned char* u, size_t i, size_t n) {
  if (i + 3 > n || u[i] < 0xEA || u[i] > 0xED) return false;
  if ((u[i + 1] & 0xC0) != 0x80 || (u[i + 2] & 0xC0) != 0x80) return false;
  const char32_t cp = ((u[i] & 0x0Fu) << 12) | ((u[i + 1] & 0x3Fu) << 6) | (u[i + 2] & 0x3Fu);
  return cp >= 0xAC00 && cp <= 0xD7A3;
}
inline char32_t HangulAt(const unsigned char* u, size_t i) {
  return ((u[i] & 0x0Fu) << 12) | ((u[i + 1] & 0x3Fu) << 6) | (u[i + 2] & 0x3Fu);
}

using Bytes = unsigned char __attribute__((vector_size(16)));

// The block scan's stop bytes, each repeated sixteen times: made once per
// Normalize call, so the scan compares against vectors in memory instead of
// broadcasting each stop byte anew for every block.
struct StopVectors {
  Bytes stops[8];
};

StopVectors Broadcast(const char (&stops)[8]) {
  StopVectors out;
  for (size_t k = 0; k < 8; ++k) {
    for (size_t b = 0; b < 16; ++b) out.stops[k][b] = static_cast<unsigned char>(stops[k]);
  }
  return out;
}

// How many of the sixteen bytes at p (with p[-1] readable) lead with ASCII
// a run may hold: before the first byte >= 0x80, byte of `stops` or ' '
// right after a ' ' (0 to 16). Compared sixteen at a time (GCC's vector
// extension, SIMD where the target has it); `stops` is padded with 0xFF,
// which no ASCII byte equals.
inline size_t PlainAsciiPrefix(const unsigned char* p, const StopVectors& stops) {
  Bytes v, before;
  std::memcpy(&v, p, sizeof v);
  std::memcpy(&before, p - 1, sizeof before);
  auto stop = (v >= 0x80) | ((v == ' ') & (before == ' '));
  for (const Bytes& c : stops.stops) stop |= v == c;
  uint64_t halves[2];
  std::memcpy(halves, &stop, sizeof halves);
  static_assert(std::endian::native == std::endian::little);
  if (halves[0] != 0) return static_cast<size_t>(std::countr_zero(halves[0])) / 8;
  if (halves[1] != 0) return 8 + static_cast<size_t>(std::countr_zero(halves[1])) / 8;
  return 16;
}

inline bool IsDigit(char32_t cp) { return cp >= '0' && cp <= '9'; }

}  // namespace

NormalizeTables NormalizeTables::Load(const LexiconDir& dir) {
  NormalizeTables t;
  t.index_.assign(0x10000, 0);
  for (const auto& row : dir.ReadTsv("normalize.tsv")) {
    const std::string& kind_name = row.Get("kind");
    Kind kind;
    if (kind_name == "space") {
      kind = Kind::kSpace;
    } else if (kind_name == "newline") {
      kind = Kind::kNewline;
    } else if (kind_name == "drop") {
      kind = Kind::kDrop;
    } else if (kind_name == "map") {
      kind = Kind::kMap;
    } else {
      throw LexiconError(row.Where() + ": unknown kind '" + kind_name + "'");
    }
    // `to`: a range (mapped one to one onto a `from` range) or a sequence.
    char32_t to_first = 0, to_last = 0;
    bool to_is_range = false;
    std::string to_text;
    const std::string& to = row.Get("to");
    if (kind == Kind::kMap) {
      if (to.find("..") != std::string::npos) {
        if (!ParseCodeRange(to, to_first, to_last)) {
          throw LexiconError(row.Where() + ": bad `to` '" + to + "'");
        }
        to_is_range = true;
      } else {
        size_t start = 0;
        while (start < to.size()) {
          size_t sp = to.find(' ', start);
          if (sp == std::string::npos) sp = to.size();
          char32_t a, b;
          if (sp > start && ParseCodeRange(to.substr(start, sp - start), a, b)) {
            for (char32_t c = a; c <= b; ++c) AppendUtf8(to_text, c);
          } else if (sp > start) {
            throw LexiconError(row.Where() + ": bad `to` '" + to + "'");
          }
          start = sp + 1;
        }
      }
    }
    for (const auto& item : row.List("from")) {
      char32_t first, last;
      if (!ParseCodeRange(item, first, last) || last >= 0x10000) {
        throw LexiconError(row.Where() + ": bad code point '" + item + "' (BMP only)");
      }
      if (to_is_range && last - first != to_last - to_first) {
        throw LexiconError(row.Where() + ": `from` and `to` ranges differ in length");
      }
      for (char32_t cp = first; cp <= last; ++cp) {
        Entry entry{kind, {}};
        if (to_is_range) {
          AppendUtf8(entry.to, to_first + (cp - first));
        } else {
          entry.to = to_text;
        }
        // Mapping a character to itself is a no-op: keep it plain.
        std::string self;
        AppendUtf8(self, cp);
        if (kind == Kind::kMap && entry.to == self) {
          t.index_[cp] = 0;
          continue;
        }
        t.entries_.push_back(std::move(entry));
        if (t.entries_.size() >= 0xFFFF) throw LexiconError(row.Where() + ": too many entries");
        t.index_[cp] = static_cast<uint16_t>(t.entries_.size());
      }
    }
  }
  for (int c = 0; c < 128; ++c) t.ascii_special_[c] = t.index_[c] != 0;
  t.ascii_special_[static_cast<int>('?')] = true;  // repair candidate
  t.hangul_kept_ = std::all_of(t.index_.begin() + 0xAC00, t.index_.begin() + 0xD7A4,
                               [](uint16_t i) { return i == 0; });
  // The block scan's stops: ASCII a run cannot hold (a single ' ' it can).
  size_t stops = 0;
  bool fits = true;
  for (int c = 0; c < 128; ++c) {
    if (!t.ascii_special_[c] || (c == ' ' && t.KindOf(' ') == Kind::kSpace)) continue;
    if (stops == sizeof t.block_stops_) {
      fits = false;
      break;
    }
    t.block_stops_[stops++] = static_cast<char>(c);
  }
  t.block_scan_ = fits;
  return t;
}

NormalizedText Normalize(std::string_view s, const NormalizeTables& t, bool block_scan) {
  using Kind = NormalizeTables::Kind;
  NormalizedText out;
  out.work.reserve(s.size());
  out.map.Reserve(s.size());
  const size_t n = s.size();
  uint32_t cp_at = 0;  // code point index of s[i]
  char32_t last = 0;   // the last code point emitted (folded), for '?' repairs
  size_t i = 0;

  // The folded value of a single code point, for looking around a '?'.
  auto folded = [&t](char32_t cp) -> char32_t {
    if (t.KindOf(cp) != Kind::kMap) return cp;
    const std::string_view to = t.MapOf(cp);
    size_t len = 0;
    return to.empty() ? cp : DecodeAt(to, 0, len);
  };

  const auto* u = reinterpret_cast<const unsigned char*>(s.data());
  // ASCII that a run may hold: bytes no fold applies to, and ' ' (a single
  // space folds to itself; a space before anything that does not stay in
  // the run is handed back to the general path, which folds space runs).
  bool run_ascii[128];
  for (int c = 0; c < 128; ++c) {
    run_ascii[c] = !t.AsciiSpecial(static_cast<unsigned char>(c)) ||
                   (c == ' ' && t.KindOf(' ') == Kind::kSpace);
  }
  const bool blocks = block_scan && t.BlockScan();
  const StopVectors block_stops = Broadcast(t.BlockStops());
  const bool hangul_kept = t.HangulKept();
  while (i < n) {
    // Fast path: a run copied unchanged, each character mapping to itself:
    // plain ASCII, Hangul syllables (no fold applies to them) and single
    // spaces between them. The offset map takes the run whole once it is
    // known where it ends.
    size_t j = i;
    unsigned char prev = 0;
    uint32_t run_cp = cp_at;  // the code point of u[j]
    while (j < n) {
      // Plain ASCII up to sixteen bytes at once, where the next byte is
      // ASCII too (in Korean text a space is mostly followed by a syllable),
      // after the run's first byte (so that the byte before is the run's: a
      // ' ' there and at the start would be a run of spaces, which the
      // general path folds).
      if (blocks && j > i && j + 16 <= n && u[j] < 0x80 && u[j + 1] < 0x80) {
        if (const size_t plain = PlainAsciiPrefix(u + j, block_stops); plain > 0) {
          run_cp += static_cast<uint32_t>(plain);
          j += plain;
          prev = u[j - 1];
          continue;
        }
      }
      const unsigned char c = u[j];
      if (c < 0x80) {
        if (!run_ascii[c] || (c == ' ' && prev == ' ')) break;
        prev = c;
        ++run_cp;
        ++j;
      } else if (IsHangulAt(u, j, n) && (hangul_kept || t.KindOf(HangulAt(u, j)) == Kind::kKeep)) {
        prev = 0;
        ++run_cp;
        j += 3;
      } else {
        break;
      }
    }
    if (j > i && u[j - 1] == ' ') {
      --j;  // what follows the space does not stay in the run
      --run_cp;
    } else if (j > i && j < n && u[j] >= 0x80) {
      // The last character may be the base of a combining mark.
      j -= u[j - 1] < 0x80 ? 1 : 3;
      --run_cp;
    }
    if (j > i) {
      out.work.append(s.substr(i, j - i));
      out.map.AppendCopied(s.substr(i, j - i), cp_at);
      cp_at = run_cp;
      last = u[j - 1] < 0x80 ? u[j - 1] : HangulAt(u, j - 3);
      i = j;
      continue;
    }
    size_t len = 0;
    const char32_t cp = DecodeAt(s, i, len);
    // A base followed by combining marks: compose the cluster (NFC).
    if (i + len < n && static_cast<unsigned char>(s[i + len]) >= 0x80) {
      size_t next_len = 0;
      size_t j = i + len;
      uint32_t count = 1;
      while (j < n) {
        const char32_t next = DecodeAt(s, j, next_len);
        if (!IsCombining(next)) break;
        j += next_len;
        ++count;
      }
      if (count > 1) {
        utf8proc_uint8_t* composed = nullptr;
        const auto m =
            utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                         static_cast<utf8proc_ssize_t>(j - i), &composed,
                         static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
        if (m >= 0) {
          out.work.append(reinterpret_cast<const char*>(composed), static_cast<size_t>(m));
          out.map.Append(static_cast<uint32_t>(m), cp_at, cp_at + count);
          size_t l2 = 0;
          if (m > 0) last = DecodeAt(std::string_view(reinterpret_cast<char*>(composed), m), 0, l2);
        } else {
          out.work.append(s.substr(i, j - i));
          out.map.Append(static_cast<uint32_t>(j - i), cp_at, cp_at + count);
        }
        std::free(composed);
        i = j;
        cp_at += count;
        continue;
      }
    }
    switch (t.KindOf(cp)) {
      case Kind::kKeep: {
        if (cp == '?' && i + 1 < n) {
          size_t nl = 0;
          const char32_t next = folded(DecodeAt(s, i + 1, nl));
          const char* repl = nullptr;
          const char* why = nullptr;
          if (IsDigit(last) && IsDigit(next)) {
            repl = "-";
            why = "'?' between digits read as a dash";
          } else if (IsHangulSyllable(last) && IsHangulSyllable(next)) {
            repl = "\xC2\xB7";
            why = "'?' between Hangul words read as a middle dot";
          }
          if (repl) {
            const size_t rl = std::char_traits<char>::length(repl);
            out.work.append(repl, rl);
            out.map.Append(static_cast<uint32_t>(rl), cp_at, cp_at + 1);
            out.repairs.push_back({Span{cp_at, cp_at + 1}, why});
            last = repl[0] == '-' ? U'-' : U'\u00B7';
            ++i;
            ++cp_at;
            break;
          }
        }
        out.work.append(s.substr(i, cp == 0xFFFD && len == 1 ? 0 : len));
        if (cp == 0xFFFD && len == 1) {
          out.work.append("\xEF\xBF\xBD");
          out.map.Append(3, cp_at, cp_at + 1);
        } else {
          out.map.Append(static_cast<uint32_t>(len), cp_at, cp_at + 1);
        }
        last = cp;
        i += len;
        ++cp_at;
        break;
      }
      case Kind::kSpace: {
        // A run of spaces (and zero-width characters among them) is one ' '.
        const uint32_t start = cp_at;
        i += len;
        ++cp_at;
        while (i < n) {
          size_t l2 = 0;
          const char32_t next = DecodeAt(s, i, l2);
          const Kind k = t.KindOf(next);
          if (k != Kind::kSpace && k != Kind::kDrop) break;
          i += l2;
          ++cp_at;
        }
        out.work.push_back(' ');
        out.map.Append(1, start, cp_at);
        last = ' ';
        break;
      }
      case Kind::kNewline: {
        const uint32_t start = cp_at;
        i += len;
        ++cp_at;
        if (cp == '\r' && i < n && s[i] == '\n') {
          ++i;
          ++cp_at;
        }
        out.work.push_back('\n');
        out.map.Append(1, start, cp_at);
        last = '\n';
        break;
      }
      case Kind::kDrop:
        out.map.Append(0, cp_at, cp_at + 1);
        i += len;
        ++cp_at;
        break;
      case Kind::kMap: {
        const std::string_view to = t.MapOf(cp);
        out.work.append(to);
        out.map.Append(static_cast<uint32_t>(to.size()), cp_at, cp_at + 1);
        last = folded(cp);
        i += len;
        ++cp_at;
        break;
      }
    }
  }
  out.map.Finish(cp_at);
  return out;
}

namespace {

class NormalizeStage : public Stage {
 public:
  explicit NormalizeStage(NormalizeTables tables) : tables_(std::move(tables)) {}
  std::string_view name() const override { return "normalize"; }
  Status Run(Document& doc) const override {
    NormalizedText n = Normalize(doc.original, tables_);
    doc.work = std::move(n.work);
    doc.work_map = std::move(n.map);
    for (auto& repair : n.repairs) {
      doc.AddDiagnostic("info", "mojibake-repaired", std::move(repair.message), repair.span);
    }
    return {};
  }

 private:
  NormalizeTables tables_;
};

}  // namespace

std::unique_ptr<Stage> MakeNormalizeStage(const PipelineOptions& options) {
  return std::make_unique<NormalizeStage>(NormalizeTables::Load(options.lexicons));
}

}  // namespace newsie
