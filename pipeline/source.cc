#include "pipeline/source.h"

#include <openssl/evp.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <memory>

#include "pipeline/decode.h"

namespace newsie {
namespace {

constexpr size_t kSniffBytes = 8192;

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool HasBom(std::string_view b) {
  return StartsWith(b, "\xEF\xBB\xBF") || StartsWith(b, "\xFF\xFE") || StartsWith(b, "\xFE\xFF");
}

bool IsControlByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u < 0x20 && u != '\t' && u != '\n' && u != '\r' && u != '\f' && u != 0x1B;
}

// Whether every character beyond ASCII in `text` is Hangul (syllables or
// jamo), a CJK ideograph or CJK punctuation: what a Korean file name holds,
// unlike the private-use or Latin-1 characters CP949 gives stray bytes.
bool ReadsAsKorean(std::string_view text) {
  const auto n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    const bool korean = (c >= 0 && c < 0x80) || (c >= 0xAC00 && c <= 0xD7A3) ||
                        (c >= 0x3130 && c <= 0x318F) || (c >= 0x4E00 && c <= 0x9FFF) ||
                        (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF5E);
    if (!korean) return false;
  }
  return true;
}

// A path that is not UTF-8 (a zip made on Korean Windows keeps CP949 file
// names) is shown in the record with U+FFFD for its bad bytes, so paths that
// differ only there look the same, ids too. The warning says so, shows the
// bytes, and gives the path as CP949 when it reads as that.
std::string PathNotUtf8Message(std::string_view name) {
  std::string shown;
  const auto n = static_cast<int32_t>(name.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(name.data(), i, n, c);
    if (c >= 0) {
      shown.append(name.substr(start, i - start));
      continue;
    }
    for (int32_t k = start; k < i; ++k) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02X", static_cast<unsigned char>(name[k]));
      shown += hex;
    }
  }
  std::string message = "the path " + shown +
                        " is not UTF-8: source.path and id show U+FFFD for its bad bytes, so "
                        "another path differing only in them looks the same";
  DecodedText as_cp949;
  if (DecodeBytes(name, std::string("CP949"), &as_cp949).ok() && as_cp949.invalid == 0 &&
      ReadsAsKorean(as_cp949.text)) {
    message += "; as CP949 it reads " + as_cp949.text;
  }
  return message;
}

}  // namespace

size_t CountControlBytes(std::string_view bytes) {
  // Eight bytes at a time: (word - 0x20 in every byte) & ~word has a byte's
  // high bit set exactly when some byte of the word is below 0x20 (the
  // "hasless" test; exact as a yes/no for thresholds up to 0x80). Text is
  // mostly words with none, passed over whole; only the others are looked
  // at byte by byte.
  constexpr uint64_t kEach = 0x0101010101010101, kHigh = 0x8080808080808080;
  size_t control = 0, i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, bytes.data() + i, sizeof word);
    if (((word - kEach * 0x20) & ~word & kHigh) == 0) continue;
    for (size_t j = i; j < i + 8; ++j) control += IsControlByte(bytes[j]);
  }
  for (; i < bytes.size(); ++i) control += IsControlByte(bytes[i]);
  return control;
}

std::optional<std::string> SniffBinary(std::string_view bytes) {
  using namespace std::string_view_literals;
  static constexpr std::array<std::pair<std::string_view, const char*>, 12> kMagic{{
      {"\x89PNG\r\n\x1A\n"sv, "PNG image"},
      {"PK\x03\x04"sv, "ZIP archive"},
      {"PK\x05\x06"sv, "ZIP archive"},
      {"%PDF-"sv, "PDF document"},
      {"GIF87a"sv, "GIF image"},
      {"GIF89a"sv, "GIF image"},
      {"\xFF\xD8\xFF"sv, "JPEG image"},
      {"\x1F\x8B"sv, "gzip data"},
      {"\x7F"
       "ELF"sv,
       "ELF executable"},
      {"7z\xBC\xAF\x27\x1C"sv, "7-Zip archive"},
      {"SQLite format 3\0"sv, "SQLite database"},
      {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"sv, "MS Office document"},
  }};
  for (const auto& [magic, kind] : kMagic) {
    if (StartsWith(bytes, magic)) return kind;
  }
  if (HasBom(bytes) || SniffUtf16(bytes)) return std::nullopt;
  // Text has few control bytes (tab, newlines, form feed and ESC aside).
  const std::string_view head = bytes.substr(0, kSniffBytes);
  if (head.size() >= 16 && CountControlBytes(head) * 10 > head.size()) return "binary data";
  return std::nullopt;
}

std::optional<std::string> SniffUtf16(std::string_view bytes) {
  if (HasBom(bytes)) return std::nullopt;
  const std::string_view head = bytes.substr(0, kSniffBytes);
  const size_t pairs = head.size() / 2;
  // Without a NUL byte (nearly all text) the counts below are 0: not UTF-16.
  if (pairs < 4 || head.find('\0') == std::string_view::npos) return std::nullopt;
  size_t even = 0, odd = 0;  // NUL bytes at even and odd offsets
  for (size_t i = 0; i + 1 < head.size(); i += 2) {
    even += head[i] == '\0';
    odd += head[i + 1] == '\0';
  }
  // ASCII in UTF-16 puts a NUL in every pair; Hangul none. A fifth of the
  // pairs with a NUL on one side and (almost) none on the other is UTF-16.
  if (odd * 5 >= pairs && even * 50 <= pairs) return "UTF-16LE";
  if (even * 5 >= pairs && odd * 50 <= pairs) return "UTF-16BE";
  return std::nullopt;
}

namespace {

// SHA-256 fetched from OpenSSL's provider once. EVP_Digest with EVP_sha256()
// fetched it by name on every call (OpenSSL 3's "implicit fetch"), taking
// the provider store's read lock, shared by all threads, 9 times a document,
// and made and freed a context each time.
const EVP_MD* Sha256() {
  static const std::unique_ptr<EVP_MD, decltype(&EVP_MD_free)> md(
      EVP_MD_fetch(nullptr, "SHA256", nullptr), &EVP_MD_free);
  return md.get();
}

// One digest context per thread, reset for each document.
struct DigestContext {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  DigestContext() = default;
  DigestContext(const DigestContext&) = delete;
  DigestContext& operator=(const DigestContext&) = delete;
  ~DigestContext() { EVP_MD_CTX_free(ctx); }
};

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  thread_local DigestContext context;
  const EVP_MD* md = Sha256();
  if (!context.ctx || !md || EVP_DigestInit_ex2(context.ctx, md, nullptr) != 1 ||
      EVP_DigestUpdate(context.ctx, bytes.data(), bytes.size()) != 1 ||
      EVP_DigestFinal_ex(context.ctx, digest, &length) != 1) {
    length = 0;  // (out of memory) the old way, which reports nothing either
    EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    hex.push_back(kHex[digest[i] >> 4]);
    hex.push_back(kHex[digest[i] & 15]);
  }
  return hex;
}

Document NewDocument(Input input, const std::optional<std::string>& forced_ref_date,
                     const std::optional<std::string>& forced_encoding) {
  Document doc;
  doc.source.path = input.path;
  doc.source.bytes = static_cast<int64_t>(input.bytes.size());
  doc.source.sha256 = Sha256Hex(input.bytes);
  doc.source.url = input.url;
  doc.source.title = input.title;
  if (forced_ref_date) {
    input.date = forced_ref_date;
    input.date_given = true;
  }
  if (forced_encoding) input.encoding = forced_encoding;
  if (!IsValidUtf8(input.path)) {
    doc.AddDiagnostic("warning", "path-not-utf8", PathNotUtf8Message(input.path));
  }
  if (input.sidecar_error) {
    doc.AddDiagnostic("warning", "bad-sidecar", *input.sidecar_error + " (ignored)");
  }
  const std::string_view bytes = input.bytes;
  if (!input.encoding) {
    if (auto utf16 = SniffUtf16(bytes)) {
      input.encoding = *utf16;
      doc.AddDiagnostic("warning", "utf16-without-bom",
                        input.id + " has no byte-order mark but reads as " + *utf16);
    }
  }
  if (bytes.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos) {
    doc.AddDiagnostic("warning", "empty-document",
                      input.id + (bytes.empty() ? " is empty" : " holds only whitespace") +
                          ": no text to extract from");
  } else if ((!input.encoding || !StartsWith(*input.encoding, "UTF-16")) &&
             !StartsWith(bytes, "\xFF\xFE") && !StartsWith(bytes, "\xFE\xFF")) {
    // UTF-16 (by BOM, by name or sniffed) is made of NUL bytes; only other
    // text holding them is suspect.
    // (Looked for with memchr first: std::count reads byte by byte, and
    // nearly no document holds one.)
    if (const auto nuls = bytes.find('\0') == std::string_view::npos
                              ? 0
                              : std::count(bytes.begin(), bytes.end(), '\0');
        nuls > 0) {
      doc.AddDiagnostic(
          "warning", "nul-bytes",
          input.id + " holds " + std::to_string(nuls) + " NUL byte(s); kept in the text as U+0000");
    }
  }
  doc.input = std::move(input);
  return doc;
}

}  // namespace newsie
