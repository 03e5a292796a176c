#include "pipeline/runner.h"

#include <condition_variable>
#include <deque>
#include <mutex>
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
};

struct Result {
  std::string path;
  Status error;
  bool skipped = false;
  Json record;
  std::string line;  // the record as one JSONL line, serialised here on the worker
  int64_t bytes = 0;
  int64_t stories = 0;
  std::map<std::string, int64_t> facts;
  std::vector<std::string> diagnostic_codes;
  // For --profile: the runner's own steps around the pipeline.
  std::chrono::nanoseconds read{}, serialize{};
};

using Clock = std::chrono::steady_clock;

Result ProcessOne(WorkItem& item, const Pipeline& pipeline, const BatchOptions& options,
                  StageProfile* profile) {
  Result result;
  result.path = item.path;
  if (!item.error.ok()) {
    result.error = item.error;
    return result;
  }
  const auto read_start = Clock::now();
  if (Status loaded = Load(item, options.input); !loaded.ok()) {
    result.error = loaded;
    return result;
  }
  Document doc = NewDocument(std::move(item.input), options.input.ref_date, options.input.encoding);
  result.read = Clock::now() - read_start;
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
    result.facts["district"] += s.district ? 1 : 0;
    result.facts["mayor"] += s.mayor ? 1 : 0;
    result.facts["targets"] += static_cast<int64_t>(s.targets.size());
    result.facts["achievements"] += static_cast<int64_t>(s.achievements.size());
    result.facts["awards"] += static_cast<int64_t>(s.awards.size());
  }
  for (const Diagnostic& d : doc.diagnostics) result.diagnostic_codes.push_back(d.code);
  const auto record_start = Clock::now();
  result.record = ToRecord(doc);
  result.line = result.record.dump(-1, ' ', false, Json::error_handler_t::replace);
  result.serialize = Clock::now() - record_start;
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
  const int64_t max_in_flight = static_cast<int64_t>(jobs) * 4;
  // Once the reader finds max_in_flight documents out, it sleeps until half
  // are written, then refills: one wake-up per few documents, not per one.
  const int64_t refill_at = std::max<int64_t>(1, max_in_flight / 2);

  auto interrupted = [&] { return options.interrupted && options.interrupted->load(); };

  // One reader thread hands out work in input order (it has its own thread so
  // that a record is written as soon as it is done, even while the next one
  // has not arrived on standard input), and `jobs` workers process it. The
  // worker that finishes the next result in input order writes it, and any
  // done after it: no thread wakes up just to write.
  std::mutex mu;
  std::condition_variable work_ready, space_ready, all_written;
  std::deque<Job> queue;
  std::unordered_map<int64_t, Result> done;
  int64_t issued = 0, written = 0;  // under mu
  bool reader_done = false;         // under mu: `issued` is final
  bool stop = false;                // under mu: interrupted or the sink failed
  bool writing = false;             // under mu: a worker holds the writer's role
  std::vector<StageProfile> profiles(jobs);

  // The writer's state: only the thread holding the role (`writing`) touches it.
  BatchSummary summary;
  Progress progress;
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
      const auto write_start = Clock::now();
      const Status s = sink.WriteLine(result.record, result.line);
      write_time += Clock::now() - write_start;
      read_time += result.read;
      serialize_time += result.serialize;
      if (!s.ok()) {
        summary.fatal = s;
        return;
      }
      ++summary.documents;
      summary.bytes += result.bytes;
      summary.stories += result.stories;
      for (const auto& [kind, n] : result.facts) summary.facts[kind] += n;
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
      const bool wake_reader = issued - written <= refill_at || stop;
      lock.unlock();
      if (wake_reader) space_ready.notify_one();
      for (Result& result : ready) write_one(result, drain || interrupted());
      lock.lock();
      writing = false;
      if (!summary.fatal.ok() && !stop) {
        stop = true;
        space_ready.notify_one();
      }
    }
    if (reader_done && written == issued && !writing) all_written.notify_all();
  };

  std::vector<std::thread> workers;
  for (int w = 0; w < jobs; ++w) {
    workers.emplace_back([&, w] {
      while (true) {
        Job job;
        {
          std::unique_lock lock(mu);
          work_ready.wait(lock, [&] { return !queue.empty() || reader_done; });
          if (queue.empty()) return;
          job = std::move(queue.front());
          queue.pop_front();
        }
        Result result =
            ProcessOne(job.item, pipeline, options, options.profile ? &profiles[w] : nullptr);
        std::unique_lock lock(mu);
        done.emplace(job.seq, std::move(result));
        write_ready(lock);
      }
    });
  }

  std::thread reader_thread([&] {
    while (true) {
      {
        std::unique_lock lock(mu);
        if (issued - written >= max_in_flight) {
          space_ready.wait(lock, [&] { return issued - written <= refill_at || stop; });
        }
        if (stop) break;
      }
      if (interrupted()) break;
      std::optional<WorkItem> item = reader.Next();
      if (!item) break;
      {
        std::lock_guard lock(mu);
        queue.push_back(Job{issued++, std::move(*item)});
      }
      work_ready.notify_one();
    }
    std::unique_lock lock(mu);
    reader_done = true;
    work_ready.notify_all();
    if (written == issued && !writing) all_written.notify_all();
  });

  {
    std::unique_lock lock(mu);
    all_written.wait(lock, [&] { return reader_done && written == issued && !writing; });
  }
  reader_thread.join();
  for (auto& t : workers) t.join();
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
