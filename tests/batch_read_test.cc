// BatchReader (pipeline/batch_read.h): a batch of small files read whole with
// io_uring, and everything it cannot vouch for left to the usual read.
#include "pipeline/batch_read.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/test_support.h"

namespace newsie::testing {
namespace {

namespace fs = std::filesystem;

size_t OpenDescriptors() {
  size_t n = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator("/proc/self/fd")) ++n;
  return n;
}

// A folder's fd, closed at the end of the test.
struct Folder {
  int fd;
  explicit Folder(const fs::path& dir) : fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY)) {}
  ~Folder() { ::close(fd); }
};

}  // namespace

TEST_CASE("batch read: small files whole, everything else left to the usual read",
          "[input][batch]") {
  TempDir dir;
  const std::string small = "a short document\n";
  const std::string just_under(BatchReader::kSmallFile - 1, 'u');
  dir.Write("in/empty.txt", "");
  dir.Write("in/small.txt", small);
  dir.Write("in/under.txt", just_under);
  dir.Write("in/at.txt",
            std::string(BatchReader::kSmallFile, 'a'));  // one read cannot tell its end
  dir.Write("in/over-limit.txt", small);                 // over its request's max_bytes
  fs::create_directories(dir.path / "in/folder");
  const Folder folder(dir.path / "in");
  REQUIRE(folder.fd >= 0);

  BatchReader reader;
  if (!reader.available()) WARN("io_uring is not available here: every request is left undone");
  std::vector<std::string> out(7, "stale");
  std::vector<BatchReader::Request> requests = {
      {folder.fd, "empty.txt", 1000, &out[0]},
      {folder.fd, "small.txt", 1000, &out[1]},
      {folder.fd, "missing.txt", 1000, &out[2]},
      {folder.fd, "under.txt", UINT64_MAX, &out[3]},
      {folder.fd, "at.txt", UINT64_MAX, &out[4]},
      {folder.fd, "over-limit.txt", small.size() - 1, &out[5]},
      {folder.fd, "folder", 1000, &out[6]},  // a read of a folder fails
  };
  reader.Read(requests);
  std::vector<bool> done;
  for (const auto& r : requests) done.push_back(r.done);
  if (!reader.available()) {
    CHECK(done == std::vector<bool>(requests.size(), false));
    return;
  }
  // The empty file too is left to the usual read (as a FIFO with nothing in it is).
  CHECK(done == std::vector<bool>{false, true, false, true, false, false, false});
  CHECK(out[0] == "stale");
  CHECK(out[1] == small);
  CHECK(out[3] == just_under);
  CHECK(out[2] == "stale");  // an undone request's string is not touched
}

TEST_CASE("batch read: every file a batch opens is closed, however its read ended",
          "[input][batch]") {
  TempDir dir;
  std::vector<std::string> names;
  for (size_t i = 0; i < BatchReader::kMaxRequests; ++i) {
    names.push_back("f" + std::to_string(i) + ".txt");
    // Short reads (which end a plain link of requests), empty files, and
    // files too large for one read.
    const size_t size = i % 3 == 0 ? 10 : i % 3 == 1 ? 0 : BatchReader::kSmallFile + 5;
    dir.Write("in/" + names.back(), std::string(size, 'x'));
  }
  const Folder folder(dir.path / "in");
  BatchReader reader;
  std::vector<std::string> out(names.size());
  const size_t before = OpenDescriptors();
  for (int round = 0; round < 3; ++round) {
    std::vector<BatchReader::Request> requests;
    for (size_t i = 0; i < names.size(); ++i) {
      requests.push_back({folder.fd, names[i].c_str(), UINT64_MAX, &out[i]});
    }
    reader.Read(requests);
    for (size_t i = 0; i < names.size(); ++i) {
      CHECK(requests[i].done == (reader.available() && i % 3 == 0));
    }
  }
  CHECK(OpenDescriptors() == before);
}

TEST_CASE("batch read: a FIFO in the batch holds nothing up and is left undone", "[input][batch]") {
  // The listing said regular, then the file was replaced by a FIFO with no
  // writer: its open must not wait for one (it held the whole batch, and
  // SIGTERM could not stop it). (A FIFO a writer holds open and writes
  // nothing to still holds the read up: io_uring polls pipes.)
  TempDir dir;
  dir.Write("in/file.txt", "a document\n");
  REQUIRE(::mkfifo((dir.path / "in/idle.txt").c_str(), 0644) == 0);
  const Folder folder(dir.path / "in");
  BatchReader reader;
  std::vector<std::string> out(2);
  std::vector<BatchReader::Request> requests = {
      {folder.fd, "idle.txt", 1000, &out[0]},
      {folder.fd, "file.txt", 1000, &out[1]},
  };
  ::alarm(30);  // a hang fails the test instead of stalling the run
  reader.Read(requests);
  ::alarm(0);
  CHECK_FALSE(requests[0].done);
  CHECK(requests[1].done == reader.available());
  if (reader.available()) CHECK(out[1] == "a document\n");
}

}  // namespace newsie::testing
