// `newsie check`: the golden regression harness as a rule maintainer uses it.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/test_support.h"

namespace newsie::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string Quoted(const fs::path& p) { return "'" + p.string() + "'"; }

// The first golden record with a target, and the JSON path of its first target's year.
std::pair<fs::path, std::string> GoldenWithTarget(const fs::path& golden) {
  std::vector<fs::path> files;
  for (auto& e : fs::recursive_directory_iterator(golden)) {
    if (e.path().extension() == ".json" &&
        e.path().string().find("/intended/") == std::string::npos) {
      files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    const json record = json::parse(ReadFile(file));
    for (size_t s = 0; s < record["stories"].size(); ++s) {
      if (!record["stories"][s]["targets"].empty()) {
        return {file, "/stories/" + std::to_string(s) + "/targets/0/year"};
      }
    }
  }
  return {};
}

}  // namespace

TEST_CASE("check: the corpus matches its golden records", "[check]") {
  const auto result = RunNewsie("check --corpus " + Quoted(SourceDir() / "corpus") + " --golden " +
                                Quoted(SourceDir() / "golden"));
  INFO(result.out.substr(0, 4000));
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("0 differences") != std::string::npos);
}

TEST_CASE("check: a changed golden value is named by its path, and --bless restores agreement",
          "[check]") {
  char tmpl[] = "/tmp/newsie-golden-XXXXXX";
  const fs::path golden = ::mkdtemp(tmpl);
  fs::copy(SourceDir() / "golden", golden, fs::copy_options::recursive);
  const auto [file, path] = GoldenWithTarget(golden);
  REQUIRE(!file.empty());
  json record = json::parse(ReadFile(file));
  const json::json_pointer pointer(path);
  const json old_year = record[pointer];
  record[pointer] = old_year.is_number() ? json(old_year.get<int>() + 5) : json(1999);
  std::ofstream(file) << record.dump(2) << "\n";
  const std::string id = record["id"];

  const std::string args =
      "check --corpus " + Quoted(SourceDir() / "corpus") + " --golden " + Quoted(golden);
  const auto broken = RunNewsie(args);
  CHECK(broken.exit_code == 1);
  // The report names the document, the field, and both values.
  const std::string expected_line = id + " " + path + ": changed: expected " +
                                    record[pointer].dump() + ", got " + old_year.dump();
  INFO(broken.out.substr(0, 3000));
  CHECK(broken.out.find(expected_line) != std::string::npos);
  CHECK(broken.out.find("1 differences") != std::string::npos);

  const auto json_report = RunNewsie(args + " --format json");
  CHECK(json_report.exit_code == 1);
  const json report = json::parse(json_report.out);
  REQUIRE(report["differences"].size() == 1);
  CHECK(report["differences"][0]["path"] == path);
  CHECK(report["scores"]["targets"]["fn"] == 1);

  const auto blessed = RunNewsie(args + " --bless");
  CHECK(blessed.exit_code == 0);
  CHECK(blessed.out.find(expected_line) != std::string::npos);  // bless says what changed
  CHECK(RunNewsie(args).exit_code == 0);
  CHECK(json::parse(ReadFile(file))[pointer] == old_year);
  fs::remove_all(golden);
}

TEST_CASE("check: an extra fact does not shift the others into differences", "[check]") {
  char tmpl[] = "/tmp/newsie-golden-XXXXXX";
  const fs::path golden = ::mkdtemp(tmpl);
  fs::copy(SourceDir() / "golden", golden, fs::copy_options::recursive);
  const auto [file, path] = GoldenWithTarget(golden);
  REQUIRE(!file.empty());
  json record = json::parse(ReadFile(file));
  // Remove the first target from the golden: the extractor's output now has
  // one fact more, and only that one should be reported.
  const std::string story_path = path.substr(0, path.find("/targets"));
  auto& targets = record[json::json_pointer(story_path)]["targets"];
  const size_t before = targets.size();
  targets.erase(targets.begin());
  std::ofstream(file) << record.dump(2) << "\n";
  const auto result = RunNewsie("check --corpus " + Quoted(SourceDir() / "corpus") + " --golden " +
                                Quoted(golden) + " --format json");
  CHECK(result.exit_code == 1);
  const json report = json::parse(result.out);
  REQUIRE(report["differences"].size() == 1);
  CHECK(report["differences"][0]["what"] == "extra");
  CHECK(report["scores"]["targets"]["fp"] == 1);
  CHECK(before >= 1);
  fs::remove_all(golden);
}

TEST_CASE("check: --only limits the run to matching documents", "[check]") {
  const auto result = RunNewsie("check --corpus " + Quoted(SourceDir() / "corpus") + " --golden " +
                                Quoted(SourceDir() / "golden") + " --only 'ko/*' --format json");
  const json report = json::parse(result.out);
  for (const auto& d : report["differences"]) {
    CHECK(d["document"].get<std::string>().rfind("ko/", 0) == 0);
  }
  CHECK(RunNewsie("check --corpus /nonexistent").exit_code == 2);
}

}  // namespace newsie::testing
