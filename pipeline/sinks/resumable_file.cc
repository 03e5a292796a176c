#include "pipeline/sinks/resumable_file.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "pipeline/decode.h"

namespace newsie {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kManifestMagic = "newsie-manifest/1";

struct ManifestEntry {
  uint64_t end = 0;
  RecordKey key;
};

// Parses one manifest line "END SHA256 \"ID\""; false for a torn or bad line.
bool ParseEntry(const std::string& line, ManifestEntry& entry) {
  const auto a = line.find(' ');
  if (a == std::string::npos || a == 0) return false;
  const auto b = line.find(' ', a + 1);
  if (b == std::string::npos || b - a - 1 != 64) return false;
  try {
    size_t used = 0;
    entry.end = std::stoull(line.substr(0, a), &used);
    if (used != a) return false;
    const auto id = nlohmann::json::parse(line.substr(b + 1));
    if (id.is_string()) {
      entry.key.id = id.get<std::string>();
    } else if (id.is_array()) {  // an id that is not UTF-8, byte by byte
      entry.key.id.clear();
      for (const auto& byte : id) {
        if (!byte.is_number_unsigned() || byte.get<uint64_t>() > 0xff) return false;
        entry.key.id += static_cast<char>(byte.get<uint64_t>());
      }
    } else {
      return false;
    }
  } catch (const std::exception&) {
    return false;
  }
  entry.key.sha256 = line.substr(a + 1, 64);
  return true;
}

// Appends the manifest line "END SHA256 ID\n" for one record to `out`. The
// id is a JSON string when it is UTF-8, and the array of its bytes when it
// is not (a file name in another encoding): a string would have its bad
// bytes replaced by U+FFFD, and --resume would not know the document again
// and write it twice. An id of printable ASCII without quotes or
// backslashes (a path, mostly) is its own JSON string; building a json
// value to dump it was most of the line's cost.
void AppendEntryLine(std::string& out, uint64_t end, const RecordKey& key) {
  out += std::to_string(end);
  out += ' ';
  out += key.sha256;
  out += ' ';
  const bool plain = std::all_of(key.id.begin(), key.id.end(), [](char c) {
    return c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
  });
  if (plain) {
    out += '"';
    out += key.id;
    out += '"';
  } else if (IsValidUtf8(key.id)) {
    out += nlohmann::json(key.id).dump();
  } else {
    nlohmann::json bytes = nlohmann::json::array();
    for (const char c : key.id) bytes.push_back(static_cast<unsigned char>(c));
    out += bytes.dump();
  }
  out += '\n';
}

bool SyncAndClose(std::FILE*& file) {
  if (!file) return true;
  const bool ok = std::fflush(file) == 0 && ::fsync(::fileno(file)) == 0;
  const bool closed = std::fclose(file) == 0;
  file = nullptr;
  return ok && closed;
}

// Writes all of `bytes` to an unbuffered `file` (one write system call).
bool WriteAll(std::FILE* file, const std::string& bytes) {
  return bytes.empty() || std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
}

}  // namespace

ResumableFile::~ResumableFile() {
  // Abandoned (interrupted, or the run failed): what was finished stays for
  // --resume, output before the manifest lines that list it.
  if (file_ && manifest_) WriteBatch();
  if (file_) std::fclose(file_);
  if (manifest_) std::fclose(manifest_);
}

bool ResumableFile::WriteBatch() {
  if (error_ != 0) return false;
  if (!WriteAll(file_, held_)) {
    error_ = errno != 0 ? errno : EIO;
    return false;
  }
  held_.clear();
  if (!WriteAll(manifest_, held_manifest_)) {
    error_ = errno != 0 ? errno : EIO;
    return false;
  }
  held_manifest_.clear();
  last_write_ = std::chrono::steady_clock::now();
  return true;
}

Status ResumableFile::Fail(const std::string& what) {
  if (error_ == 0) error_ = errno != 0 ? errno : EIO;
  return Status::Error("write-failed", what + " " + path_ + " failed: " + std::strerror(error_));
}

Status ResumableFile::Open(const std::string& path, std::string_view format, bool resume,
                           std::vector<RecordKey>& restored) {
  path_ = path;
  const std::string partial = PartialPath(path), manifest = ManifestPath(path);
  const std::string header = std::string(kManifestMagic) + " " + std::string(format) + "\n";
  std::vector<ManifestEntry> entries;
  std::error_code ec;

  if (resume) {
    std::ifstream in(manifest, std::ios::binary);
    std::string line;
    if (in && std::getline(in, line)) {
      if (line + "\n" != header) {
        return Status::Error("cannot-resume", manifest + " does not describe " +
                                                  std::string(format) + " output (it says '" +
                                                  line + "'); run without --resume");
      }
      // Every complete line ends in '\n'; getline cannot tell, so check eof.
      while (std::getline(in, line) && !in.eof()) {
        ManifestEntry entry;
        if (!ParseEntry(line, entry)) break;
        if (!entries.empty() && entry.end < entries.back().end) break;
        entries.push_back(std::move(entry));
      }
    }
    if (!fs::exists(partial, ec)) {
      if (!entries.empty() && fs::exists(path, ec)) {
        // A finished output: continue a copy, so OUT stays whole until Commit.
        if (!fs::copy_file(path, partial, fs::copy_options::overwrite_existing, ec)) {
          return Status::Error("cannot-resume",
                               "cannot copy " + path + " to " + partial + ": " + ec.message());
        }
      } else {
        entries.clear();
      }
    }
    const uint64_t size = fs::exists(partial, ec) ? fs::file_size(partial, ec) : 0;
    while (!entries.empty() && entries.back().end > size) entries.pop_back();
    const uint64_t keep = entries.empty() ? 0 : entries.back().end;
    if (fs::exists(partial, ec)) {
      fs::resize_file(partial, keep, ec);
      if (ec) {
        return Status::Error("cannot-resume", "cannot truncate " + partial + ": " + ec.message());
      }
    }
    offset_ = keep;
  }

  file_ = std::fopen(partial.c_str(), resume ? "ab" : "wb");
  if (!file_) {
    return Status::Error("cannot-write", "cannot write " + partial + ": " + std::strerror(errno));
  }
  // Batches are held here and written whole: stdio's buffer would write
  // OUT.partial in pieces of its own size.
  std::setvbuf(file_, nullptr, _IONBF, 0);
  // Rewrite the manifest (dropping a torn last line), then append to it.
  {
    const std::string temp = manifest + ".tmp";
    std::FILE* out = std::fopen(temp.c_str(), "wb");
    if (!out) {
      return Status::Error("cannot-write", "cannot write " + temp + ": " + std::strerror(errno));
    }
    std::string text = header;
    for (const auto& e : entries) AppendEntryLine(text, e.end, e.key);
    const bool wrote = std::fwrite(text.data(), 1, text.size(), out) == text.size();
    if (!SyncAndClose(out) || !wrote || std::rename(temp.c_str(), manifest.c_str()) != 0) {
      std::remove(temp.c_str());
      return Status::Error("cannot-write",
                           "cannot write " + manifest + ": " + std::strerror(errno));
    }
  }
  manifest_ = std::fopen(manifest.c_str(), "ab");
  if (!manifest_) {
    return Status::Error("cannot-write", "cannot write " + manifest + ": " + std::strerror(errno));
  }
  // Unbuffered like OUT.partial: a buffer of stdio's could write manifest
  // lines before the bytes they list.
  std::setvbuf(manifest_, nullptr, _IONBF, 0);
  last_write_ = std::chrono::steady_clock::now();
  restored.clear();
  for (auto& e : entries) restored.push_back(std::move(e.key));
  return {};
}

void ResumableFile::Write(std::string_view bytes) {
  if (!file_ || error_ != 0) return;
  held_.append(bytes);
  offset_ += bytes.size();
}

Status ResumableFile::EndRecord(const RecordKey& key) {
  if (!file_ || error_ != 0) return Fail("writing");
  // The record is in OUT.partial before the manifest says so (WriteBatch
  // writes in that order): a run killed in between leaves an unlisted tail
  // that resume cuts off.
  AppendEntryLine(held_manifest_, offset_, key);
  if (held_.size() < kFlushBytes &&
      std::chrono::steady_clock::now() - last_write_ < kFlushInterval) {
    return {};
  }
  if (!WriteBatch()) return Fail(held_.empty() ? "writing the manifest of" : "writing");
  return {};
}

Status ResumableFile::Commit() {
  if (!file_ || error_ != 0) return Fail("writing");
  // OUT.partial whole and synced, and the manifest listing all of it,
  // before OUT appears.
  if (!WriteAll(file_, held_) || !SyncAndClose(file_)) return Fail("writing");
  held_.clear();
  if (!WriteAll(manifest_, held_manifest_)) return Fail("writing the manifest of");
  held_manifest_.clear();
  if (std::rename(PartialPath(path_).c_str(), path_.c_str()) != 0) {
    return Fail("moving the output into place at");
  }
  if (!SyncAndClose(manifest_)) return Fail("writing the manifest of");
  return {};
}

}  // namespace newsie
