#include "pipeline/decode.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/html_text.h"

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

// UTF-8 to UTF-8 with U+FFFD for each maximal invalid subpart. With
// `strict`, stops at the first invalid byte and returns false instead (`out`
// is then unspecified): one pass both checks and decodes valid input.
bool DecodeUtf8(std::string_view in, size_t base, Decoded& out, bool strict = false) {
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  const size_t n = in.size();
  // Valid stretches are copied whole when an invalid byte or the end is
  // reached; `copied` is where the pending stretch starts, and its byte i
  // lands at out.text.size() + (i - copied).
  size_t copied = 0;
  out.offsets.resize(n + 1);
  uint32_t* offsets = out.offsets.data();
  size_t count = 0;  // code points so far
  size_t i = 0;
  while (i < n) {
    // ASCII fast path, eight bytes at a time (from an ASCII byte: Korean
    // text is mostly syllables, three bytes each).
    if (p[i] < 0x80 && i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, p + i, 8);
      if ((word & 0x8080808080808080ULL) == 0) {
        const auto at = static_cast<uint32_t>(out.text.size() + (i - copied));
        for (uint32_t k = 0; k < 8; ++k) offsets[count + k] = at + k;
        count += 8;
        i += 8;
        continue;
      }
    }
    const size_t len = Utf8SequenceLength(p + i, n - i);
    if (len > 0) {
      offsets[count++] = static_cast<uint32_t>(out.text.size() + (i - copied));
      i += len;
      continue;
    }
    if (strict) return false;
    out.text.append(in.data() + copied, i - copied);
    if (out.invalid++ == 0) {
      out.first_invalid_byte = base + i;
      out.first_invalid_cp = count;
    }
    offsets[count++] = static_cast<uint32_t>(out.text.size());
    out.text += "\xEF\xBF\xBD";
    ++i;
    while (i < n && (p[i] & 0xC0) == 0x80) ++i;  // the rest of a broken sequence
    copied = i;
  }
  out.text.append(in.data() + copied, n - copied);
  offsets[count++] = static_cast<uint32_t>(out.text.size());
  out.offsets.resize(count);
  return true;
}

// Any ICU converter to UTF-8, counting substitutions (U+FFFD / U+001A).
bool DecodeWithIcu(std::string_view in, size_t base, const char* converter, Decoded& out,
                   std::string* error) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(converter, &status);
  if (U_FAILURE(status)) {
    if (error) *error = u_errorName(status);
    return false;
  }
  // Scratch room for the worst case, left unfilled (ICU writes what it
  // converts; zero-filling first cost about as much as the conversion).
  const size_t room = in.size() * 2 + 16;
  const auto utf16 = std::make_unique_for_overwrite<UChar[]>(room);
  const auto src_offsets = std::make_unique_for_overwrite<int32_t[]>(room);
  UChar* target = utf16.get();
  const char* source = in.data();
  int32_t* offs = src_offsets.get();
  ucnv_toUnicode(conv, &target, utf16.get() + room, &source, in.data() + in.size(), offs,
                 /*flush=*/true, &status);
  ucnv_close(conv);
  if (U_FAILURE(status)) {
    if (error) *error = u_errorName(status);
    return false;
  }
  const size_t units = static_cast<size_t>(target - utf16.get());
  // Written in place into room for the worst case (three bytes per unit),
  // trimmed at the end.
  out.text.resize(units * 3);
  out.offsets.resize(units + 1);
  char* text = out.text.data();
  uint32_t* offsets = out.offsets.data();
  size_t bytes = 0, count = 0;
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
        out.first_invalid_byte = base + static_cast<size_t>(std::max<int32_t>(src_offsets[at], 0));
        out.first_invalid_cp = count;
      }
    }
    offsets[count++] = static_cast<uint32_t>(bytes);
    U8_APPEND_UNSAFE(text, bytes, cp);
  }
  offsets[count++] = static_cast<uint32_t>(bytes);
  out.text.resize(bytes);
  out.offsets.resize(count);
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
  std::string_view name() const override { return "decode"; }

  Status Run(Document& doc) const override {
    if (doc.input.format == Input::Format::kHtml) return RunHtml(doc);
    DecodedText out;
    if (Status s = DecodeBytes(doc.input.bytes, doc.input.encoding, &out); !s.ok()) return s;
    const std::string encoding = out.encoding;
    doc.source.encoding = encoding;
    doc.original = std::move(out.text);
    doc.original_offsets = std::move(out.offsets);
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
  static Status RunHtml(Document& doc) {
    HtmlPage page;
    if (Status s = ExtractHtmlText(doc.input.bytes, doc.input.encoding, &page); !s.ok()) return s;
    doc.source.encoding = page.encoding;
    doc.original = std::move(page.text);
    doc.original_offsets.clear();
    for (size_t i = 0; i < doc.original.size(); ++i) {
      if ((static_cast<unsigned char>(doc.original[i]) & 0xC0) != 0x80) {
        doc.original_offsets.push_back(static_cast<uint32_t>(i));
      }
    }
    doc.original_offsets.push_back(static_cast<uint32_t>(doc.original.size()));
    if (!doc.source.title) doc.source.title = page.og_title ? page.og_title : page.title;
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
  } else if (DecodeUtf8(bytes, 0, out, /*strict=*/true)) {
    encoding = "UTF-8";
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
    const size_t len = Utf8SequenceLength(p + i, n - i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

std::unique_ptr<Stage> MakeDecodeStage(const PipelineOptions&) {
  return std::make_unique<DecodeStage>();
}

}  // namespace newsie
