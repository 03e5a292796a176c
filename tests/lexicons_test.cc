// lexicons/: the data a rule author edits. Each file is documented where
// they look (lexicons/README.md), and reads as a table.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/lexicon.h"
#include "tests/test_support.h"

namespace newsie::testing {

TEST_CASE("lexicons: every file is documented in lexicons/README.md, and reads as a table",
          "[lexicons]") {
  namespace fs = std::filesystem;
  const fs::path dir = SourceDir() / "lexicons";
  const std::string readme = ReadFile(dir / "README.md");
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.path().extension() == ".tsv") files.push_back(entry.path());
  }
  REQUIRE(files.size() >= 20);
  const LexiconDir lexicons(dir);
  for (const fs::path& file : files) {
    const std::string relative = fs::relative(file, dir).generic_string();
    INFO(relative);
    // Named as `quantities/units.tsv` or as `units.tsv` under its folder's heading.
    CHECK((readme.find("`" + relative + "`") != std::string::npos ||
           readme.find("`" + file.filename().string() + "`") != std::string::npos));
    CHECK_NOTHROW(lexicons.ReadTsv(relative));
  }
}

}  // namespace newsie::testing
