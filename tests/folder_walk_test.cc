// The folder walk (pipeline/folder_walk.h) as InputReader hands it out: the
// files of a tree in the byte order of their paths under the root, which is
// the order newsie has always written them in.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/input.h"
#include "pipeline/sinks/sink.h"
#include "tests/test_support.h"

namespace newsie::testing {
namespace {

namespace fs = std::filesystem;

// The ids of every item InputReader gives for `root`, in order; errors as "!CODE PATH".
std::vector<std::string> WalkIds(const fs::path& root) {
  std::istringstream no_stdin;
  InputReader reader({root.string()}, InputOptions{}, no_stdin);
  std::vector<std::string> ids;
  while (auto item = reader.Next()) {
    ids.push_back(item->error.ok() ? item->input.id : "!" + item->error.code() + " " + item->path);
  }
  return ids;
}

}  // namespace

TEST_CASE("folder walk: a nested tree comes out in the byte order of its paths", "[input][walk]") {
  // Names whose order is easy to get wrong: '/' sorts after ' ', '-' and '.'
  // but before '0', '_' and the letters; capitals before small letters; a
  // folder "a/" between the files "a.txt" and "a0.txt"; a name that is a
  // prefix of a folder's; UTF-8 after ASCII.
  const std::vector<std::string> expected = {
      "B.txt",       "a b.txt",          "a-b/x.txt",  "a.txt",  "a/B.txt", "a/a",
      "a/a-b/y.txt", "a/a.txt",          "a/a0/z.txt", "a0.txt", "a_c.txt", "b/c.txt",
      "b/c/d/e.txt", "\xea\xb0\x80.txt",  // 가.txt
  };
  // The expected order is that of the paths compared as byte strings, the
  // order the batch had when it sorted every path of the tree at once.
  std::vector<std::string> sorted = expected;
  std::sort(sorted.begin(), sorted.end());
  REQUIRE(sorted == expected);

  TempDir dir;
  // Written in another order, with hidden entries and a sidecar the walk skips.
  for (auto it = expected.rbegin(); it != expected.rend(); ++it) dir.Write("in/" + *it, "x\n");
  dir.Write("in/.hidden.txt", "x\n");
  dir.Write("in/.git/config", "x\n");
  dir.Write("in/a/a.meta.json", "{}");
  fs::create_directories(dir.path / "in/empty");
  CHECK(WalkIds(dir.path / "in") == expected);
}

TEST_CASE("folder walk: ids are the same however the root is written", "[input][walk]") {
  TempDir dir;
  dir.Write("in/a.txt", "x\n");
  dir.Write("in/sub/b.txt", "x\n");
  dir.Write("in/sub/deeper/c.txt", "x\n");
  const std::vector<std::string> expected = {"a.txt", "sub/b.txt", "sub/deeper/c.txt"};
  const std::string root = (dir.path / "in").string();
  for (const std::string& written : {root, root + "/", root + "//", root + "/.", root + "/./",
                                     root + "/sub/..", (dir.path / "in/../in").string()}) {
    INFO(written);
    CHECK(WalkIds(written) == expected);
  }
}

TEST_CASE("input: a file's format follows its extension, in any case", "[input][walk]") {
  TempDir dir;
  const std::vector<std::pair<std::string, Input::Format>> files = {
      {"a.HTML", Input::Format::kHtml},     {"b.Htm", Input::Format::kHtml},
      {"c.xhtml", Input::Format::kHtml},    {"d.html.txt", Input::Format::kText},
      {"e.txt.html", Input::Format::kHtml}, {"f", Input::Format::kText},
      {"g.", Input::Format::kText},         {"..html", Input::Format::kHtml},
      {"h.htmlx", Input::Format::kText},    {"sub.html/i.txt", Input::Format::kText},
  };
  std::vector<std::string> paths;
  for (const auto& [name, format] : files) {
    dir.Write("in/" + name, "plain words\n");
    paths.push_back((dir.path / "in" / name).string());
  }
  dir.Write("in/.html", "plain words\n");  // a hidden file's stem, no extension
  paths.push_back((dir.path / "in/.html").string());
  dir.Write("in/r.JSONL", "{\"id\": \"r1\", \"text\": \"one\"}\n");
  paths.push_back((dir.path / "in/r.JSONL").string());
  std::istringstream no_stdin;
  InputReader reader(paths, InputOptions{}, no_stdin);
  std::vector<Input::Format> formats;
  std::vector<std::string> ids;
  while (auto item = reader.Next()) {
    REQUIRE(item->error.ok());
    formats.push_back(item->input.format);
    ids.push_back(item->input.id);
  }
  REQUIRE(formats.size() == files.size() + 2);
  for (size_t i = 0; i < files.size(); ++i) {
    INFO(files[i].first);
    CHECK(formats[i] == files[i].second);
  }
  CHECK(formats[files.size()] == Input::Format::kText);
  CHECK(ids.back() == "r1");  // read as JSONL records
}

TEST_CASE("folder walk: a sidecar's name is its file's stem and .meta.json", "[input][walk]") {
  for (const char* name : {"a.txt", "a", "a.b.html", "a.", ".x", "..y", "가.txt"}) {
    INFO(name);
    CHECK(SidecarName(name) == SidecarPath(name).string());
    CHECK((fs::path("dir") / SidecarName(name)) == SidecarPath(fs::path("dir") / name));
  }
}

TEST_CASE("folder walk: a symlink loop is one error where the walk meets it", "[input][walk]") {
  TempDir dir;
  dir.Write("in/a.txt", "x\n");
  dir.Write("in/sub/b.txt", "x\n");
  dir.Write("in/z.txt", "x\n");
  fs::create_directory_symlink(dir.path / "in", dir.path / "in/sub/loop");
  const std::string loop = (dir.path / "in/sub/loop").string();
  CHECK(WalkIds(dir.path / "in") ==
        std::vector<std::string>{"a.txt", "sub/b.txt", "!symlink-loop " + loop, "z.txt"});
}

TEST_CASE("folder walk: a file reached by a symlink has the link's own path as its id",
          "[input][walk]") {
  TempDir dir;
  dir.Write("out/x.txt", "x\n");
  dir.Write("in/a.txt", "x\n");
  // Two links to one file outside the tree: each keeps its own id.
  fs::create_symlink(dir.path / "out/x.txt", dir.path / "in/link1.txt");
  fs::create_symlink(dir.path / "out/x.txt", dir.path / "in/link2.txt");
  CHECK(WalkIds(dir.path / "in") == std::vector<std::string>{"a.txt", "link1.txt", "link2.txt"});
}

TEST_CASE("folder walk: a file's sidecar is known from its folder's listing", "[input][walk]") {
  TempDir dir;
  for (const char* name : {"a.txt", "b.txt", "c", "d.html", "sub/e.txt", "sub/f.txt"}) {
    dir.Write(std::string("in/") + name, "x\n");
  }
  dir.Write("in/a.meta.json", "{}");
  dir.Write("in/c.meta.json", "{}");
  fs::create_directories(dir.path / "in/d.meta.json");  // a folder: Load reports it
  dir.Write("in/sub/f.meta.json", "{}");
  dir.Write("in/b.txt.meta.json", "{}");  // not b.txt's: that is b.meta.json
  std::vector<std::string> with, without;
  FolderWalk walk(dir.path / "in");
  while (auto step = walk.Next()) {
    REQUIRE(step->error.ok());
    REQUIRE(step->has_sidecar.has_value());
    (*step->has_sidecar ? with : without).push_back(step->id);
    // It says what looking for the file's SidecarPath finds.
    CHECK(*step->has_sidecar == fs::exists(SidecarPath(step->path)));
  }
  CHECK(with == std::vector<std::string>{"a.txt", "c", "d.html", "sub/f.txt"});
  CHECK(without == std::vector<std::string>{"b.txt", "sub/e.txt"});
  // InputReader passes it on; a file given directly has it unknown.
  std::istringstream no_stdin;
  InputReader reader({(dir.path / "in").string(), (dir.path / "in/a.txt").string()}, InputOptions{},
                     no_stdin);
  std::vector<std::optional<bool>> known;
  while (auto item = reader.Next()) known.push_back(item->has_sidecar);
  CHECK(known ==
        std::vector<std::optional<bool>>{true, false, true, true, false, true, std::nullopt});
}

TEST_CASE("folder walk: a sidecar is read whole whether or not the listing calls it regular",
          "[input][walk]") {
  TempDir dir;
  // A sidecar longer than the one pread Load first tries on a regular one
  // (64 KiB), a short one, and one reached through a symlink.
  const std::string long_title(70000, 't');
  dir.Write("in/a.txt", "x\n");
  dir.Write("in/a.meta.json", R"({"title": ")" + long_title + R"("})");
  dir.Write("in/b.txt", "x\n");
  dir.Write("in/b.meta.json", R"({"title": "short", "date": "2024-01-02"})");
  dir.Write("in/c.txt", "x\n");
  dir.Write("elsewhere/c.meta.json", R"({"title": "linked"})");
  fs::create_symlink(dir.path / "elsewhere/c.meta.json", dir.path / "in/c.meta.json");
  std::istringstream no_stdin;
  InputReader reader({(dir.path / "in").string()}, InputOptions{}, no_stdin);
  std::vector<bool> sidecar_regular;
  std::vector<std::optional<std::string>> titles;
  while (auto item = reader.Next()) {
    REQUIRE(item->error.ok());
    REQUIRE(Load(*item, InputOptions{}).ok());
    CHECK_FALSE(item->input.sidecar_error);
    sidecar_regular.push_back(item->sidecar_listed_regular);
    titles.push_back(item->input.title);
  }
  CHECK(sidecar_regular == std::vector<bool>{true, true, false});
  CHECK(titles == std::vector<std::optional<std::string>>{long_title, "short", "linked"});
}

TEST_CASE("folder walk: a regular file is read whole, at any size, with or without its size",
          "[input][walk]") {
  TempDir dir;
  // Around the size Load first reads a listed regular file with (64 KiB),
  // and a symlink, which the listing does not call regular.
  const std::vector<size_t> sizes = {0, 1, 100, (64 << 10) - 1, 64 << 10, (64 << 10) + 1, 300000};
  std::vector<std::string> bytes;
  for (size_t i = 0; i < sizes.size(); ++i) {
    std::string text(sizes[i], 'a');
    for (size_t j = 0; j < text.size(); ++j) text[j] = static_cast<char>('a' + (j * 7 + i) % 26);
    dir.Write("in/f" + std::to_string(i) + ".txt", text);
    bytes.push_back(std::move(text));
  }
  fs::create_symlink(dir.path / "in/f2.txt", dir.path / "in/link.txt");
  std::istringstream no_stdin;
  InputReader reader({(dir.path / "in").string()}, InputOptions{}, no_stdin);
  std::vector<std::string> read;
  std::vector<bool> regular;
  while (auto item = reader.Next()) {
    REQUIRE(item->error.ok());
    REQUIRE(Load(*item, InputOptions{}).ok());
    read.push_back(item->input.bytes);
    regular.push_back(item->listed_regular);
  }
  bytes.push_back(bytes[2]);  // link.txt sorts after the f*.txt
  CHECK(read == bytes);
  CHECK(regular == std::vector<bool>{true, true, true, true, true, true, true, false});

  // Over --max-bytes: the same error, with the file's size, read short or not.
  InputOptions small;
  small.max_bytes = 50;
  InputReader again({(dir.path / "in").string()}, small, no_stdin);
  std::vector<std::string> codes;
  while (auto item = again.Next()) {
    const Status loaded = Load(*item, small);
    codes.push_back(loaded.ok() ? "ok" : loaded.code());
    if (item->input.id == "f2.txt") {
      CHECK(loaded.message().find("is 100 bytes, more than --max-bytes (50)") != std::string::npos);
    }
  }
  CHECK(codes == std::vector<std::string>{"ok", "ok", "too-large", "too-large", "too-large",
                                          "too-large", "too-large", "too-large"});
}

// Found while fuzzing the batch: `extract in -o in/records.jsonl` read its
// own output back, OUT.partial and OUT.manifest as documents while they were
// being written, and OUT, on --resume, as JSONL input.
TEST_CASE("folder walk: the run's own output files are not walked", "[input][walk]") {
  TempDir dir;
  dir.Write("in/a.txt", "x\n");
  dir.Write("in/sub/b.txt", "x\n");
  const std::string out = (dir.path / "in/sub/records.jsonl").string();
  for (const std::string& file : OutputFiles(out))
    dir.Write(fs::relative(file, dir.path).string(), "x\n");
  dir.Write("in/sub/records.jsonl.bak", "x\n");  // not the run's: walked
  std::istringstream no_stdin;
  InputOptions options;
  options.skip_files = OutputFiles(out);
  // Named through a path that is not the walk's (a symlink, "..").
  fs::create_directory_symlink(dir.path / "in", dir.path / "link");
  options.skip_files.push_back((dir.path / "link/sub/../a.txt").string());
  InputReader reader({(dir.path / "in").string()}, options, no_stdin);
  std::vector<std::string> ids;
  while (auto item = reader.Next()) ids.push_back(item->input.id);
  CHECK(ids == std::vector<std::string>{"sub/b.txt", "sub/records.jsonl.bak"});
}

}  // namespace newsie::testing
