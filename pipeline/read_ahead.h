// ReadAheadBatch: a folder walk's next small files, read in one go
// (BatchReader) by whichever worker thread gets to it first, not by the
// reader while it holds the runner's lock.
//
// InputReader walks a batch's steps under the runner's reader lock (a walk
// step takes a microsecond), but the files' bytes are read later, on a
// worker: reading 32 files and their sidecars takes a few hundred
// microseconds, and done under the lock it kept the other worker waiting for
// its next document about once a batch (1.3 s of 9.3 at --jobs 2 on c100k).
//
// A batch is read as soon as it is walked, a batch ahead: the WorkItem that
// InputReader hands out when it walks a batch (or the next one to be loaded,
// when that is an error) carries it as `read_next`, and its worker reads it
// before its own document (Load). By the time another
// worker reaches the batch's first file, about a batch of documents later,
// its bytes are there. A worker that gets to an unread batch first reads it
// itself, and one that finds it being read waits: either way a file is read
// once, and a WorkItem that no one read ahead still loads.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/batch_read.h"
#include "pipeline/folder_walk.h"

namespace newsie {

// The reader's BatchReader, shared by its batches: one batch reads at a time.
struct SharedBatchReader {
  std::mutex mu;
  BatchReader reader;
};

class ReadAheadBatch {
 public:
  // A small regular file to read, by its name in its open folder, with its
  // sidecar when the listing had a regular one.
  struct File {
    std::shared_ptr<const OpenFolder> folder;
    std::string name;                         // in `folder`
    std::optional<std::string> sidecar_name;  // in `folder`, when it is to be read
    uint64_t max_bytes = 0;                   // a larger file is left to Load
  };
  // What Take hands over: the bytes read, or nothing when the file (or its
  // sidecar) was not read here and is Load's to read.
  struct Bytes {
    std::optional<std::string> file;
    std::optional<std::string> sidecar;
  };

  ReadAheadBatch(std::shared_ptr<SharedBatchReader> reader, std::vector<File> files);

  // Reads the batch unless someone already is or did; returns at once then.
  void Read();
  // File `index`'s bytes, reading the batch first if no one has (or waiting
  // for the worker reading it). Each index is taken once.
  Bytes Take(size_t index);

 private:
  enum class State { kUnread, kReading, kRead };
  void ReadNow();

  std::shared_ptr<SharedBatchReader> reader_;
  std::vector<File> files_;
  std::vector<Bytes> bytes_;  // by index, filled by ReadNow
  std::mutex mu_;
  std::condition_variable read_;
  State state_ = State::kUnread;  // under mu_
};

}  // namespace newsie
