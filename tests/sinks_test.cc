// The sinks agree with each other: what SQLite, the JSON array and CSV hold
// is what JSONL holds; outputs appear whole (OUT.partial renamed at the end).
#include <sqlite3.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "pipeline/sinks/csv_sink.h"
#include "pipeline/sinks/fact_rows.h"
#include "pipeline/sinks/sink.h"
#include "tests/batch_test_support.h"
#include "tests/test_support.h"

namespace newsie {
namespace {

namespace fs = std::filesystem;

using testing::Lines;
using testing::Quote;
using testing::ReadFile;
using testing::RunNewsie;
using testing::Shell;
using testing::ShellOutput;
using testing::TempDir;

// Runs `extract` on the team's corpus (and a small generated one) into `out`.
void Extract(const fs::path& out, const std::string& extra = "") {
  const auto corpus = testing::GeneratedCorpus(200, 11);
  const auto result = RunNewsie("extract corpus " + Quote(corpus) + " --jobs 2 --quiet -o " +
                                Quote(out) + " " + extra);
  REQUIRE(result.exit_code == 0);
  REQUIRE(result.err.empty());
}

std::vector<std::string> SqliteColumn(const fs::path& db, const std::string& sql) {
  sqlite3* handle = nullptr;
  REQUIRE(sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(handle, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK);
  std::vector<std::string> values;
  while (sqlite3_step(stmt) == SQLITE_ROW) {
    const auto* text = sqlite3_column_text(stmt, 0);
    values.emplace_back(text ? reinterpret_cast<const char*>(text) : "NULL");
  }
  sqlite3_finalize(stmt);
  sqlite3_close(handle);
  return values;
}

int64_t SqliteCount(const fs::path& db, const std::string& sql) {
  const auto values = SqliteColumn(db, sql);
  REQUIRE(values.size() == 1);
  return std::stoll(values[0]);
}

TEST_CASE("SQLite holds what JSONL holds", "[sinks][sqlite]") {
  TempDir dir;
  Extract(dir.path / "r.jsonl");
  Extract(dir.path / "r.sqlite");
  // One file, moved into place whole (its WAL checkpointed into it).
  CHECK_FALSE(fs::exists(dir.path / "r.sqlite.partial"));
  CHECK_FALSE(fs::exists(dir.path / "r.sqlite-wal"));
  const auto lines = Lines(ReadFile(dir.path / "r.jsonl"));
  REQUIRE(lines.size() > 200);
  const fs::path db = dir.path / "r.sqlite";

  // The record column is the JSONL line, document by document, in order.
  CHECK(SqliteColumn(db, "SELECT record FROM documents ORDER BY doc") == lines);

  // The tables agree with the records they came from.
  int64_t stories = 0, facts = 0, diagnostics = 0, targets = 0;
  std::vector<std::string> ids, shas;
  for (const auto& line : lines) {
    const Json record = Json::parse(line);
    ids.push_back(record["id"]);
    shas.push_back(record["source"]["sha256"]);
    stories += static_cast<int64_t>(record["stories"].size());
    diagnostics += static_cast<int64_t>(record["diagnostics"].size());
    facts += CountFacts(record);
    for (const auto& story : record["stories"])
      targets += static_cast<int64_t>(story["targets"].size());
  }
  CHECK(SqliteColumn(db, "SELECT id FROM documents ORDER BY doc") == ids);
  CHECK(SqliteColumn(db, "SELECT sha256 FROM documents ORDER BY doc") == shas);
  CHECK(SqliteCount(db, "SELECT count(*) FROM stories") == stories);
  CHECK(SqliteCount(db, "SELECT count(*) FROM facts") == facts);
  CHECK(SqliteCount(db, "SELECT count(*) FROM facts WHERE kind = 'target'") == targets);
  CHECK(SqliteCount(db, "SELECT count(*) FROM diagnostics") == diagnostics);
  // Every fact belongs to a story that exists.
  CHECK(SqliteCount(db,
                    "SELECT count(*) FROM facts f LEFT JOIN stories s "
                    "ON f.doc = s.doc AND f.story = s.story WHERE s.doc IS NULL") == 0);
  // Each fact's JSON is the fact object in the record.
  const auto first = Json::parse(lines[0]);
  if (!first["stories"].empty() && !first["stories"][0]["targets"].empty()) {
    CHECK(Json::parse(SqliteColumn(db,
                                   "SELECT json FROM facts WHERE doc = 1 AND kind = "
                                   "'target' ORDER BY fact LIMIT 1")[0]) ==
          first["stories"][0]["targets"][0]);
  }
  CHECK(SqliteColumn(db, "SELECT value FROM meta WHERE key = 'status'") ==
        std::vector<std::string>{"complete"});
  CHECK(SqliteColumn(db, "PRAGMA journal_mode") == std::vector<std::string>{"wal"});
  // Indexes exist for the usual lookups.
  const auto indexes = SqliteColumn(db, "SELECT name FROM sqlite_master WHERE type = 'index'");
  for (const char* name :
       {"documents_sha256", "stories_district", "facts_kind", "diagnostics_code"}) {
    CHECK(std::find(indexes.begin(), indexes.end(), name) != indexes.end());
  }
}

TEST_CASE("a SQLite batch smaller than the corpus commits in several transactions",
          "[sinks][sqlite]") {
  // The batch size is internal; what matters is that the result is the same
  // whether documents are committed one by one or all at once.
  TempDir dir;
  std::unique_ptr<Sink> sink;
  SinkOptions options;
  options.batch_documents = 2;
  REQUIRE(OpenSink(SinkFormat::kSqlite, (dir.path / "s.sqlite").string(), options, sink).ok());
  for (int i = 0; i < 5; ++i) {
    Json record = {{"schema", "newsie/1"},
                   {"id", "d" + std::to_string(i)},
                   {"source", {{"sha256", std::string(64, 'a' + static_cast<char>(i))}}},
                   {"stories", Json::array()},
                   {"diagnostics", Json::array()}};
    REQUIRE(sink->Write(record).ok());
  }
  REQUIRE(sink->Finish().ok());
  CHECK(SqliteCount(dir.path / "s.sqlite", "SELECT count(*) FROM documents") == 5);
}

TEST_CASE("the JSON array holds the JSONL records in order", "[sinks][json]") {
  TempDir dir;
  Extract(dir.path / "r.jsonl");
  Extract(dir.path / "r.json");
  const auto lines = Lines(ReadFile(dir.path / "r.jsonl"));
  const auto array = nlohmann::ordered_json::parse(ReadFile(dir.path / "r.json"));
  REQUIRE(array.size() == lines.size());
  for (size_t i = 0; i < lines.size(); ++i) {
    CHECK(array[i].dump(-1, ' ', false, Json::error_handler_t::replace) == lines[i]);
  }
}

TEST_CASE("CSV parses back with Python's csv module, one row per fact", "[sinks][csv]") {
  TempDir dir;
  Extract(dir.path / "r.jsonl");
  Extract(dir.path / "r.csv");
  int64_t facts = 0;
  for (const auto& line : Lines(ReadFile(dir.path / "r.jsonl"))) {
    facts += CountFacts(Json::parse(line));
  }
  REQUIRE(facts > 0);
  // Python reads it as RFC 4180; each row has every column, and its `fact`
  // column is valid JSON whose evidence text is the row's evidence.
  const std::string script = R"py(
import csv, json, sys
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    rows = list(csv.reader(f, strict=True))
header, rows = rows[0], rows[1:]
bad = 0
for r in rows:
    if len(r) != len(header):
        bad += 1
        continue
    row = dict(zip(header, r))
    fact = json.loads(row['fact'])
    ev = fact.get('evidence') if isinstance(fact, dict) else None
    if ev and ev.get('text') != row['evidence']:
        bad += 1
    if row['kind'] not in ('district', 'mayor', 'target', 'achievement', 'award'):
        bad += 1
print(len(header), len(rows), bad)
)py";
  { std::ofstream(dir.path / "check.py") << script; }
  const std::string out =
      ShellOutput("python3 " + Quote(dir.path / "check.py") + " " + Quote(dir.path / "r.csv"));
  CHECK(out == "17 " + std::to_string(facts) + " 0\n");
}

TEST_CASE("CSV fields are quoted as RFC 4180 says", "[sinks][csv]") {
  CHECK(CsvField("plain") == "plain");
  CHECK(CsvField("") == "");
  CHECK(CsvField("a,b") == "\"a,b\"");
  CHECK(CsvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(CsvField("two\nlines") == "\"two\nlines\"");
  CHECK(CsvField("관악구") == "관악구");
}

TEST_CASE("an output appears whole, with a manifest beside it", "[sinks]") {
  TempDir dir;
  const fs::path out = dir.path / "r.jsonl";
  Extract(out);
  CHECK(fs::exists(out));
  CHECK_FALSE(fs::exists(dir.path / "r.jsonl.partial"));
  const auto manifest = Lines(ReadFile(dir.path / "r.jsonl.manifest"));
  const auto lines = Lines(ReadFile(out));
  REQUIRE(manifest.size() == lines.size() + 1);
  CHECK(manifest[0] == "newsie-manifest/1 jsonl");
  // The last entry ends where the file ends.
  CHECK(manifest.back().substr(0, manifest.back().find(' ')) == std::to_string(fs::file_size(out)));
}

TEST_CASE("the format comes from --format or the extension", "[sinks]") {
  TempDir dir;
  CHECK(RunNewsie("extract corpus/en -q -o " + Quote(dir.path / "a.csv")).exit_code == 0);
  CHECK(ReadFile(dir.path / "a.csv").rfind("document_id,story,", 0) == 0);
  CHECK(RunNewsie("extract corpus/en -q --format csv -o " + Quote(dir.path / "b.out")).exit_code ==
        0);
  CHECK(ReadFile(dir.path / "b.out") == ReadFile(dir.path / "a.csv"));
  CHECK(RunNewsie("extract corpus/en -q --format csv").out == ReadFile(dir.path / "a.csv"));
  CHECK(RunNewsie("extract corpus/en -q -o " + Quote(dir.path / "c.db")).exit_code == 0);
  CHECK(SqliteCount(dir.path / "c.db", "SELECT count(*) FROM documents") > 0);
  CHECK(RunNewsie("extract corpus/en -q -o " + Quote(dir.path / "x.unknown")).exit_code == 2);
  CHECK(RunNewsie("extract corpus/en -q --format sqlite").exit_code == 2);
}

}  // namespace
}  // namespace newsie
