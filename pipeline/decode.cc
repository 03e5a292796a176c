#include "pipeline/decode.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/html_text.h"
#include "pipeline/printed_date.h"

namespace newsie {
namespace {

// Length of the well-formed UTF-8 sequence at p (at most `left` bytes), or 0.
inline size_t Utf8SequenceLength(const unsigned char* p, size_t left) {
  const unsigned char c = p[0];
  if (c < 0x80) return 1;
  if (c < 0xC2) return 0;
  if (c < 0xE0) return (left >= 2 && (p[1] & 0xC0) == 0x80) ? 2 : 0;
  if (c < 0xF0) {
    if (left < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && p[1] < 0xA0) return 0;   // overlong
    if (c == 0xED && p[1] >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c < 0xF5) {
    if (left < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80) {
      return 0;
    }
    if (c == 0xF0 && p[1] < 0x90) return 0;
    if (c == 0xF4 && p[1] >= 0x90) return 0;
    return 4;
  }
  return 0;
}

using Decoded = DecodedText;

// UTF-8 to UTF-8 with U+FFFD for each maximal invalid subpart.
void DecodeUtf8(std::string_view in, size_t base, Decoded& out) {
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  const size_t n = in.size();
  // Valid stretches are copied whole when an invalid byte or the end is
  // reached; `copied` is where the pending stretch starts.
  size_t copied = 0;
  size_t i = 0;
  while (i < n) {
    // ASCII fast path, eight bytes at a time (from an ASCII byte: Korean
    // text is mostly syllables, three bytes each).
    if (p[i] < 0x80 && i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, p + i, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    const size_t len = Utf8SequenceLength(p + i, n - i);
    if (len > 0) {
      i += len;
      continue;
    }
    out.text.append(in.data() + copied, i - copied);
    if (out.invalid++ == 0) {
      out.first_invalid_byte = base + i;
      out.first_invalid_cp = CountCodePoints(out.text);
    }
    out.text += "\xEF\xBF\xBD";
    ++i;
    while (i < n && (p[i] & 0xC0) == 0x80) ++i;  // the rest of a broken sequence
    copied = i;
  }
  out.text.append(in.data() + copied, n - copied);
}

// Any ICU converter to UTF-8, counting substitutions (U+FFFD / U+001A).
// Converted a piece at a time through scratch room of a fixed size: room for
// the whole input (two UTF-16 units and a source offset per byte, 8x the
// input) made a 16 MiB EUC-KR page take 200 MB more while it was decoded.
bool DecodeWithIcu(std::string_view in, size_t base, const char* converter, Decoded& out,
                   std::string* error) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(converter, &status);
  if (U_FAILURE(status)) {
    if (error) *error = u_errorName(status);
    return false;
  }
  constexpr size_t kPiece = size_t{1} << 15;  // UTF-16 units per call
  // Left unfilled: ICU writes what it converts (zero-filling first cost
  // about as much as the conversion). One more unit holds a lead surrogate
  // carried over to the next piece.
  const auto utf16 = std::make_unique_for_overwrite<UChar[]>(kPiece + 1);
  const auto src_offsets = std::make_unique_for_overwrite<int32_t[]>(kPiece + 1);
  const auto utf8 = std::make_unique_for_overwrite<char[]>(kPiece * 3);
  // EUC-KR, CP949 and UTF-16 never take more than 1.5 UTF-8 bytes per byte.
  out.text.reserve(in.size() + in.size() / 2 + 16);
  const char* source = in.data();
  const char* const source_end = in.data() + in.size();
  size_t carried = 0;  // a lead surrogate at utf16[0], from the previous piece
  size_t count = 0;    // code points so far
  while (true) {
    const size_t piece_at = static_cast<size_t>(source - in.data());
    UChar* target = utf16.get() + carried;
    status = U_ZERO_ERROR;
    ucnv_toUnicode(conv, &target, utf16.get() + carried + kPiece, &source, source_end,
                   src_offsets.get() + carried, /*flush=*/true, &status);
    const bool more = status == U_BUFFER_OVERFLOW_ERROR;
    if (U_FAILURE(status) && !more) {
      ucnv_close(conv);
      if (error) *error = u_errorName(status);
      return false;
    }
    size_t units = static_cast<size_t>(target - utf16.get());
    // A lead surrogate at the end of a piece may pair with the next one's first unit.
    const bool carry = more && units > 0 && U16_IS_LEAD(utf16[units - 1]);
    if (carry) --units;
    size_t bytes = 0;
    for (size_t i = 0; i < units;) {
      UChar32 cp = utf16[i];
      const size_t at = i;
      ++i;
      if (U16_IS_LEAD(cp) && i < units && U16_IS_TRAIL(utf16[i])) {
        cp = U16_GET_SUPPLEMENTARY(cp, utf16[i]);
        ++i;
      } else if (U16_IS_SURROGATE(cp)) {
        cp = 0xFFFD;
      }
      if (cp == 0xFFFD || cp == 0x1A) {
        if (cp == 0x1A) cp = 0xFFFD;
        if (out.invalid++ == 0) {
          // Offsets are relative to the piece's source (a carried unit's
          // was made relative to it too).
          const int64_t offset = static_cast<int64_t>(piece_at) + src_offsets[at];
          out.first_invalid_byte = base + static_cast<size_t>(std::max<int64_t>(offset, 0));
          out.first_invalid_cp = count;
        }
      }
      ++count;
      U8_APPEND_UNSAFE(utf8.get(), bytes, cp);
    }
    out.text.append(utf8.get(), bytes);
    carried = 0;
    if (carry) {
      utf16[0] = utf16[units];
      src_offsets[0] = static_cast<int32_t>(static_cast<int64_t>(piece_at) + src_offsets[units] -
                                            static_cast<int64_t>(source - in.data()));
      carried = 1;
    }
    if (!more) break;
  }
  ucnv_close(conv);
  // Room left over past a quarter of the text (ASCII-heavy input) is given back.
  if (out.text.capacity() - out.text.size() > out.text.size() / 4) out.text.shrink_to_fit();
  return true;
}

// Bytes outside the EUC-KR (KS X 1001) double-byte area: CP949's extension.
bool UsesCp949Extension(std::string_view in) {
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  for (size_t i = 0; i < in.size(); ++i) {
    if (p[i] < 0x80) continue;
    if (i + 1 >= in.size()) return false;
    if (p[i] < 0xA1 || p[i + 1] < 0xA1) return true;
    ++i;
  }
  return false;
}

// Whether the bytes are well-formed CP949 (EUC-KR is a subset) with some
// double-byte characters: checked before ICU's detector, which is slow.
bool LooksLikeCp949(std::string_view in) {
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  size_t pairs = 0;
  for (size_t i = 0; i < in.size(); ++i) {
    if (p[i] < 0x80) continue;
    if (p[i] == 0x80 || p[i] == 0xFF || i + 1 >= in.size()) return false;
    const unsigned char t = p[i + 1];
    if (!((t >= 0x41 && t <= 0x5A) || (t >= 0x61 && t <= 0x7A) || (t >= 0x81 && t <= 0xFE))) {
      return false;
    }
    ++pairs;
    ++i;
  }
  return pairs > 0;
}

// The name ICU's detector gives, or "" when it has no usable answer.
std::string Detect(std::string_view in) {
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* det = ucsdet_open(&status);
  if (U_FAILURE(status)) return "";
  ucsdet_setText(det, in.data(), static_cast<int32_t>(in.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(det, &status);
  std::string name;
  if (U_SUCCESS(status) && match) {
    const char* n = ucsdet_getName(match, &status);
    if (U_SUCCESS(status) && n) name = n;
  }
  ucsdet_close(det);
  return name;
}

// Canonical name for source.encoding: the IANA name where there is one.
std::string CanonicalName(const std::string& requested) {
  std::string upper;
  for (char c : requested) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (upper == "UTF8") return "UTF-8";
  if (upper == "CP949" || upper == "WINDOWS-949" || upper == "MS949" || upper == "UHC") {
    return "CP949";
  }
  UErrorCode status = U_ZERO_ERROR;
  if (const char* iana = ucnv_getStandardName(requested.c_str(), "IANA", &status);
      U_SUCCESS(status) && iana) {
    return iana;
  }
  status = U_ZERO_ERROR;
  const char* canonical = ucnv_getCanonicalName(requested.c_str(), "", &status);
  if (U_SUCCESS(status) && canonical) {
    status = U_ZERO_ERROR;
    if (const char* iana = ucnv_getStandardName(canonical, "IANA", &status);
        U_SUCCESS(status) && iana) {
      return iana;
    }
  }
  return upper;
}

class DecodeStage : public Stage {
 public:
  explicit DecodeStage(const LexiconDir& dir) : printed_dates_(dir) {}

  std::string_view name() const override { return "decode"; }

  Status Run(Document& doc) const override {
    if (doc.input.format == Input::Format::kHtml) return RunHtml(doc);
    DecodedText out;
    Status status = DecodeBytes(std::move(doc.input.bytes), doc.input.encoding, &out);
    std::string().swap(doc.input.bytes);  // not needed again: the text is `original` now
    if (!status.ok()) return status;
    const std::string encoding = out.encoding;
    doc.source.encoding = encoding;
    doc.original = std::move(out.text);
    doc.original_index = CodePointIndex::Of(doc.original);
    if (out.invalid > 0) {
      const int64_t at = static_cast<int64_t>(out.first_invalid_cp);
      doc.AddDiagnostic("warning", "invalid-bytes",
                        std::to_string(out.invalid) + " invalid byte sequence(s) in " + encoding +
                            " replaced by U+FFFD; first at byte " +
                            std::to_string(out.first_invalid_byte),
                        Span{at, at + 1});
    }
    return {};
  }

 private:
  // HTML input: the page's visible text is the original (pipeline/html_text.h).
  Status RunHtml(Document& doc) const {
    HtmlPage page;
    Status status = ExtractHtmlText(doc.input.bytes, doc.input.encoding, &printed_dates_, &page);
    std::string().swap(doc.input.bytes);
    if (!status.ok()) return status;
    doc.source.encoding = page.encoding;
    doc.original = std::move(page.text);
    doc.original_index = CodePointIndex::Of(doc.original);
    if (!doc.source.title) {
      doc.source.title = page.og_title      ? page.og_title
                         : page.ld_headline ? page.ld_headline
                                            : page.title;
    }
    if (!doc.source.url) doc.source.url = page.url;
    if (page.published) doc.metadata.printed_date = page.published;
    if (page.charset_note) doc.AddDiagnostic("info", "html-charset", *page.charset_note);
    if (page.invalid > 0) {
      doc.AddDiagnostic("warning", "invalid-bytes",
                        std::to_string(page.invalid) + " invalid byte sequence(s) in " +
                            page.encoding + " replaced by U+FFFD; first at byte " +
                            std::to_string(page.first_invalid_byte));
    }
    return {};
  }

  PrintedDates printed_dates_;  // boilerplate.tsv's dateline rows
};

}  // namespace

Status DecodeBytes(std::string_view bytes, const std::optional<std::string>& forced,
                   DecodedText* result) {
  DecodedText& out = *result;
  out = {};
  std::string encoding;
  if (forced && !forced->empty()) {
    encoding = CanonicalName(*forced);
    std::string_view body = bytes;
    size_t base = 0;
    if (encoding == "UTF-8") {
      if (body.starts_with("\xEF\xBB\xBF")) body.remove_prefix(base = 3);
      DecodeUtf8(body, base, out);
    } else {
      const std::string conv =
          encoding == "CP949" || encoding == "EUC-KR" ? std::string("windows-949") : *forced;
      if ((encoding == "UTF-16LE" && body.starts_with("\xFF\xFE")) ||
          (encoding == "UTF-16BE" && body.starts_with("\xFE\xFF"))) {
        body.remove_prefix(base = 2);
      }
      std::string error;
      if (!DecodeWithIcu(body, base, conv.c_str(), out, &error)) {
        return Status::Error("unknown-encoding", "cannot decode as '" + *forced + "': " + error);
      }
    }
  } else if (bytes.starts_with("\xEF\xBB\xBF")) {
    encoding = "UTF-8";
    DecodeUtf8(bytes.substr(3), 3, out);
  } else if (bytes.starts_with("\xFF\xFE")) {
    encoding = "UTF-16LE";
    DecodeWithIcu(bytes.substr(2), 2, "UTF-16LE", out, nullptr);
  } else if (bytes.starts_with("\xFE\xFF")) {
    encoding = "UTF-16BE";
    DecodeWithIcu(bytes.substr(2), 2, "UTF-16BE", out, nullptr);
  } else if (IsValidUtf8(bytes)) {
    encoding = "UTF-8";
    out.text.assign(bytes);
  } else {
    out = {};
    const std::string detected = LooksLikeCp949(bytes) ? "EUC-KR" : Detect(bytes);
    if (detected == "EUC-KR") {
      encoding = UsesCp949Extension(bytes) ? "CP949" : "EUC-KR";
      DecodeWithIcu(bytes, 0, "windows-949", out, nullptr);
    } else if (!detected.empty() && detected != "UTF-8" && detected.find("ISO-8859") != 0 &&
               detected.find("windows-125") != 0) {
      // Other legacy encodings (Shift_JIS, GB18030, UTF-16 without BOM...).
      encoding = detected;
      if (!DecodeWithIcu(bytes, 0, detected.c_str(), out, nullptr)) {
        out = {};
        encoding = "UTF-8";
        DecodeUtf8(bytes, 0, out);
      }
    } else {
      // Mostly UTF-8 with a few broken bytes: keep what is readable.
      encoding = "UTF-8";
      DecodeUtf8(bytes, 0, out);
    }
  }
  out.encoding = std::move(encoding);
  return {};
}

Status DecodeBytes(std::string&& bytes, const std::optional<std::string>& forced,
                   DecodedText* out) {
  // Rule 3 first when it needs no conversion at all: the bytes are the text.
  if ((!forced || forced->empty()) && !bytes.starts_with("\xEF\xBB\xBF") && IsValidUtf8(bytes)) {
    *out = {};
    out->text = std::move(bytes);
    out->encoding = "UTF-8";
    return {};
  }
  return DecodeBytes(std::string_view(bytes), forced, out);
}

bool IsValidUtf8(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, p + i, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    // Korean text is mostly three-byte characters led by 0xEA-0xED: those
    // led by 0xE1-0xEC need no check beyond their two continuation bytes
    // (no overlong form, no surrogate), taken here without the general
    // path's chain of tests.
    if (i + 3 <= n && static_cast<unsigned char>(p[i] - 0xE1) <= 0xEC - 0xE1 &&
        ((p[i + 1] ^ 0x80) | (p[i + 2] ^ 0x80)) < 0x40) {
      i += 3;
      continue;
    }
    const size_t len = Utf8SequenceLength(p + i, n - i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

std::unique_ptr<Stage> MakeDecodeStage(const PipelineOptions& options) {
  return std::make_unique<DecodeStage>(options.lexicons);
}

}  // namespace newsie
