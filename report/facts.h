// The facts of a newsie/1 record as the report shows them: one entry per
// district, mayor, target, achievement and award, with a page-wide id, the
// span that is its evidence and a one-line summary of its values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "report/report.h"

namespace newsie::report {

struct FactView {
  std::string id;    // unique in the page: "d3-s0-target-1"
  std::string kind;  // district, mayor, target, achievement, award
  int story = 0;
  const Json* fact = nullptr;  // into the record
  std::optional<TextRange> span;
  std::string summary;   // "12,100 jobs in 2024 (about)"
  std::string evidence;  // the evidence text ("" for district and mayor: the span's text)
  std::string rule;      // "" for district and mayor
};

// In record order: per story, district, mayor, targets, achievements, awards.
std::vector<FactView> CollectFacts(const Json& record, int document_index);

// What a tooltip shows: kind, rule, evidence and the normalised values (the
// fact without evidence and rule).
Json FactData(const FactView& view);

}  // namespace newsie::report
