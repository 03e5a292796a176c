// What pipeline/source.h tells from raw bytes: control bytes, binary data,
// UTF-16 without a byte-order mark, the SHA-256.
#include "pipeline/source.h"

#include <catch2/catch.hpp>
#include <string>
#include <thread>
#include <vector>

namespace newsie {
namespace {

// The plain definition CountControlBytes must agree with: one byte at a time.
size_t CountControlBytesOneByOne(std::string_view bytes) {
  size_t control = 0;
  for (const char c : bytes) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && u != '\t' && u != '\n' && u != '\r' && u != '\f' && u != 0x1B) ++control;
  }
  return control;
}

}  // namespace

TEST_CASE("source: CountControlBytes counts every control byte at any position", "[source]") {
  const std::string text = "고용률 66.9% 달성\tJobs: 4,909\r\n\f\x1B[0m";
  CHECK(CountControlBytes(text) == 0);
  CHECK(CountControlBytes("") == 0);
  // Each byte value at each offset of a word, and in the tail past the last
  // whole word: the word-at-a-time test must miss none and add none.
  for (int value = 0; value < 256; ++value) {
    for (size_t at = 0; at < 19; ++at) {
      std::string bytes(19, 'a');
      bytes[at] = static_cast<char>(value);
      INFO("byte " << value << " at " << at);
      CHECK(CountControlBytes(bytes) == CountControlBytesOneByOne(bytes));
    }
  }
  // Bytes just above and below 0x20 and 0x80 mixed in one word.
  const std::string edges = "\x1F\x20\x7F\x80\x9F\xA0\xFF\x01\x00\x21";
  CHECK(CountControlBytes(std::string_view(edges.data(), edges.size())) ==
        CountControlBytesOneByOne(std::string_view(edges.data(), edges.size())));
  std::string all;
  for (int i = 0; i < 1000; ++i) all.push_back(static_cast<char>((i * 37) % 256));
  CHECK(CountControlBytes(all) == CountControlBytesOneByOne(all));
}

TEST_CASE("source: SniffBinary tells binary data from text", "[source]") {
  CHECK_FALSE(SniffBinary("이천시, 2020년 일자리 대책 발표\n고용률 15.3% 목표\n").has_value());
  CHECK(SniffBinary("\x89PNG\r\n\x1A\nrest of the image") == "PNG image");
  std::string noise(64, 'x');
  for (size_t i = 0; i < noise.size(); i += 4) noise[i] = '\x02';
  CHECK(SniffBinary(noise) == "binary data");
  // Fewer than one control byte in ten is still text.
  std::string text(100, 'x');
  for (size_t i = 0; i < 10; ++i) text[i * 10] = '\x02';
  CHECK_FALSE(SniffBinary(text).has_value());
  text[5] = '\x03';
  CHECK(SniffBinary(text) == "binary data");
}

TEST_CASE("source: SniffUtf16 finds UTF-16 without a byte-order mark", "[source]") {
  const std::string le("J\0o\0b\0s\0 \0a\0n\0d\0", 16);
  const std::string be("\0J\0o\0b\0s\0 \0a\0n\0d", 16);
  CHECK(SniffUtf16(le) == "UTF-16LE");
  CHECK(SniffUtf16(be) == "UTF-16BE");
  CHECK_FALSE(SniffUtf16("Jobs and plans, no NUL byte at all").has_value());
  CHECK_FALSE(SniffUtf16("\xFF\xFE" + le).has_value());  // a BOM says so itself
  // UTF-16 is made of NUL bytes, yet is no binary data.
  CHECK_FALSE(SniffBinary(le).has_value());
}

TEST_CASE("source: Sha256Hex gives the SHA-256 of the bytes, call after call, on any thread",
          "[source]") {
  // FIPS 180-2 test vectors; a thread's digest context is reused between calls.
  const std::string empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  const std::string abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  const std::string million = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
  const std::string a_million(1000000, 'a');
  CHECK(Sha256Hex("") == empty);
  CHECK(Sha256Hex("abc") == abc);
  CHECK(Sha256Hex(a_million) == million);
  CHECK(Sha256Hex("abc") == abc);
  // Each worker thread has its own context: concurrent digests do not mix.
  std::vector<std::string> got(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < got.size(); ++t) {
    threads.emplace_back([&, t] {
      bool same = true;
      for (int i = 0; i < 20; ++i)
        same = same && Sha256Hex(t % 2 ? "abc" : a_million) == (t % 2 ? abc : million);
      got[t] = same ? "ok" : "mixed";
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(got == std::vector<std::string>(4, "ok"));
}

}  // namespace newsie
