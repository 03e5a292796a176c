// Government: one of Korea's 243 local governments, as listed in
// lexicons/districts.tsv (read by ReadGovernments below, for the gazetteer,
// extractors/district/gazetteer.h, and the stories stage's roundup parts).
#pragma once

#include <string>
#include <vector>

#include "pipeline/lexicon.h"

namespace newsie {

struct Government {
  std::string code;   // 5-digit administrative code, "11620"
  std::string level;  // metro, basic
  std::string name_ko, name_en;
  std::string region_ko, region_en;  // the metropolitan government (itself for a metro row)
  std::string region_code;           // its code ("11000")
  std::vector<std::string> variants;

  // "서울특별시 관악구"; the region alone for a metropolitan government.
  std::string full_ko() const { return level == "metro" ? name_ko : region_ko + " " + name_ko; }
};

// The rows of `dir`'s districts.tsv, in file order, each with its
// region_code (the metro row whose name_ko is its region_ko). Throws
// LexiconError for a bad row or a region without a metro row.
std::vector<Government> ReadGovernments(const LexiconDir& dir);

}  // namespace newsie
