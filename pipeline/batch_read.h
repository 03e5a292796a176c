// BatchReader: reads many small files with a few system calls for them all
// (io_uring), where open, read and close took three for each file.
//
// A system call costs this kind of machine (a VM) 1-2 us before it does
// anything; a batch of documents and sidecars opened, read and closed with
// two calls instead of three per file saved about 4 us per file.
//
// Only the plain case is done here: a file opened and read whole by one
// read of 1 to kSmallFile - 1 bytes, within its request's max_bytes.
// Anything else (an open that failed, an empty or larger file, a failed
// read, a FIFO with nothing in it, or no io_uring at all: an old kernel, a
// sandbox that forbids it) is left undone, and the caller reads the file its
// usual way, which also gives any error its usual words.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>

namespace newsie {

class BatchReader {
 public:
  struct Request {
    int dirfd = -1;              // the folder `name` is in (an open folder's fd)
    const char* name = nullptr;  // the file's name in it; held by the caller until Read returns
    uint64_t max_bytes = 0;      // a larger file is left undone
    std::string* out = nullptr;  // set to the file's bytes when done
    bool done = false;           // set by Read: *out holds the whole file
  };

  // A file of this size or more is left undone (one read of this size shows
  // a smaller file whole: a short read of a regular file is its end).
  static constexpr size_t kSmallFile = 64 << 10;
  // Read takes at most this many requests at once.
  static constexpr size_t kMaxRequests = 64;

  // Sets up the ring; when the kernel refuses, available() is false and Read
  // leaves every request undone.
  BatchReader();
  ~BatchReader();
  BatchReader(const BatchReader&) = delete;
  BatchReader& operator=(const BatchReader&) = delete;

  bool available() const;

  // Reads the requests' files (at most kMaxRequests), setting `done` on
  // those read whole. Ask only for files a listing called regular: a FIFO
  // that replaced one since is opened without waiting for a writer and,
  // with none, left undone, but one a writer holds open waits for its data,
  // and what a writer put in one is read like a file's bytes. Not for
  // concurrent use.
  void Read(std::span<Request> requests);

 private:
  class Ring;
  std::unique_ptr<Ring> ring_;
  // kSmallFile per request, made at the first Read and left unfilled: only
  // the pages the files' bytes land in are ever touched.
  std::unique_ptr<char[]> buffers_;
};

}  // namespace newsie
