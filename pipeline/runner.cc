#include "pipeline/runner.h"

#include <array>
#include <condition_variable>
#include <iterator>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

#include "pipeline/record.h"
#include "pipeline/source.h"

namespace newsie {
namespace {

struct Job {
  int64_t seq = 0;
  WorkItem item;
  // For --profile: the time the reader took to hand the item out (a walk
  // step, and the reading ahead of a batch's bytes).
  std::chrono::nanoseconds taken{};
};

// The facts of one document by kind, in kFactKinds' order.
constexpr const char* kFactKinds[] = {"district", "mayor", "targets", "achievements", "awards"};
using FactCounts = std::array<int64_t, std::size(kFactKinds)>;

struct Result {
  std::string path;
  Status error;
  bool skipped = false;
  Json record;       // null when the sink does not need the tree (Sink::NeedsTree)
  std::string line;  // the record as one JSONL line, serialised here on the worker
  RecordKey key;     // the record's KeyOf
  int64_t bytes = 0;
  int64_t stories = 0;
  FactCounts facts{};  // by kind, in kFactKinds order
  std::vector<std::string> diagnostic_codes;
  // For --profile: the runner's own steps around the pipeline.
  std::chrono::nanoseconds read{}, serialize{};
};

using Clock = std::chrono::steady_clock;

// The time for --profile's rows, or a zero time point without --profile: a
// clock read costs ~50 ns here (kvm-clock), and a document took eight.
Clock::time_point ProfileNow(const BatchOptions& options) {
  return options.profile ? Clock::now() : Clock::time_point{};
}

Result ProcessOne(Job& job, const Pipeline& pipeline, const BatchOptions& options, bool keep_tree,
                  StageProfile* profile) {
  WorkItem& item = job.item;
  Result result;
  result.path = item.path;
  if (!item.error.ok()) {
    result.error = item.error;
    return result;
  }
  const auto read_start = ProfileNow(options);
  if (Status loaded = Load(item, options.input); !loaded.ok()) {
    result.error = loaded;
    return result;
  }
  Document doc = NewDocument(std::move(item.input), options.input.ref_date, options.input.encoding);
  result.read = job.taken + (ProfileNow(options) - read_start);
  if (options.already_done && options.already_done(doc.input.id, doc.source.sha256)) {
    result.skipped = true;
    return result;
  }
  if (Status status = pipeline.Run(doc, profile); !status.ok()) {
    result.error = Status::Error(status.code(), doc.source.path + ": " + status.message());
    return result;
  }
  result.bytes = doc.source.bytes;
  result.stories = static_cast<int64_t>(doc.stories.size());
  for (const Story& s : doc.stories) {
    result.facts[0] += s.district ? 1 : 0;
    result.facts[1] += s.mayor ? 1 : 0;
    result.facts[2] += static_cast<int64_t>(s.targets.size());
    result.facts[3] += static_cast<int64_t>(s.achievements.size());
    result.facts[4] += static_cast<int64_t>(s.awards.size());
  }
  for (const Diagnostic& d : doc.diagnostics) result.diagnostic_codes.push_back(d.code);
  // What the stages worked on is not part of the record: gone before the
  // record's line is made, they do not add to it at the peak.
  doc.ReleaseWorkingState();
  const auto record_start = ProfileNow(options);
  if (keep_tree) {
    result.record = ToRecord(doc);
    result.line = result.record.dump(-1, ' ', false, Json::error_handler_t::replace);
  } else {
    result.line = RecordLine(doc);  // the same line, without a tree to keep
  }
  // What KeyOf(record) reads, taken from the document, which is done with.
  result.key = RecordKey{std::move(doc.input.id), std::move(doc.source.sha256)};
  result.serialize = ProfileNow(options) - record_start;
  return result;
}

}  // namespace

void ErrorReporter::Report(const std::string& path, const std::string& code,
                           const std::string& message) {
  ++count_;
  const std::string line = Json{{"path", path}, {"code", code}, {"message", message}}.dump(
                               -1, ' ', false, Json::error_handler_t::replace) +
                           "\n";
  std::fwrite(line.data(), 1, line.size(), out_);
  std::fflush(out_);
}

BatchSummary RunBatch(InputReader& reader, const Pipeline& pipeline, Sink& sink,
                      ErrorReporter& errors, const BatchOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const int jobs = std::max(1, options.jobs);
  // Documents differ twentyfold in size (c10k: 0.4 to 12 KB): while one
  // worker is on a long one, another finishes many, all waiting to be
  // written after it. With 4 per worker the others stopped for room once
  // every few documents (5,800 futex calls on c10k at --jobs 2, 124 at 1);
  // 16 lets them run on (about 300). Waiting records are small.
  const int64_t max_in_flight = static_cast<int64_t>(jobs) * 16;

  auto interrupted = [&] { return options.interrupted && options.interrupted->load(); };

  // Each of the `jobs` workers takes the next item from the reader itself,
  // processes it, and hands the result in. The worker that hands in the next
  // result in input order writes it, and any done after it, before it takes
  // another item: a record is written as soon as it is done (even while the
  // next one has not arrived on standard input), and no thread wakes another
  // just to read or to write. (A reader thread of its own cost two futex
  // calls per two documents, for a walk that takes microseconds.)
  std::mutex reader_mu;  // one worker at a time reads; `issued` follows input order
  std::mutex mu;
  std::condition_variable space_ready;
  std::unordered_map<int64_t, Result> done;
  int64_t issued = 0, written = 0;  // under mu
  bool reader_done = false;         // under mu: `issued` is final
  bool stop = false;                // under mu: interrupted or the sink failed
  bool writing = false;             // under mu: a worker holds the writer's role
  std::vector<StageProfile> profiles(jobs);

  // The writer's state: only the thread holding the role (`writing`) touches it.
  BatchSummary summary;
  Progress progress;
  FactCounts facts{};
  std::chrono::nanoseconds read_time{}, serialize_time{}, write_time{};
  auto write_one = [&](Result& result, bool drain) {
    if (drain || !summary.fatal.ok()) return;  // interrupted or failed: write nothing more
    if (!result.error.ok()) {
      ++summary.failed;
      ++progress.failed;
      errors.Report(result.path, result.error.code(), result.error.message());
    } else if (result.skipped) {
      ++summary.skipped;
      ++progress.skipped;
    } else {
      const auto write_start = ProfileNow(options);
      const Status s = sink.WriteLine(result.record, result.line, result.key);
      write_time += ProfileNow(options) - write_start;
      read_time += result.read;
      serialize_time += result.serialize;
      if (!s.ok()) {
        summary.fatal = s;
        return;
      }
      ++summary.documents;
      summary.bytes += result.bytes;
      summary.stories += result.stories;
      for (size_t i = 0; i < facts.size(); ++i) facts[i] += result.facts[i];
      for (const auto& code : result.diagnostic_codes) ++summary.diagnostics[code];
    }
    ++progress.done;
    progress.bytes = summary.bytes;
    if (options.on_progress) options.on_progress(progress);
  };
  // With `lock` held: if no one is writing and the next result is done, take
  // the role and write every result that is ready in order.
  auto write_ready = [&](std::unique_lock<std::mutex>& lock) {
    while (!writing && done.count(written) > 0) {
      writing = true;
      std::vector<Result> ready;
      for (auto it = done.find(written); it != done.end(); it = done.find(written)) {
        ready.push_back(std::move(it->second));
        done.erase(it);
        ++written;
      }
      if (interrupted()) stop = true;
      const bool drain = stop;
      lock.unlock();
      // Only a worker waiting for room (jobs > 1, a slow document ahead) waits.
      space_ready.notify_all();
      for (Result& result : ready) write_one(result, drain || interrupted());
      lock.lock();
      writing = false;
      if (!summary.fatal.ok() && !stop) {
        stop = true;
        space_ready.notify_all();
      }
    }
  };
  // The next item in input order, numbered; nullopt when the input is done
  // or the run stops. At most max_in_flight documents are out (taken and not
  // yet written): a worker past that waits for the writer to catch up.
  auto take_next = [&]() -> std::optional<Job> {
    std::lock_guard read_lock(reader_mu);
    {
      std::unique_lock lock(mu);
      space_ready.wait(lock, [&] { return issued - written < max_in_flight || stop; });
      if (stop || reader_done) return std::nullopt;
    }
    std::optional<WorkItem> item;
    const auto read_start = ProfileNow(options);
    if (!interrupted()) item = reader.Next();
    const auto taken = ProfileNow(options) - read_start;
    std::lock_guard lock(mu);
    if (!item) {
      reader_done = true;
      return std::nullopt;
    }
    return Job{issued++, std::move(*item), taken};
  };

  const bool keep_tree = sink.NeedsTree();
  std::vector<std::thread> workers;
  for (int w = 0; w < jobs; ++w) {
    workers.emplace_back([&, w] {
      while (std::optional<Job> job = take_next()) {
        Result result = ProcessOne(*job, pipeline, options, keep_tree,
                                   options.profile ? &profiles[w] : nullptr);
        std::unique_lock lock(mu);
        done.emplace(job->seq, std::move(result));
        write_ready(lock);
      }
    });
  }
  // Every worker returns once the input is done (or the run stopped) and the
  // result it handed in last is written: whoever holds the writer's role
  // writes what others hand in meanwhile before giving it up.
  for (auto& t : workers) t.join();
  for (size_t i = 0; i < facts.size(); ++i) summary.facts[kFactKinds[i]] = facts[i];
  for (const auto& p : profiles) summary.profile.Add(p);
  if (options.profile) {
    // Around the stages: reading + hashing (workers), record + JSON (workers),
    // the sink (the writing thread).
    summary.profile.names.insert(summary.profile.names.begin(), "read");
    summary.profile.spent.insert(summary.profile.spent.begin(), read_time);
    summary.profile.names.insert(summary.profile.names.end(), {"record", "sink"});
    summary.profile.spent.insert(summary.profile.spent.end(), {serialize_time, write_time});
  }
  summary.elapsed = std::chrono::steady_clock::now() - start;
  return summary;
}

}  // namespace newsie
