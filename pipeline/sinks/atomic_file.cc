#include "pipeline/sinks/atomic_file.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace newsie {

AtomicFile::~AtomicFile() {
  if (file_) {
    std::fclose(file_);
    std::remove(temp_path_.c_str());
  }
}

Status AtomicFile::Open(const std::string& path) {
  path_ = path;
  temp_path_ = path + ".tmp-" + std::to_string(::getpid());
  file_ = std::fopen(temp_path_.c_str(), "wb");
  if (!file_) {
    return Status::Error("cannot-write", "cannot write " + path + ": " + std::strerror(errno));
  }
  return {};
}

void AtomicFile::Write(std::string_view bytes) {
  if (!file_ || failed_) return;
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) failed_ = true;
}

Status AtomicFile::Commit() {
  if (!file_) return Status::Error("cannot-write", "cannot write " + path_);
  const bool flushed = std::fflush(file_) == 0 && ::fsync(::fileno(file_)) == 0;
  const int saved = errno;
  const bool closed = std::fclose(file_) == 0;
  file_ = nullptr;
  if (failed_ || !flushed || !closed) {
    std::remove(temp_path_.c_str());
    return Status::Error("write-failed", "writing " + path_ +
                                             " failed: " + std::strerror(saved ? saved : EIO) +
                                             "; the output was not written");
  }
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    std::remove(temp_path_.c_str());
    return Status::Error("write-failed",
                         "cannot move output into place at " + path_ + ": " + reason);
  }
  return {};
}

}  // namespace newsie
