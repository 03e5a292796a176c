#include "pipeline/boilerplate_rules.h"

#include <re2/filtered_re2.h>
#include <utf8proc.h>

#include <algorithm>

#include "pipeline/rare_byte_search.h"

namespace newsie {
namespace {

// True when no character of `s` has another case. FilteredRE2 lowercases
// its atoms (ASCII and the rest of Unicode alike), so only a caseless atom
// is sure to be found in a line as the line is written: `무단` or `[사진`,
// not `ai` (the line may say `AI`) nor `αθηνα` (`ΑΘΗΝΑ`).
bool Caseless(std::string_view s) {
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  auto left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t c = 0;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &c);
    if (n <= 0 || utf8proc_tolower(c) != c || utf8proc_toupper(c) != c) return false;
    p += n;
    left -= n;
  }
  return true;
}

// Literals of which every match of `pattern` contains at least one, searched
// as they are (only caseless atoms are used: see Caseless); empty if none is
// known. One necessary literal (the longest)
// is preferred to a list of alternatives.
std::vector<std::string> GateOf(const std::string& pattern) {
  re2::FilteredRE2 filter(/*min_atom_len=*/2);
  int id = 0;
  if (filter.Add(pattern, RE2::Options(), &id) != RE2::NoError) return {};
  std::vector<std::string> atoms;
  filter.Compile(&atoms);
  if (atoms.empty()) return {};
  // Whether the pattern is ruled out when only `present` atoms are found.
  auto ruled_out = [&](const std::vector<int>& present) {
    std::vector<int> potentials;
    filter.AllPotentials(present, &potentials);
    return potentials.empty();
  };
  std::string best;
  for (size_t a = 0; a < atoms.size(); ++a) {
    if (!Caseless(atoms[a]) || atoms[a].size() <= best.size()) continue;
    std::vector<int> others;
    for (size_t b = 0; b < atoms.size(); ++b) {
      if (b != a) others.push_back(static_cast<int>(b));
    }
    if (ruled_out(others)) best = atoms[a];
  }
  if (!best.empty()) return {best};
  if (!std::all_of(atoms.begin(), atoms.end(), Caseless) || !ruled_out({})) return {};
  return atoms;
}

}  // namespace

BoilerplatePatterns::BoilerplatePatterns()
    : anchored_(RE2::Options(), RE2::ANCHOR_START), floating_(RE2::Options(), RE2::ANCHOR_START) {}

bool BoilerplatePatterns::IsFloating(std::string_view pattern) {
  static const RE2 floating(R"(\(\?:(?:\[(?:\\.|[^\]\\])*\]\?)?\.\*.*)");
  static const RE2 bare(R"((?:\[(?:\\.|[^\]\\])*\]\?)?\.\*.*)");
  const re2::StringPiece piece(pattern.data(), pattern.size());
  return RE2::FullMatch(piece, floating) || RE2::FullMatch(piece, bare);
}

int BoilerplatePatterns::Add(const std::string& pattern, std::string* error) {
  const bool is_floating = IsFloating(pattern);
  RE2::Set& set = is_floating ? floating_ : anchored_;
  if (set.Add(pattern, error) < 0) return -1;
  (is_floating ? floating_index_ : anchored_index_).push_back(size_);
  if (is_floating) floating_patterns_.push_back(pattern);
  return size_++;
}

bool BoilerplatePatterns::Compile() {
  for (const std::string& pattern : floating_patterns_) {
    const std::vector<std::string> gate = GateOf(pattern);
    if (gate.empty()) always_floating_ = true;
    gates_.insert(gates_.end(), gate.begin(), gate.end());
  }
  std::sort(gates_.begin(), gates_.end());
  gates_.erase(std::unique(gates_.begin(), gates_.end()), gates_.end());
  for (const std::string& gate : gates_) gate_keys_.push_back(RarestByte(gate));
  // An empty set does not compile: compile only what has rows.
  return (anchored_index_.empty() || anchored_.Compile()) &&
         (floating_index_.empty() || floating_.Compile());
}

bool BoilerplatePatterns::FloatingMayMatch(std::string_view text) const {
  if (floating_index_.empty()) return false;
  if (always_floating_) return true;
  for (size_t g = 0; g < gates_.size(); ++g) {
    if (ContainsByByte(text, gates_[g], gate_keys_[g])) return true;
  }
  return false;
}

bool BoilerplatePatterns::Match(std::string_view text) const {
  const re2::StringPiece piece(text.data(), text.size());
  return (!anchored_index_.empty() && anchored_.Match(piece, nullptr)) ||
         (FloatingMayMatch(text) && floating_.Match(piece, nullptr));
}

bool BoilerplatePatterns::Match(std::string_view text, std::vector<int>& hits) const {
  const re2::StringPiece piece(text.data(), text.size());
  hits.clear();
  thread_local std::vector<int> part;
  if (!anchored_index_.empty() && anchored_.Match(piece, &part)) {
    for (int h : part) hits.push_back(anchored_index_[static_cast<size_t>(h)]);
  }
  if (FloatingMayMatch(text) && floating_.Match(piece, &part)) {
    for (int h : part) hits.push_back(floating_index_[static_cast<size_t>(h)]);
  }
  return !hits.empty();
}

}  // namespace newsie
