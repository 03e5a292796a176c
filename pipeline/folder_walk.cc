#include "pipeline/folder_walk.h"

#include <algorithm>
#include <string_view>

namespace newsie {
namespace fs = std::filesystem;
namespace {

bool IsHidden(const std::string& name) { return !name.empty() && name[0] == '.'; }

bool IsSidecar(std::string_view name) {
  constexpr std::string_view kSidecar = ".meta.json";
  return name.size() >= kSidecar.size() && name.substr(name.size() - kSidecar.size()) == kSidecar;
}

WalkStep ErrorStep(const fs::path& dir, std::string code, const std::string& why) {
  WalkStep step;
  step.path = dir;
  step.error = Status::Error(std::move(code), dir.string() + ": " + why);
  return step;
}

}  // namespace

FolderWalk::FolderWalk(fs::path root) : root_(std::move(root)) {}

std::optional<WalkStep> FolderWalk::Enter(const fs::path& dir) {
  std::error_code ec;
  const fs::path real = fs::canonical(dir, ec);
  if (ec) return ErrorStep(dir, "unreadable", ec.message());
  if (!entered_.insert(real).second) {
    return ErrorStep(dir, "symlink-loop", "directory already visited (symlink loop)");
  }
  fs::directory_iterator it(dir, ec), end;
  if (ec) return ErrorStep(dir, "unreadable", ec.message());
  Listing listing{dir, {}, 0};
  std::error_code list_ec;  // listing stopped partway (an I/O error while reading the folder)
  for (; it != end; it.increment(list_ec)) {
    if (list_ec) break;
    std::string name = it->path().filename().string();
    if (IsHidden(name)) continue;
    std::error_code type_ec;  // a dangling symlink is no folder: a file Load reports
    if (it->is_directory(type_ec)) {
      listing.names.push_back(name + '/');
    } else if (!IsSidecar(name)) {
      listing.names.push_back(std::move(name));
    }
  }
  std::sort(listing.names.begin(), listing.names.end());
  stack_.push_back(std::move(listing));
  // What was listed is walked; what was not is reported, not dropped silently.
  if (list_ec) {
    return ErrorStep(dir, "unreadable", "listing stopped partway: " + list_ec.message());
  }
  return std::nullopt;
}

std::optional<WalkStep> FolderWalk::Next() {
  if (!started_) {
    started_ = true;
    if (auto error = Enter(root_)) return error;
  }
  while (!stack_.empty()) {
    Listing& top = stack_.back();
    if (top.next == top.names.size()) {
      stack_.pop_back();
      continue;
    }
    const std::string& name = top.names[top.next++];
    if (name.back() == '/') {
      const fs::path dir = top.dir / name.substr(0, name.size() - 1);
      if (auto error = Enter(dir)) return error;  // (Enter may move `top`)
      continue;
    }
    WalkStep step;
    step.path = top.dir / name;
    // The path as walked, under the root: read off the names, no system call
    // (fs::relative resolved every component of every path, six readlink
    // calls a file, and gave two links to one file the same id).
    step.id = step.path.lexically_relative(root_).generic_string();
    return step;
  }
  return std::nullopt;
}

}  // namespace newsie
