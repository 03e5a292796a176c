// --resume: a killed run, resumed, ends with the output an uninterrupted run
// writes, byte for byte; a killed run never leaves a file at OUT.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "pipeline/sinks/resumable_file.h"
#include "tests/batch_test_support.h"
#include "tests/test_support.h"

namespace newsie {
namespace {

namespace fs = std::filesystem;
using testing::Lines;
using testing::Quote;
using testing::ReadFile;
using testing::RunNewsie;
using testing::ShellOutput;
using testing::TempDir;

constexpr int kDocuments = 1500;

// Starts newsie with `args` in the background: standard input from
// `stdin_fd` (closed in the child with `close_fd`; -1: inherited), standard
// output and error to the files named (discarded by default).
pid_t Start(const std::vector<std::string>& args, int stdin_fd = -1, int close_fd = -1,
            const fs::path& out_file = "/dev/null", const fs::path& err_file = "/dev/null") {
  const pid_t pid = ::fork();
  if (pid == 0) {
    if (stdin_fd >= 0) {
      ::dup2(stdin_fd, 0);
      ::close(stdin_fd);
    }
    if (close_fd >= 0) ::close(close_fd);
    std::freopen(out_file.c_str(), "w", stdout);
    std::freopen(err_file.c_str(), "w", stderr);
    std::vector<char*> argv{const_cast<char*>(NEWSIE_BINARY)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(NEWSIE_BINARY, argv.data());
    ::_exit(127);
  }
  return pid;
}

// Polls `done` until it is true or `limit` has passed; returns its last answer.
template <typename Done>
bool WaitUntil(Done done, std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

// Manifest lines (file sinks) or committed documents (SQLite) so far.
int64_t Progress(const fs::path& out, bool sqlite) {
  std::error_code ec;
  if (sqlite) {
    const fs::path partial = out.string() + ".partial";
    if (!fs::exists(partial, ec)) return 0;
    const std::string n = ShellOutput("sqlite3 -readonly " + Quote(partial) +
                                      " 'SELECT count(*) FROM documents' 2>/dev/null");
    return n.empty() ? 0 : std::atoll(n.c_str());
  }
  return static_cast<int64_t>(Lines(ReadFile(out.string() + ".manifest")).size()) - 1;
}

// Kills a run of `args` with `sig` once `at_least` documents are done,
// checks it left no OUT, then resumes it. Returns false if the run finished
// before it could be killed (the machine was too fast for the test).
bool KillAndResume(const std::vector<std::string>& args, const fs::path& out, bool sqlite, int sig,
                   int64_t at_least) {
  const pid_t pid = Start(args);
  REQUIRE(pid > 0);
  int status = 0;
  bool finished = false;
  WaitUntil(
      [&] {
        finished = ::waitpid(pid, &status, WNOHANG) == pid;
        return finished || Progress(out, sqlite) >= at_least;
      },
      std::chrono::minutes(5));
  if (!finished) {
    ::kill(pid, sig);
    ::waitpid(pid, &status, 0);
  }
  if (finished || (WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);  // finished, not failed
    return false;
  }
  // Killed mid-way: no file at OUT, the finished part in OUT.partial.
  CHECK_FALSE(fs::exists(out));
  CHECK(fs::exists(out.string() + ".partial"));
  std::string command;
  for (const auto& a : args) command += Quote(a) + " ";
  const auto resumed = RunNewsie(command + "--resume");
  CHECK(resumed.exit_code == 0);
  return true;
}

std::string Dump(const fs::path& db) { return ShellOutput("sqlite3 " + Quote(db) + " .dump"); }

void CheckKillAndResume(const std::string& extension, int sig) {
  const auto corpus = testing::GeneratedCorpus(kDocuments, 3);
  TempDir dir;
  const bool sqlite = extension == "sqlite";
  const fs::path reference = dir.path / ("reference." + extension);
  const fs::path out = dir.path / ("out." + extension);
  const auto full = RunNewsie("extract " + Quote(corpus) + " --jobs 2 -q -o " + Quote(reference));
  REQUIRE(full.exit_code == 0);
  const std::vector<std::string> args{"extract", corpus.string(), "--jobs", "2", "-q",
                                      "-o",      out.string()};
  if (!KillAndResume(args, out, sqlite, sig, 300)) {
    WARN("the run finished before it could be killed; nothing to resume");
    return;
  }
  if (sqlite) {
    CHECK(Dump(out) == Dump(reference));
  } else {
    CHECK(ReadFile(out) == ReadFile(reference));
    CHECK(ReadFile(out.string() + ".manifest") == ReadFile(reference.string() + ".manifest"));
  }
  CHECK_FALSE(fs::exists(out.string() + ".partial"));
}

TEST_CASE("JSONL: a run killed with SIGKILL and resumed equals an uninterrupted run",
          "[resume][slow]") {
  CheckKillAndResume("jsonl", SIGKILL);
}

TEST_CASE("JSONL: a run stopped with SIGTERM and resumed equals an uninterrupted run",
          "[resume][slow]") {
  CheckKillAndResume("jsonl", SIGTERM);
}

TEST_CASE("CSV: a run killed with SIGKILL and resumed equals an uninterrupted run",
          "[resume][slow]") {
  CheckKillAndResume("csv", SIGKILL);
}

TEST_CASE("JSON array: a run stopped with SIGINT and resumed equals an uninterrupted run",
          "[resume][slow]") {
  CheckKillAndResume("json", SIGINT);
}

TEST_CASE("SQLite: a run killed with SIGKILL and resumed equals an uninterrupted run",
          "[resume][slow][sqlite]") {
  CheckKillAndResume("sqlite", SIGKILL);
}

TEST_CASE("SQLite: a run stopped with SIGTERM and resumed equals an uninterrupted run",
          "[resume][slow][sqlite]") {
  CheckKillAndResume("sqlite", SIGTERM);
}

TEST_CASE("resuming a finished output skips everything and changes nothing", "[resume]") {
  TempDir dir;
  for (const char* ext : {"jsonl", "sqlite"}) {
    const fs::path out = dir.path / (std::string("r.") + ext);
    REQUIRE(RunNewsie("extract corpus -q -o " + Quote(out)).exit_code == 0);
    const std::string before = ext == std::string("sqlite") ? Dump(out) : ReadFile(out);
    const auto again = RunNewsie("extract corpus -o " + Quote(out) + " --resume");
    CHECK(again.exit_code == 0);
    CHECK(again.err.find(" 0 documents") != std::string::npos);
    CHECK(again.err.find("skipped") != std::string::npos);
    CHECK((ext == std::string("sqlite") ? Dump(out) : ReadFile(out)) == before);
  }
}

// Found by fuzz_batch: the manifest wrote ids as JSON strings, so a file name
// that is not UTF-8 came back from it with U+FFFD in place of its bad bytes,
// --resume did not know the document again, and wrote its record twice.
TEST_CASE("a document whose file name is not UTF-8 is known again on resume", "[resume]") {
  TempDir dir;
  const fs::path in = dir.path / "in";
  fs::create_directories(in);
  std::ofstream(in / "a\xff\xfe.txt") << "Nowon-gu will create 300 jobs this year.\n";
  std::ofstream(in / "b.txt") << "Mapo-gu met its hiring goal.\n";
  for (const char* ext : {"jsonl", "csv"}) {
    const fs::path out = dir.path / (std::string("r.") + ext);
    REQUIRE(RunNewsie("extract " + Quote(in) + " -q -o " + Quote(out)).exit_code == 0);
    const std::string before = ReadFile(out);
    const auto again = RunNewsie("extract " + Quote(in) + " -o " + Quote(out) + " --resume");
    CHECK(again.exit_code == 0);
    CHECK(again.err.find(" 0 documents") != std::string::npos);
    CHECK(ReadFile(out) == before);
  }
}

TEST_CASE("an output written into the folder being read is not read back", "[resume]") {
  TempDir dir;
  const fs::path in = dir.path / "in";
  fs::create_directories(in);
  std::ofstream(in / "a.txt") << "Nowon-gu will create 300 jobs this year.\n";
  std::ofstream(in / "b.txt") << "Mapo-gu met its hiring goal.\n";
  const fs::path out = in / "records.jsonl", errors = in / "errors.jsonl";
  const std::string args =
      "extract " + Quote(in) + " -o " + Quote(out) + " --errors " + Quote(errors);
  REQUIRE(RunNewsie(args + " -q").exit_code == 0);
  const std::string before = ReadFile(out);
  CHECK(Lines(before).size() == 2);
  const auto again = RunNewsie(args + " --resume");
  CHECK(again.exit_code == 0);
  CHECK(again.err.find(" 0 documents") != std::string::npos);
  CHECK(ReadFile(out) == before);
  CHECK(ReadFile(errors).empty());
}

TEST_CASE("the manifest keeps an id exactly, UTF-8 or not", "[resume]") {
  TempDir dir;
  const std::string path = (dir.path / "r.jsonl").string();
  const std::vector<std::string> ids = {"\xed\x95\x9c/a.txt", "a\xff.txt", "\xc3(", "plain"};
  std::vector<RecordKey> restored;
  {
    ResumableFile file;
    REQUIRE(file.Open(path, "jsonl", false, restored).ok());
    for (const std::string& id : ids) {
      file.Write("{}\n");
      REQUIRE(file.EndRecord({id, std::string(64, 'a')}).ok());
    }
    REQUIRE(file.Commit().ok());
  }
  const auto manifest = Lines(ReadFile(path + ".manifest"));
  REQUIRE(manifest.size() == ids.size() + 1);
  // UTF-8 as a JSON string, as before; other bytes as the array of them.
  CHECK(manifest[1].ends_with(" \"\xed\x95\x9c/a.txt\""));
  CHECK(manifest[2].ends_with(" [97,255,46,116,120,116]"));
  ResumableFile file;
  REQUIRE(file.Open(path, "jsonl", true, restored).ok());
  REQUIRE(restored.size() == ids.size());
  for (size_t i = 0; i < ids.size(); ++i) CHECK(restored[i].id == ids[i]);
}

TEST_CASE("a record half-written when the run died is cut off on resume", "[resume]") {
  TempDir dir;
  const std::string path = (dir.path / "r.jsonl").string();
  std::vector<RecordKey> restored;
  {
    ResumableFile file;
    REQUIRE(file.Open(path, "jsonl", false, restored).ok());
    for (int i = 0; i < 3; ++i) {
      file.Write("{\"n\":" + std::to_string(i) + "}\n");
      REQUIRE(file.EndRecord({"id" + std::to_string(i), std::string(64, 'a')}).ok());
    }
    file.Write("{\"n\":3, \"torn");  // killed here: in the file, not in the manifest
  }
  {  // A torn manifest line too.
    std::ofstream(path + ".manifest", std::ios::app) << "99 abc";
  }
  CHECK_FALSE(fs::exists(path));
  {
    ResumableFile file;
    REQUIRE(file.Open(path, "jsonl", true, restored).ok());
    REQUIRE(restored.size() == 3);
    CHECK(restored[2].id == "id2");
    file.Write("{\"n\":3}\n");
    REQUIRE(file.EndRecord({"id3", std::string(64, 'b')}).ok());
    REQUIRE(file.Commit().ok());
  }
  CHECK(ReadFile(path) == "{\"n\":0}\n{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n");
  CHECK(Lines(ReadFile(path + ".manifest")).size() == 5);
  // A manifest of another format is refused.
  ResumableFile other;
  CHECK(other.Open(path, "csv", true, restored).code() == "cannot-resume");
}

// The end offset of the last record OUT.manifest lists (0 for none).
uint64_t LastListedEnd(const std::string& path) {
  const auto lines = Lines(ReadFile(ResumableFile::ManifestPath(path)));
  if (lines.size() < 2) return 0;
  return std::stoull(lines.back().substr(0, lines.back().find(' ')));
}

TEST_CASE("records are written in batches, never listed before they are in the file", "[resume]") {
  TempDir dir;
  const std::string path = (dir.path / "b.jsonl").string();
  const std::string partial = ResumableFile::PartialPath(path);
  const std::string record = "{\"text\":\"" + std::string(1000, 'x') + "\"}\n";
  std::vector<RecordKey> restored;
  const int records = 3 * ResumableFile::kFlushBytes / record.size();
  {
    ResumableFile file;
    REQUIRE(file.Open(path, "jsonl", false, restored).ok());
    int batches = 0;
    uint64_t listed = 0;
    for (int i = 0; i < records; ++i) {
      file.Write(record);
      REQUIRE(file.EndRecord({"id" + std::to_string(i), std::string(64, 'a')}).ok());
      // What a process killed now leaves: every listed record whole in OUT.partial.
      const uint64_t end = LastListedEnd(path);
      CHECK(end <= fs::file_size(partial));
      if (end != listed) ++batches;
      listed = end;
    }
    // Written in a few batches (by size; more if the machine is slow), not per record.
    CHECK(batches >= 2);
    CHECK(batches < records / 2);
    // Held records are not lost when the run stops without Commit
    // (interrupted, or failed): they are written as the file is closed.
    if (listed == records * record.size()) WARN("the last batch was written before the close");
  }
  CHECK(fs::file_size(partial) == records * record.size());
  CHECK(LastListedEnd(path) == records * record.size());
  {
    // A run killed after a batch reached OUT.partial but before its manifest
    // lines did: several whole records unlisted. Resume cuts them all and
    // does them again.
    std::ofstream(partial, std::ios::app | std::ios::binary) << record << record;
    ResumableFile file;
    REQUIRE(file.Open(path, "jsonl", true, restored).ok());
    CHECK(restored.size() == static_cast<size_t>(records));
    CHECK(fs::file_size(partial) == records * record.size());
    file.Write(record);
    REQUIRE(file.EndRecord({"last", std::string(64, 'b')}).ok());
    REQUIRE(file.Commit().ok());
  }
  CHECK(ReadFile(path).size() == (records + 1) * record.size());
  CHECK(LastListedEnd(path) == (records + 1) * record.size());
}

TEST_CASE("the manifest lists any id exactly, and resume reads it back", "[resume]") {
  TempDir dir;
  const std::string path = (dir.path / "ids.jsonl").string();
  // Plain paths, and ids that need escaping: quotes, backslashes, control
  // bytes, DEL, UTF-8 (each a JSON string), and bytes that are not UTF-8
  // (the array of its bytes: as a string they would become U+FFFD).
  const std::vector<std::string> ids = {"sub/doc-1.txt",  "a b~!#$%&'()*+,-./:;<=>?@[]^_`{|}.txt",
                                        "say \"hi\".txt", "back\\slash",
                                        "tab\there\n",    std::string("nul\0byte", 8),
                                        "del\x7f",        "\xea\xb0\x80.txt",
                                        "bad\xff\xfe",    ""};
  std::vector<RecordKey> restored;
  {
    ResumableFile file;
    REQUIRE(file.Open(path, "jsonl", false, restored).ok());
    for (size_t i = 0; i < ids.size(); ++i) {
      file.Write("{}\n");
      REQUIRE(file.EndRecord({ids[i], std::string(64, 'a' + i)}).ok());
    }
  }
  const auto lines = Lines(ReadFile(ResumableFile::ManifestPath(path)));
  REQUIRE(lines.size() == ids.size() + 1);
  for (size_t i = 0; i < ids.size(); ++i) {
    INFO(ids[i]);
    const std::string quoted = i == 8 ? "[98,97,100,255,254]" : nlohmann::json(ids[i]).dump();
    CHECK(lines[i + 1] ==
          std::to_string(3 * (i + 1)) + " " + std::string(64, 'a' + i) + " " + quoted);
  }
  ResumableFile file;
  REQUIRE(file.Open(path, "jsonl", true, restored).ok());
  REQUIRE(restored.size() == ids.size());
  for (size_t i = 0; i < ids.size(); ++i) CHECK(restored[i].id == ids[i]);
}

TEST_CASE("a held record is written once the flush interval has passed", "[resume]") {
  TempDir dir;
  const std::string path = (dir.path / "t.jsonl").string();
  std::vector<RecordKey> restored;
  ResumableFile file;
  REQUIRE(file.Open(path, "jsonl", false, restored).ok());
  std::this_thread::sleep_for(ResumableFile::kFlushInterval);
  file.Write("{}\n");
  REQUIRE(file.EndRecord({"a", std::string(64, 'a')}).ok());
  CHECK(ReadFile(ResumableFile::PartialPath(path)) == "{}\n");
  CHECK(LastListedEnd(path) == 3);
}

// `newsie extract --input-format jsonl - ARGS` reading a pipe the test
// holds open: the run blocks in its read of standard input once it has
// handled what was written.
struct BlockedRun {
  pid_t pid = -1;
  int stdin_write = -1;
  BlockedRun(const std::vector<std::string>& args, const std::string& input,
             const fs::path& out_file, const fs::path& err_file) {
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    std::vector<std::string> all = {"extract", "--input-format", "jsonl", "-"};
    all.insert(all.end(), args.begin(), args.end());
    pid = Start(all, fds[0], fds[1], out_file, err_file);
    ::close(fds[0]);
    stdin_write = fds[1];
    REQUIRE(::write(stdin_write, input.data(), input.size()) == static_cast<ssize_t>(input.size()));
  }
  ~BlockedRun() { ::close(stdin_write); }
  // The exit status once the process ends within `limit`; nullopt if not.
  std::optional<int> WaitFor(std::chrono::milliseconds limit) const {
    int status = 0;
    if (!WaitUntil([&] { return ::waitpid(pid, &status, WNOHANG) == pid; }, limit)) {
      return std::nullopt;
    }
    return status;
  }
};

constexpr const char* kRecord =
    R"({"id": "one", "text": "Gangnam-gu plans to create 1,000 jobs this year."})"
    "\n";

TEST_CASE("a run blocked reading standard input stops at a second SIGTERM", "[resume]") {
  TempDir dir;
  const fs::path out = dir.path / "stdout.jsonl", err = dir.path / "stderr.txt";
  BlockedRun run({"-q"}, kRecord, out, err);
  // Streaming to standard output: the record is written (and flushed) once
  // done, then the run waits for more input.
  WaitUntil([&] { return !Lines(ReadFile(out)).empty(); }, std::chrono::minutes(2));
  REQUIRE(Lines(ReadFile(out)).size() == 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  // The first signal cannot end a read that waits for a writer.
  ::kill(run.pid, SIGTERM);
  CHECK_FALSE(run.WaitFor(std::chrono::milliseconds(300)));
  // The second stops the process at once.
  ::kill(run.pid, SIGTERM);
  const auto status = run.WaitFor(std::chrono::seconds(20));
  REQUIRE(status);
  CHECK(WIFEXITED(*status));
  CHECK(WEXITSTATUS(*status) == 1);
  CHECK(ReadFile(err).find("interrupted again; stopped at once") != std::string::npos);
  CHECK(Lines(ReadFile(out)).size() == 1);  // what was written stays whole
}

TEST_CASE("a run stopped at once by a second signal is completed by --resume", "[resume]") {
  TempDir dir;
  const fs::path out = dir.path / "records.jsonl";
  {
    BlockedRun run({"-q", "-o", out.string()}, kRecord, dir.path / "stdout",
                   dir.path / "stderr.txt");
    WaitUntil([&] { return fs::exists(out.string() + ".partial"); }, std::chrono::minutes(2));
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    ::kill(run.pid, SIGTERM);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    ::kill(run.pid, SIGTERM);
    const auto status = run.WaitFor(std::chrono::seconds(20));
    REQUIRE(status);
    CHECK(WIFEXITED(*status));
    CHECK(WEXITSTATUS(*status) == 1);
  }
  CHECK_FALSE(fs::exists(out));  // never a file at OUT that looks complete
  const auto resumed =
      RunNewsie("extract --input-format jsonl - -q --resume -o " + Quote(out.string()), kRecord);
  CHECK(resumed.exit_code == 0);
  const auto whole = RunNewsie(
      "extract --input-format jsonl - -q -o " + Quote((dir.path / "whole.jsonl").string()),
      kRecord);
  REQUIRE(whole.exit_code == 0);
  CHECK(ReadFile(out) == ReadFile(dir.path / "whole.jsonl"));
}

TEST_CASE("resuming needs an output file (--resume without -o)", "[resume]") {
  CHECK(RunNewsie("extract corpus/en --resume -q").exit_code == 2);
}

}  // namespace
}  // namespace newsie
