// The `newsie extract` command as a user runs it: records on standard output,
// errors per document, exit statuses, JSONL input, sidecars.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/schema_validator.h"
#include "tests/test_support.h"

namespace newsie::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const SchemaValidator& Schema() {
  static const SchemaValidator schema =
      SchemaValidator::FromFile((SourceDir() / "schema/newsie-1.schema.json").string());
  return schema;
}

std::string Sha256Sum(const fs::path& file) {
  const auto result = std::string("sha256sum '") + file.string() + "' > /tmp/newsie-sha-" +
                      std::to_string(::getpid());
  REQUIRE(std::system(result.c_str()) == 0);
  std::string out = ReadFile("/tmp/newsie-sha-" + std::to_string(::getpid()));
  fs::remove("/tmp/newsie-sha-" + std::to_string(::getpid()));
  return out.substr(0, 64);
}

constexpr const char* kArticle =
    "Gwanak-gu to Create 12,100 Jobs This Year\n\n"
    "Gwanak-gu (Mayor Park Jun-hee) said on the 5th that it aims to create 12,100 jobs this "
    "year under its new plan.\n";

}  // namespace

TEST_CASE("extract writes one schema-valid record for a seed article", "[cli][schema]") {
  const fs::path seed = SourceDir() / "../shared/seeds/000_c0d990b8704e05cf.txt";
  if (!fs::exists(seed)) {
    WARN("../shared/seeds is not beside the checkout: skipped");
    return;
  }
  const auto result = RunNewsie("extract '" + seed.string() + "' --quiet");
  REQUIRE(result.exit_code == 0);
  const auto records = JsonLines(result.out);
  REQUIRE(records.size() == 1);
  const json& record = records[0];
  CHECK(Schema().Validate(record) == std::vector<std::string>{});
  CHECK(record["schema"] == "newsie/1");
  CHECK(record["id"] == seed.string());
  CHECK(record["source"]["sha256"] == Sha256Sum(seed));
  CHECK(record["source"]["bytes"] == static_cast<int64_t>(fs::file_size(seed)));
  CHECK(record["source"]["encoding"] == "UTF-8");
}

TEST_CASE("every corpus record validates against the schema", "[cli][schema]") {
  const auto result = RunNewsie("extract '" + (SourceDir() / "corpus").string() + "' --quiet");
  REQUIRE(result.exit_code == 0);
  const auto records = JsonLines(result.out);
  REQUIRE(records.size() >= 40);
  for (const json& record : records) {
    INFO(record["id"].get<std::string>());
    CHECK(Schema().Validate(record) == std::vector<std::string>{});
  }
}

TEST_CASE("the schema rejects a record that breaks the contract", "[schema]") {
  json record = {{"schema", "newsie/1"},
                 {"id", "x"},
                 {"source",
                  {{"path", "x"},
                   {"sha256", std::string(64, 'a')},
                   {"bytes", 1},
                   {"encoding", "UTF-8"},
                   {"lang", "ko"},
                   {"url", nullptr},
                   {"title", nullptr}}},
                 {"ref_date", {{"date", nullptr}, {"basis", "none"}}},
                 {"stories", json::array()},
                 {"diagnostics", json::array()}};
  CHECK(Schema().Validate(record).empty());
  record["ref_date"]["basis"] = "guessed";
  record["source"].erase("url");
  record["extra"] = 1;
  const auto errors = Schema().Validate(record);
  CHECK(errors.size() == 3);
}

TEST_CASE("a folder is walked in sorted order with ids relative to it", "[cli]") {
  TempDir dir;
  dir.Write("b.txt", kArticle);
  dir.Write("a/z.txt", kArticle);
  dir.Write("a/c.txt", kArticle);
  dir.Write(".hidden.txt", kArticle);
  dir.Write("a/c.meta.json", R"({"date": "2024-03-05", "url": "https://example.org/c"})");
  const auto result = RunNewsie("extract '" + dir.path.string() + "' --quiet");
  REQUIRE(result.exit_code == 0);
  const auto records = JsonLines(result.out);
  REQUIRE(records.size() == 3);
  CHECK(records[0]["id"] == "a/c.txt");
  CHECK(records[1]["id"] == "a/z.txt");
  CHECK(records[2]["id"] == "b.txt");
  CHECK(records[0]["source"]["url"] == "https://example.org/c");
  CHECK(records[0]["ref_date"] == json{{"date", "2024-03-05"}, {"basis", "metadata"}});
}

TEST_CASE("failed documents are reported and the batch goes on", "[cli][errors]") {
  TempDir dir;
  const auto good = dir.Write("good.txt", kArticle);
  const auto unreadable = dir.Write("locked/secret.txt", kArticle);
  const fs::path missing = dir.path / "missing.txt";
  const fs::path dangling = dir.path / "dangling.txt";
  fs::create_symlink(dir.path / "nowhere.txt", dangling);
  // Root reads files whatever their mode; the folder walk and the dangling
  // link fail for everyone.
  ::chmod(unreadable.c_str(), 0);
  const bool root = ::geteuid() == 0;
  const fs::path errors = dir.path / "errors.jsonl";
  const auto result =
      RunNewsie("extract '" + missing.string() + "' '" + good.string() + "' '" + dangling.string() +
                "' '" + unreadable.string() + "' --quiet --errors '" + errors.string() + "'");
  CHECK(result.exit_code == 1);
  const auto records = JsonLines(result.out);
  CHECK(records.size() == (root ? 2u : 1u));
  CHECK(records[0]["id"] == good.string());
  const auto failures = JsonLines(ReadFile(errors));
  REQUIRE(failures.size() == (root ? 2u : 3u));
  CHECK(failures[0]["path"] == missing.string());
  CHECK(failures[0]["code"] == "not-found");
  CHECK(failures[1]["path"] == dangling.string());
  for (const auto& f : failures) {
    CHECK(f["message"].get<std::string>().find(f["path"].get<std::string>()) != std::string::npos);
  }
  if (!root) CHECK(failures[2]["code"] == "unreadable");
}

TEST_CASE("errors go to standard error without --errors", "[cli][errors]") {
  const auto result = RunNewsie("extract /nonexistent/newsie.txt --quiet");
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
  const auto failures = JsonLines(result.err);
  REQUIRE(failures.size() == 1);
  CHECK(failures[0]["path"] == "/nonexistent/newsie.txt");
}

TEST_CASE("usage errors exit 2", "[cli]") {
  CHECK(RunNewsie("extract").exit_code == 2);
  CHECK(RunNewsie("extract x.txt --format xml").exit_code == 2);
  CHECK(RunNewsie("extract x.txt --ref-date 2024-02-30").exit_code == 2);
  CHECK(RunNewsie("extract x.txt -o out.unknown").exit_code == 2);
  CHECK(RunNewsie("frobnicate").exit_code == 2);
  CHECK(RunNewsie("extract --help").exit_code == 0);
  // --help lists the options a user types, not the ones behind the
  // positional arguments.
  for (const auto& [command, hidden] : std::vector<std::pair<std::string, std::string>>{
           {"extract", "--path arg"}, {"inspect", "--file arg"}, {"report", "--input arg"}}) {
    const auto help = RunNewsie(command + " --help");
    INFO(help.out);
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("--help") != std::string::npos);
    CHECK(help.out.find(hidden) == std::string::npos);
  }
  CHECK(RunNewsie("--version").out.find("newsie/1") != std::string::npos);
}

TEST_CASE("JSONL records on standard input come out in order with their ids", "[cli][jsonl]") {
  const std::string input =
      json{{"id", "r1"}, {"text", kArticle}, {"date", "2024-03-05"}}.dump() + "\n" + "{not json\n" +
      json{{"id", "r3"}, {"text", "서울 성동구(구청장 정원오)는 올해 일자리를 만든다."}}.dump() +
      "\n";
  const auto result = RunNewsie("extract --input-format jsonl - --quiet", input);
  CHECK(result.exit_code == 1);  // the malformed line failed
  const auto records = JsonLines(result.out);
  REQUIRE(records.size() == 2);
  CHECK(records[0]["id"] == "r1");
  CHECK(records[0]["ref_date"] == json{{"date", "2024-03-05"}, {"basis", "given"}});
  CHECK(records[1]["id"] == "r3");
  const auto failures = JsonLines(result.err);
  REQUIRE(failures.size() == 1);
  CHECK(failures[0]["path"] == "-:2");
  CHECK(failures[0]["code"] == "bad-jsonl");
}

TEST_CASE("the --ref-date option overrides a sidecar's date", "[cli]") {
  TempDir dir;
  const auto file = dir.Write("a.txt", kArticle);
  dir.Write("a.meta.json", R"({"date": "2020-01-01"})");
  const auto result = RunNewsie("extract '" + file.string() + "' --ref-date 2024-03-05 --quiet");
  REQUIRE(result.exit_code == 0);
  const auto records = JsonLines(result.out);
  REQUIRE(records.size() == 1);
  CHECK(records[0]["ref_date"] == json{{"date", "2024-03-05"}, {"basis", "given"}});
}

TEST_CASE("a broken sidecar is a warning on its document, not a lost document", "[cli][errors]") {
  TempDir dir;
  const auto file = dir.Write("a.txt", kArticle);
  dir.Write("a.meta.json", "{this is not json");
  const auto result = RunNewsie("extract '" + file.string() + "' --quiet");
  REQUIRE(result.exit_code == 0);
  const auto records = JsonLines(result.out);
  REQUIRE(records.size() == 1);
  bool warned = false;
  for (const auto& d : records[0]["diagnostics"]) warned = warned || d["code"] == "bad-sidecar";
  CHECK(warned);
}

TEST_CASE("extract -o writes the file whole and the summary goes to standard error", "[cli]") {
  TempDir dir;
  const auto file = dir.Write("a.txt", kArticle);
  const fs::path out = dir.path / "records.jsonl";
  const auto result = RunNewsie("extract '" + file.string() + "' -o '" + out.string() + "'");
  REQUIRE(result.exit_code == 0);
  CHECK(result.out.empty());
  CHECK(JsonLines(ReadFile(out)).size() == 1);
  CHECK(result.err.find("1 documents") != std::string::npos);
  // No temporary file is left beside it: only the input, the output and the
  // output's manifest (kept for --resume).
  std::vector<std::string> files;
  for (auto& e : fs::directory_iterator(dir.path)) files.push_back(e.path().filename().string());
  std::sort(files.begin(), files.end());
  CHECK(files == std::vector<std::string>{"a.txt", "records.jsonl", "records.jsonl.manifest"});
}

TEST_CASE("the summary counts the facts the records hold, by kind", "[cli]") {
  TempDir dir;
  const fs::path out = dir.path / "records.jsonl";
  const auto result = RunNewsie("extract corpus -o '" + out.string() + "'");
  REQUIRE(result.exit_code == 0);
  std::map<std::string, int64_t> counted;
  for (const auto& record : JsonLines(ReadFile(out))) {
    for (const auto& story : record["stories"]) {
      counted["district"] += story["district"].is_null() ? 0 : 1;
      counted["mayor"] += story["mayor"].is_null() ? 0 : 1;
      for (const char* kind : {"targets", "achievements", "awards"}) {
        counted[kind] += static_cast<int64_t>(story[kind].size());
      }
    }
  }
  REQUIRE(counted["targets"] > 0);
  for (const auto& [kind, n] : counted) {
    INFO(result.err);
    CHECK(result.err.find(", " + std::to_string(n) + " " + kind) != std::string::npos);
  }
}

TEST_CASE("an output path in a missing directory is a clear error", "[cli][errors]") {
  const auto result = RunNewsie("extract corpus -o /nonexistent-dir/records.jsonl --quiet");
  CHECK(result.exit_code == 2);
  CHECK(result.err.find("/nonexistent-dir/records.jsonl") != std::string::npos);
}

TEST_CASE("inspect shows the document stage by stage", "[cli][inspect]") {
  TempDir dir;
  const auto file = dir.Write("a.txt", kArticle);
  const auto result = RunNewsie("inspect '" + file.string() + "'");
  REQUIRE(result.exit_code == 0);
  for (const char* section : {"encoding UTF-8", "reference date", "-- removed as boilerplate",
                              "-- stories (", "sentences (", "-- diagnostics ("}) {
    INFO(section);
    CHECK(result.out.find(section) != std::string::npos);
  }
  CHECK(RunNewsie("inspect /nonexistent.txt").exit_code == 1);
}

}  // namespace newsie::testing
