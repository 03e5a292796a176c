#include "tests/test_support.h"

#include <stdlib.h>
#include <sys/wait.h>
#include <unicode/ucnv.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace newsie::testing {

std::filesystem::path SourceDir() { return NEWSIE_SOURCE_DIR; }

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::filesystem::path> CorpusAndSeedTexts() {
  std::vector<std::filesystem::path> files;
  for (const auto& dir : {SourceDir() / "corpus", SourceDir() / "../shared/seeds"}) {
    if (!std::filesystem::exists(dir)) continue;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
      if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

const Pipeline& SharedPipeline() {
  static const Pipeline pipeline(PipelineOptions{LexiconDir(SourceDir() / "lexicons"), {}});
  return pipeline;
}

Document Process(std::string bytes, std::string id, std::optional<std::string> ref_date) {
  Document doc;
  doc.input.id = id;
  doc.input.path = std::move(id);
  doc.input.bytes = std::move(bytes);
  if (ref_date) {
    doc.input.date = std::move(ref_date);
    doc.input.date_given = true;
  }
  const Status status = SharedPipeline().Run(doc);
  if (!status.ok()) throw std::runtime_error(status.code() + ": " + status.message());
  return doc;
}

CommandResult RunNewsie(const std::string& args, const std::string& input) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("newsie-test-" + std::to_string(::getpid()) + "-" +
                    std::to_string(reinterpret_cast<uintptr_t>(&input)));
  std::filesystem::create_directories(dir);
  { std::ofstream(dir / "stdin", std::ios::binary) << input; }
  const std::string cmd = std::string("'") + NEWSIE_BINARY + "' " + args + " <'" +
                          (dir / "stdin").string() + "' >'" + (dir / "stdout").string() + "' 2>'" +
                          (dir / "stderr").string() + "'";
  const int status = std::system(cmd.c_str());
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = ReadFile(dir / "stdout");
  result.err = ReadFile(dir / "stderr");
  std::filesystem::remove_all(dir);
  return result;
}

std::vector<nlohmann::json> JsonLines(const std::string& text) {
  std::vector<nlohmann::json> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  }
  return out;
}

TempDir::TempDir() {
  char tmpl[] = "/tmp/newsie-test-XXXXXX";
  path = ::mkdtemp(tmpl);
}

TempDir::~TempDir() {
  namespace fs = std::filesystem;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(
           path, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_symlink()) fs::permissions(it->path(), fs::perms::owner_all, ec);
  }
  fs::permissions(path, fs::perms::owner_all, ec);
  fs::remove_all(path, ec);
}

LexiconCopy::LexiconCopy() : dir(scratch.path / "lexicons") {
  std::filesystem::copy(SourceDir() / "lexicons", dir, std::filesystem::copy_options::recursive);
}

void LexiconCopy::AddRow(const std::string& file, const std::string& row) const {
  std::ofstream(dir / file, std::ios::app) << row << "\n";
}

std::filesystem::path TempDir::Write(const std::string& name, const std::string& bytes) const {
  const std::filesystem::path p = path / name;
  std::filesystem::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
  return p;
}

std::string TempDir::Q(const std::string& name) const { return "'" + (path / name).string() + "'"; }

std::string Encode(const std::string& utf8, const char* encoding) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  const int32_t n = ucnv_convert(encoding, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                                 utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  if (U_FAILURE(status))
    throw std::runtime_error(std::string("Encode to ") + encoding + ": " + u_errorName(status));
  out.resize(static_cast<size_t>(n));
  return out;
}

}  // namespace newsie::testing
