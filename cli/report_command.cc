// newsie report: articles or records in, one self-contained HTML review page
// out. This file gathers the documents (running the pipeline where it needs
// the text); report/ renders them.
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/options.h"
#include "pipeline/input.h"
#include "pipeline/pipeline.h"
#include "pipeline/record.h"
#include "pipeline/source.h"
#include "report/report.h"

namespace newsie::cli {
namespace {

namespace fs = std::filesystem;
using report::ReportDocument;

constexpr const char* kUsage =
    "usage: newsie report INPUT... -o REPORT.html [--title TEXT] [--errors FILE]\n"
    "                     [--ref-date YYYY-MM-DD] [--input-format auto|text|html|jsonl]\n"
    "                     [--encoding NAME] [--lexicons DIR]\n"
    "\n"
    "Writes one self-contained HTML page (inline CSS, JS and SVG; nothing loaded from\n"
    "the network) for reviewing extraction: per document the original text with\n"
    "boilerplate greyed, story boundaries and each fact's evidence highlighted (hover\n"
    "or click for its values and rule), the facts as a table and the diagnostics; a\n"
    "corpus overview (targets against achievements per government and year, awards,\n"
    "documents with errors) and a search box.\n"
    "\n"
    "INPUT is what `newsie extract` reads (files, folders, JSONL batches, - for\n"
    "standard input): those are run through the pipeline. Or records already\n"
    "written by `newsie extract`: JSONL or a JSON array of newsie/1 records, or its\n"
    "SQLite output. For records, each source file that is still there (and\n"
    "unchanged: same sha256) is re-read so its text can be shown. --errors adds the\n"
    "failed documents an extract run reported. Exit: 0 written, 1 written but some\n"
    "documents failed, 2 usage error.\n";

enum class InputKind { kArticles, kRecordsJsonl, kRecordsJson, kSqlite };

bool IsRecord(const nlohmann::json& value) {
  return value.is_object() && value.contains("schema") && value["schema"].is_string() &&
         value["schema"].get<std::string>().starts_with("newsie/");
}

InputKind Classify(const std::string& path) {
  std::error_code ec;
  if (path == "-" || !fs::is_regular_file(path, ec)) return InputKind::kArticles;
  std::ifstream in(path, std::ios::binary);
  char magic[16] = {};
  in.read(magic, sizeof magic);
  if (in.gcount() == 16 &&
      std::string_view(magic, 16) == std::string_view("SQLite format 3\0", 16)) {
    return InputKind::kSqlite;
  }
  in.clear();
  in.seekg(0);
  std::string line;
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const auto first = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (IsRecord(first)) return InputKind::kRecordsJsonl;
    break;
  }
  if (fs::path(path).extension() == ".json") {
    in.clear();
    in.seekg(0);
    const auto all = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (all.is_array() && (all.empty() || IsRecord(all[0]))) return InputKind::kRecordsJson;
  }
  return InputKind::kArticles;
}

class Gatherer {
 public:
  Gatherer(const Pipeline& pipeline, InputOptions input, std::optional<std::string> encoding)
      : pipeline_(pipeline), input_(std::move(input)), encoding_(std::move(encoding)) {}

  std::vector<ReportDocument> documents;

  void Articles(const std::string& path) {
    InputReader reader({path}, input_, std::cin);
    while (auto item = reader.Next()) {
      ReportDocument rd;
      rd.id = item->input.id.empty() ? item->path : item->input.id;
      if (!item->error.ok()) {
        Fail(rd, item->error);
        continue;
      }
      if (Status s = Load(*item, input_); !s.ok()) {
        Fail(rd, s);
        continue;
      }
      Document doc = NewDocument(std::move(item->input), input_.ref_date, encoding_);
      if (Status s = pipeline_.Run(doc); !s.ok()) {
        Fail(rd, s);
        continue;
      }
      rd.record = ToRecord(doc);
      TakeText(doc, rd);
      documents.push_back(std::move(rd));
    }
  }

  void Record(Json record, const fs::path& records_dir) {
    ReportDocument rd;
    rd.id = record.value("id", std::string("(no id)"));
    rd.record = std::move(record);
    AttachSource(rd, records_dir);
    documents.push_back(std::move(rd));
  }

  Status RecordsJsonl(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string line;
    int64_t number = 0;
    while (std::getline(in, line)) {
      ++number;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      auto record = Json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (!IsRecord(record)) {
        ReportDocument rd;
        rd.id = path + ":" + std::to_string(number);
        Fail(rd, Status::Error("bad-record", rd.id + ": not a newsie/1 record"));
        continue;
      }
      Record(std::move(record), fs::path(path).parent_path());
    }
    return {};
  }

  Status RecordsJson(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    auto all = Json::parse(in, nullptr, /*allow_exceptions=*/false);
    for (Json& record : all) Record(std::move(record), fs::path(path).parent_path());
    return {};
  }

  Status Sqlite(const std::string& path) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
      const std::string error = db ? sqlite3_errmsg(db) : "cannot open";
      sqlite3_close(db);
      return Status::Error("unreadable", path + ": " + error);
    }
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT record FROM documents ORDER BY doc", -1, &stmt, nullptr) !=
        SQLITE_OK) {
      const std::string error = sqlite3_errmsg(db);
      sqlite3_close(db);
      return Status::Error("bad-sqlite",
                           path + " is not newsie's SQLite output (documents.record): " + error);
    }
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
      auto record = Json::parse(text ? text : "", nullptr, /*allow_exceptions=*/false);
      if (IsRecord(record)) Record(std::move(record), fs::path(path).parent_path());
    }
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return {};
  }

  // Failed documents as `extract --errors` wrote them: {path, code, message}.
  Status Errors(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::Error("unreadable", "cannot read --errors file '" + path + "'");
    std::string line;
    while (std::getline(in, line)) {
      const auto error = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (!error.is_object()) continue;
      ReportDocument rd;
      rd.id = error.value("path", std::string("?"));
      Fail(rd, Status::Error(error.value("code", std::string("error")),
                             error.value("message", std::string())));
    }
    return {};
  }

 private:
  void Fail(ReportDocument& rd, const Status& status) {
    rd.error_code = status.code();
    rd.error_message = status.message();
    documents.push_back(std::move(rd));
  }

  static void TakeText(const Document& doc, ReportDocument& rd) {
    rd.text = doc.original;
    for (const Removal& r : doc.removed) {
      const Span span = doc.ToOriginal(r.begin, r.end);
      rd.removed.push_back({span.start, span.end, r.kind});
    }
  }

  // The source of a record, read again for its text: a file, or a line of a
  // JSONL batch (FILE:LINE).
  void AttachSource(ReportDocument& rd, const fs::path& records_dir) {
    const Json& source = rd.record["source"];
    const std::string path = source.value("path", std::string());
    if (path.empty() || path == "-") {
      rd.text_note = "Read from standard input: the original text is not available.";
      return;
    }
    std::optional<WorkItem> item;
    std::error_code ec;
    const size_t colon = path.rfind(':');
    if (colon != std::string::npos && colon + 1 < path.size() &&
        path.find_first_not_of("0123456789", colon + 1) == std::string::npos &&
        fs::is_regular_file(path.substr(0, colon), ec)) {
      InputOptions jsonl = input_;
      jsonl.format = InputFormat::kJsonl;
      InputReader reader({path.substr(0, colon)}, jsonl, std::cin);
      while (auto next = reader.Next()) {
        if (next->path == path) {
          item = std::move(next);
          break;
        }
      }
    } else {
      for (const fs::path& candidate : {fs::path(path), records_dir / path}) {
        if (!fs::is_regular_file(candidate, ec)) continue;
        WorkItem w;
        w.path = candidate.string();
        w.file = candidate;
        w.input.id = rd.id;
        w.input.path = path;
        InputOptions auto_format = input_;
        auto_format.format = InputFormat::kAuto;  // Load tells HTML by extension or content
        if (Load(w, auto_format).ok()) item = std::move(w);
        break;
      }
    }
    if (!item || !item->error.ok()) {
      rd.text_note = "The source " + path +
                     " is not readable here: the original text is not "
                     "shown; the evidence is in the facts table.";
      return;
    }
    // Reproduce the run: a date given then is given now.
    std::optional<std::string> ref_date = input_.ref_date;
    const Json& ref = rd.record["ref_date"];
    if (!ref_date && ref.value("basis", std::string()) == "given" && ref["date"].is_string()) {
      ref_date = ref["date"].get<std::string>();
    }
    Document doc = NewDocument(std::move(item->input), ref_date, encoding_);
    if (doc.source.sha256 != source.value("sha256", std::string())) {
      rd.text_note = "The source " + path +
                     " has changed since the record was written "
                     "(sha256 differs): the original text is not shown.";
      return;
    }
    if (Status s = pipeline_.Run(doc); !s.ok()) {
      rd.text_note = "The source " + path + " could not be decoded again: " + s.message();
      return;
    }
    TakeText(doc, rd);
  }

  const Pipeline& pipeline_;
  InputOptions input_;
  std::optional<std::string> encoding_;
};

}  // namespace

int ReportCommand(const std::vector<std::string>& args) {
  po::options_description visible("options");
  visible.add_options()("help,h", "show this help")                                     //
      ("output,o", po::value<std::string>(), "the HTML file to write")                  //
      ("title", po::value<std::string>(), "the page's title")                           //
      ("errors", po::value<std::string>(), "failed documents from `extract --errors`")  //
      ("ref-date", po::value<std::string>(), "anchor for relative dates, YYYY-MM-DD")   //
      ("input-format", po::value<std::string>()->default_value("auto"),
       "articles: auto, text, html or jsonl")                             //
      ("encoding", po::value<std::string>(), "force the input encoding")  //
      ("max-bytes", po::value<uint64_t>()->default_value(16u << 20),
       "larger documents fail")  //
      ("lexicons", po::value<std::string>(), "the lexicons folder to use");
  po::options_description hidden;
  hidden.add_options()("input", po::value<std::vector<std::string>>());
  po::positional_options_description positional;
  positional.add("input", -1);
  po::variables_map vm;
  if (auto exit = ParseOrExit(args, kUsage, visible, &hidden, &positional, vm)) return *exit;
  if (!vm.count("input")) {
    std::cerr << "newsie report: no INPUT given\n\n" << kUsage;
    return 2;
  }
  if (!vm.count("output")) {
    std::cerr << "newsie report: -o REPORT.html is required\n\n" << kUsage;
    return 2;
  }
  const std::string output = vm["output"].as<std::string>();
  const fs::path output_dir = fs::absolute(output).parent_path();
  if (std::error_code ec; !fs::is_directory(output_dir, ec)) {
    std::cerr << "newsie report: cannot write " << output << ": no directory "
              << output_dir.string() << "\n";
    return 2;
  }
  InputOptions input;
  const auto format = ParseInputFormat(vm["input-format"].as<std::string>());
  if (!format) {
    std::cerr << "newsie report: --input-format must be auto, text, html or jsonl\n";
    return 2;
  }
  input.format = *format;
  input.max_bytes = vm["max-bytes"].as<uint64_t>();
  if (vm.count("ref-date")) {
    input.ref_date = vm["ref-date"].as<std::string>();
    if (!ValidDate(*input.ref_date)) {
      std::cerr << "newsie report: --ref-date '" << *input.ref_date
                << "' is not a date YYYY-MM-DD\n";
      return 2;
    }
  }
  std::optional<std::string> encoding;
  if (vm.count("encoding")) encoding = vm["encoding"].as<std::string>();

  std::unique_ptr<Pipeline> pipeline;
  try {
    pipeline = std::make_unique<Pipeline>(PipelineOptions{LexiconsFrom(vm), input.ref_date});
  } catch (const std::exception& e) {
    std::cerr << "newsie report: " << e.what() << "\n";
    return 2;
  }

  Gatherer gather(*pipeline, input, encoding);
  for (const std::string& path : vm["input"].as<std::vector<std::string>>()) {
    Status status;
    switch (input.format == InputFormat::kAuto ? Classify(path) : InputKind::kArticles) {
      case InputKind::kArticles:
        gather.Articles(path);
        break;
      case InputKind::kRecordsJsonl:
        status = gather.RecordsJsonl(path);
        break;
      case InputKind::kRecordsJson:
        status = gather.RecordsJson(path);
        break;
      case InputKind::kSqlite:
        status = gather.Sqlite(path);
        break;
    }
    if (!status.ok()) {
      std::cerr << "newsie report: " << status.message() << "\n";
      return 2;
    }
  }
  if (vm.count("errors")) {
    if (Status s = gather.Errors(vm["errors"].as<std::string>()); !s.ok()) {
      std::cerr << "newsie report: " << s.message() << "\n";
      return 2;
    }
  }

  report::ReportOptions options;
  if (vm.count("title")) options.title = vm["title"].as<std::string>();
  options.generator = std::string("newsie ") + NEWSIE_VERSION + " (schema newsie/1)";
  const std::string page = report::RenderReport(gather.documents, options);

  // Written whole, then renamed: a reader never sees half a report.
  const std::string partial = output + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out << page;
    if (!out.flush()) {
      std::cerr << "newsie report: cannot write " << partial << "\n";
      return 2;
    }
  }
  std::error_code ec;
  fs::rename(partial, output, ec);
  if (ec) {
    std::cerr << "newsie report: cannot rename " << partial << " to " << output << ": "
              << ec.message() << "\n";
    return 2;
  }
  size_t failed = 0;
  for (const ReportDocument& d : gather.documents) failed += d.error_code ? 1 : 0;
  std::cerr << "newsie report: wrote " << output << " (" << gather.documents.size()
            << " documents, " << failed << " failed, " << page.size() / 1024 << " KiB)\n";
  return failed > 0 ? 1 : 0;
}

}  // namespace newsie::cli
