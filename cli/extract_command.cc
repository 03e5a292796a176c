// newsie extract: PATHs in, one newsie/1 record per document out.
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <iostream>
#include <thread>
#include <unordered_set>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/summary.h"
#include "pipeline/input.h"
#include "pipeline/pipeline.h"
#include "pipeline/runner.h"
#include "pipeline/sinks/sink.h"
#include "pipeline/sinks/tee_sink.h"

namespace newsie::cli {
namespace {

constexpr const char* kUsage =
    "usage: newsie extract PATH... [-o OUT]... [--format jsonl|json|csv|sqlite]\n"
    "                      [--ref-date YYYY-MM-DD] [--input-format auto|text|html|jsonl]\n"
    "                      [--jobs N] [--errors FILE] [--quiet] [--resume] [--profile]\n"
    "\n"
    "PATH is a file, a folder (walked recursively, sorted, hidden entries skipped)\n"
    "or - for standard input. Without -o, JSONL goes to standard output, a record\n"
    "per line, flushed as it goes (a streaming filter). With -o, the output is\n"
    "written as OUT.partial and renamed to OUT at the end; a killed or interrupted\n"
    "run continues with --resume, skipping the documents already written.\n"
    "Several -o write several outputs in one run (out/records.jsonl and\n"
    "out/records.sqlite).\n"
    "Failed documents are reported as JSON lines {path, code, message} to --errors\n"
    "or standard error; the batch goes on. Exit: 0 all processed, 1 some failed,\n"
    "2 usage error.\n";

std::atomic<bool> g_interrupted{false};
// The first Ctrl-C or SIGTERM stops the run between documents: what is done
// is written, the rest is left for --resume. A worker blocked in a read that
// never returns (standard input from a writer that writes nothing) never
// sees it, so a second one stops the process at once, as SIGKILL would:
// OUT is never made, and --resume cuts off a record OUT.partial holds half.
extern "C" void OnSignal(int) {
  if (!g_interrupted.exchange(true)) return;
  static constexpr char kMessage[] =
      "newsie extract: interrupted again; stopped at once. A file output is left as "
      "OUT.partial; run the same command with --resume to continue it\n";
  [[maybe_unused]] const ssize_t written = ::write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
  ::_exit(1);
}

}  // namespace

int ExtractCommand(const std::vector<std::string>& args) {
  po::options_description visible("options");
  visible.add_options()             //
      ("help,h", "show this help")  //
      ("output,o", po::value<std::vector<std::string>>()->composing(),
       "output file; its extension picks the format; may be repeated")                 //
      ("format", po::value<std::string>(), "jsonl (default), json, csv or sqlite")     //
      ("ref-date", po::value<std::string>(), "anchor for relative dates, YYYY-MM-DD")  //
      ("input-format", po::value<std::string>()->default_value("auto"),
       "auto, text, html or jsonl")                                                     //
      ("encoding", po::value<std::string>(), "force the input encoding (e.g. EUC-KR)")  //
      ("jobs,j", po::value<int>(), "worker threads (default: all cores)")               //
      ("errors", po::value<std::string>(), "write failed documents here (JSON lines)")  //
      ("max-bytes", po::value<uint64_t>()->default_value(16u << 20),
       "larger documents fail instead of being processed")                         //
      ("quiet,q", "no progress line and no summary")                               //
      ("resume", "continue OUT.partial (or OUT): skip documents already written")  //
      ("profile", "print the time spent in each stage")                            //
      ("lexicons", po::value<std::string>(), "the lexicons folder to use");
  po::options_description hidden;
  hidden.add_options()("path", po::value<std::vector<std::string>>());
  po::positional_options_description positional;
  positional.add("path", -1);
  po::variables_map vm;
  // Positional PATHs are parsed with the hidden "path" option.
  if (auto exit = ParseOrExit(args, kUsage, visible, &hidden, &positional, vm)) return *exit;
  if (!vm.count("path")) {
    std::cerr << "newsie extract: no PATH given\n\n" << kUsage;
    return 2;
  }

  InputOptions input;
  const auto input_format = ParseInputFormat(vm["input-format"].as<std::string>());
  if (!input_format) {
    std::cerr << "newsie extract: --input-format must be auto, text, html or jsonl\n";
    return 2;
  }
  input.format = *input_format;
  input.max_bytes = vm["max-bytes"].as<uint64_t>();
  if (vm.count("ref-date")) {
    const auto date = vm["ref-date"].as<std::string>();
    if (!ValidDate(date)) {
      std::cerr << "newsie extract: --ref-date '" << date << "' is not a date YYYY-MM-DD\n";
      return 2;
    }
    input.ref_date = date;
  }
  if (vm.count("encoding")) input.encoding = vm["encoding"].as<std::string>();

  // One or more outputs (-o may repeat); none or "-" is standard output.
  std::vector<std::string> outputs;
  if (vm.count("output")) outputs = vm["output"].as<std::vector<std::string>>();
  if (outputs.empty()) outputs.push_back("-");
  const bool to_stdout = outputs.size() == 1 && outputs[0] == "-";
  std::vector<SinkFormat> formats;
  for (const std::string& output : outputs) {
    if (output == "-" && outputs.size() > 1) {
      std::cerr << "newsie extract: standard output cannot be one of several outputs\n";
      return 2;
    }
    std::optional<SinkFormat> format = SinkFormat::kJsonl;
    if (vm.count("format")) {
      format = ParseSinkFormat(vm["format"].as<std::string>());
      if (!format) {
        std::cerr << "newsie extract: --format must be jsonl, json, csv or sqlite\n";
        return 2;
      }
    } else if (output != "-") {
      format = SinkFormatForPath(output);
      // A device or pipe (/dev/stdout, /dev/full) is like standard output: JSONL.
      if (!format && IsStreamOutput(output)) format = SinkFormat::kJsonl;
      if (!format) {
        std::cerr << "newsie extract: cannot tell the format of '" << output
                  << "' from its extension; give --format\n";
        return 2;
      }
    }
    formats.push_back(*format);
  }
  if (vm.count("format") && outputs.size() > 1) {
    std::cerr << "newsie extract: with several outputs, their extensions give the formats\n";
    return 2;
  }
  const bool quiet = vm.count("quiet") > 0;
  int jobs = vm.count("jobs") ? vm["jobs"].as<int>()
                              : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (jobs < 1) {
    std::cerr << "newsie extract: --jobs must be at least 1\n";
    return 2;
  }

  std::FILE* errors_out = stderr;
  if (vm.count("errors")) {
    errors_out = std::fopen(vm["errors"].as<std::string>().c_str(), "wb");
    if (!errors_out) {
      std::cerr << "newsie extract: cannot write --errors file '" << vm["errors"].as<std::string>()
                << "'\n";
      return 2;
    }
  }

  // The run's own files are never its input, should -o or --errors point
  // into a folder being read.
  for (const std::string& output : outputs) {
    if (output == "-") continue;
    for (std::string& file : OutputFiles(output)) input.skip_files.push_back(std::move(file));
  }
  if (vm.count("errors")) input.skip_files.push_back(vm["errors"].as<std::string>());

  PipelineOptions pipeline_options{LexiconsFrom(vm), input.ref_date};
  std::unique_ptr<Pipeline> pipeline;
  try {
    pipeline = std::make_unique<Pipeline>(pipeline_options);
  } catch (const std::exception& e) {
    std::cerr << "newsie extract: " << e.what() << "\n";
    return 2;
  }

  SinkOptions sink_options;
  sink_options.resume = vm.count("resume") > 0;
  if (sink_options.resume && to_stdout) {
    std::cerr << "newsie extract: --resume needs an output file (-o OUT)\n";
    return 2;
  }
  std::vector<std::unique_ptr<Sink>> sinks;
  for (size_t i = 0; i < outputs.size(); ++i) {
    std::unique_ptr<Sink> one;
    if (Status s = OpenSink(formats[i], outputs[i] == "-" ? "" : outputs[i], sink_options, one);
        !s.ok()) {
      std::cerr << "newsie extract: " << s.message() << "\n";
      return 2;
    }
    sinks.push_back(std::move(one));
  }
  std::unique_ptr<Sink> sink =
      sinks.size() == 1 ? std::move(sinks[0]) : std::make_unique<TeeSink>(std::move(sinks));
  // --resume: the documents already in the output, looked up by the workers
  // (read-only once the run starts).
  std::unordered_set<std::string> done;
  for (const RecordKey& key : sink->restored()) done.insert(key.sha256 + '\t' + key.id);

  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);

  InputReader reader(vm["path"].as<std::vector<std::string>>(), input, std::cin);
  ErrorReporter errors(errors_out);
  BatchOptions batch;
  batch.jobs = jobs;
  batch.input = input;
  batch.profile = vm.count("profile") > 0;
  batch.interrupted = &g_interrupted;
  if (!done.empty()) {
    batch.already_done = [&done](const std::string& id, const std::string& sha256) {
      return done.count(sha256 + '\t' + id) > 0;
    };
  }
  const bool show_progress = !quiet && ::isatty(STDERR_FILENO);
  ProgressLine progress(show_progress);
  batch.on_progress = [&](const Progress& p) { progress.Update(p); };
  // The total for the progress line: counted beside the run, not before it.
  std::jthread counter;
  if (show_progress) {
    counter = std::jthread([&progress, &vm, &input](std::stop_token stop) {
      const auto total = CountDocuments(vm["path"].as<std::vector<std::string>>(), input, stop);
      if (total) progress.SetTotal(*total);
    });
  }

  BatchSummary summary = RunBatch(reader, *pipeline, *sink, errors, batch);
  if (counter.joinable()) {
    counter.request_stop();
    counter.join();
  }
  progress.Clear();

  if (g_interrupted.load()) {
    sink.reset();  // keeps what it finished in OUT.partial
    // Only the file outputs have an OUT.partial to resume from; standard
    // output and devices were written straight through.
    std::string names;
    for (const auto& output : outputs) {
      if (output == "-" || IsStreamOutput(output)) continue;
      names += (names.empty() ? "" : ", ") + output;
    }
    if (names.empty()) {
      std::cerr << "newsie extract: interrupted; the output is incomplete\n";
    } else {
      std::cerr << "newsie extract: interrupted; " << names << " not written. The "
                << summary.documents << " documents finished are in OUT.partial"
                << "; run the same command with --resume to continue\n";
    }
    if (errors_out != stderr) std::fclose(errors_out);
    return 1;
  }
  if (!summary.fatal.ok()) {
    sink.reset();
    std::cerr << "newsie extract: " << summary.fatal.message() << "\n";
    if (errors_out != stderr) std::fclose(errors_out);
    return 1;
  }
  if (Status s = sink->Finish(); !s.ok()) {
    std::cerr << "newsie extract: " << s.message() << "\n";
    if (errors_out != stderr) std::fclose(errors_out);
    return 1;
  }
  if (errors_out != stderr) std::fclose(errors_out);
  if (!quiet) PrintSummary(summary, std::cerr);
  if (batch.profile) PrintProfile(summary, std::cerr);
  return summary.failed > 0 ? 1 : 0;
}

}  // namespace newsie::cli
