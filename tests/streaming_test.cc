// Streaming: `newsie extract --input-format jsonl -` as a filter. Under GNU
// parallel (--pipe, the way Hadoop Streaming and Spark's pipe() use it) the
// merged output equals one process's output; a record comes out as soon as
// it is done, before standard input ends.
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/batch_test_support.h"
#include "tests/test_support.h"

namespace newsie {
namespace {

namespace fs = std::filesystem;
using testing::Lines;
using testing::Quote;
using testing::ReadFile;
using testing::Shell;
using testing::TempDir;

// A JSONL input: the team's two batches and 400 generated records.
fs::path StreamInput(const TempDir& dir) {
  const fs::path input = dir.path / "input.jsonl";
  const auto generated = testing::GeneratedCorpus(400, 5, /*jsonl=*/true);
  REQUIRE(Shell("cat corpus/batch/en-batch.jsonl corpus/batch/ko-batch.jsonl " + Quote(generated) +
                " > " + Quote(input)) == 0);
  return input;
}

// Records without source.path: for a record read from standard input it is
// "-:LINE", and GNU parallel hands each worker its own numbering.
std::vector<std::string> WithoutPath(const std::string& jsonl) {
  std::vector<std::string> out;
  for (const auto& line : Lines(jsonl)) {
    auto record = nlohmann::ordered_json::parse(line);
    record["source"].erase("path");
    out.push_back(record.dump());
  }
  return out;
}

TEST_CASE("GNU parallel --pipe -j2 gives the single-process output", "[streaming][parallel]") {
  if (Shell("command -v parallel >/dev/null") != 0) {
    WARN("GNU parallel is not installed (tools/setup installs it); skipped");
    return;
  }
  TempDir dir;
  const fs::path input = StreamInput(dir);
  const std::string newsie = std::string("'") + NEWSIE_BINARY + "'";
  REQUIRE(Shell(newsie + " extract --input-format jsonl --quiet - < " + Quote(input) + " > " +
                Quote(dir.path / "single.jsonl")) == 0);
  // Small blocks, so that each worker gets many chunks.
  REQUIRE(Shell("parallel --will-cite --pipe -j2 --keep-order --block 40k " + newsie +
                " extract --input-format jsonl --quiet - < " + Quote(input) + " > " +
                Quote(dir.path / "parallel.jsonl") + " 2>" + Quote(dir.path / "err")) == 0);
  const auto single = ReadFile(dir.path / "single.jsonl");
  const auto merged = ReadFile(dir.path / "parallel.jsonl");
  REQUIRE(Lines(single).size() == Lines(ReadFile(input)).size());
  CHECK(Lines(merged).size() == Lines(single).size());
  CHECK(WithoutPath(merged) == WithoutPath(single));
}

TEST_CASE("a streamed record is written before standard input ends", "[streaming]") {
  TempDir dir;
  const auto first_line = Lines(ReadFile(testing::SourceDir() / "corpus/batch/en-batch.jsonl"))[0];
  int to_child[2], from_child[2];
  REQUIRE(::pipe(to_child) == 0);
  REQUIRE(::pipe(from_child) == 0);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(to_child[0], 0);
    ::dup2(from_child[1], 1);
    ::close(to_child[1]);
    ::close(from_child[0]);
    std::freopen("/dev/null", "w", stderr);
    ::execl(NEWSIE_BINARY, NEWSIE_BINARY, "extract", "--input-format", "jsonl", "--quiet", "--jobs",
            "2", "-", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(to_child[0]);
  ::close(from_child[1]);
  const std::string line = first_line + "\n";
  REQUIRE(::write(to_child[1], line.data(), line.size()) == static_cast<ssize_t>(line.size()));
  // Standard input stays open: the record must come out anyway.
  pollfd fd{from_child[0], POLLIN, 0};
  const int ready = ::poll(&fd, 1, 30000);
  std::string out;
  if (ready == 1) {
    char buf[1 << 16];
    while (out.find('\n') == std::string::npos) {
      const ssize_t n = ::read(from_child[0], buf, sizeof buf);
      if (n <= 0) break;
      out.append(buf, static_cast<size_t>(n));
    }
  }
  ::close(to_child[1]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ::close(from_child[0]);
  REQUIRE(ready == 1);
  CHECK(nlohmann::json::parse(out.substr(0, out.find('\n')))["id"] == "batch/en-001");
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}

TEST_CASE("CSV streams to standard output too", "[streaming][csv]") {
  const auto result = testing::RunNewsie("extract --input-format jsonl --format csv --quiet -",
                                         ReadFile("corpus/batch/en-batch.jsonl"));
  CHECK(result.exit_code == 0);
  CHECK(result.out.rfind("document_id,", 0) == 0);
  CHECK(result.out.find("batch/en-001,0,") != std::string::npos);
}

}  // namespace
}  // namespace newsie
