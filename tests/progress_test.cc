// The progress line (issue 7): on a terminal, documents done/total, MB/s,
// ETA and errors on standard error, cleared before the summary; none when
// standard error is not a terminal or with --quiet. Its total is counted by
// the reader's own walk, so it matches the items the run hands out.
#include <fcntl.h>
#include <pty.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/input.h"
#include "tests/test_support.h"

extern char** environ;

namespace newsie::testing {
namespace {

namespace fs = std::filesystem;

constexpr const char* kDoc =
    "Gangnam-gu plans to create 1,000 jobs this year, Mayor Kim said on Monday.\n";

// Every item InputReader hands out for `paths`, errors included.
int64_t ReaderItems(const std::vector<std::string>& paths, const InputOptions& options) {
  std::istringstream no_stdin;
  InputReader reader(paths, options, no_stdin);
  int64_t n = 0;
  while (reader.Next()) ++n;
  return n;
}

// Runs newsie with `args`, its standard error on a pseudo-terminal (stdout
// to /dev/null); returns what the terminal showed.
std::string RunOnTerminal(const std::vector<std::string>& args) {
  int master = -1, slave = -1;
  REQUIRE(::openpty(&master, &slave, nullptr, nullptr, nullptr) == 0);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, slave, 2);
  posix_spawn_file_actions_addclose(&actions, master);
  posix_spawn_file_actions_addclose(&actions, slave);
  std::vector<std::string> argv_strings = {NEWSIE_BINARY};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_strings) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  const int spawned = ::posix_spawn(&pid, NEWSIE_BINARY, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(slave);
  REQUIRE(spawned == 0);
  std::string shown;
  char buf[4096];
  ssize_t n;
  // Until the child's end of the terminal closes (EIO).
  while ((n = ::read(master, buf, sizeof buf)) > 0) shown.append(buf, static_cast<size_t>(n));
  ::close(master);
  int status = 0;
  ::waitpid(pid, &status, 0);
  CHECK(WIFEXITED(status));
  return shown;
}

}  // namespace

TEST_CASE("progress: the total counts what the reader hands out", "[progress]") {
  TempDir dir;
  dir.Write("in/a.txt", kDoc);
  dir.Write("in/a.meta.json", R"({"title": "A"})");  // a sidecar: not a document
  dir.Write("in/.hidden.txt", kDoc);                 // hidden: skipped
  dir.Write("in/sub/b.html", "<p>" + std::string(kDoc) + "</p>");
  dir.Write("in/sub/deeper/c.txt", kDoc);
  dir.Write("in/records.jsonl.partial", "");  // the run's own output: skipped
  fs::create_symlink(dir.path / "nowhere.txt", dir.path / "in/dangling.txt");  // an error item
  fs::create_symlink(dir.path / "in", dir.path / "in/sub/loop");               // an error item
  dir.Write("other/x.txt", kDoc);  // reached through a symlink, which the walk follows
  dir.Write("other/y.txt", kDoc);
  fs::create_directory_symlink(dir.path / "other", dir.path / "in/linked");
  dir.Write("single.txt", kDoc);

  InputOptions options;
  options.skip_files = {(dir.path / "in/records.jsonl.partial").string()};
  const std::vector<std::string> paths = {(dir.path / "in").string(),
                                          (dir.path / "single.txt").string(),
                                          (dir.path / "missing.txt").string()};
  const int64_t items = ReaderItems(paths, options);
  CHECK(items == 9);  // a, b, c, dangling, linked/x, linked/y, loop, single, missing
  CHECK(CountDocuments(paths, options) == items);

  // Records of a JSONL stream are not counted in advance.
  dir.Write("in/more.jsonl", R"({"id": "x", "text": "t"})"
                             "\n");
  CHECK_FALSE(CountDocuments(paths, options));
  CHECK_FALSE(CountDocuments({"-"}, InputOptions{}));
  // Unless --input-format says it is text like the rest.
  options.format = InputFormat::kText;
  CHECK(CountDocuments(paths, options) == ReaderItems(paths, options));
}

TEST_CASE("progress: a line on a terminal, cleared before the summary, and none elsewhere",
          "[progress]") {
  TempDir dir;
  for (int i = 0; i < 5; ++i) dir.Write("in/d" + std::to_string(i) + ".txt", kDoc);
  fs::create_symlink(dir.path / "nowhere.txt", dir.path / "in/gone.txt");  // an error
  const std::string in = (dir.path / "in").string();
  const std::string out = (dir.path / "out.jsonl").string();

  const std::string shown = RunOnTerminal({"extract", in, "-o", out});
  INFO(shown);
  // Drawn over itself with \r: done (of the total, once counted), MB/s,
  // errors so far; then blanked, and the summary written where it was.
  const std::regex line(R"(\r\d+(/6 documents \(\d+\.\d%\)| documents), \d+\.\d MB/s, )"
                        R"((ETA \d+m\d\ds, )?\d+ errors)");
  CHECK(std::regex_search(shown, line));
  const size_t summary = shown.find("newsie: 5 documents");
  REQUIRE(summary != std::string::npos);
  const size_t blank = shown.rfind("\r", summary);
  REQUIRE(blank != std::string::npos);
  CHECK(shown.substr(blank + 1, summary - blank - 1).find_first_not_of(" \r\n") ==
        std::string::npos);

  // --quiet: nothing at all on the terminal but the error line.
  const std::string quiet = RunOnTerminal({"extract", in, "-o", out, "--quiet"});
  CHECK(quiet.find("MB/s") == std::string::npos);
  CHECK(quiet.find("newsie: ") == std::string::npos);
  CHECK(quiet.find("gone.txt") != std::string::npos);

  // Not a terminal: the summary, no progress line.
  const CommandResult piped = RunNewsie("extract '" + in + "' -o '" + out + "'");
  CHECK(piped.err.find("newsie: 5 documents") != std::string::npos);
  CHECK(piped.err.find('\r') == std::string::npos);
}

}  // namespace newsie::testing
