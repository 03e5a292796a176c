// AtomicFile: an output file that appears complete or not at all.
//
// Writes go to a temporary file beside the destination; Commit flushes,
// syncs and renames it into place. Destroyed without Commit (an error, a
// signal), it removes the temporary file and the destination is untouched.
// Write errors (a full disk) are remembered and reported by Commit.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

#include "pipeline/status.h"

namespace newsie {

class AtomicFile {
 public:
  AtomicFile() = default;
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Opens the temporary file for `path`. Fails naming the path when its
  // directory is missing or not writable.
  Status Open(const std::string& path);
  void Write(std::string_view bytes);
  // Flushes, syncs and renames into place.
  Status Commit();

  const std::string& temp_path() const { return temp_path_; }

 private:
  std::string path_;
  std::string temp_path_;
  std::FILE* file_ = nullptr;
  bool failed_ = false;
};

}  // namespace newsie
