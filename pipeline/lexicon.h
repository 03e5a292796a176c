// Lexicon files: the data rules are written in (lexicons/*.tsv).
//
// Format, shared by every lexicon: UTF-8, one record per line, fields
// separated by tabs; blank lines and lines starting with `#` are ignored; the
// first non-comment line is the header naming the columns. A list inside a
// field is `|`-separated. Readers address fields by column name, so a rule
// author may add columns without breaking anything.
#pragma once

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace newsie {

// Thrown at start-up only (never while processing documents) when a lexicon
// is missing or malformed; the message names the file and line.
class LexiconError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct LexiconRow {
  std::string file;  // for messages and `inspect`: "boilerplate.tsv"
  int line = 0;
  std::map<std::string, std::string, std::less<>> fields;

  // The field, or "" when the column is absent or empty.
  const std::string& Get(std::string_view column) const;
  // The field split on '|', empty items dropped.
  std::vector<std::string> List(std::string_view column) const;
  // "boilerplate.tsv:12"
  std::string Where() const;
};

class LexiconDir {
 public:
  // `dir` is the lexicons folder: --lexicons, else $NEWSIE_LEXICONS, else the
  // source tree's lexicons/ compiled in.
  explicit LexiconDir(std::filesystem::path dir) : dir_(std::move(dir)) {}
  static LexiconDir Default();

  const std::filesystem::path& path() const { return dir_; }

  // Reads `name` (relative to the folder). Throws LexiconError naming the
  // file when it is missing, or a row has more fields than the header.
  std::vector<LexiconRow> ReadTsv(std::string_view name) const;

 private:
  std::filesystem::path dir_;
};

}  // namespace newsie
