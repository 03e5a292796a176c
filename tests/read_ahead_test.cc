// Reading a folder walk ahead (pipeline/read_ahead.h): each batch is read
// by a worker a batch before its files' turn, and whatever order or thread
// the items are loaded in, each gets its own bytes and sidecar.
#include "pipeline/read_ahead.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "pipeline/input.h"
#include "tests/test_support.h"

namespace newsie::testing {
namespace {

namespace fs = std::filesystem;

// A folder of `count` documents, each with its own text; every third has a
// sidecar with its own title.
struct Folder {
  TempDir dir;
  std::vector<std::string> texts;
  explicit Folder(size_t count) {
    for (size_t i = 0; i < count; ++i) {
      char name[32];
      std::snprintf(name, sizeof name, "in/d%03zu.txt", i);
      texts.push_back("document " + std::to_string(i) + "\n");
      dir.Write(name, texts.back());
      if (i % 3 == 0) {
        std::snprintf(name, sizeof name, "in/d%03zu.meta.json", i);
        dir.Write(name, R"({"title": "title )" + std::to_string(i) + R"("})");
      }
    }
  }
  std::vector<WorkItem> Items() const {
    std::istringstream no_stdin;
    InputReader reader({(dir.path / "in").string()}, InputOptions{}, no_stdin);
    std::vector<WorkItem> items;
    while (auto item = reader.Next()) items.push_back(std::move(*item));
    return items;
  }
  void CheckLoaded(WorkItem& item, size_t i) const {
    INFO("item " << i);
    REQUIRE(Load(item, InputOptions{}).ok());
    CHECK(item.input.bytes == texts[i]);
    if (i % 3 == 0) {
      CHECK(item.input.title == "title " + std::to_string(i));
    } else {
      CHECK_FALSE(item.input.title);
    }
  }
};

}  // namespace

TEST_CASE("read ahead: each item loads its own bytes and sidecar, loaded in any order",
          "[input][batch]") {
  const size_t count = 3 * kReadAheadFiles + 5;
  const Folder folder(count);
  std::vector<WorkItem> items = folder.Items();
  REQUIRE(items.size() == count);
  // Last first: every batch is read by the first item that needs it, and the
  // batches handed out for reading ahead (read_next) are read late or twice
  // asked for, which must change nothing.
  for (size_t i = count; i-- > 0;) folder.CheckLoaded(items[i], i);
}

TEST_CASE("read ahead: two threads loading one batch's items each get their own",
          "[input][batch]") {
  const size_t count = 4 * kReadAheadFiles;
  const Folder folder(count);
  for (int round = 0; round < 20; ++round) {
    std::vector<WorkItem> items = folder.Items();
    REQUIRE(items.size() == count);
    // Interleaved, as two workers take turns: both may reach an unread
    // batch at once; one reads it, the other waits for it.
    std::vector<std::string> bytes(count);
    auto load = [&](size_t first) {
      for (size_t i = first; i < count; i += 2) {
        if (Load(items[i], InputOptions{}).ok()) bytes[i] = items[i].input.bytes;
      }
    };
    std::thread other(load, 1);
    load(0);
    other.join();
    for (size_t i = 0; i < count; ++i) CHECK(bytes[i] == folder.texts[i]);
  }
}

TEST_CASE("read ahead: each batch is handed out for reading a batch before its first file",
          "[input][batch]") {
  const size_t count = 4 * kReadAheadFiles + 7;
  const Folder folder(count);
  const std::vector<WorkItem> items = folder.Items();
  REQUIRE(items.size() == count);
  if (!items[0].batch) {
    WARN("io_uring is not available here: nothing is read ahead");
    return;
  }
  // Where each batch was handed out to be read, and where its files start.
  std::map<const ReadAheadBatch*, size_t> handed_out, first_file;
  for (size_t i = 0; i < count; ++i) {
    if (items[i].read_next) handed_out.emplace(items[i].read_next.get(), i);
    REQUIRE(items[i].batch);
    first_file.emplace(items[i].batch.get(), i);
  }
  CHECK(first_file.size() == (count + kReadAheadFiles - 1) / kReadAheadFiles);
  for (const auto& [batch, first] : first_file) {
    INFO("the batch starting at item " << first);
    REQUIRE(handed_out.count(batch) == 1);
    if (first == 0) {
      CHECK(handed_out[batch] == 0);  // the first is read by the first item's worker
    } else {
      CHECK(handed_out[batch] + kReadAheadFiles - 2 <= first);
    }
  }
}

}  // namespace newsie::testing
