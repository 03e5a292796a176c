#include "pipeline/government.h"

#include <functional>
#include <map>

namespace newsie {

std::vector<Government> ReadGovernments(const LexiconDir& dir) {
  const auto rows = dir.ReadTsv("districts.tsv");
  std::vector<Government> governments;
  governments.reserve(rows.size());
  for (const auto& row : rows) {
    Government g;
    g.code = row.Get("code");
    g.level = row.Get("level");
    g.name_ko = row.Get("name_ko");
    g.name_en = row.Get("name_en");
    g.region_ko = row.Get("region_ko");
    g.region_en = row.Get("region_en");
    g.variants = row.List("variants");
    if (g.code.size() != 5 || (g.level != "metro" && g.level != "basic") || g.name_ko.empty())
      throw LexiconError(row.Where() + ": bad government row");
    governments.push_back(std::move(g));
  }
  std::map<std::string, std::string, std::less<>> region_code_by_name;
  for (const auto& g : governments) {
    if (g.level == "metro") region_code_by_name[g.name_ko] = g.code;
  }
  for (auto& g : governments) {
    const auto it = region_code_by_name.find(g.region_ko);
    if (it == region_code_by_name.end())
      throw LexiconError("districts.tsv: no metro row for region " + g.region_ko);
    g.region_code = it->second;
  }
  return governments;
}

}  // namespace newsie
