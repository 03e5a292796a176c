// Inputs the fuzz targets once failed on (tests/data/regressions/<target>/),
// replayed through the same code path with the targets' main properties:
// nothing throws, every span is inside the decoded text, every evidence is
// original[span], every record validates. tools/fuzz also seeds them back.
// fuzz_batch's inputs are folder trees run through the whole batch and
// --resume: they are replayed through fuzz_batch's own checks (linked in),
// which abort the test with "property failed: ..." when one does not hold,
// and so are a few hundred bytes of fixed pseudo-random inputs, so that the
// Release and sanitizer runs walk odd trees too, not only CI's fuzz stage.
#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "pipeline/input.h"
#include "pipeline/lexicon.h"
#include "pipeline/normalize.h"
#include "pipeline/quantities/finder.h"
#include "pipeline/record.h"
#include "pipeline/source.h"
#include "tests/schema_validator.h"
#include "tests/test_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);  // fuzz_batch.cc

namespace newsie::testing {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> Inputs(const std::string& target) {
  std::vector<fs::path> files;
  const fs::path dir = SourceDir() / "tests/data/regressions" / target;
  if (fs::exists(dir)) {
    for (const auto& e : fs::directory_iterator(dir)) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

void CheckSpans(const Document& doc, const nlohmann::json& v) {
  const auto cps = static_cast<int64_t>(doc.original_index.size());
  if (v.is_object()) {
    if (auto it = v.find("span"); it != v.end() && it->is_array()) {
      CHECK((*it)[0].get<int64_t>() >= 0);
      CHECK((*it)[0].get<int64_t>() <= (*it)[1].get<int64_t>());
      CHECK((*it)[1].get<int64_t>() <= cps);
    }
    if (auto it = v.find("evidence"); it != v.end() && it->is_object()) {
      const auto& s = it->at("span");
      CHECK(it->at("text").get<std::string>() ==
            doc.OriginalText({s[0].get<int64_t>(), s[1].get<int64_t>()}));
    }
    for (const auto& [key, child] : v.items()) CheckSpans(doc, child);
  } else if (v.is_array()) {
    for (const auto& child : v) CheckSpans(doc, child);
  }
}

void ReplayDocument(std::string bytes, bool html, std::optional<std::string> ref_date) {
  static const SchemaValidator schema =
      SchemaValidator::FromFile((SourceDir() / "schema/newsie-1.schema.json").string());
  Input input;
  input.id = input.path = "regression.txt";
  input.format = html ? Input::Format::kHtml : Input::Format::kText;
  input.bytes = std::move(bytes);
  Document doc = NewDocument(std::move(input), ref_date, std::nullopt);
  if (!SharedPipeline().Run(doc).ok()) return;
  const auto record = nlohmann::json::parse(ToRecord(doc).dump());
  CHECK(schema.Validate(record).empty());
  CheckSpans(doc, record);
}

}  // namespace

TEST_CASE("fuzz regressions: text stages and extract", "[fuzz][regressions]") {
  for (const auto& file : Inputs("fuzz_text_stages")) {
    INFO(file);
    ReplayDocument(ReadFile(file), false, std::nullopt);
  }
  for (const auto& file : Inputs("fuzz_extract")) {
    INFO(file);
    const std::string bytes = ReadFile(file);
    if (bytes.empty()) continue;
    // As fuzz_extract reads it: the first byte picks HTML (bit 0) and a date (bit 1).
    const auto mode = static_cast<unsigned char>(bytes[0]);
    ReplayDocument(bytes.substr(1), mode & 1,
                   (mode & 2) ? std::optional<std::string>("2024-03-05") : std::nullopt);
  }
}

TEST_CASE("fuzz regressions: quantities", "[fuzz][regressions]") {
  static const QuantityFinder finder(LexiconDir(SourceDir() / "lexicons"));
  static const NormalizeTables tables = NormalizeTables::Load(LexiconDir(SourceDir() / "lexicons"));
  for (const auto& file : Inputs("fuzz_quantities")) {
    INFO(file);
    const NormalizedText n = Normalize(ReadFile(file), tables);
    for (const char* lang : {"ko", "en", "mixed"}) {
      size_t last = 0;
      for (const Quantity& q : finder.Find(n.work, lang)) {
        CHECK(q.begin >= last);
        CHECK(q.begin < q.end);
        CHECK(q.end <= n.work.size());
        last = q.end;
      }
    }
  }
}

TEST_CASE("fuzz regressions: JSONL input", "[fuzz][regressions]") {
  for (const auto& file : Inputs("fuzz_jsonl_input")) {
    INFO(file);
    // As fuzz_jsonl_input reads it: as JSONL and as `auto`, with --max-bytes 4096.
    for (const InputFormat format : {InputFormat::kJsonl, InputFormat::kAuto}) {
      std::istringstream in(ReadFile(file));
      InputOptions options;
      options.format = format;
      options.max_bytes = 4096;
      InputReader reader({"-"}, options, in);
      while (auto item = reader.Next()) {
        if (!item->error.ok()) {
          CHECK(item->error.message().find(item->path) != std::string::npos);
        } else {
          CHECK(item->input.bytes.size() <= options.max_bytes);
        }
      }
    }
  }
}

TEST_CASE("fuzz regressions: batch trees", "[fuzz][regressions][batch]") {
  const auto files = Inputs("fuzz_batch");
  CHECK_FALSE(files.empty());
  for (const auto& file : files) {
    INFO(file);
    const std::string bytes = ReadFile(file);
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  }
  // Fixed pseudo-random trees: the same every run, different from the seeds.
  std::mt19937 random(20261123);
  for (int i = 0; i < 40; ++i) {
    std::vector<uint8_t> bytes(16 + random() % 240);
    for (uint8_t& b : bytes) b = static_cast<uint8_t>(random());
    INFO("pseudo-random input " << i);
    LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
  }
}

}  // namespace newsie::testing
