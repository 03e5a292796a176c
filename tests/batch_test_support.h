// Helpers for the batch tests (sinks, resume, streaming): temporary folders,
// shell commands, lines, and a generated corpus shared between tests.
// Header-only, so the test target needs no new source file.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "tests/test_support.h"

namespace newsie::testing {
namespace fs = std::filesystem;

// Runs `command` with /bin/sh; returns its exit status (-1 if it did not exit).
inline int Shell(const std::string& command);
// Runs `command` and returns its standard output.
inline std::string ShellOutput(const std::string& command);

// The lines of a file or string, without their newlines.
inline std::vector<std::string> Lines(const std::string& text);

// A corpus written by tools/bench/make_corpus.py (`count` documents, `seed`),
// generated once per machine and reused: /tmp/newsie-test-corpus-SEED-COUNT.
// With `jsonl`, one JSONL file instead of a folder.
inline std::filesystem::path GeneratedCorpus(int count, int seed, bool jsonl = false);

inline std::string Quote(const std::filesystem::path& path);

// ---- implementation

inline int Shell(const std::string& command) {
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

inline std::string ShellOutput(const std::string& command) {
  std::string out;
  std::FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return out;
  std::array<char, 1 << 16> buf;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  ::pclose(pipe);
  return out;
}

inline std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return lines;
}

inline std::string Quote(const fs::path& path) { return "'" + path.string() + "'"; }

inline fs::path GeneratedCorpus(int count, int seed, bool jsonl) {
  // Keyed by the generator's text too, so a changed generator makes a new corpus.
  const fs::path generator = SourceDir() / "tools/bench/make_corpus.py";
  const size_t version = std::hash<std::string>{}(ReadFile(generator)) % 1000000;
  const fs::path target =
      fs::temp_directory_path() /
      ("newsie-test-corpus-" + std::to_string(seed) + "-" + std::to_string(count) + "-" +
       std::to_string(version) + (jsonl ? ".jsonl" : ""));
  if (fs::exists(target)) return target;
  // Written beside the target and renamed, so tests running in parallel
  // never see half a corpus.
  const fs::path temp = target.string() + ".tmp-" + std::to_string(::getpid());
  const std::string command = "python3 " + Quote(generator) + " --out " + Quote(temp) +
                              " --count " + std::to_string(count) + " --seed " +
                              std::to_string(seed) + (jsonl ? " --jsonl" : "") + " 2>/dev/null";
  if (Shell(command) != 0) throw std::runtime_error("make_corpus.py failed: " + command);
  std::error_code ec;
  fs::rename(temp, target, ec);
  if (ec) fs::remove_all(temp, ec);  // another test got there first
  return target;
}

}  // namespace newsie::testing
