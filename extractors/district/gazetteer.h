// Gazetteer: Korea's 243 local governments (lexicons/districts.tsv), their
// regions (regions.tsv), heads (heads.tsv, terms.tsv) and head titles
// (mayor_titles.tsv), with one matcher that finds every government name in a
// text.
//
//   auto gaz = Gazetteer::Shared(lexicons);        // built once per lexicon dir
//   for (const GovMention& m : gaz->Find(doc.work, story.begin, story.end)) ...
//
// Find returns mentions in text order. A region written next to a basic name
// is folded into the mention (`서울 중구`, `서울시 관악구`, `Seoul's Gwanak-gu`,
// `Jung-gu, Seoul`, `Gangseo-gu in Busan`) and narrows its candidates; a
// region short form that is not a government name by itself (`경기`) is only
// ever used that way. A name shared by several governments (중구, 동구, 서구,
// 남구, 북구, 강서구, 고성군, 광주시) keeps all its candidates: resolving it
// needs context and is the district extractor's job.
//
// The Gazetteer is immutable after construction and safe to share between
// threads.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/government.h"
#include "pipeline/lexicon.h"

namespace newsie {

struct GovMention {
  size_t begin = 0;  // bytes in the searched text, including a folded-in region
  size_t end = 0;
  size_t name_begin = 0;  // the government name itself
  size_t name_end = 0;
  // Several when the name is shared. A view into the Gazetteer, which
  // outlives its mentions: extractors find thousands of mentions per
  // thousand documents, and a copy of the list each was an allocation.
  std::span<const Government* const> candidates;
  std::optional<std::string> region_code;  // a region written in the mention itself
  bool hangul = false;                     // the name is written in Hangul

  bool ambiguous() const { return candidates.size() > 1; }
};

struct Head {
  std::string code;  // the government's code
  int term = 0;      // 민선 term number
  std::string name_ko, name_en, title_ko, title_en;
};

struct Term {
  int number = 0;
  int from = 0;  // YYYYMM, inclusive
  int to = 0;
};

class Gazetteer {
 public:
  // Reads the lexicons; throws LexiconError when one is missing or malformed.
  explicit Gazetteer(const LexiconDir& lexicons);
  ~Gazetteer();
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  // One instance per lexicon folder, built on first use.
  static std::shared_ptr<const Gazetteer> Shared(const LexiconDir& lexicons);

  const std::vector<Government>& governments() const { return governments_; }
  const Government* ByCode(std::string_view code) const;

  // Government names in text[begin, end), in order; offsets are into `text`.
  std::vector<GovMention> Find(std::string_view text, size_t begin, size_t end) const;
  // Find(doc.work, begin, end), answered from one scan of the whole of
  // doc.work kept in doc.gov_scan: the district extractor, the mayor and the
  // targets ask for names in overlapping parts of the same text, and the
  // scan is most of Find's work.
  std::vector<GovMention> Find(const Document& doc, size_t begin, size_t end) const;

  // Heads of `code` (every term), in lexicon order; empty for an unknown code.
  const std::vector<const Head*>& HeadsOf(std::string_view code) const;
  // Every head of every government, in lexicon order.
  const std::vector<Head>& heads() const { return heads_; }
  // The term containing year/month, or nullopt.
  std::optional<int> TermAt(int year, int month) const;
  int LatestTerm() const;

  // Title words (mayor_titles.tsv), longest first.
  const std::vector<std::string>& titles_ko() const { return titles_ko_; }
  const std::vector<std::string>& titles_en() const { return titles_en_; }
  // Korean titles glued to a district stem (`성동구청장`, `서울시장`, `동구청장`),
  // each with the governments it may name, longest first.
  const std::vector<std::pair<std::string, std::vector<const Government*>>>& glued_titles() const {
    return glued_titles_;
  }

 private:
  struct Form {
    std::vector<const Government*> governments;
    bool region_only = false;  // a region short form, e.g. 경기: only a prefix/suffix
    bool short_ko = false;     // a Korean short form: needs a particle or a non-Hangul after
    // The metropolitan government among `governments`, if any: a region
    // Mentions folds into the name next to it.
    const Government* region = nullptr;
    // The basic governments among `governments` in each region that has
    // some: the candidates when a region is written next to the name.
    std::vector<std::pair<const Government*, std::vector<const Government*>>> by_region;
  };
  bool Boundaries(std::string_view text, size_t b, size_t e, const Form& form) const;
  // The longest form that goes on from trie `node`, reached by the bytes
  // before text[from], and ends at or before `end`; sets *e to its end.
  const Form* LongestAt(std::string_view text, uint32_t node, size_t from, size_t end,
                        size_t* e) const;

  std::vector<Government> governments_;
  std::map<std::string, const Government*, std::less<>> by_code_;
  std::map<std::string, Form, std::less<>> forms_;
  // Every form in a byte trie: Find walks it from each position and takes the
  // longest form there, which is what one leftmost-longest alternation of the
  // forms would match, without a regex run (and its DFA cache) per call.
  struct TrieNode {
    const Form* form = nullptr;  // a form ends here
    uint32_t edges = 0;          // first edge in trie_edges_
    uint32_t edge_count = 0;
  };
  struct TrieEdge {
    unsigned char byte = 0;
    uint32_t to = 0;
  };
  std::vector<TrieNode> trie_;  // trie_[0] is the root
  std::vector<TrieEdge> trie_edges_;
  std::array<uint32_t, 256> root_edges_{};  // the root's children by byte, 0 for none
  // Two byte ranges holding every byte with a root edge, ASCII and not:
  // Scan passes over the text between them sixteen bytes at a time (in
  // English text a form starts only on a capital letter).
  struct ByteRange {
    unsigned char lo = 1, hi = 0;  // empty
  };
  ByteRange root_ascii_, root_high_;
  // The first bytes of every form: as many as the shortest form starting
  // with an ASCII byte (4, `Asan`) or with another (6, two Hangul
  // syllables) has, at most 8. Scan looks them up for the trie node they
  // lead to, where its walk starts: the trie's nodes are spread over a few
  // hundred kilobytes that other stages evict between documents, and the
  // first bytes are the part of a walk that fails most.
  struct PrefixKey {
    size_t bytes = 0;   // how many first bytes
    uint64_t mask = 0;  // those bytes of a word loaded from memory
  };
  PrefixKey ascii_prefix_, high_prefix_;  // forms starting with an ASCII byte, with another
  // The first bytes hashed into a bit set (4 KB): most capitalised words
  // (The, Seven beside Seoul) and syllables starting no name (서비스 beside
  // 서울) are ruled out by one bit.
  std::vector<uint64_t> prefix_filter_;
  // The first bytes -> the trie node they lead to, an open-addressing hash
  // table (node 0 for an empty slot), asked when the filter lets a word by.
  struct PrefixNode {
    uint64_t first_bytes = 0;
    uint32_t node = 0;
  };
  std::vector<PrefixNode> prefix_nodes_;  // a power of two in size
  // The trie node text[b, b + n) leads to, n being the first bytes of forms
  // starting like text[b] (PrefixKey), with b + n at or before `end`; sets
  // *from to b + n. 0 when no form starts so.
  uint32_t NodeAfterPrefix(std::string_view text, size_t b, size_t end, size_t* from) const;
  std::vector<std::string> ko_particles_;
  // district_context.tsv's other kinds (see lexicons/README.md): the last
  // syllables of full Korean names and of office forms, the particles that
  // may run on into another syllable, the English suffixes whose headline
  // case (`Gwanak-Gu`) is a form too.
  std::u32string ko_name_ends_;
  std::vector<std::string> ko_office_ends_, ko_open_particles_, en_headline_suffixes_;
  std::vector<Head> heads_;
  // heads_ by government code: both extractors ask for one government's
  // heads per story, and there are thousands of heads.
  std::map<std::string, std::vector<const Head*>, std::less<>> heads_by_code_;
  std::vector<Term> terms_;
  std::vector<std::string> titles_ko_, titles_en_;
  std::vector<std::pair<std::string, std::vector<const Government*>>> glued_titles_;

 public:
  // Where the scan found a form and whether Boundaries kept it: a GovScan
  // keeps them all, rejected ones too, to tell when a part of the text would
  // scan differently on its own (see Find(const Document&, ...)).
  struct Attempt {
    size_t b = 0, e = 0;
    const Form* form = nullptr;
    bool kept = false;
  };

 private:
  // The attempts in text[begin, end), in text order.
  std::vector<Attempt> Scan(std::string_view text, size_t begin, size_t end) const;
  // The mentions the kept ones of attempts[first, last) make, regions folded in.
  std::vector<GovMention> Mentions(std::string_view text, const Attempt* first,
                                   const Attempt* last) const;
};

// A Document's work scanned for government names (Gazetteer::Find(const
// Document&, ...)), with what was scanned, so that a scan made by another
// gazetteer or of a text since replaced (another buffer or size) is not
// reused. Work is final before the extractors run; code that rewrites it in
// place afterwards must reset Document::gov_scan.
struct GovScan {
  const Gazetteer* gazetteer = nullptr;
  const char* text = nullptr;
  size_t size = 0;
  std::vector<Gazetteer::Attempt> attempts;  // sorted by b
};

// Byte ranges of `text` inside double quotes (“…”, "…", 「…」, 『…』) and, when
// `single` is true, single quotes too (‘…’, '…' around names of projects).
std::vector<std::pair<size_t, size_t>> QuotedRanges(std::string_view text, size_t begin, size_t end,
                                                    bool single);
bool Inside(const std::vector<std::pair<size_t, size_t>>& ranges, size_t pos);

}  // namespace newsie
