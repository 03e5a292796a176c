#include "pipeline/read_ahead.h"

#include <utility>

namespace newsie {

ReadAheadBatch::ReadAheadBatch(std::shared_ptr<SharedBatchReader> reader, std::vector<File> files)
    : reader_(std::move(reader)), files_(std::move(files)), bytes_(files_.size()) {}

void ReadAheadBatch::Read() {
  {
    std::lock_guard lock(mu_);
    if (state_ != State::kUnread) return;
    state_ = State::kReading;
  }
  ReadNow();
}

ReadAheadBatch::Bytes ReadAheadBatch::Take(size_t index) {
  std::unique_lock lock(mu_);
  if (state_ == State::kUnread) {
    state_ = State::kReading;
    lock.unlock();
    ReadNow();
    lock.lock();
  }
  read_.wait(lock, [&] { return state_ == State::kRead; });
  return std::move(bytes_[index]);
}

void ReadAheadBatch::ReadNow() {
  // Names point into files_, which stays put until the batch is gone.
  std::vector<BatchReader::Request> requests;
  std::vector<std::optional<std::string>*> outs;  // by request: what it fills
  requests.reserve(2 * files_.size());
  outs.reserve(2 * files_.size());
  const auto add = [&](const File& file, const std::string& name, uint64_t max_bytes,
                       std::optional<std::string>& out) {
    out.emplace();
    requests.push_back({file.folder->fd(), name.c_str(), max_bytes, &*out});
    outs.push_back(&out);
  };
  for (size_t i = 0; i < files_.size(); ++i) {
    const File& file = files_[i];
    add(file, file.name, file.max_bytes, bytes_[i].file);
    if (file.sidecar_name) add(file, *file.sidecar_name, UINT64_MAX - 1, bytes_[i].sidecar);
  }
  {
    std::lock_guard lock(reader_->mu);
    reader_->reader.Read(requests);
  }
  // What was not read is Load's to read, in its own words if it fails.
  for (size_t r = 0; r < requests.size(); ++r) {
    if (!requests[r].done) outs[r]->reset();
  }
  {
    std::lock_guard lock(mu_);
    state_ = State::kRead;
  }
  read_.notify_all();
}

}  // namespace newsie
