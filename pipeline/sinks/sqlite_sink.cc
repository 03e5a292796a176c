#include "pipeline/sinks/sqlite_sink.h"

#include <sqlite3.h>

#include <cstring>
#include <filesystem>

#include "pipeline/sinks/fact_rows.h"

namespace newsie {
namespace fs = std::filesystem;
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents(
  doc INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  path TEXT,
  sha256 TEXT NOT NULL,
  bytes INTEGER,
  encoding TEXT,
  lang TEXT,
  url TEXT,
  title TEXT,
  ref_date TEXT,
  ref_basis TEXT,
  record TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS documents_sha256 ON documents(sha256);
CREATE INDEX IF NOT EXISTS documents_id ON documents(id);
CREATE TABLE IF NOT EXISTS stories(
  doc INTEGER NOT NULL REFERENCES documents(doc),
  story INTEGER NOT NULL,
  span_start INTEGER, span_end INTEGER,
  lang TEXT, headline TEXT,
  district_code TEXT, district_name_ko TEXT, district_name_en TEXT,
  region_ko TEXT, region_en TEXT, district_level TEXT,
  mayor_name_ko TEXT, mayor_name_en TEXT, mayor_title TEXT,
  PRIMARY KEY(doc, story));
CREATE INDEX IF NOT EXISTS stories_district ON stories(district_code);
CREATE TABLE IF NOT EXISTS facts(
  fact INTEGER PRIMARY KEY,
  doc INTEGER NOT NULL REFERENCES documents(doc),
  story INTEGER NOT NULL,
  kind TEXT NOT NULL, field TEXT, value, unit TEXT, year INTEGER, period TEXT,
  qualifier TEXT, evidence TEXT, span_start INTEGER, span_end INTEGER, rule TEXT,
  json TEXT NOT NULL,
  FOREIGN KEY(doc, story) REFERENCES stories(doc, story));
CREATE INDEX IF NOT EXISTS facts_kind ON facts(kind, field);
CREATE INDEX IF NOT EXISTS facts_doc ON facts(doc, story);
CREATE TABLE IF NOT EXISTS diagnostics(
  doc INTEGER NOT NULL REFERENCES documents(doc),
  level TEXT, code TEXT, message TEXT, span_start INTEGER, span_end INTEGER);
CREATE INDEX IF NOT EXISTS diagnostics_code ON diagnostics(code);
CREATE INDEX IF NOT EXISTS diagnostics_doc ON diagnostics(doc);
INSERT OR IGNORE INTO meta VALUES('schema', 'newsie/1');
INSERT OR REPLACE INTO meta VALUES('status', 'running');
)sql";

std::string Dump(const Json& json) {
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// A prepared statement, finalized with its owner.
class Statement {
 public:
  Statement() = default;
  ~Statement() { Finalize(); }
  void Finalize() {
    sqlite3_finalize(stmt_);
    stmt_ = nullptr;
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool Prepare(sqlite3* db, const char* sql) {
    return sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) == SQLITE_OK;
  }
  sqlite3_stmt* get() const { return stmt_; }

  // Binds by position (1-based), in order, then steps and resets.
  void Text(int i, std::string_view v) {
    sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void Int(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void Null(int i) { sqlite3_bind_null(stmt_, i); }
  // A JSON scalar as the matching SQLite type; objects and arrays as JSON text.
  void Value(int i, const Json& v) {
    if (v.is_null()) {
      Null(i);
    } else if (v.is_string()) {
      Text(i, v.get_ref<const std::string&>());
    } else if (v.is_number_integer()) {
      Int(i, v.get<int64_t>());
    } else if (v.is_number_float()) {
      sqlite3_bind_double(stmt_, i, v.get<double>());
    } else if (v.is_boolean()) {
      Int(i, v.get<bool>() ? 1 : 0);
    } else {
      Text(i, Dump(v));
    }
  }
  template <typename T>
  void Optional(int i, const std::optional<T>& v) {
    if (!v) {
      Null(i);
    } else if constexpr (std::is_same_v<T, std::string>) {
      Text(i, *v);
    } else {
      Int(i, *v);
    }
  }
  bool Step() {
    const int rc = sqlite3_step(stmt_);
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    return rc == SQLITE_DONE || rc == SQLITE_ROW;
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

const Json& Member(const Json& object, const char* key) {
  static const Json kNull = nullptr;
  if (!object.is_object()) return kNull;
  const auto it = object.find(key);
  return it == object.end() ? kNull : *it;
}

class SqliteSink : public Sink {
 public:
  explicit SqliteSink(const SinkOptions& options) : batch_(std::max(1, options.batch_documents)) {}

  ~SqliteSink() override {
    // Abandoned (an interrupt, an error): keep what was written, in order,
    // for --resume; OUT itself is untouched.
    if (in_transaction_) Exec("COMMIT");
    Close();
  }

  Status Open(const std::string& path, bool resume) {
    path_ = path;
    partial_ = path + ".partial";
    std::error_code ec;
    if (!resume || !fs::exists(partial_, ec)) {
      RemoveDatabase(partial_);
      if (resume && fs::exists(path, ec)) {
        // A finished output: continue a copy, so OUT stays whole until Finish.
        if (!fs::copy_file(path, partial_, ec)) {
          return Status::Error("cannot-resume",
                               "cannot copy " + path + " to " + partial_ + ": " + ec.message());
        }
      }
    }
    if (sqlite3_open(partial_.c_str(), &db_) != SQLITE_OK) {
      return Error("cannot-write", "cannot open");
    }
    sqlite3_busy_timeout(db_, 5000);
    if (!Exec("PRAGMA journal_mode=WAL") || !Exec("PRAGMA synchronous=NORMAL") || !Exec(kSchema)) {
      return Error("cannot-write", "cannot create the tables of");
    }
    if (!insert_document_.Prepare(db_, "INSERT INTO documents VALUES(?,?,?,?,?,?,?,?,?,?,?,?)") ||
        !insert_story_.Prepare(db_, "INSERT INTO stories VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)") ||
        !insert_fact_.Prepare(db_,
                              "INSERT INTO facts(doc, story, kind, field, value, unit, year, "
                              "period, qualifier, evidence, span_start, span_end, rule, json) "
                              "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)") ||
        !insert_diagnostic_.Prepare(db_, "INSERT INTO diagnostics VALUES(?,?,?,?,?,?)")) {
      return Error("cannot-write", "cannot prepare statements for");
    }
    Statement done;
    if (!done.Prepare(db_, "SELECT doc, id, sha256 FROM documents ORDER BY doc")) {
      return Error("cannot-resume", "cannot read");
    }
    while (sqlite3_step(done.get()) == SQLITE_ROW) {
      next_doc_ = sqlite3_column_int64(done.get(), 0) + 1;
      restored_.push_back({reinterpret_cast<const char*>(sqlite3_column_text(done.get(), 1)),
                           reinterpret_cast<const char*>(sqlite3_column_text(done.get(), 2))});
    }
    return {};
  }

  Status Write(const Json& record) override {
    return WriteLine(record, record.dump(-1, ' ', false, Json::error_handler_t::replace),
                     KeyOf(record));
  }

  Status WriteLine(const Json& record, std::string_view line, const RecordKey& /*key*/) override {
    if (!in_transaction_) {
      if (!Exec("BEGIN")) return Error("write-failed", "cannot begin a transaction in");
      in_transaction_ = true;
    }
    const int64_t doc = next_doc_++;
    const Json& source = Member(record, "source");
    const Json& ref_date = Member(record, "ref_date");
    Statement& d = insert_document_;
    d.Int(1, doc);
    d.Value(2, Member(record, "id"));
    d.Value(3, Member(source, "path"));
    d.Value(4, Member(source, "sha256"));
    d.Value(5, Member(source, "bytes"));
    d.Value(6, Member(source, "encoding"));
    d.Value(7, Member(source, "lang"));
    d.Value(8, Member(source, "url"));
    d.Value(9, Member(source, "title"));
    d.Value(10, Member(ref_date, "date"));
    d.Value(11, Member(ref_date, "basis"));
    d.Text(12, line);
    bool ok = d.Step();

    for (const Json& story : Member(record, "stories")) {
      const Json& span = Member(story, "span");
      const Json& district = Member(story, "district");
      const Json& mayor = Member(story, "mayor");
      Statement& s = insert_story_;
      s.Int(1, doc);
      s.Value(2, Member(story, "index"));
      s.Value(3, span.is_array() && span.size() == 2 ? span[0] : Json(nullptr));
      s.Value(4, span.is_array() && span.size() == 2 ? span[1] : Json(nullptr));
      s.Value(5, Member(story, "lang"));
      s.Value(6, Member(story, "headline"));
      s.Value(7, Member(district, "code"));
      s.Value(8, Member(district, "name_ko"));
      s.Value(9, Member(district, "name_en"));
      s.Value(10, Member(district, "region_ko"));
      s.Value(11, Member(district, "region_en"));
      s.Value(12, Member(district, "level"));
      s.Value(13, Member(mayor, "name_ko"));
      s.Value(14, Member(mayor, "name_en"));
      s.Value(15, Member(mayor, "title"));
      ok = s.Step() && ok;
    }
    for (const FactRow& row : FactRows(record)) {
      Statement& f = insert_fact_;
      f.Int(1, doc);
      f.Int(2, row.story);
      f.Text(3, row.kind);
      f.Text(4, row.field);
      f.Value(5, row.value);
      f.Optional(6, row.unit);
      f.Optional(7, row.year);
      f.Optional(8, row.period);
      f.Optional(9, row.qualifier);
      f.Optional(10, row.evidence);
      f.Optional(11, row.span_start);
      f.Optional(12, row.span_end);
      f.Optional(13, row.rule);
      f.Text(14, row.fact ? Dump(*row.fact) : "null");
      ok = f.Step() && ok;
    }
    for (const Json& diag : Member(record, "diagnostics")) {
      const Json& span = Member(diag, "span");
      Statement& g = insert_diagnostic_;
      g.Int(1, doc);
      g.Value(2, Member(diag, "level"));
      g.Value(3, Member(diag, "code"));
      g.Value(4, Member(diag, "message"));
      g.Value(5, span.is_array() && span.size() == 2 ? span[0] : Json(nullptr));
      g.Value(6, span.is_array() && span.size() == 2 ? span[1] : Json(nullptr));
      ok = g.Step() && ok;
    }
    if (!ok) return Error("write-failed", "cannot insert into");
    if (++in_batch_ >= batch_) {
      if (!Exec("COMMIT")) return Error("write-failed", "cannot commit to");
      in_transaction_ = false;
      in_batch_ = 0;
    }
    return {};
  }

  Status Finish() override {
    if (in_transaction_ && !Exec("COMMIT")) return Error("write-failed", "cannot commit to");
    in_transaction_ = false;
    if (!Exec("INSERT OR REPLACE INTO meta VALUES('status', 'complete')")) {
      return Error("write-failed", "cannot write");
    }
    // Closing checkpoints the WAL into the file and removes OUT.partial-wal,
    // so the single file can move into place.
    if (!Close()) return Status::Error("write-failed", "cannot close " + partial_);
    RemoveDatabase(path_);
    std::error_code ec;
    fs::rename(partial_, path_, ec);
    if (ec) {
      return Status::Error("write-failed", "cannot move " + partial_ + " into place at " + path_ +
                                               ": " + ec.message());
    }
    return {};
  }

 private:
  static void RemoveDatabase(const std::string& file) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(file + suffix, ec);
  }

  bool Exec(const char* sql) {
    return db_ && sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
  }

  bool Close() {
    if (!db_) return true;
    for (Statement* s : {&insert_document_, &insert_story_, &insert_fact_, &insert_diagnostic_}) {
      s->Finalize();
    }
    const bool ok = sqlite3_close(db_) == SQLITE_OK;
    db_ = nullptr;
    return ok;
  }

  // SQLite's message, and the OS reason behind it when there is one
  // ("database or disk is full (No space left on device)").
  Status Error(const char* code, const std::string& what) {
    std::string reason = db_ ? sqlite3_errmsg(db_) : "out of memory";
    if (const int os_error = db_ ? sqlite3_system_errno(db_) : 0; os_error != 0) {
      reason += std::string(" (") + std::strerror(os_error) + ")";
    }
    return Status::Error(code, what + " " + partial_ + ": " + reason);
  }

  int batch_;
  std::string path_, partial_;
  sqlite3* db_ = nullptr;
  Statement insert_document_, insert_story_, insert_fact_, insert_diagnostic_;
  bool in_transaction_ = false;
  int in_batch_ = 0;
  int64_t next_doc_ = 1;
};

}  // namespace

Status OpenSqliteSink(const std::string& path, const SinkOptions& options,
                      std::unique_ptr<Sink>& out) {
  if (path.empty() || path == "-") {
    return Status::Error("unsupported-format", "SQLite output needs a file (-o OUT.sqlite)");
  }
  // Finish removes OUT and renames OUT.partial to it: never do that to a device.
  if (IsStreamOutput(path)) {
    return Status::Error("unsupported-format",
                         "SQLite output needs a regular file; " + path + " is a device or a pipe");
  }
  auto sink = std::make_unique<SqliteSink>(options);
  Status s = sink->Open(path, options.resume);
  if (!s.ok()) return s;
  out = std::move(sink);
  return {};
}

}  // namespace newsie
