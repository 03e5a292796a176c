// FactRows: a newsie/1 record flattened to one row per fact, for the tabular
// sinks (CSV, the SQLite `facts` table).
//
// A fact is a story's district, its mayor, and each target, achievement and
// award; so a record has as many rows as the facts its stories hold.
//
//   kind         field                   value                       unit
//   district     code                    the 5-digit code            -
//   mayor        name                    name_ko, else name_en        -
//   target       the metric              the target value             jobs/percent
//   achievement  actual|rate_pct|target  the first of those known     jobs/percent
//   award        the grade (or "award")  name, else name_ko           -
//
// `fact` keeps the whole fact object, so nothing is lost by flattening.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/record.h"

namespace newsie {

struct FactRow {
  int story = 0;
  std::string kind;
  std::string field;
  Json value;  // string, number or null
  std::optional<std::string> unit;
  std::optional<int64_t> year;
  std::optional<std::string> period;  // "2022-2026" for a multi-year target
  std::optional<std::string> qualifier;
  std::optional<std::string> evidence;  // text; district and mayor carry only a span
  std::optional<int64_t> span_start, span_end;
  std::optional<std::string> rule;
  const Json* fact = nullptr;        // points into the record
  const Json* story_json = nullptr;  // the story holding the fact, in the record
};

// The rows of `record`, story by story, in the order listed above.
std::vector<FactRow> FactRows(const Json& record);

// Facts in a record (the number of FactRows), for summaries and tests.
int64_t CountFacts(const Json& record);

}  // namespace newsie
