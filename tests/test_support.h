// Helpers shared by tests: paths into the source tree, running the newsie
// binary, and running a Document through the pipeline.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/pipeline.h"

namespace newsie::testing {

std::filesystem::path SourceDir();
std::string ReadFile(const std::filesystem::path& path);
// The text articles (.txt) of corpus/ (all its folders) and of the seeds
// beside the project, sorted: what the tests comparing a fast path with a
// slow one run over.
std::vector<std::filesystem::path> CorpusAndSeedTexts();

// The pipeline built once for all tests (lexicons from the source tree).
const Pipeline& SharedPipeline();

// Runs `bytes` through the whole pipeline as a text document.
Document Process(std::string bytes, std::string id = "test.txt",
                 std::optional<std::string> ref_date = std::nullopt);

struct CommandResult {
  int exit_code = -1;
  std::string out;  // standard output
  std::string err;  // standard error
};
// Runs build/newsie with `args` (a shell-quoted string), stdin from `input`.
CommandResult RunNewsie(const std::string& args, const std::string& input = "");

// `utf8` re-encoded with an ICU converter (UTF-16LE, EUC-KR, ...): the
// bytes of a document in another encoding.
std::string Encode(const std::string& utf8, const char* encoding);

// One JSON value per non-empty line (records, error lines).
std::vector<nlohmann::json> JsonLines(const std::string& text);

// A scratch folder, removed (whatever modes a test gave its entries) at the
// end of the test.
struct TempDir {
  std::filesystem::path path;
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  // Writes `bytes` to `name` under the folder, creating subfolders.
  std::filesystem::path Write(const std::string& name, const std::string& bytes) const;
  // `name` under the folder, single-quoted for a shell command line.
  std::string Q(const std::string& name) const;
};

// A scratch copy of lexicons/ that a test extends, as a rule author would,
// to show a rule change needs no C++ (removed at the end of the test).
struct LexiconCopy {
  TempDir scratch;
  std::filesystem::path dir;  // the copy
  LexiconCopy();
  // Appends `row` (tab-separated, without the newline) to `file` of the copy.
  void AddRow(const std::string& file, const std::string& row) const;
};

}  // namespace newsie::testing
