#include "pipeline/folder_walk.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <string_view>
#include <system_error>

namespace newsie {
namespace fs = std::filesystem;
namespace {

bool IsHidden(const std::string& name) { return !name.empty() && name[0] == '.'; }

bool IsSidecar(std::string_view name) {
  constexpr std::string_view kSidecar = ".meta.json";
  return name.size() >= kSidecar.size() && name.substr(name.size() - kSidecar.size()) == kSidecar;
}

std::string ErrnoMessage(int error) {
  return std::error_code(error, std::generic_category()).message();
}

// Whether the entry `name` of `dir` is a folder, a symlink to one included
// (as fs::directory_entry::is_directory tells): the type readdir gave, or a
// stat when it gave none or a symlink. A dangling symlink is no folder: a
// file Load reports.
bool IsDirectory(const fs::path& dir, const std::string& name, unsigned char type) {
  if (type != DT_LNK && type != DT_UNKNOWN) return type == DT_DIR;
  struct stat st {};
  return ::stat((dir / name).c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

WalkStep ErrorStep(const fs::path& dir, std::string code, const std::string& why) {
  WalkStep step;
  step.path = dir;
  step.error = Status::Error(std::move(code), dir.string() + ": " + why);
  return step;
}

}  // namespace

fs::path SidecarPath(const fs::path& file) {
  fs::path sidecar = file;
  sidecar.replace_extension(".meta.json");
  return sidecar;
}

std::string SidecarName(std::string_view file_name) {
  // The stem as fs::path::stem finds it: all of a name without a dot after
  // its first character ("c", ".x", ".."), else up to its last dot.
  const size_t dot = file_name.rfind('.');
  const bool no_extension = dot == std::string_view::npos || dot == 0 || file_name == "..";
  std::string sidecar(no_extension ? file_name : file_name.substr(0, dot));
  sidecar += ".meta.json";
  return sidecar;
}

FolderWalk::FolderWalk(fs::path root, const std::vector<std::string>& skip)
    : root_(std::move(root)) {
  for (const std::string& file : skip) {
    // Its folder as Enter sees folders (canonical), its name as readdir gives it.
    const fs::path path(file);
    std::error_code ec;
    const fs::path dir = fs::weakly_canonical(
        path.has_parent_path() ? path.parent_path() : fs::current_path(ec), ec);
    if (!ec && path.has_filename()) skip_[dir].insert(path.filename().string());
  }
}

std::optional<WalkStep> FolderWalk::Enter(const fs::path& dir, std::string id_prefix) {
  std::error_code ec;
  const fs::path real = fs::canonical(dir, ec);
  if (ec) return ErrorStep(dir, "unreadable", ec.message());
  if (!entered_.insert(real).second) {
    return ErrorStep(dir, "symlink-loop", "directory already visited (symlink loop)");
  }
  // opendir/readdir give each name and (mostly) its type as they are:
  // fs::directory_iterator built and split a path per entry, a few thousand
  // instructions each. Error messages are the same strerror text.
  DIR* handle = ::opendir(dir.c_str());
  if (!handle) return ErrorStep(dir, "unreadable", ErrnoMessage(errno));
  Listing listing{dir, std::move(id_prefix), std::make_shared<const OpenFolder>(handle), {}, {}, {},
                  0};
  const auto skip = skip_.find(real);
  const std::set<std::string>* skipped = skip == skip_.end() ? nullptr : &skip->second;
  int list_errno = 0;  // listing stopped partway (an I/O error while reading the folder)
  while (true) {
    errno = 0;
    const dirent* entry = ::readdir(handle);
    if (!entry) {
      list_errno = errno;
      break;
    }
    std::string name = entry->d_name;
    if (skipped && skipped->count(name)) continue;
    if (IsSidecar(name)) {
      if (entry->d_type != DT_REG) listing.irregular.push_back(name);
      listing.sidecars.push_back(name);
    }
    if (IsHidden(name)) continue;  // "." and ".." too
    if (IsDirectory(dir, name, entry->d_type)) {
      listing.names.push_back(name + '/');
    } else if (!IsSidecar(name)) {
      if (entry->d_type != DT_REG) listing.irregular.push_back(name);
      listing.names.push_back(std::move(name));
    }
  }
  std::sort(listing.names.begin(), listing.names.end());
  std::sort(listing.sidecars.begin(), listing.sidecars.end());
  std::sort(listing.irregular.begin(), listing.irregular.end());
  stack_.push_back(std::move(listing));
  // What was listed is walked; what was not is reported, not dropped silently.
  if (list_errno != 0) {
    return ErrorStep(dir, "unreadable", "listing stopped partway: " + ErrnoMessage(list_errno));
  }
  return std::nullopt;
}

std::optional<WalkStep> FolderWalk::Next() {
  if (!started_) {
    started_ = true;
    if (auto error = Enter(root_, "")) return error;
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
      if (auto error = Enter(dir, top.id_prefix + name)) return error;  // (Enter may move `top`)
      continue;
    }
    WalkStep step;
    step.path = top.dir / name;
    // The path as walked, under the root: the names on the way down, no
    // system call (fs::relative resolved every component of every path, six
    // readlink calls a file, and gave two links to one file the same id),
    // and no path split either (lexically_relative, which gave the same).
    step.id = top.id_prefix + name;
    const auto listed_regular = [&top](const std::string& entry) {
      return top.irregular.empty() ||
             !std::binary_search(top.irregular.begin(), top.irregular.end(), entry);
    };
    const std::string sidecar = SidecarName(name);
    step.has_sidecar = !top.sidecars.empty() &&
                       std::binary_search(top.sidecars.begin(), top.sidecars.end(), sidecar);
    step.regular = listed_regular(name);
    step.sidecar_regular = *step.has_sidecar && listed_regular(sidecar);
    step.folder = top.open;
    return step;
  }
  return std::nullopt;
}

}  // namespace newsie
