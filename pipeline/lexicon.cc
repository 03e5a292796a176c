#include "pipeline/lexicon.h"

#include <cstdlib>
#include <fstream>

namespace newsie {
namespace {

std::vector<std::string> SplitOn(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const size_t at = s.find(sep, start);
    out.emplace_back(s.substr(start, at == std::string_view::npos ? s.npos : at - start));
    if (at == std::string_view::npos) return out;
    start = at + 1;
  }
}

}  // namespace

const std::string& LexiconRow::Get(std::string_view column) const {
  static const std::string kEmpty;
  const auto it = fields.find(column);
  return it == fields.end() ? kEmpty : it->second;
}

std::vector<std::string> LexiconRow::List(std::string_view column) const {
  std::vector<std::string> out;
  for (auto& item : SplitOn(Get(column), '|')) {
    if (!item.empty()) out.push_back(std::move(item));
  }
  return out;
}

std::string LexiconRow::Where() const { return file + ":" + std::to_string(line); }

LexiconDir LexiconDir::Default() {
  if (const char* env = std::getenv("NEWSIE_LEXICONS"); env && *env) return LexiconDir(env);
  return LexiconDir(NEWSIE_LEXICON_DIR);
}

std::vector<LexiconRow> LexiconDir::ReadTsv(std::string_view name) const {
  const auto file = dir_ / name;
  std::ifstream in(file, std::ios::binary);
  if (!in) throw LexiconError("cannot read lexicon " + file.string());
  std::vector<std::string> header;
  std::vector<LexiconRow> rows;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    auto cells = SplitOn(line, '\t');
    if (header.empty()) {
      header = std::move(cells);
      continue;
    }
    if (cells.size() > header.size()) {
      throw LexiconError(file.string() + ":" + std::to_string(number) + ": " +
                         std::to_string(cells.size()) + " fields, the header names " +
                         std::to_string(header.size()));
    }
    LexiconRow row{std::string(name), number, {}};
    for (size_t i = 0; i < cells.size(); ++i) row.fields[header[i]] = std::move(cells[i]);
    rows.push_back(std::move(row));
  }
  if (header.empty()) throw LexiconError(file.string() + ": no header line");
  return rows;
}

}  // namespace newsie
