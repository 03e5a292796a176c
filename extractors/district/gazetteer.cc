#include "extractors/district/gazetteer.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <mutex>

#include "pipeline/hangul.h"
#include "pipeline/utf8.h"

namespace newsie {
namespace {

bool IsAsciiAlnum(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// True when the character before text[b] is a Hangul syllable (3 bytes in
// UTF-8, so it starts at b - 3 if it is one).
bool HangulSyllableBefore(std::string_view text, size_t b) {
  return b >= 3 && HangulSyllableAt(text, b - 3) != 0;
}

int ParseYearMonth(std::string_view s) {  // "2018-07" -> 201807
  if (s.size() != 7) return 0;
  return std::stoi(std::string(s.substr(0, 4))) * 100 + std::stoi(std::string(s.substr(5, 2)));
}

void AddUnique(std::vector<const Government*>& v, const Government* g) {
  if (std::find(v.begin(), v.end(), g) == v.end()) v.push_back(g);
}

// Every quote mark starts with one of these bytes (the curly and corner
// quotes with E2 or E3, which only ever lead a character), and so does a line
// end, which closes an open quote: QuotedRanges skips the rest of the text
// unread. Outside quotes a line end changes nothing and is skipped too (news
// text breaks its lines every few dozen bytes).
bool IsQuoteMark(unsigned char c, bool line_ends) {
  return c == '"' || c == '\'' || c == 0xE2 || c == 0xE3 || (line_ends && c == '\n');
}

// The index of the first byte set in a 16-byte vector comparison's result
// (each byte all ones or all zeros), counted from the lowest address; 16
// when none is.
template <typename Mask>
size_t FirstSetByte(const Mask& hit) {
  static_assert(sizeof(Mask) == 16);
  uint64_t halves[2];
  std::memcpy(halves, &hit, sizeof halves);
  for (size_t half = 0; half < 2; ++half) {
    if (halves[half] == 0) continue;
    const int bit = std::endian::native == std::endian::little ? std::countr_zero(halves[half])
                                                               : std::countl_zero(halves[half]);
    return 8 * half + static_cast<size_t>(bit) / 8;
  }
  return 16;
}

// The first position in text[pos, end) holding a mark byte (IsQuoteMark), or
// end. Sixteen bytes are compared at once (GCC's vector extension, SIMD where
// the target has it): marks are dozens of bytes apart.
size_t NextQuoteMark(std::string_view text, size_t pos, size_t end, bool line_ends) {
  using Bytes = unsigned char __attribute__((vector_size(16)));
  for (; pos + 16 <= end; pos += 16) {
    Bytes v;
    std::memcpy(&v, text.data() + pos, sizeof v);
    // E2 and E3 are the bytes whose low bit set gives E3.
    auto hit = (v == '"') | (v == '\'') | ((v | 1) == 0xE3);
    if (line_ends) hit |= v == '\n';
    // The first byte set, counted from the lowest address, is the mark.
    if (const size_t i = FirstSetByte(hit); i < 16) return pos + i;
  }
  while (pos < end && !IsQuoteMark(static_cast<unsigned char>(text[pos]), line_ends)) ++pos;
  return pos;
}

// The first position in text[pos, end) holding a byte in `ascii` or `high`
// (Gazetteer::ByteRange), or the start of the last fewer than sixteen bytes
// before `end`. Sixteen bytes are compared at once, as in NextQuoteMark.
template <typename Range>
size_t NextInRanges(std::string_view text, size_t pos, size_t end, Range ascii, Range high) {
  using Bytes = unsigned char __attribute__((vector_size(16)));
  // A byte is in [lo, hi] when byte - lo, wrapping, is at most hi - lo.
  const auto ascii_width = static_cast<unsigned char>(ascii.hi - ascii.lo);
  const auto high_width = static_cast<unsigned char>(high.hi - high.lo);
  for (; pos + 16 <= end; pos += 16) {
    Bytes v;
    std::memcpy(&v, text.data() + pos, sizeof v);
    // Each byte all ones when in a range (GCC's vector comparisons), else zero.
    using Mask = signed char __attribute__((vector_size(16)));
    Mask hit{};
    if (ascii.lo <= ascii.hi) hit |= (v - ascii.lo) <= ascii_width;
    if (high.lo <= high.hi) hit |= (v - high.lo) <= high_width;
    if (const size_t i = FirstSetByte(hit); i < 16) return pos + i;
  }
  return pos;
}

// The first position from `pos` on (before `end`) that does not start a
// Hangul syllable.
size_t SyllablesEnd(std::string_view text, size_t pos, size_t end) {
  while (pos < end && HangulSyllableAt(text, pos) != 0) pos += 3;
  return pos;
}

// Gazetteer::prefix_filter_'s size in bits: a few hundred distinct form
// beginnings leave about one bit in a hundred set.
constexpr int kPrefixFilterBitsLog2 = 15;

// A mask keeping the first `n` (at most 8) bytes of a word loaded from
// memory, whatever the byte order.
uint64_t FirstBytesMask(size_t n) {
  unsigned char bytes[sizeof(uint64_t)] = {};
  std::memset(bytes, 0xFF, n);
  uint64_t mask = 0;
  std::memcpy(&mask, bytes, sizeof mask);
  return mask;
}

// The bytes of text[pos, ...) that `mask` keeps (FirstBytesMask), as one word;
// pos < text.size(). Bytes past the text's end read as zero.
uint64_t FirstBytes(std::string_view text, size_t pos, uint64_t mask) {
  uint64_t word = 0;
  if (text.size() - pos >= sizeof word) {
    std::memcpy(&word, text.data() + pos, sizeof word);  // one load
  } else {
    std::memcpy(&word, text.data() + pos, text.size() - pos);
  }
  return word & mask;
}

// A hash of the first bytes of a form (FirstBytes), whose top bits index
// Gazetteer::prefix_filter_ and prefix_nodes_. Fibonacci hashing: the top
// bits of the product mix every byte.
uint64_t PrefixHash(uint64_t first_bytes) { return first_bytes * 0x9E3779B97F4A7C15ull; }

}  // namespace

Gazetteer::Gazetteer(const LexiconDir& lexicons) {
  // The context words first: adding a form asks whether it is a full name.
  for (const auto& row : lexicons.ReadTsv("district_context.tsv")) {
    const std::string& kind = row.Get("kind");
    const std::string& text = row.Get("text");
    if (kind == "ko_particle") {
      ko_particles_.push_back(text);
    } else if (kind == "ko_name_end") {
      size_t len = 0;
      const char32_t c = CodePointAt(text, 0, &len);
      if (len != text.size() || !IsHangulSyllable(c))
        throw LexiconError(row.Where() + ": ko_name_end is one Hangul syllable");
      ko_name_ends_.push_back(c);
    } else if (kind == "ko_office_end") {
      ko_office_ends_.push_back(text);
    } else if (kind == "ko_open_particle") {
      ko_open_particles_.push_back(text);
    } else if (kind == "en_headline_suffix") {
      if (text.size() < 2 || text[0] != '-')
        throw LexiconError(row.Where() + ": en_headline_suffix is `-` and letters");
      en_headline_suffixes_.push_back(text);
    } else {
      throw LexiconError(row.Where() + ": unknown kind '" + kind + "'");
    }
  }
  std::sort(ko_particles_.begin(), ko_particles_.end(),
            [](const auto& a, const auto& b) { return a.size() > b.size(); });

  governments_ = ReadGovernments(lexicons);
  for (const auto& g : governments_) by_code_[g.code] = &g;

  auto add_form = [&](const std::string& form, const Government* g, bool region_only) {
    if (form.empty()) return;
    Form& f = forms_[form];
    if (!region_only) {
      if (f.region_only) f.governments.clear();
      f.region_only = false;
      AddUnique(f.governments, g);
    } else if (f.governments.empty()) {
      f.region_only = true;
      AddUnique(f.governments, g);
    }
    if (IsHangulSyllable(CodePointAt(form, 0))) {
      size_t len = 0;
      const char32_t last = CodePointBefore(form, form.size(), &len);
      f.short_ko = ko_name_ends_.find(last) == std::u32string::npos;
    }
  };
  for (const auto& g : governments_) {
    add_form(g.name_ko, &g, false);
    add_form(g.name_en, &g, false);
    for (const auto& v : g.variants) add_form(v, &g, false);
    // Headline case: Gwanak-Gu, Changnyeong-Gun, Suwon-Si.
    for (std::string_view suffix : en_headline_suffixes_) {
      const std::string& en = g.name_en;
      if (en.size() > suffix.size() && en.ends_with(suffix)) {
        std::string cap = en;
        cap[en.size() - suffix.size() + 1] = static_cast<char>(
            std::toupper(static_cast<unsigned char>(cap[en.size() - suffix.size() + 1])));
        add_form(cap, &g, false);
      }
    }
  }
  for (const auto& row : lexicons.ReadTsv("regions.tsv")) {
    const Government* metro = ByCode(row.Get("code"));
    if (!metro) throw LexiconError(row.Where() + ": region code not in districts.tsv");
    std::vector<std::string> names = row.List("short_ko");
    for (auto& s : row.List("short_en")) names.push_back(std::move(s));
    names.push_back(row.Get("name_ko"));
    names.push_back(row.Get("name_en"));
    for (auto& adj : row.List("adjective_forms")) {
      if (adj.ends_with("'s")) names.push_back(adj.substr(0, adj.size() - 2));
    }
    for (const auto& n : names) add_form(n, metro, true);
  }

  for (auto& [form, f] : forms_) {
    for (const auto* g : f.governments) {
      if (g->level == "metro") {
        f.region = g;
        break;
      }
    }
  }
  for (auto& [form, f] : forms_) {
    for (const auto* g : f.governments) {
      if (g->level != "basic") continue;
      const Government* region = ByCode(g->region_code);
      if (!region) continue;
      auto it = std::find_if(f.by_region.begin(), f.by_region.end(),
                             [&](const auto& entry) { return entry.first == region; });
      if (it == f.by_region.end()) it = f.by_region.insert(it, {region, {}});
      it->second.push_back(g);
    }
  }

  // Every form in a byte trie (see gazetteer.h); edges of a node stay together.
  struct Building {
    const Form* form = nullptr;
    std::map<unsigned char, uint32_t> children;
  };
  std::vector<Building> nodes(1);
  for (const auto& [form, f] : forms_) {
    uint32_t node = 0;
    for (const char c : form) {
      const auto byte = static_cast<unsigned char>(c);
      const auto it = nodes[node].children.find(byte);
      if (it != nodes[node].children.end()) {
        node = it->second;
      } else {
        const auto next = static_cast<uint32_t>(nodes.size());
        nodes[node].children.emplace(byte, next);
        nodes.emplace_back();
        node = next;
      }
    }
    nodes[node].form = &f;
  }
  trie_.resize(nodes.size());
  for (size_t i = 0; i < nodes.size(); ++i) {
    trie_[i].form = nodes[i].form;
    trie_[i].edges = static_cast<uint32_t>(trie_edges_.size());
    trie_[i].edge_count = static_cast<uint32_t>(nodes[i].children.size());
    for (const auto& [byte, to] : nodes[i].children) trie_edges_.push_back({byte, to});
  }
  for (const auto& [byte, to] : nodes[0].children) {
    root_edges_[byte] = to;
    ByteRange& range = byte < 0x80 ? root_ascii_ : root_high_;
    if (range.lo > range.hi) {
      range.lo = range.hi = byte;
    } else {
      range.lo = std::min(range.lo, byte);
      range.hi = std::max(range.hi, byte);
    }
  }
  ascii_prefix_.bytes = high_prefix_.bytes = sizeof(uint64_t);
  for (const auto& [form, f] : forms_) {
    PrefixKey& key = static_cast<unsigned char>(form[0]) < 0x80 ? ascii_prefix_ : high_prefix_;
    key.bytes = std::min(key.bytes, form.size());
  }
  ascii_prefix_.mask = FirstBytesMask(ascii_prefix_.bytes);
  high_prefix_.mask = FirstBytesMask(high_prefix_.bytes);
  std::map<uint64_t, uint32_t> prefixes;  // first bytes -> node
  for (const auto& [form, f] : forms_) {
    const PrefixKey& key =
        static_cast<unsigned char>(form[0]) < 0x80 ? ascii_prefix_ : high_prefix_;
    uint32_t node = 0;
    for (size_t i = 0; i < key.bytes; ++i)
      node = nodes[node].children.at(static_cast<unsigned char>(form[i]));
    prefixes.emplace(FirstBytes(form, 0, key.mask), node);
  }
  prefix_filter_.assign((size_t{1} << kPrefixFilterBitsLog2) / 64, 0);
  // At most half full: a lookup reads one or two slots.
  prefix_nodes_.resize(std::bit_ceil(2 * prefixes.size()));
  const int slot_shift = 64 - std::countr_zero(prefix_nodes_.size());
  for (const auto& [first_bytes, node] : prefixes) {
    const uint64_t hash = PrefixHash(first_bytes);
    const size_t bit = hash >> (64 - kPrefixFilterBitsLog2);
    prefix_filter_[bit / 64] |= uint64_t{1} << (bit % 64);
    size_t slot = hash >> slot_shift;
    while (prefix_nodes_[slot].node != 0) slot = (slot + 1) & (prefix_nodes_.size() - 1);
    prefix_nodes_[slot] = {first_bytes, node};
  }

  for (const auto& row : lexicons.ReadTsv("terms.tsv")) {
    std::string_view name = row.Get("term");  // 민선7기
    std::string digits;
    for (char c : name) {
      if (c >= '0' && c <= '9') digits += c;
    }
    if (digits.empty()) throw LexiconError(row.Where() + ": bad term");
    terms_.push_back(
        {std::stoi(digits), ParseYearMonth(row.Get("from")), ParseYearMonth(row.Get("to"))});
  }
  for (const auto& row : lexicons.ReadTsv("heads.tsv")) {
    if (!ByCode(row.Get("code"))) throw LexiconError(row.Where() + ": unknown code");
    heads_.push_back({row.Get("code"), std::stoi(row.Get("term")), row.Get("name_ko"),
                      row.Get("name_en"), row.Get("title_ko"), row.Get("title_en")});
  }
  for (const auto& h : heads_) heads_by_code_[h.code].push_back(&h);
  for (const auto& row : lexicons.ReadTsv("mayor_titles.tsv")) {
    (row.Get("lang") == "ko" ? titles_ko_ : titles_en_).push_back(row.Get("title"));
  }
  auto longest_first = [](const auto& a, const auto& b) { return a.size() > b.size(); };
  std::stable_sort(titles_ko_.begin(), titles_ko_.end(), longest_first);
  std::stable_sort(titles_en_.begin(), titles_en_.end(), longest_first);

  // 성동구 -> 성동 + 구청장; 서울시 -> 서울 + 시장; 경기도 -> 경기 + 도지사.
  std::map<std::string, std::vector<const Government*>, std::less<>> glued;
  for (const auto& g : governments_) {
    std::vector<std::string> ko = {g.name_ko};
    for (const auto& v : g.variants) {
      if (IsHangulSyllable(CodePointAt(v, 0))) ko.push_back(v);
    }
    for (const auto& form : ko) {
      size_t len = 0;
      CodePointBefore(form, form.size(), &len);
      const std::string stem = form.substr(0, form.size() - len);
      const std::string last = form.substr(form.size() - len);
      if (stem.empty() ||
          std::find(ko_office_ends_.begin(), ko_office_ends_.end(), last) != ko_office_ends_.end())
        continue;
      for (const auto& title : titles_ko_) {
        if (StartsWith(title, last)) AddUnique(glued[stem + title], &g);
      }
    }
  }
  for (auto& [k, v] : glued) glued_titles_.emplace_back(k, std::move(v));
  std::stable_sort(glued_titles_.begin(), glued_titles_.end(),
                   [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

Gazetteer::~Gazetteer() = default;

std::shared_ptr<const Gazetteer> Gazetteer::Shared(const LexiconDir& lexicons) {
  static std::mutex mu;
  static std::map<std::string, std::weak_ptr<const Gazetteer>> cache;
  std::lock_guard lock(mu);
  auto& slot = cache[lexicons.path().string()];
  if (auto existing = slot.lock()) return existing;
  auto made = std::make_shared<const Gazetteer>(lexicons);
  slot = made;
  return made;
}

const Government* Gazetteer::ByCode(std::string_view code) const {
  const auto it = by_code_.find(code);
  return it == by_code_.end() ? nullptr : it->second;
}

const std::vector<const Head*>& Gazetteer::HeadsOf(std::string_view code) const {
  static const std::vector<const Head*> kNone;
  const auto it = heads_by_code_.find(code);
  return it == heads_by_code_.end() ? kNone : it->second;
}

std::optional<int> Gazetteer::TermAt(int year, int month) const {
  const int ym = year * 100 + month;
  for (const auto& t : terms_) {
    if (t.from <= ym && ym <= t.to) return t.number;
  }
  return std::nullopt;
}

int Gazetteer::LatestTerm() const {
  int latest = 0;
  for (const auto& h : heads_) latest = std::max(latest, h.term);
  return latest;
}

bool Gazetteer::Boundaries(std::string_view text, size_t b, size_t e, const Form& form) const {
  const char32_t first = CodePointAt(text, b);
  const bool hangul = IsHangulSyllable(first);
  if (b > 0) {
    const char32_t before = CodePointBefore(text, b);
    if (hangul ? IsHangulSyllable(before) : IsAsciiAlnum(before)) return false;
  }
  if (e >= text.size()) return true;
  const char32_t after = CodePointAt(text, e);
  if (!hangul) return !IsAsciiAlnum(after);
  if (!form.short_ko || !IsHangulSyllable(after)) return true;
  const std::string_view rest = text.substr(e);
  for (const auto& particle : ko_particles_) {
    if (!StartsWith(rest, particle)) continue;
    // The particle must end the word (관악은 yes, 관악산 no; 서울의 yes).
    const size_t at = particle.size();
    if (at >= rest.size() || !IsHangulSyllable(CodePointAt(rest, at))) return true;
    // Titles and 지역 may run on (성동구청장은, 관악지역은), and the open
    // particles of district_context.tsv (관악형).
    if (particle.size() > 3 || std::find(ko_open_particles_.begin(), ko_open_particles_.end(),
                                         particle) != ko_open_particles_.end())
      return true;
  }
  return false;
}

// Inline: Scan, its only caller, asks for nearly every word.
inline uint32_t Gazetteer::NodeAfterPrefix(std::string_view text, size_t b, size_t end,
                                           size_t* from) const {
  const PrefixKey& key = static_cast<unsigned char>(text[b]) < 0x80 ? ascii_prefix_ : high_prefix_;
  // Every form is at least key.bytes long and must end by `end`.
  if (end - b < key.bytes) return 0;
  const uint64_t first_bytes = FirstBytes(text, b, key.mask);
  const uint64_t hash = PrefixHash(first_bytes);
  const size_t bit = hash >> (64 - kPrefixFilterBitsLog2);
  if (((prefix_filter_[bit / 64] >> (bit % 64)) & 1) == 0) return 0;
  const size_t mask = prefix_nodes_.size() - 1;
  for (size_t slot = hash >> (64 - std::countr_zero(prefix_nodes_.size()));;
       slot = (slot + 1) & mask) {
    const PrefixNode& entry = prefix_nodes_[slot];
    if (entry.node == 0) return 0;
    if (entry.first_bytes == first_bytes) {
      *from = b + key.bytes;
      return entry.node;
    }
  }
}

const Gazetteer::Form* Gazetteer::LongestAt(std::string_view text, uint32_t node, size_t from,
                                            size_t end, size_t* e) const {
  const Form* found = nullptr;
  for (size_t i = from;; ++i) {
    if (trie_[node].form) {
      found = trie_[node].form;
      *e = i;
    }
    if (i >= end) break;
    const auto byte = static_cast<unsigned char>(text[i]);
    // Edges are sorted by byte (built from a std::map); Hangul nodes fan out
    // to dozens of continuation bytes, so search them by halving, but most
    // nodes deep in the trie have one or two, read in turn.
    const TrieEdge* first = trie_edges_.data() + trie_[node].edges;
    const TrieEdge* last = first + trie_[node].edge_count;
    const TrieEdge* edge = first;
    if (last - first > 4) {
      edge = std::lower_bound(first, last, byte,
                              [](const TrieEdge& e, unsigned char b) { return e.byte < b; });
    } else {
      while (edge != last && edge->byte < byte) ++edge;
    }
    if (edge == last || edge->byte != byte) break;
    node = edge->to;
  }
  return found;
}

std::vector<Gazetteer::Attempt> Gazetteer::Scan(std::string_view text, size_t begin,
                                                size_t end) const {
  std::vector<Attempt> attempts;
  end = std::min(end, text.size());
  size_t pos = begin;
  while (pos < end) {
    // The leftmost position where a form starts, and the longest form there.
    size_t b = pos, e = 0;
    const Form* form = nullptr;
    // Character by character, cheaply ruling out most: a form starts only
    // where its first byte has a root edge, where Boundaries would accept
    // the character before it, and where its first bytes start some form
    // (NodeAfterPrefix). (In UTF-8, a byte before an ASCII character is that
    // whole character or the end of a longer one, never ASCII alnum.)
    for (size_t len = 1; b < end; b += len, len = 1) {
      // A form may start every few bytes in Korean text, every few dozen in
      // English: a few bytes one by one, then sixteen at a time.
      for (const size_t stop = std::min(end, b + 8);
           b < stop && root_edges_[static_cast<unsigned char>(text[b])] == 0;)
        ++b;
      if (b < end && root_edges_[static_cast<unsigned char>(text[b])] == 0) {
        b = NextInRanges(text, b, end, root_ascii_, root_high_);
        while (b < end && root_edges_[static_cast<unsigned char>(text[b])] == 0) ++b;
      }
      if (b >= end) break;
      const auto c = static_cast<unsigned char>(text[b]);
      // Korean text is nearly all Hangul syllables (3 bytes, led by EA to
      // ED): decoded here, without DecodeAt's general case.
      if (HangulSyllableAt(text, b) != 0) {
        // No syllable after this one starts a form (HangulSyllableBefore):
        // unless a form starts here, the search goes on after the word.
        len = SyllablesEnd(text, b + 3, end) - b;
        if (HangulSyllableBefore(text, b)) continue;
      } else if (c < 0x80) {
        if (b > 0 && IsAsciiAlnum(static_cast<unsigned char>(text[b - 1]))) continue;
      } else {
        CodePointAt(text, b, &len);
      }
      size_t from = 0;
      const uint32_t node = NodeAfterPrefix(text, b, end, &from);
      if (node == 0) continue;
      if ((form = LongestAt(text, node, from, end, &e))) break;
    }
    if (!form) break;
    const bool kept = Boundaries(text, b, e, *form);
    // A document's scan makes a few dozen attempts: room for them at once
    // rather than growing 1, 2, 4, ... (five allocations a document).
    if (attempts.empty()) attempts.reserve(32);
    attempts.push_back({b, e, form, kept});
    if (kept) {
      pos = e;
    } else {
      size_t len = 1;
      CodePointAt(text, b, &len);
      pos = b + len;
    }
  }
  return attempts;
}

std::vector<GovMention> Gazetteer::Find(std::string_view text, size_t begin, size_t end) const {
  const auto attempts = Scan(text, begin, end);
  return Mentions(text, attempts.data(), attempts.data() + attempts.size());
}

std::vector<GovMention> Gazetteer::Find(const Document& doc, size_t begin, size_t end) const {
  const std::string_view text = doc.work;
  const GovScan* scan = doc.gov_scan.get();
  if (!scan || scan->gazetteer != this || scan->text != text.data() || scan->size != text.size()) {
    auto made = std::make_shared<GovScan>();
    made->gazetteer = this;
    made->text = text.data();
    made->size = text.size();
    made->attempts = Scan(text, 0, text.size());
    scan = made.get();
    doc.gov_scan = std::move(made);
  }
  // Scanning text[begin, end) alone visits the same characters as the whole
  // scan did from `begin` on, and decides each the same way, unless the whole
  // scan was inside a kept form at `begin` (it skipped characters the part
  // scan visits), or a form it tried from inside the part runs past `end`
  // (the part scan, stopping at `end`, may take a shorter one there). Those
  // parts, rare, are scanned on their own.
  end = std::min(end, text.size());
  const auto& attempts = scan->attempts;
  auto it = std::lower_bound(attempts.begin(), attempts.end(), begin,
                             [](const Attempt& a, size_t pos) { return a.b < pos; });
  if (it != attempts.begin() && std::prev(it)->kept && std::prev(it)->e > begin)
    return Find(text, begin, end);
  auto stop = it;
  for (; stop != attempts.end() && stop->b < end; ++stop) {
    if (stop->e > end) return Find(text, begin, end);
  }
  // As pointers: `it` and `stop` may be the end (no attempt from `begin` on).
  const Attempt* const first = attempts.data();
  return Mentions(text, first + (it - attempts.begin()), first + (stop - attempts.begin()));
}

std::vector<GovMention> Gazetteer::Mentions(std::string_view text, const Attempt* first,
                                            const Attempt* last) const {
  auto in_region = [](const Form& f,
                      const Government* region) -> std::span<const Government* const> {
    for (const auto& [r, governments] : f.by_region) {
      if (r == region) return governments;
    }
    return {};
  };
  auto make = [&](const Attempt& r, std::span<const Government* const> candidates) {
    GovMention mention;
    mention.begin = mention.name_begin = r.b;
    mention.end = mention.name_end = r.e;
    mention.candidates = candidates;
    mention.hangul = IsHangulSyllable(CodePointAt(text, r.b));
    return mention;
  };
  auto next_kept = [&](const Attempt* a) {
    for (++a; a != last && !a->kept; ++a) {
    }
    return a;
  };

  std::vector<GovMention> out;
  out.reserve(static_cast<size_t>(last - first));  // at most one mention per attempt
  for (const Attempt* a = first != last && !first->kept ? next_kept(first) : first; a != last;
       a = next_kept(a)) {
    const Attempt& r = *a;
    const Attempt* next = next_kept(a);
    const Government* region = r.form->region;
    // Prefix: 서울 중구, 서울시 관악구, 서울중구, Seoul's Gwanak-gu.
    if (region && next != last) {
      const std::string_view gap = text.substr(r.e, next->b - r.e);
      const bool hangul = IsHangulSyllable(CodePointAt(text, r.b));
      const bool joined =
          hangul ? (gap.empty() || gap == " ") : (gap == "'s " || gap == "\u2019s " || gap == " ");
      if (joined) {
        auto candidates = in_region(*next->form, region);
        if (!candidates.empty()) {
          GovMention mention = make(*next, candidates);
          mention.begin = r.b;
          mention.region_code = region->code;
          out.push_back(std::move(mention));
          a = next;
          continue;
        }
      }
    }
    if (r.form->region_only) continue;
    // Suffix: Jung-gu, Seoul / Gangseo-gu in Busan / 중구(서울).
    if (next != last && next->form->region) {
      const Government* next_region = next->form->region;
      const std::string_view gap = text.substr(r.e, next->b - r.e);
      if (gap == ", " || gap == " in " || gap == " of " || gap == " (" || gap == "(") {
        auto candidates = in_region(*r.form, next_region);
        if (!candidates.empty()) {
          GovMention mention = make(r, candidates);
          mention.end = next->e;
          mention.region_code = next_region->code;
          out.push_back(std::move(mention));
          a = next;
          continue;
        }
      }
    }
    out.push_back(make(r, r.form->governments));
  }
  return out;
}

std::vector<std::pair<size_t, size_t>> QuotedRanges(std::string_view text, size_t begin, size_t end,
                                                    bool single) {
  std::vector<std::pair<size_t, size_t>> out;
  char32_t close = 0;
  size_t open_at = 0;
  end = std::min(end, text.size());
  for (size_t pos = begin; pos < end;) {
    pos = NextQuoteMark(text, pos, end, /*line_ends=*/close != 0);
    if (pos >= end) break;
    size_t len = 1;
    const char32_t c = CodePointAt(text, pos, &len);
    if (close) {
      if (c == close || c == '\n') {
        if (out.empty()) out.reserve(8);  // not 1, 2, 4, 8: stories quote a few times
        out.emplace_back(open_at, c == '\n' ? pos : pos + len);
        close = 0;
      }
    } else {
      // An apostrophe after a word is one (Seoul's), not a quote.
      auto word_before = [&] {
        const char32_t before = pos > 0 ? CodePointBefore(text, pos) : U' ';
        return IsAsciiAlnum(before) || IsHangulSyllable(before);
      };
      switch (c) {
        case U'\u201C':
          close = U'\u201D';
          break;
        case U'\u300C':
          close = U'\u300D';
          break;
        case U'\u300E':
          close = U'\u300F';
          break;
        case U'"':
          close = U'"';
          break;
        case U'\u2018':
          if (single) close = U'\u2019';
          break;
        case U'\'':
          if (single && !word_before()) close = U'\'';
          break;
        default:
          break;
      }
      if (close) open_at = pos;
    }
    pos += len;
  }
  if (close) out.emplace_back(open_at, end);
  return out;
}

bool Inside(const std::vector<std::pair<size_t, size_t>>& ranges, size_t pos) {
  for (const auto& [b, e] : ranges) {
    if (b <= pos && pos < e) return true;
  }
  return false;
}

}  // namespace newsie
