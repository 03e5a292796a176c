// The batch path of `newsie extract DIR -o OUT.jsonl` on a small folder tree
// the fuzz bytes describe (tests/fuzz/fuzz_batch_tree.h): the folder walk, the
// reader, RunBatch with --jobs 1 or 2, and the JSONL file sink with its
// manifest, wired as cli/extract_command.cc wires them. Then the same again
// with --resume. What a user relies on (issue 7: bad input gets an error
// naming it and the batch goes on; nothing asked for is lost or half-written):
//   - every document of the walk gives exactly one record or one error, and
//     a folder that cannot be walked one error, in the walk's sorted order;
//   - an error names its file; a record carries its file's id, path, bytes,
//     sha256 and sidecar; nothing over --max-bytes becomes a record;
//   - OUT holds the records, OUT.manifest one line per record whose offset is
//     where the record ends in OUT and whose key is the document's exact id
//     and sha256; nothing else is left beside them;
//   - --resume over the same tree writes nothing new: OUT and OUT.manifest
//     stay byte for byte, every record is skipped, the same errors come again;
//   - with OUT inside the folder read, none of the run's files is read back.
#include <stdio.h>
#include <stdlib.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <unordered_set>
#include <vector>

#include "pipeline/input.h"
#include "pipeline/pipeline.h"
#include "pipeline/runner.h"
#include "pipeline/sinks/sink.h"
#include "pipeline/source.h"
#include "tests/fuzz/fuzz_batch_tree.h"
#include "tests/fuzz/fuzz_support.h"

namespace {

namespace fs = std::filesystem;
using newsie::fuzz::Check;
using newsie::fuzz::ExpectedItem;
using nlohmann::json;

// A fresh folder for one execution, in /dev/shm when there is one (the sink
// fsyncs its output; on a disk that is most of an execution). Made and
// removed by each execution: libFuzzer's fork mode ends its children
// without running atexit. A crashing input leaves its tree there to look at.
fs::path MakeWorkDir() {
  std::error_code ec;
  const fs::path base =
      fs::is_directory("/dev/shm", ec) ? fs::path("/dev/shm") : fs::temp_directory_path();
  std::string name = (base / "newsie-fuzz-batch-XXXXXX").string();
  if (!::mkdtemp(name.data())) newsie::fuzz::Fail("cannot make a folder in " + base.string());
  return name;
}

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// `s` as it reads back from JSON output (invalid UTF-8 replaced by U+FFFD).
std::string AsWritten(const std::string& s) {
  return json::parse(json(s).dump(-1, ' ', false, json::error_handler_t::replace))
      .get<std::string>();
}

// What one run reported, in order.
struct Run {
  newsie::BatchSummary summary;
  std::string kinds;   // per document handled: 'r' written, 'e' failed, 's' skipped
  std::string errors;  // the ErrorReporter's lines
  std::string out, manifest;
};

Run RunOnce(const fs::path& root, const fs::path& out, int jobs, uint64_t max_bytes, bool resume) {
  using namespace newsie;
  static const Pipeline* pipeline = new Pipeline(PipelineOptions{});
  InputOptions input;
  input.max_bytes = max_bytes;
  input.skip_files = OutputFiles(out.string());  // as the CLI skips its outputs
  SinkOptions sink_options;
  sink_options.resume = resume;
  std::unique_ptr<Sink> sink;
  const Status opened = OpenSink(SinkFormat::kJsonl, out.string(), sink_options, sink);
  Check(opened.ok(), "the sink did not open: " + opened.message());
  // As the CLI looks documents up for --resume.
  std::unordered_set<std::string> done;
  for (const RecordKey& key : sink->restored()) done.insert(key.sha256 + '\t' + key.id);

  char* error_bytes = nullptr;
  size_t error_size = 0;
  std::FILE* error_stream = ::open_memstream(&error_bytes, &error_size);
  std::istringstream no_stdin;
  InputReader reader({root.string()}, input, no_stdin);
  ErrorReporter errors(error_stream);
  BatchOptions batch;
  batch.jobs = jobs;
  batch.input = input;
  if (!done.empty()) {
    batch.already_done = [&done](const std::string& id, const std::string& sha256) {
      return done.count(sha256 + '\t' + id) > 0;
    };
  }
  Run run;
  Progress last;
  batch.on_progress = [&](const Progress& p) {
    Check(p.done == last.done + 1, "progress skipped a document");
    run.kinds += p.failed > last.failed ? 'e' : p.skipped > last.skipped ? 's' : 'r';
    last = p;
  };
  run.summary = RunBatch(reader, *pipeline, *sink, errors, batch);
  Check(run.summary.fatal.ok(), "the run failed: " + run.summary.fatal.message());
  const Status finished = sink->Finish();
  Check(finished.ok(), "Finish failed: " + finished.message());
  sink.reset();
  std::fclose(error_stream);
  run.errors.assign(error_bytes, error_size);
  std::free(error_bytes);
  run.out = ReadAll(out);
  run.manifest = ReadAll(out.string() + ".manifest");
  return run;
}

// A manifest line's id: a JSON string, or (an id that is not UTF-8) its bytes.
std::string ManifestId(const std::string& field) {
  const json id = json::parse(field);
  if (id.is_string()) return id.get<std::string>();
  std::string bytes;
  for (const json& b : id) bytes += static_cast<char>(b.get<int>());
  return bytes;
}

void CheckRecord(const json& record, const ExpectedItem& want, const std::string& path,
                 uint64_t max_bytes) {
  Check(want.bytes.has_value(), "a record for " + path + ", which cannot be read");
  Check(record.at("id") == AsWritten(want.id),
        "record id " + record.at("id").dump() + " where the walk is at " + AsWritten(want.id));
  const json& source = record.at("source");
  Check(source.at("path") == AsWritten(path), "record path " + source.at("path").dump());
  Check(source.at("bytes") == want.bytes->size() && want.bytes->size() <= max_bytes,
        "record of " + path + ": bytes " + source.at("bytes").dump() + ", the file has " +
            std::to_string(want.bytes->size()));
  Check(source.at("sha256") == newsie::Sha256Hex(*want.bytes), "record sha256 of " + path);
  // The sidecar's url and title win; without them an HTML page may give its own.
  const auto matches = [](const json& got, const std::optional<std::string>& want) {
    return !want || got == *want;
  };
  Check(matches(source.at("url"), want.url), "url of " + path + ": " + source.at("url").dump());
  Check(matches(source.at("title"), want.title), "title of " + path);
}

void CheckError(const json& error, const ExpectedItem& want, const std::string& path,
                uint64_t max_bytes) {
  const std::string got_path = error.at("path"), code = error.at("code"),
                    message = error.at("message");
  Check(got_path == AsWritten(path), "error for " + got_path + " where the walk is at " + path);
  Check(!code.empty() && message.find(got_path) != std::string::npos,
        "error " + error.dump() + " does not name its file");
  if (want.kind == ExpectedItem::Kind::kFolderError) {
    Check(code == want.folder_error_code, "folder " + path + ": " + code);
  } else if (want.bytes && want.bytes->size() > max_bytes) {
    Check(code == "too-large", path + " is over --max-bytes, but the error is " + code);
  }
}

// OUT.manifest: the header, then a line per record of OUT, in order, each
// with the offset where its record ends and its document's key.
void CheckManifest(const Run& run, const std::vector<json>& records,
                   const std::vector<std::string>& ids) {
  const std::vector<std::string> lines = Lines(run.manifest);
  Check(!lines.empty() && lines[0] == "newsie-manifest/1 jsonl", "manifest header");
  Check(lines.size() == records.size() + 1, "manifest lines: " + std::to_string(lines.size() - 1) +
                                                " for " + std::to_string(records.size()) +
                                                " records");
  uint64_t end = 0;
  const std::vector<std::string> out_lines = Lines(run.out);
  for (size_t i = 0; i < records.size(); ++i) {
    end += out_lines[i].size() + 1;
    const std::string& line = lines[i + 1];
    const size_t a = line.find(' '), b = line.find(' ', a + 1);
    Check(a != std::string::npos && b != std::string::npos, "manifest line " + line);
    Check(line.substr(0, a) == std::to_string(end),
          "manifest offset " + line.substr(0, a) + ", the record ends at " + std::to_string(end));
    Check(line.substr(a + 1, b - a - 1) == records[i].at("source").at("sha256"),
          "manifest sha256 of record " + std::to_string(i));
    Check(ManifestId(line.substr(b + 1)) == ids[i],
          "manifest id " + line.substr(b + 1) + " is not the document's id " + AsWritten(ids[i]));
  }
  Check(end == run.out.size(), "OUT holds more than its records");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const fs::path dir = MakeWorkDir();
  const fs::path root = dir / "in";
  std::error_code ec;
  fs::create_directories(root);

  const newsie::fuzz::BatchTree tree(data, size, root);
  // Beside the tree, or in it (the tree's names never start with records.jsonl).
  const fs::path out = (tree.options().output_in_root ? root : dir / "out") / "records.jsonl";
  fs::create_directories(out.parent_path());
  const std::vector<ExpectedItem> expected = tree.Expected();
  const uint64_t max_bytes = tree.options().max_bytes;

  const Run first = RunOnce(root, out, tree.options().jobs, max_bytes, false);
  // NEWSIE_FUZZ_VERBOSE=1 build-fuzz/fuzz_batch FILE: what a crasher's tree holds.
  if (std::getenv("NEWSIE_FUZZ_VERBOSE")) {
    std::fprintf(stderr, "jobs %d, resume jobs %d, max-bytes %llu; handled %s\n",
                 tree.options().jobs, tree.options().resume_jobs,
                 static_cast<unsigned long long>(max_bytes), first.kinds.c_str());
    for (const ExpectedItem& item : expected) {
      std::fprintf(stderr, "  %s %s\n",
                   item.kind == ExpectedItem::Kind::kFolderError ? "folder error" : "document",
                   json(item.id).dump(-1, ' ', true, json::error_handler_t::replace).c_str());
    }
    std::fprintf(stderr, "%s%s", first.out.c_str(), first.errors.c_str());
  }
  Check(first.kinds.size() == expected.size(), std::to_string(first.kinds.size()) +
                                                   " documents handled, the walk has " +
                                                   std::to_string(expected.size()));
  const std::vector<std::string> record_lines = Lines(first.out), error_lines = Lines(first.errors);
  Check(record_lines.size() == static_cast<size_t>(first.summary.documents) &&
            error_lines.size() == static_cast<size_t>(first.summary.failed),
        "OUT or the errors do not match the summary");
  std::vector<json> records;
  std::vector<std::string> record_ids;
  size_t next_record = 0, next_error = 0;
  for (size_t i = 0; i < expected.size(); ++i) {
    const ExpectedItem& want = expected[i];
    const std::string path = root.string() + "/" + want.id;
    if (first.kinds[i] == 'r') {
      Check(want.kind == ExpectedItem::Kind::kDocument, "a record where folder " + path + " is");
      records.push_back(json::parse(record_lines.at(next_record++)));
      record_ids.push_back(want.id);
      CheckRecord(records.back(), want, path, max_bytes);
    } else {
      Check(first.kinds[i] == 'e', "a document skipped without --resume");
      CheckError(json::parse(error_lines.at(next_error++)), want, path, max_bytes);
    }
  }
  CheckManifest(first, records, record_ids);
  Check(!fs::exists(out.string() + ".partial") && !fs::exists(out.string() + ".manifest.tmp"),
        "a temporary file is left beside OUT");

  // --resume over the finished output: nothing new, the same errors.
  const Run again = RunOnce(root, out, tree.options().resume_jobs, max_bytes, true);
  std::string skipped = first.kinds;
  std::replace(skipped.begin(), skipped.end(), 'r', 's');
  Check(again.kinds == skipped, "--resume handled " + again.kinds + ", the first run " +
                                    first.kinds + " (r written, e failed, s skipped)");
  Check(again.out == first.out, "--resume changed OUT");
  Check(again.manifest == first.manifest, "--resume changed OUT.manifest");
  Check(again.errors == first.errors, "--resume reported other errors");
  std::set<std::string> outputs;
  for (const auto& entry : fs::directory_iterator(out.parent_path())) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with("records.jsonl")) outputs.insert(name);
  }
  Check(outputs == std::set<std::string>{"records.jsonl", "records.jsonl.manifest"},
        "OUT's folder holds more than OUT and OUT.manifest");
  fs::remove_all(dir, ec);
  return 0;
}
