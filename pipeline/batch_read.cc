#include "pipeline/batch_read.h"

#include <fcntl.h>
#include <linux/io_uring.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace newsie {

// The few io_uring calls needed, on the kernel's interface itself (no
// liburing): one submission ring, one completion ring, waited on in full.
class BatchReader::Ring {
 public:
  // Room for a read and a close per request.
  static constexpr unsigned kEntries = 2 * kMaxRequests;

  Ring() {
    io_uring_params params{};
    const long fd = ::syscall(__NR_io_uring_setup, kEntries, &params);
    if (fd < 0) return;
    fd_ = static_cast<int>(fd);
    sq_size_ = params.sq_off.array + params.sq_entries * sizeof(unsigned);
    cq_size_ = params.cq_off.cqes + params.cq_entries * sizeof(io_uring_cqe);
    const bool single = (params.features & IORING_FEAT_SINGLE_MMAP) != 0;
    if (single) sq_size_ = cq_size_ = std::max(sq_size_, cq_size_);
    sq_ = Map(sq_size_, IORING_OFF_SQ_RING);
    cq_ = single ? sq_ : Map(cq_size_, IORING_OFF_CQ_RING);
    sqes_size_ = params.sq_entries * sizeof(io_uring_sqe);
    sqes_ = static_cast<io_uring_sqe*>(Map(sqes_size_, IORING_OFF_SQES));
    if (!sq_ || !cq_ || !sqes_ || params.sq_entries < kEntries || params.cq_entries < kEntries) {
      Close();
      return;
    }
    auto* sq = static_cast<char*>(sq_);
    auto* cq = static_cast<char*>(cq_);
    sq_tail_ = reinterpret_cast<unsigned*>(sq + params.sq_off.tail);
    sq_mask_ = *reinterpret_cast<unsigned*>(sq + params.sq_off.ring_mask);
    sq_array_ = reinterpret_cast<unsigned*>(sq + params.sq_off.array);
    cq_head_ = reinterpret_cast<unsigned*>(cq + params.cq_off.head);
    cq_tail_ = reinterpret_cast<unsigned*>(cq + params.cq_off.tail);
    cq_mask_ = *reinterpret_cast<unsigned*>(cq + params.cq_off.ring_mask);
    cqes_ = reinterpret_cast<io_uring_cqe*>(cq + params.cq_off.cqes);
  }
  ~Ring() { Close(); }
  Ring(const Ring&) = delete;
  Ring& operator=(const Ring&) = delete;

  bool ok() const { return fd_ >= 0 && !broken_; }

  // A zeroed entry to fill, submitted by the next Run.
  io_uring_sqe& Add() {
    const unsigned index = (*sq_tail_ + queued_) & sq_mask_;
    sq_array_[index] = index;
    ++queued_;
    io_uring_sqe& sqe = sqes_[index];
    std::memset(&sqe, 0, sizeof sqe);
    return sqe;
  }

  // Submits what was added and waits for all of it, handing each completion
  // to `on_done`. False when the kernel refused: the ring is then not used
  // again (what it had not completed may keep a file open, which is rare
  // enough to leave: closing it here could close another thread's file).
  template <class OnDone>
  bool Run(OnDone on_done) {
    const unsigned submitted = queued_;
    queued_ = 0;
    __atomic_store_n(sq_tail_, *sq_tail_ + submitted, __ATOMIC_RELEASE);
    unsigned to_submit = submitted, completed = 0;
    while (completed < submitted) {
      const unsigned head = *cq_head_;
      const unsigned tail = __atomic_load_n(cq_tail_, __ATOMIC_ACQUIRE);
      for (unsigned i = head; i != tail; ++i, ++completed) on_done(cqes_[i & cq_mask_]);
      __atomic_store_n(cq_head_, tail, __ATOMIC_RELEASE);
      if (completed == submitted) break;
      const long got = ::syscall(__NR_io_uring_enter, fd_, to_submit, submitted - completed,
                                 IORING_ENTER_GETEVENTS, nullptr, 0);
      if (got < 0 && errno != EINTR && errno != EAGAIN && errno != EBUSY) {
        broken_ = true;
        return false;
      }
      if (got > 0) to_submit -= std::min(to_submit, static_cast<unsigned>(got));
    }
    return true;
  }

 private:
  void* Map(size_t size, off_t offset) const {
    void* p = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_POPULATE, fd_, offset);
    return p == MAP_FAILED ? nullptr : p;
  }

  void Close() {
    if (sqes_) ::munmap(sqes_, sqes_size_);
    if (cq_ && cq_ != sq_) ::munmap(cq_, cq_size_);
    if (sq_) ::munmap(sq_, sq_size_);
    if (fd_ >= 0) ::close(fd_);
    sqes_ = nullptr;
    sq_ = cq_ = nullptr;
    fd_ = -1;
  }

  int fd_ = -1;
  bool broken_ = false;
  void* sq_ = nullptr;
  void* cq_ = nullptr;
  io_uring_sqe* sqes_ = nullptr;
  size_t sq_size_ = 0, cq_size_ = 0, sqes_size_ = 0;
  unsigned* sq_tail_ = nullptr;
  unsigned* sq_array_ = nullptr;
  unsigned* cq_head_ = nullptr;
  unsigned* cq_tail_ = nullptr;
  unsigned sq_mask_ = 0, cq_mask_ = 0;
  unsigned queued_ = 0;  // added, not yet submitted
  io_uring_cqe* cqes_ = nullptr;
};

BatchReader::BatchReader() : ring_(std::make_unique<Ring>()) {}
BatchReader::~BatchReader() = default;

bool BatchReader::available() const { return ring_->ok(); }

void BatchReader::Read(std::span<Request> requests) {
  requests = requests.first(std::min(requests.size(), kMaxRequests));
  for (Request& r : requests) r.done = false;
  if (!available() || requests.empty()) return;
  if (!buffers_) buffers_.reset(new char[kMaxRequests * kSmallFile]);
  // The opens first: each read needs its file's descriptor.
  int fds[kMaxRequests];
  for (size_t i = 0; i < requests.size(); ++i) {
    fds[i] = -1;
    io_uring_sqe& open = ring_->Add();
    open.opcode = IORING_OP_OPENAT;
    open.fd = requests[i].dirfd;
    open.addr = reinterpret_cast<uintptr_t>(requests[i].name);
    // O_NONBLOCK: a file that became a FIFO after the listing opens at once
    // instead of waiting for a writer, and with no writer its read ends at
    // once with nothing, which is left undone. (With a writer that holds it
    // open and writes nothing, io_uring's read still waits: io_uring polls
    // a pipe whatever O_NONBLOCK says.) On a file it changes nothing:
    // io_uring still reads pages not yet in the cache.
    open.open_flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK;
    open.user_data = i;
  }
  if (!ring_->Run([&](const io_uring_cqe& c) { fds[c.user_data] = c.res; })) return;
  // Then each open file's read, and its close whatever the read gave (a hard
  // link: a short read, which is what a small file gives, would cancel the
  // close of a plain link).
  constexpr uint64_t kClose = uint64_t{1} << 32;
  int got[kMaxRequests];
  size_t opened = 0;
  for (size_t i = 0; i < requests.size(); ++i) {
    got[i] = -1;
    if (fds[i] < 0) continue;
    ++opened;
    io_uring_sqe& read = ring_->Add();
    read.opcode = IORING_OP_READ;
    read.fd = fds[i];
    read.addr = reinterpret_cast<uintptr_t>(buffers_.get() + i * kSmallFile);
    read.len = kSmallFile;
    read.off = 0;
    read.flags = IOSQE_IO_HARDLINK;
    read.user_data = i;
    io_uring_sqe& close = ring_->Add();
    close.opcode = IORING_OP_CLOSE;
    close.fd = fds[i];
    close.user_data = kClose | i;
  }
  if (opened == 0) return;
  if (!ring_->Run([&](const io_uring_cqe& c) {
        if ((c.user_data & kClose) == 0) got[c.user_data] = c.res;
      })) {
    return;
  }
  for (size_t i = 0; i < requests.size(); ++i) {
    Request& r = requests[i];
    // Nothing read is left undone too: an empty file (rare: Load reads it
    // again), or a FIFO or device that replaced the file after the listing,
    // which Load reports as what it is. (A statx linked before each read to
    // tell them apart went to io_uring's worker threads: 7 % more time.)
    if (got[i] <= 0 || static_cast<size_t>(got[i]) >= kSmallFile ||
        static_cast<uint64_t>(got[i]) > r.max_bytes) {
      continue;
    }
    r.out->assign(buffers_.get() + i * kSmallFile, static_cast<size_t>(got[i]));
    r.done = true;
  }
}

}  // namespace newsie
