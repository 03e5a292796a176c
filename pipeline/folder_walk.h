// FolderWalk: the files under a folder, one at a time, in sorted order,
// without listing the whole tree first.
//
// The order is that of the files' paths under the root compared as byte
// strings: "B.txt" < "a-b/x.txt" < "a.txt" < "a/x.txt" < "a0.txt". The walk
// gets it depth first by sorting each folder's entries with a '/' after a
// subfolder's name: "a/" then sorts among its siblings exactly where the
// paths inside it do, since '/' is the character that follows "a" in them.
// Only the folders on the way down to the current file are held, each as its
// sorted list of names and a position in it, so memory follows the depth of
// the tree and the size of one folder, not the number of files.
//
// Hidden entries (.name) and NAME.meta.json sidecars are skipped, and so are
// the files named in `skip` (the run's own output, when a user writes it into
// the folder being read: read back, OUT.partial would become a document
// while it is being written, and OUT the JSONL input of the next run). A symlink
// to a folder is followed, but each real folder is entered once: reaching
// one again (a symlink loop, or two links to one folder) is a `symlink-loop`
// error naming the path that reached it. A folder that cannot be resolved or
// listed is an `unreadable` error; one whose listing fails partway is walked
// as far as it was listed, after an `unreadable` error saying so. Errors come
// out where the walk meets them.
//
// A file's id is the path it was reached by under the root ("sub/x.txt"),
// symlinks included as they are named: each file of the walk has its own id,
// and it sorts where the file comes out.
//
// The walk also tells whether a file's sidecar was in its folder's listing,
// so the reader opens only the sidecars that exist (an open that fails costs
// a system call per file, and most files have no sidecar). A sidecar made
// after the listing is missed, like a file made after it.
//
// Each folder stays open while its files may be read: a file's step holds
// its folder (OpenFolder), so the reader opens the file by its name in that
// folder (openat) and the kernel looks up one name, not every component of
// the path. The folder closes once the walk has left it and no step of it
// is held (a worker may still be reading one when the walk has moved on).
#pragma once

#include <dirent.h>

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/status.h"

namespace newsie {

// A folder the walk listed, open: its files open relative to fd().
class OpenFolder {
 public:
  explicit OpenFolder(DIR* dir) : dir_(dir) {}
  ~OpenFolder() { ::closedir(dir_); }
  OpenFolder(const OpenFolder&) = delete;
  OpenFolder& operator=(const OpenFolder&) = delete;
  int fd() const { return ::dirfd(dir_); }

 private:
  DIR* dir_;
};

// One step of a walk: a file, or an error about a folder.
struct WalkStep {
  std::filesystem::path path;  // the file, or the folder the error is about
  std::string id;              // a file's path relative to the root ('/'-separated)
  Status error;                // not OK: `path` could not be walked
  // A file's: whether its folder's listing held its SidecarPath (as any kind
  // of entry). nullopt when not known (a file not found by a walk).
  std::optional<bool> has_sidecar;
  // A file's: the listing called it a regular file (DT_REG: no symlink,
  // device or FIFO), so a read shorter than asked is its end.
  bool regular = false;
  // A file's: has_sidecar, and the listing called the sidecar regular too.
  bool sidecar_regular = false;
  // A walked file's folder, open (`path`'s last component is the file's name
  // in it). Null for a file not found by a walk.
  std::shared_ptr<const OpenFolder> folder = nullptr;
};

// NAME.meta.json for NAME.txt (NAME.EXT or NAME): the sidecar that may come
// with a text file, in the same folder.
std::filesystem::path SidecarPath(const std::filesystem::path& file);
// The same for a file's name alone ("NAME.txt" -> "NAME.meta.json"), the
// sidecar's name in the file's folder.
std::string SidecarName(std::string_view file_name);

class FolderWalk {
 public:
  // `root` must be a folder (InputReader checks); its own errors come first.
  // `skip`: files (existing or not) that are never handed out.
  explicit FolderWalk(std::filesystem::path root, const std::vector<std::string>& skip = {});

  // The next file or error in walk order; nullopt when the walk is done.
  std::optional<WalkStep> Next();

 private:
  // One folder on the way down: its entries' names, a subfolder's with '/'
  // appended, sorted; and the next one to hand out. `sidecars`: the names
  // that end in .meta.json (of any kind of entry), sorted. `irregular`: the
  // files readdir did not call regular (symlinks, devices, an unknown type),
  // sorted; mostly none.
  struct Listing {
    std::filesystem::path dir;
    std::string id_prefix;  // the folder's path under the root, with '/' ("" for the root)
    std::shared_ptr<const OpenFolder> open;
    std::vector<std::string> names;
    std::vector<std::string> sidecars;
    std::vector<std::string> irregular;  // files and sidecars that are not DT_REG
    size_t next = 0;
  };

  // Lists `dir` onto the stack, or returns the error that keeps it out.
  std::optional<WalkStep> Enter(const std::filesystem::path& dir, std::string id_prefix);

  std::filesystem::path root_;
  bool started_ = false;
  std::vector<Listing> stack_;
  std::set<std::filesystem::path> entered_;  // the real (canonical) folders entered so far
  // `skip` by the real folder they are in: the names to leave out of its listing.
  std::map<std::filesystem::path, std::set<std::string>> skip_;
};

}  // namespace newsie
