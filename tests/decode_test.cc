#include "pipeline/decode.h"

#include <unicode/utf8.h>

#include <catch2/catch.hpp>
#include <string>

#include "tests/test_support.h"

namespace newsie {
namespace {

using testing::Encode;
using testing::Process;
using testing::ReadFile;
using testing::SourceDir;

// Everything the text stages produce, with spans in original code points.
std::string Summary(const Document& doc) {
  std::string s = doc.original + "\n--\n";
  for (const auto& story : doc.stories) {
    const Span span = doc.ToOriginal(story.begin, story.end);
    s += "story " + std::to_string(span.start) + "-" + std::to_string(span.end) + " " + story.lang +
         "\n";
    for (int i : story.sentences) {
      const Span ss = doc.ToOriginal(doc.sentences[i].begin, doc.sentences[i].end);
      s += "  " + std::to_string(ss.start) + "-" + std::to_string(ss.end) + "\n";
    }
  }
  for (const auto& d : doc.diagnostics) {
    s += d.code + (d.span ? " " + std::to_string(d.span->start) : std::string()) + "\n";
  }
  return s;
}

}  // namespace

TEST_CASE("decode: UTF-8, BOM, UTF-16LE/BE and EUC-KR give identical results", "[decode]") {
  const std::string text = ReadFile(SourceDir() / "tests/data/text/ko_roundup.txt");
  const Document utf8 = Process(text);
  CHECK(utf8.source.encoding == "UTF-8");
  const std::string expected = Summary(utf8);

  const Document bom = Process("\xEF\xBB\xBF" + text);
  CHECK(bom.source.encoding == "UTF-8");
  CHECK(Summary(bom) == expected);

  const Document le = Process("\xFF\xFE" + Encode(text, "UTF-16LE"));
  CHECK(le.source.encoding == "UTF-16LE");
  CHECK(Summary(le) == expected);

  const Document be = Process("\xFE\xFF" + Encode(text, "UTF-16BE"));
  CHECK(be.source.encoding == "UTF-16BE");
  CHECK(Summary(be) == expected);

  const Document euc = Process(Encode(text, "EUC-KR"));
  CHECK(euc.source.encoding == "EUC-KR");
  CHECK(Summary(euc) == expected);
}

TEST_CASE("decode: the English seed through every encoding keeps its spans", "[decode]") {
  const std::string text = ReadFile(SourceDir() / "../shared/seeds/001_9a8c6b2dc414c7a7.txt");
  const std::string expected = Summary(Process(text));
  CHECK(Summary(Process("\xEF\xBB\xBF" + text)) == expected);
  CHECK(Summary(Process("\xFF\xFE" + Encode(text, "UTF-16LE"))) == expected);
  CHECK(Summary(Process("\xFE\xFF" + Encode(text, "UTF-16BE"))) == expected);
}

TEST_CASE("decode: CP949-only characters are reported as CP949", "[decode]") {
  // 똠 and 햏 are outside KS X 1001: only CP949 (UHC) encodes them.
  const std::string text = "서울 관악구는 똠방각하 햏 일자리 사업을 시작했다고 밝혔다. " +
                           std::string(40, ' ') + "구청 관계자는 올해 목표를 설명했다.\n";
  const Document doc = Process(Encode(text, "windows-949"));
  CHECK(doc.source.encoding == "CP949");
  CHECK(doc.original == text);
}

TEST_CASE("decode: invalid bytes become U+FFFD with one diagnostic", "[decode]") {
  const Document doc = Process(std::string("Jobs \xFF\xFE rose \xC3 to 12,100.\n"));
  CHECK(doc.source.encoding == "UTF-8");
  CHECK(doc.original == "Jobs \xEF\xBF\xBD\xEF\xBF\xBD rose \xEF\xBF\xBD to 12,100.\n");
  int count = 0;
  for (const auto& d : doc.diagnostics) {
    if (d.code != "invalid-bytes") continue;
    ++count;
    CHECK(d.message.find("3 invalid") != std::string::npos);
    CHECK(d.message.find("first at byte 5") != std::string::npos);
    REQUIRE(d.span);
    CHECK(d.span->start == 5);
  }
  CHECK(count == 1);
}

TEST_CASE("decode: the first invalid byte is found exactly, wherever ICU's pieces split",
          "[decode]") {
  // ICU converts a long document piece by piece (32K UTF-16 units a call):
  // a bad sequence just before, across or after a piece's edge must be
  // reported at its own first byte.
  constexpr size_t kEdge = size_t{1} << 15;
  struct Case {
    const char* encoding;
    size_t unit;  // bytes a good character ('a' or U+AC00) takes
    std::string good, bad;
  };
  const std::vector<Case> cases = {
      {"UTF-16LE", 2, std::string("\x00\xAC", 2), std::string("\x00\xDC", 2)},  // a lone trail
      {"UTF-16BE", 2, std::string("\xAC\x00", 2), std::string("\xDC\x00", 2)},
      {"UTF-16LE", 2, std::string("\x00\xAC", 2), std::string("\x00\xD8", 2)},  // a lone lead
      {"EUC-KR", 2, "\xB0\xA1", "\xA1\x20"},  // 가; a lead byte before a space
      {"CP949", 2, "\xB0\xA1", "\x81\x5B"},   // a lead byte and a trail it cannot take
  };
  for (const Case& c : cases) {
    for (size_t at = kEdge - 3; at <= kEdge + 3; ++at) {
      std::string bytes;
      if (c.encoding == std::string("UTF-16LE")) bytes = "\xFF\xFE";
      if (c.encoding == std::string("UTF-16BE")) bytes = "\xFE\xFF";
      const size_t bom = bytes.size();
      for (size_t i = 0; i < at; ++i) bytes += c.good;
      const size_t bad_at = bytes.size();
      bytes += c.bad;
      for (size_t i = 0; i < 100; ++i) bytes += c.good;
      INFO(c.encoding << ", " << at << " characters before the bad one, at byte " << bad_at);
      DecodedText out;
      REQUIRE(DecodeBytes(std::string_view(bytes),
                          bom ? std::nullopt : std::optional<std::string>(c.encoding), &out)
                  .ok());
      CHECK(out.invalid >= 1);
      CHECK(out.first_invalid_byte == bad_at);
      CHECK(out.first_invalid_cp == at);
    }
  }
}

TEST_CASE("decode: a forced encoding is used, an unknown one is an error", "[decode]") {
  const std::string text = "노원구 일자리 1,500개\n";
  Document doc;
  doc.input.bytes = Encode(text, "EUC-KR");
  doc.input.encoding = "euc-kr";
  REQUIRE(MakeDecodeStage({})->Run(doc).ok());
  CHECK(doc.original == text);
  CHECK(doc.source.encoding == "EUC-KR");

  Document bad;
  bad.input.bytes = "abc";
  bad.input.encoding = "no-such-charset";
  const Status status = MakeDecodeStage({})->Run(bad);
  CHECK(status.code() == "unknown-encoding");
}

TEST_CASE("decode: empty and whitespace-only input", "[decode]") {
  CHECK(Process("").stories.empty());
  CHECK(Process("  \n\n \r\n").stories.empty());
  const Document doc = Process("\xEF\xBB\xBF");
  CHECK(doc.original.empty());
  CHECK(doc.original_index.size() == 0);
}

TEST_CASE("decode: IsValidUtf8", "[decode]") {
  CHECK(IsValidUtf8("plain ascii text that is long enough"));
  CHECK(IsValidUtf8("관악구 12,100개"));
  CHECK_FALSE(IsValidUtf8("\xC0\xAF"));      // overlong
  CHECK_FALSE(IsValidUtf8("\xED\xA0\x80"));  // surrogate
  CHECK_FALSE(IsValidUtf8("abc\xE2\x80"));   // truncated
}

// IsValidUtf8 against ICU's U8_NEXT, which follows the Unicode standard
// (no overlong forms, no surrogates, nothing above U+10FFFF): every one-,
// two- and three-byte sequence, every four-byte lead with each second byte,
// and each of them cut short, alone and after ASCII and Hangul.
TEST_CASE("decode: IsValidUtf8 agrees with ICU on every short sequence", "[decode]") {
  auto icu_valid = [](const std::string& s) {
    int32_t i = 0;
    const auto length = static_cast<int32_t>(s.size());
    while (i < length) {
      UChar32 c = 0;
      U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, length, c);
      if (c < 0) return false;
    }
    return true;
  };
  size_t valid = 0, mismatches = 0;
  auto check = [&](const std::string& seq) {
    for (const std::string& before :
         {std::string(), std::string("abcdefghij"), std::string("\xEA\xB4\x80\xEC\x95\x85")}) {
      const std::string text = before + seq + "x";
      if (IsValidUtf8(text) != icu_valid(text)) {
        ++mismatches;
        UNSCOPED_INFO("mismatch on " << text.size() << " bytes ending " << seq.size());
      }
      valid += IsValidUtf8(text);
    }
  };
  for (int a = 0; a < 256; ++a) {
    check(std::string(1, static_cast<char>(a)));
    for (int b = 0; b < 256; ++b) {
      const std::string two = {static_cast<char>(a), static_cast<char>(b)};
      check(two);
      if (a >= 0xE0 && a <= 0xEF) {
        for (int c = 0; c < 256; ++c) check(two + static_cast<char>(c));
      }
      if (a >= 0xF0) check(two + "\x80\x80");
    }
  }
  CHECK(mismatches == 0);
  CHECK(valid > 3 * 60000);  // the Hangul block alone is 11,172 of them
}

}  // namespace newsie
