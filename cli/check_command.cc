// newsie check: extracts every corpus document, compares it with its golden
// record, prints each difference and a score table per kind of fact.
#include <fnmatch.h>

#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <set>
#include <sstream>
#include <thread>

#include "cli/commands.h"
#include "cli/golden_diff.h"
#include "cli/options.h"
#include "pipeline/input.h"
#include "pipeline/pipeline.h"
#include "pipeline/runner.h"

namespace newsie::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr const char* kUsage =
    "usage: newsie check [--corpus DIR] [--golden DIR] [--bless] [--explain] [--only GLOB]\n"
    "                    [--format text|json]\n"
    "\n"
    "Extracts every document under --corpus (default corpus/) and compares it with\n"
    "its golden record (--golden, default golden/: the document's id plus .json).\n"
    "Prints each difference with its JSON path, expected and actual values and the\n"
    "evidence, then true/false positives, false negatives, precision, recall and F1\n"
    "per kind. Facts are matched by content, not position. Exit 0 when everything\n"
    "matches, 1 otherwise. --bless rewrites the golden records from the current\n"
    "output and prints what changed.\n";

// Collects records in input order instead of writing them.
class CollectingSink : public Sink {
 public:
  Status Write(const Json& record) override {
    records.push_back(json::parse(record.dump()));
    return {};
  }
  Status Finish() override { return {}; }
  std::vector<json> records;
};

fs::path GoldenPath(const fs::path& golden_dir, const std::string& id) {
  return golden_dir / (id + ".json");
}

// Golden records are pretty-printed with sorted keys so review diffs read well.
std::string GoldenText(const json& record) {
  return WithoutVolatile(record).dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string Short(const json& value) {
  std::string s = value.dump(-1, ' ', false, json::error_handler_t::replace);
  if (s.size() > 200) s = s.substr(0, 200) + "...";
  return s;
}

// Golden files that no corpus document produced (the article was removed or renamed).
std::vector<std::string> OrphanGoldens(const fs::path& golden_dir,
                                       const std::set<std::string>& ids) {
  std::vector<std::string> orphans;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(golden_dir, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const auto rel = fs::relative(it->path(), golden_dir).generic_string();
    // golden/intended/ holds the human reading of each article, not records.
    if (rel == "intended" && it->is_directory()) {
      it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file() || it->path().extension() != ".json") continue;
    const std::string id = rel.substr(0, rel.size() - 5);
    if (!ids.count(id)) orphans.push_back(rel);
  }
  std::sort(orphans.begin(), orphans.end());
  return orphans;
}

void PrintScores(const Scores& scores, std::ostream& out) {
  out << "\n"
      << std::left << std::setw(14) << "kind" << std::right << std::setw(6) << "tp" << std::setw(6)
      << "fp" << std::setw(6) << "fn" << std::setw(11) << "precision" << std::setw(8) << "recall"
      << std::setw(7) << "F1"
      << "\n";
  for (const char* kind :
       {"stories", "ref_date", "district", "mayor", "targets", "achievements", "awards"}) {
    const auto it = scores.find(kind);
    const Score s = it == scores.end() ? Score{} : it->second;
    out << std::left << std::setw(14) << kind << std::right << std::setw(6) << s.tp << std::setw(6)
        << s.fp << std::setw(6) << s.fn << std::fixed << std::setprecision(3) << std::setw(11)
        << s.precision() << std::setw(8) << s.recall() << std::setw(7) << s.f1() << "\n";
  }
}

json ScoresJson(const Scores& scores) {
  json out = json::object();
  for (const auto& [kind, s] : scores) {
    out[kind] = {{"tp", s.tp},           {"fp", s.fp},  {"fn", s.fn}, {"precision", s.precision()},
                 {"recall", s.recall()}, {"f1", s.f1()}};
  }
  return out;
}

void Explain(const json& record, std::ostream& out) {
  const std::string id = record["id"];
  for (const auto& story : record["stories"]) {
    for (const char* kind : {"targets", "achievements", "awards"}) {
      for (const auto& fact : story[kind]) {
        out << id << " story " << story["index"] << " " << kind << " "
            << fact["rule"].get<std::string>() << ": \""
            << fact["evidence"]["text"].get<std::string>() << "\" "
            << fact["evidence"]["span"].dump() << "\n";
      }
    }
  }
}

}  // namespace

int CheckCommand(const std::vector<std::string>& args) {
  po::options_description visible("options");
  visible.add_options()("help,h", "show this help")                                       //
      ("corpus", po::value<std::string>()->default_value("corpus"), "the corpus folder")  //
      ("golden", po::value<std::string>()->default_value("golden"), "the golden folder")  //
      ("bless", "rewrite the golden records from the current output")                     //
      ("explain", "show every fact's rule id and evidence")                               //
      ("only", po::value<std::string>(), "only documents whose id matches this glob")     //
      ("format", po::value<std::string>()->default_value("text"), "text or json")         //
      ("jobs,j", po::value<int>(), "worker threads (default: all cores)")                 //
      ("lexicons", po::value<std::string>(), "the lexicons folder to use");
  po::variables_map vm;
  if (auto exit = ParseOrExit(args, kUsage, visible, nullptr, nullptr, vm)) return *exit;
  const fs::path corpus = vm["corpus"].as<std::string>();
  const fs::path golden_dir = vm["golden"].as<std::string>();
  const bool bless = vm.count("bless") > 0;
  const bool explain = vm.count("explain") > 0;
  const std::string format = vm["format"].as<std::string>();
  if (format != "text" && format != "json") {
    std::cerr << "newsie check: --format must be text or json\n";
    return 2;
  }
  const std::optional<std::string> only =
      vm.count("only") ? std::optional(vm["only"].as<std::string>()) : std::nullopt;
  if (!fs::is_directory(corpus)) {
    std::cerr << "newsie check: corpus folder '" << corpus.string() << "' not found\n";
    return 2;
  }

  std::unique_ptr<Pipeline> pipeline;
  try {
    pipeline = std::make_unique<Pipeline>(PipelineOptions{LexiconsFrom(vm), std::nullopt});
  } catch (const std::exception& e) {
    std::cerr << "newsie check: " << e.what() << "\n";
    return 2;
  }
  InputReader reader({corpus.string()}, InputOptions{}, std::cin);
  CollectingSink sink;
  std::ostringstream error_lines;
  ErrorReporter errors(stderr);
  BatchOptions batch;
  batch.jobs = vm.count("jobs")
                   ? std::max(1, vm["jobs"].as<int>())
                   : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const BatchSummary summary = RunBatch(reader, *pipeline, sink, errors, batch);

  std::vector<FieldDiff> diffs;
  Scores scores;
  std::set<std::string> ids;
  int blessed = 0;
  std::ostream& out = std::cout;
  for (const json& record : sink.records) {
    const std::string id = record["id"];
    ids.insert(id);
    if (only && ::fnmatch(only->c_str(), id.c_str(), 0) != 0) continue;
    if (explain && format == "text") Explain(record, out);
    const fs::path path = GoldenPath(golden_dir, id);
    json expected;
    if (fs::exists(path)) {
      std::ifstream in(path);
      try {
        expected = json::parse(in);
      } catch (const json::exception& e) {
        std::cerr << "newsie check: " << path.string() << " is not valid JSON: " << e.what()
                  << "\n";
      }
    }
    const size_t before = diffs.size();
    if (expected.is_null()) {
      diffs.push_back({id, "", "missing-golden", nullptr, nullptr, path.string()});
      Scores ignored;
      CompareRecords(json{{"stories", json::array()}, {"ref_date", nullptr}}, record, diffs,
                     ignored);
      diffs.resize(before + 1);
    } else {
      CompareRecords(expected, record, diffs, scores);
    }
    if (bless && diffs.size() > before) {
      fs::create_directories(path.parent_path());
      std::ofstream(path, std::ios::binary) << GoldenText(record);
      ++blessed;
    }
  }
  std::vector<std::string> orphans;
  if (!only) orphans = OrphanGoldens(golden_dir, ids);
  for (const auto& orphan : orphans) {
    diffs.push_back({orphan, "", "stale-golden", nullptr, nullptr, (golden_dir / orphan).string()});
    if (bless) fs::remove(golden_dir / orphan);
  }

  if (format == "json") {
    json jd = json::array();
    for (const auto& d : diffs) {
      jd.push_back({{"document", d.document},
                    {"path", d.path},
                    {"what", d.what},
                    {"expected", d.expected},
                    {"actual", d.actual},
                    {"evidence", d.evidence}});
    }
    out << json{{"documents", sink.records.size()},
                {"failed", summary.failed},
                {"blessed", bless},
                {"differences", jd},
                {"scores", ScoresJson(scores)}}
               .dump(2, ' ', false, json::error_handler_t::replace)
        << "\n";
  } else {
    for (const auto& d : diffs) {
      out << d.document << " " << (d.path.empty() ? "/" : d.path) << ": " << d.what;
      if (d.what == "changed") {
        out << ": expected " << Short(d.expected) << ", got " << Short(d.actual);
      } else if (d.what == "missing") {
        out << ": expected " << Short(d.expected);
      } else if (d.what == "extra") {
        out << ": got " << Short(d.actual);
      }
      if (!d.evidence.empty()) out << "\n    evidence: \"" << d.evidence << "\"";
      out << "\n";
    }
    PrintScores(scores, out);
    out << "\n" << sink.records.size() << " documents, " << diffs.size() << " differences";
    if (summary.failed) out << ", " << summary.failed << " documents failed";
    if (bless)
      out << "; blessed " << blessed << " golden records, removed " << orphans.size()
          << " stale ones";
    out << "\n";
  }
  if (bless) return summary.failed > 0 ? 1 : 0;
  return diffs.empty() && summary.failed == 0 ? 0 : 1;
}

}  // namespace newsie::cli
