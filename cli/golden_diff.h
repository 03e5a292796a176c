// golden_diff: compares an extracted record with its golden record.
//
// Facts are matched by content, not by array position: one extra target
// must not shift every later one into a diff. Within a story, each expected
// fact is paired with the actual fact of the same kind that agrees with it
// on the most fields (ties: the nearest evidence span); a pair that agrees
// on nothing that identifies the fact is no pair. Unpaired expected facts
// are missing (false negatives), unpaired actual facts extra (false
// positives); a pair that differs in some field is both, and each differing
// field is reported with its JSON path.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace newsie::cli {

struct FieldDiff {
  std::string document;  // the record's id
  std::string path;      // JSON pointer into the actual record: /stories/1/targets/0/year
  std::string what;      // changed, missing, extra
  nlohmann::json expected;
  nlohmann::json actual;
  std::string evidence;  // the fact's evidence text, when it has one
};

struct Score {
  int64_t tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp == 0 ? 1.0 : static_cast<double>(tp) / (tp + fp); }
  double recall() const { return tp + fn == 0 ? 1.0 : static_cast<double>(tp) / (tp + fn); }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }
};

// Scores by kind: district, mayor, targets, achievements, awards, ref_date, stories.
using Scores = std::map<std::string, Score>;

// Record fields that depend on where or how the run happened, not on the
// article: dropped from golden files and ignored when comparing.
nlohmann::json WithoutVolatile(nlohmann::json record);

// Compares one document; appends differences and adds to the scores.
void CompareRecords(const nlohmann::json& expected, const nlohmann::json& actual,
                    std::vector<FieldDiff>& diffs, Scores& scores);

}  // namespace newsie::cli
