#include "cli/golden_diff.h"

#include <algorithm>
#include <cstdlib>

namespace newsie::cli {
namespace {

using nlohmann::json;

const char* const kFactKinds[] = {"targets", "achievements", "awards"};

// The fields that say which fact it is (as opposed to details about it): a
// pair must agree on at least one of them.
const std::vector<std::string>& IdentityFields(const std::string& kind) {
  static const std::map<std::string, std::vector<std::string>> fields = {
      {"targets", {"metric", "value"}},
      {"achievements", {"actual", "target", "rate_pct"}},
      {"awards", {"name", "grade", "year"}},
  };
  return fields.at(kind);
}

int Agreement(const json& a, const json& b) {
  int same = 0;
  for (const auto& [key, value] : a.items()) {
    if (key != "evidence" && b.contains(key) && b[key] == value) ++same;
  }
  return same;
}

bool Identifies(const std::string& kind, const json& a, const json& b) {
  for (const auto& field : IdentityFields(kind)) {
    if (a.contains(field) && !a[field].is_null() && b.contains(field) && a[field] == b[field]) {
      return true;
    }
  }
  return false;
}

int64_t SpanDistance(const json& a, const json& b) {
  try {
    return std::llabs(a["evidence"]["span"][0].get<int64_t>() -
                      b["evidence"]["span"][0].get<int64_t>());
  } catch (const json::exception&) {
    return 0;
  }
}

std::string EvidenceOf(const json& fact) {
  if (fact.contains("evidence") && fact["evidence"].is_object()) {
    return fact["evidence"].value("text", "");
  }
  return "";
}

void DiffFields(const std::string& doc, const std::string& path, const json& expected,
                const json& actual, std::vector<FieldDiff>& diffs) {
  std::vector<std::string> keys;
  for (const auto& [key, _] : expected.items()) keys.push_back(key);
  for (const auto& [key, _] : actual.items()) {
    if (!expected.contains(key)) keys.push_back(key);
  }
  for (const auto& key : keys) {
    const json e = expected.value(key, json());
    const json a = actual.value(key, json());
    if (e == a) continue;
    if (e.is_object() && a.is_object()) {
      DiffFields(doc, path + "/" + key, e, a, diffs);
    } else {
      diffs.push_back({doc, path + "/" + key, "changed", e, a, EvidenceOf(actual)});
    }
  }
}

void CompareFacts(const std::string& doc, const std::string& story_path, const std::string& kind,
                  const json& expected, const json& actual, std::vector<FieldDiff>& diffs,
                  Score& score) {
  const size_t ne = expected.size(), na = actual.size();
  std::vector<int> pair_of_expected(ne, -1);
  std::vector<bool> actual_taken(na, false);
  // Greedy: the best-agreeing pairs first, so a near-duplicate fact does not
  // steal a partner from an exact one.
  struct Candidate {
    int agreement;
    int64_t distance;
    size_t e, a;
  };
  std::vector<Candidate> candidates;
  for (size_t e = 0; e < ne; ++e) {
    for (size_t a = 0; a < na; ++a) {
      if (Identifies(kind, expected[e], actual[a])) {
        candidates.push_back(
            {Agreement(expected[e], actual[a]), SpanDistance(expected[e], actual[a]), e, a});
      }
    }
  }
  std::stable_sort(candidates.begin(), candidates.end(), [](const auto& x, const auto& y) {
    return x.agreement != y.agreement ? x.agreement > y.agreement : x.distance < y.distance;
  });
  for (const auto& c : candidates) {
    if (pair_of_expected[c.e] >= 0 || actual_taken[c.a]) continue;
    pair_of_expected[c.e] = static_cast<int>(c.a);
    actual_taken[c.a] = true;
  }
  for (size_t e = 0; e < ne; ++e) {
    if (pair_of_expected[e] < 0) {
      ++score.fn;
      diffs.push_back({doc, story_path + "/" + kind + "/-", "missing", expected[e], nullptr,
                       EvidenceOf(expected[e])});
      continue;
    }
    const size_t a = static_cast<size_t>(pair_of_expected[e]);
    if (expected[e] == actual[a]) {
      ++score.tp;
    } else {
      ++score.fp;
      ++score.fn;
      DiffFields(doc, story_path + "/" + kind + "/" + std::to_string(a), expected[e], actual[a],
                 diffs);
    }
  }
  for (size_t a = 0; a < na; ++a) {
    if (actual_taken[a]) continue;
    ++score.fp;
    diffs.push_back({doc, story_path + "/" + kind + "/" + std::to_string(a), "extra", nullptr,
                     actual[a], EvidenceOf(actual[a])});
  }
}

// district and mayor: one per story, null when absent.
void CompareSingle(const std::string& doc, const std::string& path, const json& expected,
                   const json& actual, std::vector<FieldDiff>& diffs, Score& score) {
  if (expected == actual) {
    if (!expected.is_null()) ++score.tp;
    return;
  }
  if (!expected.is_null()) ++score.fn;
  if (!actual.is_null()) ++score.fp;
  if (expected.is_object() && actual.is_object()) {
    DiffFields(doc, path, expected, actual, diffs);
  } else {
    diffs.push_back({doc, path, expected.is_null() ? "extra" : "missing", expected, actual, ""});
  }
}

// Stories are paired by the overlap of their spans (a story that moved a
// little is the same story); unpaired ones are missing or extra.
std::vector<int> PairStories(const json& expected, const json& actual) {
  std::vector<int> pairs(expected.size(), -1);
  std::vector<bool> taken(actual.size(), false);
  for (size_t e = 0; e < expected.size(); ++e) {
    int64_t best = 0;
    for (size_t a = 0; a < actual.size(); ++a) {
      if (taken[a]) continue;
      const int64_t lo =
          std::max(expected[e]["span"][0].get<int64_t>(), actual[a]["span"][0].get<int64_t>());
      const int64_t hi =
          std::min(expected[e]["span"][1].get<int64_t>(), actual[a]["span"][1].get<int64_t>());
      if (hi - lo > best) {
        best = hi - lo;
        pairs[e] = static_cast<int>(a);
      }
    }
    if (pairs[e] >= 0) taken[pairs[e]] = true;
  }
  return pairs;
}

}  // namespace

json WithoutVolatile(json record) {
  // source.path says where the corpus sat on disk when it was read.
  if (record.contains("source") && record["source"].is_object()) record["source"].erase("path");
  return record;
}

void CompareRecords(const json& expected_in, const json& actual_in, std::vector<FieldDiff>& diffs,
                    Scores& scores) {
  const json expected = WithoutVolatile(expected_in);
  const json actual = WithoutVolatile(actual_in);
  const std::string doc = actual.value("id", expected.value("id", "?"));

  // Document-level fields other than stories.
  json e_top = expected, a_top = actual;
  e_top.erase("stories");
  a_top.erase("stories");
  DiffFields(doc, "", e_top, a_top, diffs);
  auto& ref = scores["ref_date"];
  if (expected["ref_date"] == actual["ref_date"]) {
    ++ref.tp;
  } else {
    ++ref.fp;
    ++ref.fn;
  }

  const json& es = expected["stories"];
  const json& as = actual["stories"];
  auto& story_score = scores["stories"];
  const auto pairs = PairStories(es, as);
  std::vector<bool> matched(as.size(), false);
  for (size_t e = 0; e < es.size(); ++e) {
    if (pairs[e] < 0) {
      ++story_score.fn;
      diffs.push_back({doc, "/stories/-", "missing", es[e], nullptr,
                       es[e].value("headline", json()).is_string()
                           ? es[e]["headline"].get<std::string>()
                           : ""});
      // Its facts are missing too.
      for (const char* kind : kFactKinds)
        scores[kind].fn += static_cast<int64_t>(es[e][kind].size());
      if (!es[e]["district"].is_null()) ++scores["district"].fn;
      if (!es[e]["mayor"].is_null()) ++scores["mayor"].fn;
      continue;
    }
    const size_t a = static_cast<size_t>(pairs[e]);
    matched[a] = true;
    ++story_score.tp;
    const json& story_e = es[e];
    const json& story_a = as[a];
    const std::string path = "/stories/" + std::to_string(a);
    json plain_e = story_e, plain_a = story_a;
    for (const char* key : {"targets", "achievements", "awards", "district", "mayor"}) {
      plain_e.erase(key);
      plain_a.erase(key);
    }
    DiffFields(doc, path, plain_e, plain_a, diffs);
    CompareSingle(doc, path + "/district", story_e["district"], story_a["district"], diffs,
                  scores["district"]);
    CompareSingle(doc, path + "/mayor", story_e["mayor"], story_a["mayor"], diffs, scores["mayor"]);
    for (const char* kind : kFactKinds) {
      CompareFacts(doc, path, kind, story_e[kind], story_a[kind], diffs, scores[kind]);
    }
  }
  for (size_t a = 0; a < as.size(); ++a) {
    if (matched[a]) continue;
    ++story_score.fp;
    diffs.push_back({doc, "/stories/" + std::to_string(a), "extra", nullptr, as[a], ""});
    for (const char* kind : kFactKinds) scores[kind].fp += static_cast<int64_t>(as[a][kind].size());
    if (!as[a]["district"].is_null()) ++scores["district"].fp;
    if (!as[a]["mayor"].is_null()) ++scores["mayor"].fp;
  }
}

}  // namespace newsie::cli
