// Input: from the PATHs a user names to the documents they hold.
//
// A PATH is a file, a folder (walked recursively in sorted order, hidden
// entries and NAME.meta.json sidecars skipped) or "-" for standard input.
// A file is read as text, HTML or JSONL by --input-format, or by its
// extension when that is `auto`. A JSONL file holds one record per line:
// {"id", "text" | "html", "date"?, "url"?, "title"?, "lang"?}.
//
// InputReader hands out WorkItems one at a time, in input order, without
// reading whole folders or JSONL files into memory: a folder is walked lazily
// (pipeline/folder_walk.h), a file's bytes are read later by Load (on a
// worker thread), a JSONL record is parsed as its line is reached (and a line
// far past --max-bytes is skipped unread). Every problem becomes a WorkItem
// carrying an error, so the batch reports it in order and goes on.
//
// A walk's small regular files are the exception: InputReader walks them
// kReadAheadFiles at a time, and each such batch is read ahead with the
// files' sidecars in one go (pipeline/read_ahead.h), on a worker, about a
// batch before its first file's turn. Load only reads what that left undone
// (a larger file, one that failed to open: its error is Load's, in its
// words). Only a walk is read ahead: standard input and JSONL records are
// read as their turn comes, so newsie stays a streaming filter.
#pragma once

#include <cstdint>
#include <deque>
#include <filesystem>
#include <fstream>
#include <istream>
#include <memory>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/folder_walk.h"
#include "pipeline/read_ahead.h"
#include "pipeline/status.h"

namespace newsie {

enum class InputFormat { kAuto, kText, kHtml, kJsonl };
std::optional<InputFormat> ParseInputFormat(std::string_view name);

struct InputOptions {
  InputFormat format = InputFormat::kAuto;
  std::optional<std::string> ref_date;  // --ref-date: given, overrides everything
  std::optional<std::string> encoding;  // --encoding
  uint64_t max_bytes = 16u << 20;       // --max-bytes: larger documents fail, never truncate
  // Files a folder walk never hands out: the run's own outputs
  // (sinks' OutputFiles, and --errors), should they lie in a folder read.
  std::vector<std::string> skip_files;
};

// How many of a folder walk's files make a batch read ahead at once (with
// BatchReader, when the kernel offers it): the reads of a batch cost two
// system calls in all, where each file took three. At most two batches are
// held: the one being handed out and the next.
constexpr size_t kReadAheadFiles = 32;

// One document to process, or one error to report, in input order.
struct WorkItem {
  std::string path;  // as reported in errors: the file, or "FILE:LINE" for a JSONL record
  std::optional<std::filesystem::path> file;  // a text/HTML file whose bytes Load reads
  Input input;                                // filled now for JSONL records, by Load for files
  Status error;                               // not OK: report it, nothing to process
  // Whether the file's sidecar exists, as its folder's listing said
  // (WalkStep::has_sidecar); nullopt: not known, Load looks for it.
  std::optional<bool> has_sidecar;
  // The folder listing called the file regular (WalkStep::regular), and its
  // sidecar (WalkStep::sidecar_regular).
  bool listed_regular = false;
  bool sidecar_listed_regular = false;
  // A walked file's folder (WalkStep::folder): Load opens the file and its
  // sidecar by name in it. Null: Load opens `file` by its whole path.
  std::shared_ptr<const OpenFolder> folder;
  // Read ahead (pipeline/read_ahead.h): the batch that holds the file's
  // bytes and its sidecar's, if it was small and regular, and its index
  // there. Load takes them, and reads what was not read ahead itself.
  std::shared_ptr<ReadAheadBatch> batch;
  size_t batch_index = 0;
  // A batch the reader walked as it handed this item out: Load reads it
  // first, on the worker, so that its bytes are there when their turn comes.
  std::shared_ptr<ReadAheadBatch> read_next;
};

// Reads a file's bytes and its sidecar into item.input (on the worker).
// Returns an error Status (unreadable, too large, vanished) naming the file.
Status Load(WorkItem& item, const InputOptions& options);

// How many items InputReader hands out for `paths`, counted by the same
// walk (the same files skipped, the same errors counted as items): the
// progress line's total. Unknown (nullopt) when a PATH is standard input or
// a JSONL stream, whose records are not counted in advance, or once `stop`
// is requested.
std::optional<int64_t> CountDocuments(const std::vector<std::string>& paths,
                                      const InputOptions& options, std::stop_token stop = {});

class InputReader {
 public:
  InputReader(std::vector<std::string> paths, InputOptions options, std::istream& stdin_stream);
  ~InputReader();

  // The next item, or nullopt when every PATH is exhausted.
  std::optional<WorkItem> Next();

 private:
  std::optional<WorkItem> NextItem();  // Next, without read_next
  std::optional<WorkItem> NextJsonlRecord();
  void ExpandPath(const std::string& path);

  // A walk step, with where its bytes are read ahead (if they are).
  struct AheadStep {
    WalkStep step;
    std::shared_ptr<ReadAheadBatch> batch = nullptr;
    size_t batch_index = 0;
  };
  std::optional<AheadStep> NextInPath();
  // Takes the walk's next steps into ahead_ (kReadAheadFiles of them, or one
  // without io_uring), and returns the batch that reads their small regular
  // files, if any.
  std::shared_ptr<ReadAheadBatch> WalkAhead();

  std::vector<std::string> paths_;
  size_t next_path_ = 0;
  InputOptions options_;
  std::istream& stdin_;
  // The current PATH: a file given directly (or its error), or a folder walk.
  std::optional<WalkStep> single_;
  std::unique_ptr<FolderWalk> walk_;
  std::deque<AheadStep> ahead_;  // the walk's steps taken ahead, in order
  bool walk_ended_ = false;      // walk_ has no more steps
  // Made at the first walk; read_ahead_ is whether it has io_uring to read with.
  std::shared_ptr<SharedBatchReader> batch_reader_;
  bool read_ahead_ = false;
  // The batch walked last, not yet handed to a worker to read (read_next).
  std::shared_ptr<ReadAheadBatch> read_next_;
  // The JSONL stream being read, if any.
  std::unique_ptr<std::ifstream> jsonl_file_;
  std::istream* jsonl_ = nullptr;
  std::string jsonl_path_;
  int64_t jsonl_line_ = 0;
};

}  // namespace newsie
