// fuzz_batch's input: fuzz bytes decoded into a small folder tree written to
// disk, and what `newsie extract ROOT` must make of that tree.
//
// The bytes are a header byte (options of the run) and then operations, each
// an opcode byte and its arguments: make a file (odd names, contents from
// empty through binary and UTF-16 to HTML), make or leave a folder, add a
// .meta.json sidecar (valid or not) to the last file, make a symlink (to a
// file, to a folder or an ancestor of it: a loop, dangling, to itself), a
// hard link, or a file with mode 000. Bytes run out: the tree is done. A name
// already taken in its folder skips its operation. No FIFOs (opening one
// blocks) and no .jsonl names (a JSONL file is many documents;
// fuzz_jsonl_input covers that reader).
//
// The tree is also kept in memory, and Expected() walks it the way
// pipeline/folder_walk.h promises (sorted by path bytes, a folder's name
// sorting as NAME/, hidden entries and sidecar files skipped, symlinks to
// folders followed but each real folder entered once): the items the batch
// must report, in order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace newsie::fuzz {

// The options the header byte picks for the runs.
struct BatchRunOptions {
  int jobs = 1;         // the first run's --jobs
  int resume_jobs = 1;  // the --resume run's
  uint64_t max_bytes = 16u << 20;
  bool output_in_root = false;  // -o ROOT/records.jsonl: the walk must not read it back
};

// One item the batch must report, in walk order.
struct ExpectedItem {
  enum class Kind { kDocument, kFolderError };
  Kind kind = Kind::kDocument;
  std::string id;                 // the path under the root, '/'-separated, raw bytes
  std::string folder_error_code;  // kFolderError: "symlink-loop" or "unreadable"
  // kDocument: its bytes when they can be read (a file, or a symlink to one);
  // nullopt when the document can only fail (dangling link, unreadable file).
  std::optional<std::string> bytes;
  // kDocument: what its sidecar gives the record (nullopt when there is
  // none, or it is broken: a warning, not an error).
  std::optional<std::string> url, title;
};

class BatchTree {
 public:
  // Decodes `data` into a tree and writes it under `root` (an empty folder).
  BatchTree(const uint8_t* data, size_t size, const std::filesystem::path& root);
  ~BatchTree();
  BatchTree(const BatchTree&) = delete;
  BatchTree& operator=(const BatchTree&) = delete;

  const BatchRunOptions& options() const { return options_; }
  // What a walk of the root must report, in order.
  std::vector<ExpectedItem> Expected() const;

 private:
  struct Node;
  class Decoder;
  void Build(Decoder& in);
  void WalkInto(int dir, const std::string& prefix, std::vector<bool>& entered,
                std::vector<ExpectedItem>& out) const;
  // A symlink's final target (itself when not a link); -1 when it leads nowhere.
  int Resolve(int node) const;
  ExpectedItem DocumentAt(int dir, const std::string& name, int node) const;

  std::filesystem::path root_;
  BatchRunOptions options_;
  std::vector<Node> nodes_;  // nodes_[0] is the root
};

}  // namespace newsie::fuzz
