#include "tests/fuzz/fuzz_batch_tree.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string_view>
#include <utility>

#include "pipeline/folder_walk.h"

namespace newsie::fuzz {
namespace fs = std::filesystem;

struct BatchTree::Node {
  enum class Kind { kDir, kFile, kLink } kind = Kind::kDir;
  std::string rel;  // path under the root; "" for the root
  int parent = -1;
  std::vector<std::pair<std::string, int>> children;  // a folder's, by name (unsorted)
  std::string bytes;                                  // a file's
  bool unreadable = false;                            // a file's mode is 000
  int target = -1;  // a link's: the node it points to; -1 dangling, itself for a loop
};

// Reads the fuzz bytes; past their end every byte is 0 and done() is true.
class BatchTree::Decoder {
 public:
  Decoder(const uint8_t* data, size_t size) : data_(data), size_(size) {}
  bool done() const { return pos_ >= size_; }
  uint8_t Byte() { return done() ? 0 : data_[pos_++]; }
  std::string Bytes(size_t n) {
    n = std::min(n, size_ - std::min(pos_, size_));
    std::string s(reinterpret_cast<const char*>(data_ + pos_), n);
    pos_ += n;
    return s;
  }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t pos_ = 0;
};

namespace {

// Limits that keep one execution to a few milliseconds.
constexpr int kMaxOperations = 24;
constexpr int kMaxDepth = 4;
constexpr size_t kMaxFileBytes = 2048;

// Names that sort or parse in tricky ways. Byte order: ' ' < '-' < '.' <
// '/' < '0' < 'B' < '_' < 'a' < '~' < any byte >= 0x80.
constexpr std::string_view kNames[] = {
    "a.txt",
    "a",
    "a-b.txt",
    "a0.txt",
    "B.txt",
    "a b.txt",
    "a.b.txt",
    "\xed\x95\x9c.txt",  // 한.txt
    "x.html",
    "X.HTM",
    "page.xhtml",
    "noext",
    "dots..txt",
    "trailing.",
    "~tilde.txt",
    ".hidden.txt",
    "a.meta.json",
    "a.txt.meta.json",
    "a\xff.txt",
    "\xc3(.txt",
    "caf\xc3\xa9.txt",
    "cafe\xcc\x81.txt",
    "tab\tname.txt",
    "nl\nname.txt",
    "_",
    "-",
    "a.json",
    "A.TXT",
    "z",
    "..txt",
    "sub.meta.json",
    "a.txt.bak",
};

// Short texts of our own, English and Korean.
constexpr std::string_view kSentences[] = {
    "Nowon-gu will create 1,200 jobs for young residents by 2026, the district said.\n",
    "Mapo-gu met 104% of its hiring goal last year.\n",
    "\xeb\x85\xb8\xec\x9b\x90\xea\xb5\xac\xeb\x8a\x94 2025\xeb\x85\x84\xea\xb9\x8c\xec\xa7\x80 "
    "\xec\x9d\xbc\xec\x9e\x90\xeb\xa6\xac 1,200\xea\xb0\x9c\xeb\xa5\xbc "
    "\xeb\xa7\x8c\xeb\x93\xa0\xeb\x8b\xa4.\n",  // 노원구는 2025년까지 일자리 1,200개를 만든다.
    "Jobs fair in Seongbuk-gu on 3 May.\n",
};

constexpr std::string_view kSidecars[] = {
    R"({"date":"2024-03-05","url":"https://example.org/n/1","title":"Jobs plan"})",
    R"({"url":"https://example.org/only-url","title":"\ub178\uc6d0\uad6c"})",
    R"({"date":5,"url":"https://example.org/lost"})",  // a bad field costs the whole sidecar
    "{",
    "",
    "[]",
    R"({"title":null,"url":null})",
};

bool IsSidecarName(std::string_view name) {
  constexpr std::string_view kSidecar = ".meta.json";
  return name.size() >= kSidecar.size() && name.substr(name.size() - kSidecar.size()) == kSidecar;
}

bool EndsWithNoCase(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    const char c = s[s.size() - suffix.size() + i];
    if ((c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c) != suffix[i]) return false;
  }
  return true;
}

// UTF-8 (valid) to UTF-16 with a byte-order mark.
std::string Utf16WithBom(std::string_view utf8, bool big_endian) {
  std::string out = big_endian ? "\xfe\xff" : "\xff\xfe";
  const auto put = [&](uint16_t unit) {
    const char hi = static_cast<char>(unit >> 8), lo = static_cast<char>(unit & 0xff);
    out += big_endian ? hi : lo;
    out += big_endian ? lo : hi;
  };
  for (size_t i = 0; i < utf8.size();) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    const int n = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
    uint32_t cp = n == 1 ? c : c & (0x7f >> n);
    for (int k = 1; k < n && i + k < utf8.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3f);
    }
    i += n;
    if (cp >= 0x10000) {
      put(static_cast<uint16_t>(0xd800 + ((cp - 0x10000) >> 10)));
      put(static_cast<uint16_t>(0xdc00 + ((cp - 0x10000) & 0x3ff)));
    } else {
      put(static_cast<uint16_t>(cp));
    }
  }
  return out;
}

bool WriteFile(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return static_cast<bool>(out);
}

}  // namespace

BatchTree::BatchTree(const uint8_t* data, size_t size, const fs::path& root) : root_(root) {
  nodes_.push_back(Node{});
  Decoder in(data, size);
  Build(in);
}

BatchTree::~BatchTree() = default;

void BatchTree::Build(Decoder& in) {
  const uint8_t header = in.Byte();
  options_.jobs = 1 + (header & 1);
  options_.resume_jobs = 1 + ((header >> 1) & 1);
  if (header & 4) options_.max_bytes = 300;
  options_.output_in_root = header & 8;

  const auto name = [&in]() -> std::string {
    const uint8_t style = in.Byte();
    std::string n;
    if (style % 4 != 0) {
      n = std::string(kNames[(style >> 2) % std::size(kNames)]);
    } else {
      n = in.Bytes(1 + in.Byte() % 10);
      std::replace(n.begin(), n.end(), '/', '_');
      std::replace(n.begin(), n.end(), '\0', '_');
      if (n.empty() || n == "." || n == "..") n = "_";
    }
    if (EndsWithNoCase(n, ".jsonl") || EndsWithNoCase(n, ".ndjson")) n += '_';
    return n;
  };
  const auto content = [&in]() -> std::string {
    const uint8_t kind = in.Byte();
    const std::string sentence(kSentences[(kind >> 4) % std::size(kSentences)]);
    switch (kind % 10) {
      case 0:
        return "";
      case 1:
        return sentence;
      case 2:
        return in.Bytes(in.Byte() % 48);  // binary, NUL bytes, invalid UTF-8
      case 3:
        return Utf16WithBom(sentence, false);
      case 4:
        return Utf16WithBom(sentence, true);
      case 5:
        return "<html><head><title>Jobs</title></head><body><p>" + sentence + "</p></body></html>";
      case 6: {  // large next to a small --max-bytes
        std::string s;
        for (int n = 1 + in.Byte() % 24; n > 0 && s.size() + sentence.size() <= kMaxFileBytes; --n)
          s += sentence;
        return s;
      }
      case 7:
        return "\xef\xbb\xbf" + sentence;
      case 8:
        return sentence + in.Bytes(in.Byte() % 16);
      default:
        return " \n\t \r\n";
    }
  };

  const auto of_kind = [](Node::Kind kind) {
    Node node;
    node.kind = kind;
    return node;
  };
  // Adds a node named `n` to the current folder; -1 when the name is taken.
  int cwd = 0, depth = 0, last_file = -1;
  const auto add = [&](const std::string& n, Node node) -> int {
    for (const auto& [child, index] : nodes_[cwd].children) {
      if (child == n) return -1;
    }
    node.parent = cwd;
    node.rel = nodes_[cwd].rel.empty() ? n : nodes_[cwd].rel + "/" + n;
    nodes_.push_back(std::move(node));
    const int index = static_cast<int>(nodes_.size()) - 1;
    nodes_[cwd].children.emplace_back(n, index);
    return index;
  };
  const auto path_of = [&](int node) { return root_ / nodes_[node].rel; };
  const auto undo = [&](int node) {  // the disk refused: forget the node
    nodes_[cwd].children.pop_back();
    nodes_.erase(nodes_.begin() + node);
  };
  const auto pick = [&](Node::Kind kind, uint8_t which) {
    std::vector<int> found;
    for (size_t i = 0; i < nodes_.size(); ++i) {
      if (nodes_[i].kind == kind) found.push_back(static_cast<int>(i));
    }
    return found.empty() ? -1 : found[which % found.size()];
  };

  for (int op = 0; op < kMaxOperations && !in.done(); ++op) {
    switch (in.Byte() % 10) {
      case 0:
      case 1:
      case 2:
      case 3:
      case 9: {  // a file; 9: with mode 000
        const bool unreadable = in.Byte() % 10 == 9;
        Node file = of_kind(Node::Kind::kFile);
        const std::string n = name();
        file.bytes = content();
        file.unreadable = unreadable;
        const int node = add(n, file);
        if (node < 0) break;
        if (!WriteFile(path_of(node), nodes_[node].bytes) ||
            (unreadable && ::chmod(path_of(node).c_str(), 0) != 0)) {
          undo(node);
          break;
        }
        last_file = node;
        break;
      }
      case 4: {  // a folder, entered
        if (depth >= kMaxDepth) break;
        const int node = add(name(), of_kind(Node::Kind::kDir));
        if (node < 0) break;
        std::error_code ec;
        if (!fs::create_directory(path_of(node), ec)) {
          undo(node);
          break;
        }
        cwd = node;
        ++depth;
        break;
      }
      case 5:  // back up one folder
        if (cwd != 0) cwd = nodes_[cwd].parent, --depth;
        break;
      case 6: {  // the last file's sidecar: a file, or a folder in its place
        const uint8_t kind = in.Byte();
        if (last_file < 0 || nodes_[last_file].parent != cwd) break;
        const std::string n = SidecarPath(fs::path(nodes_[last_file].rel).filename()).string();
        if (kind % 9 == 8) {
          const int node = add(n, of_kind(Node::Kind::kDir));
          std::error_code ec;
          if (node >= 0 && !fs::create_directory(path_of(node), ec)) undo(node);
          break;
        }
        Node file = of_kind(Node::Kind::kFile);
        file.bytes = kind % 9 == 7 ? in.Bytes(in.Byte() % 32)
                                   : std::string(kSidecars[kind % 9 % std::size(kSidecars)]);
        const int node = add(n, file);
        if (node >= 0 && !WriteFile(path_of(node), nodes_[node].bytes)) undo(node);
        break;
      }
      case 7: {  // a symlink (absolute target)
        const uint8_t kind = in.Byte(), which = in.Byte();
        Node link = of_kind(Node::Kind::kLink);
        switch (kind % 5) {
          case 0:
            link.target = pick(Node::Kind::kFile, which);
            break;
          case 1:
            link.target = pick(Node::Kind::kDir, which);
            break;
          case 2: {  // the current folder or an ancestor: a loop
            int dir = cwd;
            for (int up = which % (depth + 1); up > 0; --up) dir = nodes_[dir].parent;
            link.target = dir;
            break;
          }
          case 3:  // dangling
            break;
          case 4:  // itself
            link.target = static_cast<int>(nodes_.size());
            break;
        }
        const fs::path target = link.target >= 0 && link.target < static_cast<int>(nodes_.size())
                                    ? path_of(link.target)
                                    : root_ / "no-such-file";
        const int node = add(name(), link);
        if (node < 0) break;
        const fs::path at = path_of(node);
        if (::symlink(link.target == node ? at.c_str() : target.c_str(), at.c_str()) != 0) {
          undo(node);
        }
        break;
      }
      case 8: {  // a hard link to a file
        const int target = pick(Node::Kind::kFile, in.Byte());
        if (target < 0) break;
        Node file = nodes_[target];
        file.children.clear();
        const int node = add(name(), file);
        if (node >= 0 && ::link(path_of(target).c_str(), path_of(node).c_str()) != 0) undo(node);
        break;
      }
    }
  }
}

int BatchTree::Resolve(int node) const {
  if (nodes_[node].kind != Node::Kind::kLink) return node;
  const int target = nodes_[node].target;
  return target < 0 || target == node ? -1 : target;  // links only point at files and folders
}

ExpectedItem BatchTree::DocumentAt(int dir, const std::string& name, int node) const {
  ExpectedItem item;
  const int real = Resolve(node);
  const bool readable = real >= 0 && nodes_[real].kind == Node::Kind::kFile &&
                        !(nodes_[real].unreadable && ::geteuid() != 0);
  if (readable) item.bytes = nodes_[real].bytes;
  const std::string sidecar = SidecarPath(name).string();
  for (const auto& [child, index] : nodes_[dir].children) {
    if (child != sidecar) continue;
    const int file = Resolve(index);
    if (file < 0 || nodes_[file].kind != Node::Kind::kFile) break;
    if (nodes_[file].unreadable && ::geteuid() != 0) break;  // a warning, nothing read
    // As pipeline/input.cc reads a sidecar: a JSON object whose date, url and
    // title are strings or null; anything else and the sidecar is ignored.
    try {
      const auto meta = nlohmann::json::parse(nodes_[file].bytes);
      if (!meta.is_object()) break;
      std::optional<std::string> fields[3];
      const char* keys[] = {"date", "url", "title"};
      for (int k = 0; k < 3; ++k) {
        const auto it = meta.find(keys[k]);
        if (it == meta.end() || it->is_null()) continue;
        if (!it->is_string()) throw std::invalid_argument("not a string");
        fields[k] = it->get<std::string>();
      }
      item.url = fields[1];
      item.title = fields[2];
    } catch (const std::exception&) {
    }
    break;
  }
  return item;
}

void BatchTree::WalkInto(int dir, const std::string& prefix, std::vector<bool>& entered,
                         std::vector<ExpectedItem>& out) const {
  struct Entry {
    std::string key;  // the name, with '/' after a folder's
    std::string name;
    int node;
    int folder;  // the real folder, or -1
  };
  std::vector<Entry> entries;
  for (const auto& [name, index] : nodes_[dir].children) {
    if (name[0] == '.') continue;
    const int real = Resolve(index);
    const bool folder = real >= 0 && nodes_[real].kind == Node::Kind::kDir;
    if (!folder && IsSidecarName(name)) continue;
    entries.push_back({folder ? name + "/" : name, name, index, folder ? real : -1});
  }
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.key < b.key; });
  for (const Entry& e : entries) {
    const std::string id = prefix + e.name;
    if (e.folder < 0) {
      ExpectedItem item = DocumentAt(dir, e.name, e.node);
      item.id = id;
      out.push_back(std::move(item));
    } else if (entered[e.folder]) {
      ExpectedItem item;
      item.kind = ExpectedItem::Kind::kFolderError;
      item.id = id;
      item.folder_error_code = "symlink-loop";
      out.push_back(std::move(item));
    } else {
      entered[e.folder] = true;
      WalkInto(e.folder, id + "/", entered, out);
    }
  }
}

std::vector<ExpectedItem> BatchTree::Expected() const {
  std::vector<ExpectedItem> out;
  std::vector<bool> entered(nodes_.size(), false);
  entered[0] = true;
  WalkInto(0, "", entered, out);
  return out;
}

}  // namespace newsie::fuzz
