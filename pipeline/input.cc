#include "pipeline/input.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>

#include "pipeline/html_text.h"
#include "pipeline/source.h"

namespace newsie {
namespace fs = std::filesystem;
namespace {

// The format of the file at `p`, by its extension (as fs::path::extension
// finds it, any case) when `requested` is `auto`. Read off the path's
// characters: fs::path::extension built a path and split it, three times a
// document.
InputFormat FormatOf(const fs::path& p, InputFormat requested) {
  if (requested != InputFormat::kAuto) return requested;
  std::string_view name = p.native();
  name.remove_prefix(std::min(name.size(), name.rfind('/') + 1));  // npos + 1 == 0
  const size_t dot = name.rfind('.');
  // No extension: none, or only a leading dot (".jsonl" is a hidden file's stem).
  if (dot == std::string_view::npos || dot == 0 || name == "..") return InputFormat::kText;
  const std::string_view ext = name.substr(dot);
  const auto is = [ext](std::string_view lower) {
    return ext.size() == lower.size() &&
           std::equal(ext.begin(), ext.end(), lower.begin(), [](char a, char b) {
             return std::tolower(static_cast<unsigned char>(a)) == b;
           });
  };
  if (is(".jsonl") || is(".ndjson")) return InputFormat::kJsonl;
  if (is(".html") || is(".htm") || is(".xhtml")) return InputFormat::kHtml;
  return InputFormat::kText;
}

WorkItem ErrorItem(std::string path, std::string code, std::string message) {
  WorkItem item;
  item.path = std::move(path);
  item.error = Status::Error(std::move(code), std::move(message));
  return item;
}

std::optional<std::string> OptionalString(const nlohmann::json& record, const char* key) {
  const auto it = record.find(key);
  if (it == record.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) throw std::invalid_argument(std::string("\"") + key + "\" is not a string");
  return it->get<std::string>();
}

// Reads a whole stream (a file or standard input) onto the end of `out`,
// refusing to let `out` grow past max_bytes: what `out` already holds (the
// whitespace standard input was peeked past) counts.
Status ReadAll(std::istream& in, const std::string& path, uint64_t max_bytes, std::string& out) {
  char buf[1 << 16];
  while (out.size() <= max_bytes && (in.read(buf, sizeof buf) || in.gcount() > 0)) {
    out.append(buf, static_cast<size_t>(in.gcount()));
  }
  if (out.size() > max_bytes) {
    return Status::Error("too-large", path + " is larger than --max-bytes (" +
                                          std::to_string(max_bytes) + " bytes); skipped");
  }
  if (in.bad()) return Status::Error("unreadable", path + ": read failed");
  return {};
}

// Closes a file descriptor when it goes out of scope.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

Status TooLarge(const std::string& path, uint64_t size, uint64_t max_bytes) {
  return Status::Error("too-large", path + " is " + std::to_string(size) +
                                        " bytes, more than --max-bytes (" +
                                        std::to_string(max_bytes) + "); skipped");
}

// The error for a file Load could not open (or fstat), in the words Load has
// always used: vanished or dangling is `not-found`, a folder (that cannot be
// opened) `is-a-directory`, a file over --max-bytes `too-large` even when it
// cannot be read, and anything else `unreadable` with the reason `open` gave.
// A symlink that leads nowhere is there to see, so its message says where it
// points rather than that the file vanished.
Status OpenFailure(const std::string& path, const fs::path& file, int open_errno,
                   const InputOptions& options) {
  std::error_code ec;
  const auto status = fs::status(file, ec);
  if (ec || !fs::exists(status)) {
    std::error_code link_ec;
    if (fs::is_symlink(fs::symlink_status(file, link_ec))) {
      if (open_errno == ELOOP) {
        return Status::Error("not-found", path +
                                              ": a symlink loop (the links lead back to "
                                              "themselves, never to a file)");
      }
      const fs::path target = fs::read_symlink(file, link_ec);
      return Status::Error("not-found",
                           path + ": a symlink to " + target.string() + ", which does not exist");
    }
    return Status::Error("not-found", path + ": no such file (it may have vanished)");
  }
  if (fs::is_directory(status)) return Status::Error("is-a-directory", path + " is a directory");
  const auto size = fs::file_size(file, ec);
  if (!ec && size > options.max_bytes) return TooLarge(path, size, options.max_bytes);
  return Status::Error("unreadable", path + ": " + std::strerror(open_errno));
}

// Reads `fd` to its end onto `out`. `expected` bytes (a regular file's size)
// go straight into `out` at their final size; whatever follows them (a file
// that grew, or a FIFO or device, whose `expected` is 0) is read in chunks,
// and reading stops once `out` holds more than max_bytes.
//
// A regular file is asked for one byte more than its size: a read that
// returns fewer bytes than asked has met the end of a regular file, so
// getting exactly `expected` bytes that way needs no further read to see the
// end (a read of 0 bytes, a system call per file). A file that grew gives
// the extra byte, and the rest is read in chunks as before; one that shrank
// gives fewer bytes, and the loop reads on to the end.
Status ReadFile(int fd, const std::string& path, uint64_t max_bytes, uint64_t expected,
                std::string& out) {
  const auto read_failed = [&] { return Status::Error("unreadable", path + ": read failed"); };
  const size_t ask = expected > 0 ? static_cast<size_t>(expected) + 1 : 0;
  out.resize(ask);
  size_t filled = 0;
  bool ended = false;  // a short read of the regular file: its end
  while (filled < out.size()) {
    const ssize_t got = ::read(fd, out.data() + filled, out.size() - filled);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      out.resize(filled);  // what was read stays (a sidecar parses it)
      return read_failed();
    }
    if (got == 0) {  // the file shrank
      ended = true;
      break;
    }
    filled += static_cast<size_t>(got);
    if (filled == expected) {
      ended = true;
      break;
    }
  }
  out.resize(filled);
  if (!ended) {
    char buf[1 << 16];
    while (out.size() <= max_bytes) {
      const ssize_t got = ::read(fd, buf, sizeof buf);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) return read_failed();
      if (got == 0) break;
      out.append(buf, static_cast<size_t>(got));
    }
  }
  if (out.size() > max_bytes) {
    return Status::Error("too-large", path + " is larger than --max-bytes (" +
                                          std::to_string(max_bytes) + " bytes); skipped");
  }
  return {};
}

// Most documents are small: a file the folder listing called regular is
// first read whole with one pread of this size, without an fstat for its size.
constexpr size_t kSmallFile = 64 << 10;

// Reads a regular file smaller than kSmallFile (and within max_bytes) into
// `out` with one pread: a read of a regular file that returns fewer bytes
// than asked has met its end (POSIX), so neither its size (an fstat) nor a
// read of 0 bytes is needed to know it is whole. False for a larger file or
// a failed read, which Load then reads the usual way: pread left the file
// offset at 0, and the usual way's fstat sees a folder or the size.
bool ReadSmallRegularFile(int fd, uint64_t max_bytes, std::string& out) {
  char buf[kSmallFile];
  ssize_t got;
  do {
    got = ::pread(fd, buf, sizeof buf, 0);
  } while (got < 0 && errno == EINTR);
  if (got < 0 || static_cast<size_t>(got) == sizeof buf || static_cast<uint64_t>(got) > max_bytes) {
    return false;
  }
  out.assign(buf, static_cast<size_t>(got));
  return true;
}

// Opens `file`, by its name in `folder` when it is a walked file's (the
// kernel then looks up that one name), else by its whole path. A walked file
// opens without waiting (O_NONBLOCK, which changes nothing for a regular
// file): a named pipe in a folder would otherwise hold the whole batch until
// something wrote to it. A path given on its own opens as usual, so that
// `newsie extract <(command)` waits for the command.
int OpenForReading(const OpenFolder* folder, const fs::path& file) {
  constexpr int kFlags = O_RDONLY | O_CLOEXEC;
  if (!folder) return ::open(file.c_str(), kFlags);
  const char* slash = std::strrchr(file.c_str(), '/');
  return ::openat(folder->fd(), slash ? slash + 1 : file.c_str(), kFlags | O_NONBLOCK);
}

// NAME.txt may come with NAME.meta.json: {date, url, title}. A broken
// sidecar does not cost the document; it becomes a warning on it. One open
// attempt answers the common case (no sidecar); a sidecar that cannot be
// opened or read for another reason goes the old way, fs::exists and a
// stream, whose errors give the warning its words. One the listing called
// regular is read like a small document, with one pread, unless its bytes
// were read ahead (`read_ahead`).
void LoadSidecar(const OpenFolder* folder, const fs::path& sidecar, bool listed_regular,
                 std::optional<std::string>& read_ahead, Input& input) {
  std::string bytes;
  bool read = read_ahead.has_value();
  if (read) {
    bytes = std::move(*read_ahead);
  } else {
    const FileDescriptor fd(OpenForReading(folder, sidecar));
    if (fd.get() < 0 && errno == ENOENT) return;
    // A sidecar is small: read in chunks, without an fstat for its size.
    read = fd.get() >= 0 &&
           ((listed_regular && ReadSmallRegularFile(fd.get(), UINT64_MAX - 1, bytes)) ||
            ReadFile(fd.get(), "", UINT64_MAX - 1, 0, bytes).ok());
    std::error_code ec;
    if (!read && !fs::exists(sidecar, ec)) return;
  }
  try {
    nlohmann::json record;
    if (read) {
      record = nlohmann::json::parse(bytes);
    } else {
      std::ifstream meta(sidecar, std::ios::binary);
      record = nlohmann::json::parse(meta);
    }
    if (!record.is_object()) throw std::invalid_argument("not a JSON object");
    input.date = OptionalString(record, "date");  // --ref-date, if any, wins later
    input.url = OptionalString(record, "url");
    input.title = OptionalString(record, "title");
  } catch (const std::exception& e) {
    input.sidecar_error = sidecar.string() + ": " + e.what();
  }
}

// A file that is no text at all (an image or archive saved as .txt) fails
// instead of becoming a record of garbage. Magic numbers always count; the
// control-byte test does not when --encoding names the encoding.
Status RefuseBinary(const std::string& path, std::string_view bytes, const InputOptions& options) {
  const auto kind = SniffBinary(bytes);
  if (!kind || (options.encoding && *kind == "binary data")) return {};
  // "a PNG image", "an ELF executable", but "binary data".
  const std::string article =
      *kind == "binary data"
          ? ""
          : (std::string_view("AEIOU").find((*kind)[0]) != std::string_view::npos ? "an " : "a ");
  return Status::Error("binary", path + " looks like " + article + *kind + ", not text; skipped");
}

// A JSONL line may exceed --max-bytes by this much: the JSON envelope around
// the text (quotes, escapes, the other fields).
constexpr uint64_t kJsonlEnvelopeBytes = 64 << 10;

enum class LineRead { kLine, kTooLong, kEnd };

// Reads one line (without its '\n') into `line`, in pieces, so that a line
// longer than `limit` is never held: its bytes are counted into `length` and
// dropped as they come, and the stream is left at the next line.
LineRead ReadLineUpTo(std::istream& in, uint64_t limit, std::string& line, uint64_t& length) {
  line.clear();
  length = 0;
  bool any = false;
  char buf[1 << 16];
  while (true) {
    in.getline(buf, sizeof buf);
    const auto got = static_cast<size_t>(in.gcount());
    if (in.bad() || (got == 0 && in.fail())) break;  // the end of the stream, or a read error
    // A full buffer without a newline sets failbit (not eofbit): the line goes on.
    const bool more = in.fail() && !in.eof() && !in.bad() && got == sizeof buf - 1;
    // gcount counts the newline, which getline does not store.
    const size_t stored = more || in.eof() ? got : got - 1;
    any = true;
    length += stored;
    if (length <= limit) {
      line.append(buf, stored);
    } else if (!line.empty()) {
      std::string().swap(line);
    }
    if (!more) break;
    in.clear();
  }
  if (!any) return LineRead::kEnd;
  return length <= limit ? LineRead::kLine : LineRead::kTooLong;
}

// Reads item.file's bytes into item.input.bytes. One open and one fstat tell
// what the old fs::status + fs::file_size + ifstream did with three lookups
// of the path; errors are rare, and take the long way so their codes and
// messages stay what they were.
Status ReadBytes(WorkItem& item, const InputOptions& options) {
  const fs::path& file = *item.file;
  const FileDescriptor fd(OpenForReading(item.folder.get(), file));
  if (fd.get() < 0) return OpenFailure(item.path, file, errno, options);
  item.input.bytes.clear();
  if (item.listed_regular && ReadSmallRegularFile(fd.get(), options.max_bytes, item.input.bytes)) {
    return {};
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return OpenFailure(item.path, file, errno, options);
  if (S_ISDIR(st.st_mode)) return Status::Error("is-a-directory", item.path + " is a directory");
  // In a folder, only files are documents: a named pipe or a device found
  // there (or through a symlink there) is not read.
  if (item.folder && !S_ISREG(st.st_mode)) {
    return Status::Error("unreadable",
                         item.path + ": " +
                             (S_ISFIFO(st.st_mode) ? "a named pipe" : "a device or socket") +
                             ", not a file");
  }
  // Only a regular file has a size to trust (a FIFO or device reads to its end).
  const bool regular = S_ISREG(st.st_mode);
  const auto size = static_cast<uint64_t>(st.st_size);
  if (regular && size > options.max_bytes) return TooLarge(item.path, size, options.max_bytes);
  return ReadFile(fd.get(), item.path, options.max_bytes, regular ? size : 0, item.input.bytes);
}

}  // namespace

std::optional<InputFormat> ParseInputFormat(std::string_view name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "text") return InputFormat::kText;
  if (name == "html") return InputFormat::kHtml;
  if (name == "jsonl") return InputFormat::kJsonl;
  return std::nullopt;
}

Status Load(WorkItem& item, const InputOptions& options) {
  // A batch walked as this item was handed out: read now, on this worker,
  // it is ready when its files' turn comes.
  if (item.read_next) {
    item.read_next->Read();
    item.read_next.reset();
  }
  if (!item.file) return {};  // a JSONL record: already loaded
  const fs::path& file = *item.file;
  ReadAheadBatch::Bytes ahead;
  if (item.batch) {
    ahead = item.batch->Take(item.batch_index);
    item.batch.reset();
  }
  if (ahead.file) {
    item.input.bytes = std::move(*ahead.file);
  } else if (Status read = ReadBytes(item, options); !read.ok()) {
    return read;
  }
  if (Status binary = RefuseBinary(item.path, item.input.bytes, options); !binary.ok()) {
    return binary;
  }
  // `auto`: an .html file, or any file that opens like a page, is HTML.
  if (options.format == InputFormat::kAuto && item.input.format == Input::Format::kText &&
      (FormatOf(file, InputFormat::kAuto) == InputFormat::kHtml ||
       LooksLikeHtml(item.input.bytes))) {
    item.input.format = Input::Format::kHtml;
  }

  // A walked file's folder listing said whether its sidecar is there.
  if (item.has_sidecar.value_or(true)) {
    LoadSidecar(item.folder.get(), SidecarPath(file), item.sidecar_listed_regular, ahead.sidecar,
                item.input);
  }
  return {};
}

std::optional<int64_t> CountDocuments(const std::vector<std::string>& paths,
                                      const InputOptions& options, std::stop_token stop) {
  if (options.format == InputFormat::kJsonl) return std::nullopt;
  int64_t total = 0;
  for (const std::string& path : paths) {
    if (path == "-") return std::nullopt;
    std::error_code ec;
    // As ExpandPath: a file (or a path that is missing, an error) is one item.
    if (!fs::is_directory(path, ec)) {
      if (FormatOf(path, options.format) == InputFormat::kJsonl && fs::exists(path, ec)) {
        return std::nullopt;
      }
      ++total;
      continue;
    }
    FolderWalk walk(path, options.skip_files);
    while (std::optional<WalkStep> step = walk.Next()) {
      if (stop.stop_requested()) return std::nullopt;
      if (step->error.ok() && FormatOf(step->path, options.format) == InputFormat::kJsonl) {
        return std::nullopt;
      }
      ++total;
    }
  }
  return total;
}

InputReader::InputReader(std::vector<std::string> paths, InputOptions options,
                         std::istream& stdin_stream)
    : paths_(std::move(paths)), options_(std::move(options)), stdin_(stdin_stream) {}

InputReader::~InputReader() = default;

void InputReader::ExpandPath(const std::string& path) {
  single_.reset();
  walk_.reset();
  std::error_code ec;
  const fs::path root(path);
  const auto status = fs::status(root, ec);
  if (!fs::exists(status)) {
    single_ = WalkStep{root, "", Status::Error("not-found", path + ": no such file or directory"),
                       std::nullopt};
  } else if (!fs::is_directory(status)) {
    // A file given directly: its id is its path as given.
    single_ = WalkStep{root, path, {}, std::nullopt};
  } else {
    walk_ = std::make_unique<FolderWalk>(root, options_.skip_files);
  }
}

std::optional<InputReader::AheadStep> InputReader::NextInPath() {
  if (single_) {
    AheadStep step{std::move(*single_)};
    single_.reset();
    return step;
  }
  if (walk_) {
    // Walk a batch ahead whenever less than a batch is waiting: the batch
    // walked now is read (by the worker of the step handed out now) while
    // the batch before it is handed out.
    std::shared_ptr<ReadAheadBatch> walked;
    if (!walk_ended_ && ahead_.size() < (read_ahead_ ? kReadAheadFiles : 1)) walked = WalkAhead();
    if (!ahead_.empty()) {
      AheadStep step = std::move(ahead_.front());
      ahead_.pop_front();
      if (walked) read_next_ = std::move(walked);
      return step;
    }
    walk_.reset();
    walk_ended_ = false;
  }
  return std::nullopt;
}

std::shared_ptr<ReadAheadBatch> InputReader::WalkAhead() {
  if (!batch_reader_) {
    batch_reader_ = std::make_shared<SharedBatchReader>();
    read_ahead_ = batch_reader_->reader.available();
  }
  // Without io_uring the walk goes one step at a time, each file read by Load.
  const size_t first = ahead_.size();
  for (size_t n = 0; n < (read_ahead_ ? kReadAheadFiles : 1); ++n) {
    std::optional<WalkStep> step = walk_->Next();
    if (!step) {
      walk_ended_ = true;
      break;
    }
    ahead_.push_back(AheadStep{std::move(*step)});
  }
  if (!read_ahead_) return nullptr;
  // The small regular files among them (not JSONL: read line by line), each
  // with its sidecar if the listing had a regular one.
  static_assert(2 * kReadAheadFiles <= BatchReader::kMaxRequests);
  std::vector<ReadAheadBatch::File> files;
  std::vector<AheadStep*> read;
  for (size_t i = first; i < ahead_.size(); ++i) {
    const WalkStep& step = ahead_[i].step;
    if (!step.error.ok() || !step.folder || !step.regular ||
        FormatOf(step.path, options_.format) == InputFormat::kJsonl) {
      continue;
    }
    const char* slash = std::strrchr(step.path.c_str(), '/');
    if (!slash) continue;
    ReadAheadBatch::File file{step.folder, slash + 1, std::nullopt, options_.max_bytes};
    if (step.has_sidecar.value_or(false) && step.sidecar_regular) {
      file.sidecar_name = SidecarName(slash + 1);
    }
    ahead_[i].batch_index = files.size();
    files.push_back(std::move(file));
    read.push_back(&ahead_[i]);  // a deque's elements stay put as it grows
  }
  if (files.empty()) return nullptr;
  auto batch = std::make_shared<ReadAheadBatch>(batch_reader_, std::move(files));
  for (AheadStep* step : read) step->batch = batch;
  return batch;
}

std::optional<WorkItem> InputReader::NextJsonlRecord() {
  std::string line;
  uint64_t length = 0;
  const uint64_t limit = options_.max_bytes + kJsonlEnvelopeBytes;
  LineRead read;
  while (jsonl_ && (read = ReadLineUpTo(*jsonl_, limit, line, length)) != LineRead::kEnd) {
    ++jsonl_line_;
    const std::string where = jsonl_path_ + ":" + std::to_string(jsonl_line_);
    if (read == LineRead::kTooLong) {
      return ErrorItem(where, "too-large",
                       where + ": the line is " + std::to_string(length) +
                           " bytes, more than --max-bytes (" + std::to_string(options_.max_bytes) +
                           ") allows for one record; skipped");
    }
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    WorkItem item;
    item.path = where;
    try {
      const auto record = nlohmann::json::parse(line);
      if (!record.is_object()) throw std::invalid_argument("a record must be a JSON object");
      auto text = OptionalString(record, "text");
      auto html = OptionalString(record, "html");
      if (!text && !html)
        throw std::invalid_argument("the record has neither \"text\" nor \"html\"");
      item.input.id = OptionalString(record, "id").value_or(where);
      item.input.path = where;
      item.input.format = text ? Input::Format::kText : Input::Format::kHtml;
      item.input.bytes = text ? std::move(*text) : std::move(*html);
      item.input.date = OptionalString(record, "date");
      item.input.date_given = item.input.date.has_value();
      item.input.url = OptionalString(record, "url");
      item.input.title = OptionalString(record, "title");
      item.input.lang = OptionalString(record, "lang");
      if (item.input.bytes.size() > options_.max_bytes) {
        item.error =
            Status::Error("too-large", where + ": the record's text is larger than --max-bytes");
      }
    } catch (const std::exception& e) {
      item.error = Status::Error("bad-jsonl", where + ": " + e.what());
    }
    return item;
  }
  jsonl_file_.reset();
  jsonl_ = nullptr;
  return std::nullopt;
}

std::optional<WorkItem> InputReader::Next() {
  std::optional<WorkItem> item = NextItem();
  // A batch walked meanwhile is read by the worker that loads this item (an
  // error is not loaded: the batch waits for the next item).
  if (item && item->error.ok() && read_next_) item->read_next = std::move(read_next_);
  return item;
}

std::optional<WorkItem> InputReader::NextItem() {
  while (true) {
    if (jsonl_) {
      if (auto item = NextJsonlRecord()) return item;
    }
    if (auto ahead = NextInPath()) {
      WalkStep* step = &ahead->step;
      if (!step->error.ok()) {
        WorkItem item;
        item.path = step->path.string();
        item.error = std::move(step->error);
        return item;
      }
      fs::path file = std::move(step->path);
      std::string id = std::move(step->id);
      const InputFormat format = FormatOf(file, options_.format);
      if (format == InputFormat::kJsonl) {
        jsonl_file_ = std::make_unique<std::ifstream>(file, std::ios::binary);
        jsonl_path_ = file.string();
        jsonl_line_ = 0;
        if (!*jsonl_file_) {
          jsonl_file_.reset();
          return ErrorItem(file.string(), "unreadable",
                           file.string() + ": " + std::strerror(errno));
        }
        jsonl_ = jsonl_file_.get();
        continue;
      }
      WorkItem item;
      item.path = file.string();
      item.has_sidecar = step->has_sidecar;
      item.listed_regular = step->regular;
      item.sidecar_listed_regular = step->sidecar_regular;
      item.folder = std::move(step->folder);
      item.batch = std::move(ahead->batch);
      item.batch_index = ahead->batch_index;
      item.input.id = std::move(id);
      item.input.path = item.path;
      item.input.format =
          format == InputFormat::kHtml ? Input::Format::kHtml : Input::Format::kText;
      item.file = std::move(file);  // (a path's copy copies its list of components)
      return item;
    }
    if (next_path_ >= paths_.size()) return std::nullopt;
    const std::string path = paths_[next_path_++];
    if (path == "-") {
      // With `auto`, standard input that opens with '{' is a JSONL stream.
      // The whitespace looked past is kept: it belongs to a text document,
      // and counts towards --max-bytes (past that, it is not held).
      bool jsonl = options_.format == InputFormat::kJsonl;
      std::string skipped;
      if (options_.format == InputFormat::kAuto) {
        while (std::isspace(stdin_.peek())) {
          const auto c = static_cast<char>(stdin_.get());
          if (skipped.size() <= options_.max_bytes) skipped.push_back(c);
        }
        jsonl = stdin_.peek() == '{';
      }
      if (jsonl) {
        jsonl_ = &stdin_;
        jsonl_path_ = "-";
        jsonl_line_ = 0;
        continue;
      }
      WorkItem item;
      item.path = "-";
      item.input.id = "-";
      item.input.path = "-";
      item.input.format =
          options_.format == InputFormat::kHtml ? Input::Format::kHtml : Input::Format::kText;
      item.input.bytes = std::move(skipped);
      Status read = ReadAll(stdin_, "-", options_.max_bytes, item.input.bytes);
      if (!read.ok()) item.error = read;
      if (read.ok()) item.error = RefuseBinary("-", item.input.bytes, options_);
      if (options_.format == InputFormat::kAuto && LooksLikeHtml(item.input.bytes)) {
        item.input.format = Input::Format::kHtml;
      }
      return item;
    }
    ExpandPath(path);
  }
}

}  // namespace newsie
