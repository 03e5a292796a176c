// Facts: what the extractors find in a story (CONTRACT "One document").
//
// Every fact carries its evidence as a Span of the decoded original and the
// id of the rule that produced it. Values are already normalised (numbers via
// the quantities stage, years resolved against the reference date).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "pipeline/number.h"
#include "pipeline/span.h"

namespace newsie {

struct Government;  // pipeline/government.h

struct DistrictFact {
  const Government* government = nullptr;  // owned by the gazetteer, lives for the run
  Span span;
  std::string rule;
};

struct MayorFact {
  std::optional<std::string> name_ko;
  std::optional<std::string> name_en;
  std::string title;  // as printed: 구청장, 시장, 군수, Mayor, ...
  Span span;          // the name as it stands in the text
  std::string rule;
};

struct Period {
  int from = 0;
  int to = 0;
};

struct TargetFact {
  std::string metric;  // jobs, public_jobs, employment_rate, employment_linkage_rate, other
  Number value;
  std::string unit;  // jobs, percent
  std::optional<int> year;
  std::optional<Period> period;
  std::optional<std::string> qualifier;  // about, more_than, at_least, up_to
  std::optional<std::string> scope;      // e.g. "15-64"
  std::optional<Number> revised_from;
  Span evidence;
  std::string rule;
};

struct AchievementFact {
  std::optional<int> year;
  std::optional<Number> actual;
  std::optional<Number> target;
  std::optional<Number> rate_pct;
  std::optional<std::string> qualifier;
  std::vector<std::string> derived;  // fields computed rather than read
  std::optional<bool> consistent;    // null when fewer than three are known
  Span evidence;
  std::string rule;
};

struct AwardFact {
  std::optional<std::string> name;
  std::optional<std::string> name_ko;
  std::optional<int> year;
  std::optional<std::string> grade;  // grand, top_excellence, excellence, special, ...
  std::optional<std::string> grade_text;
  std::optional<std::string> category;  // public_disclosure, excellent_project
  std::optional<int> streak_years;
  std::optional<Number> prize_krw;
  std::optional<std::string> organizer;
  Span evidence;
  std::string rule;
};

}  // namespace newsie
