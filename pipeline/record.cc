#include "pipeline/record.h"

#include <cstddef>
#include <memory>
#include <memory_resource>
#include <new>
#include <string_view>
#include <tuple>

#include "pipeline/government.h"

namespace newsie {
namespace {

// The record is built twice over: as a Json that ToRecord hands out, and as
// an ArenaJson that RecordLine writes and forgets. One template builds both,
// so the two cannot drift apart (tests/record_test.cc compares their lines
// over the corpus).
//
// Why the arena: a record is some 60 nodes (objects, arrays, strings), each
// a heap box and most a vector or a string of their own, about 110
// allocations per document, a fifth of all the allocations the worker makes;
// nlohmann then frees the tree node by node, moving every node onto a stack
// of its own first. ArenaJson takes all of that (boxes, vectors, keys,
// strings) from one buffer per thread, bumped, and RecordLine drops it whole
// once the line is written: no node is ever freed.

// This thread's record arena: a buffer kept from record to record, and
// more from the heap only for a record that outgrows it (given back at once).
std::pmr::monotonic_buffer_resource& Arena() {
  // A record's tree and line take about six times the line (c10k: some
  // 12 KB on average, 55 KB for a 9 KB line): nearly all fit.
  constexpr size_t kBytes = 64 * 1024;
  struct Buffer {
    std::unique_ptr<std::byte[]> bytes{new std::byte[kBytes]};
    std::pmr::monotonic_buffer_resource resource{bytes.get(), kBytes};
  };
  thread_local Buffer buffer;
  return buffer.resource;
}

// nlohmann makes its allocators itself (default-constructed, one per
// allocation), so this one has no state: it takes from the thread's arena
// and never gives back (the arena is released whole).
template <typename T>
struct ArenaAllocator {
  using value_type = T;
  ArenaAllocator() = default;
  template <typename U>
  ArenaAllocator(const ArenaAllocator<U>&) noexcept {}  // NOLINT: rebinding is implicit
  T* allocate(size_t n) { return static_cast<T*>(Arena().allocate(n * sizeof(T), alignof(T))); }
  void deallocate(T*, size_t) noexcept {}
  template <typename U>
  bool operator==(const ArenaAllocator<U>&) const noexcept {
    return true;
  }
};

using ArenaString = std::basic_string<char, std::char_traits<char>, ArenaAllocator<char>>;
// nlohmann::ordered_json but for the allocator and the string type.
using ArenaJson = nlohmann::basic_json<nlohmann::ordered_map, std::vector, ArenaString, bool,
                                       std::int64_t, std::uint64_t, double, ArenaAllocator>;

// Releases the thread's arena when the record is written.
class ArenaScope {
 public:
  ArenaScope() = default;
  ArenaScope(const ArenaScope&) = delete;
  ArenaScope& operator=(const ArenaScope&) = delete;
  ~ArenaScope() { Arena().release(); }
};

// Builds the record of one document as a J (Json or ArenaJson).
template <typename J>
class RecordTree {
 public:
  explicit RecordTree(const Document& doc) : doc_(doc) {}

  J StoryJson(const Story& story) const {
    J headline = nullptr;
    if (story.headline) {
      headline =
          Value(doc_.OriginalView(doc_.ToOriginal(story.headline->first, story.headline->second)));
    }
    J targets = ArrayFor(story.targets.size());
    J achievements = ArrayFor(story.achievements.size());
    J awards = ArrayFor(story.awards.size());
    for (const auto& t : story.targets) Push(targets, TargetJson(t));
    for (const auto& a : story.achievements) Push(achievements, AchievementJson(a));
    for (const auto& a : story.awards) Push(awards, AwardJson(a));
    return Object(9)
        .Add("index", Value(story.index))
        .Add("span", SpanJson(doc_.ToOriginal(story.begin, story.end)))
        .Add("lang", Value(story.lang))
        .Add("headline", std::move(headline))
        .Add("district", DistrictJson(story.district))
        .Add("mayor", MayorJson(story.mayor))
        .Add("targets", std::move(targets))
        .Add("achievements", std::move(achievements))
        .Add("awards", std::move(awards))
        .Done();
  }

  // The record; with `with_stories` false, its "stories" is an empty array
  // (RecordLine writes them one at a time in its place).
  J Record(bool with_stories = true) const {
    J stories = ArrayFor(with_stories ? doc_.stories.size() : 0);
    if (with_stories) {
      for (const Story& story : doc_.stories) Push(stories, StoryJson(story));
    }
    J diagnostics = ArrayFor(doc_.diagnostics.size());
    for (const Diagnostic& d : doc_.diagnostics) {
      Push(diagnostics, Object(4)
                            .Add("level", Value(d.level))
                            .Add("code", Value(d.code))
                            .Add("message", Value(d.message))
                            .Add("span", d.span ? SpanJson(*d.span) : J(nullptr))
                            .Done());
    }
    const SourceInfo& source = doc_.source;
    return Object(6)
        .Add("schema", Value(kSchemaId))
        .Add("id", Value(doc_.input.id))
        .Add("source", Object(7)
                           .Add("path", Value(source.path))
                           .Add("sha256", Value(source.sha256))
                           .Add("bytes", Value(source.bytes))
                           .Add("encoding", Value(source.encoding))
                           .Add("lang", Value(source.lang))
                           .Add("url", Value(source.url))
                           .Add("title", Value(source.title))
                           .Done())
        .Add("ref_date", Object(2)
                             .Add("date", Value(doc_.ref_date.Iso()))
                             .Add("basis", Value(doc_.ref_date.basis))
                             .Done())
        .Add("stories", std::move(stories))
        .Add("diagnostics", std::move(diagnostics))
        .Done();
  }

  static J Value(const Number& number) {
    return number.integral ? J(number.integer) : J(number.real);
  }

 private:
  // Builds a JSON object key by key, in the order given. J{{"key", value},
  // ...} first makes a two-element array of every pair and then looks each
  // key up again; records are built once per document, so that adds up. The
  // entries are reserved up front: growing the ordered_map's vector would
  // copy every key already in it (its keys are const, so they cannot be
  // moved).
  // (Keys are literals: their length is known, and the entries are reached
  // once, not through get_ref's type check at every key.)
  class Object {
   public:
    explicit Object(size_t keys)
        : json_(J::value_t::object), entries_(json_.template get_ref<typename J::object_t&>()) {
      entries_.reserve(keys);
    }
    template <size_t N>
    Object& Add(const char (&key)[N], J value) {
      entries_.emplace_back(std::piecewise_construct, std::forward_as_tuple(key, N - 1),
                            std::forward_as_tuple(std::move(value)));
      return *this;
    }
    J Done() { return std::move(json_); }

   private:
    J json_;
    typename J::object_t& entries_;  // json_'s, which Done moves out (the entries stay put)
  };

  // An empty array with room for `n` elements.
  static J ArrayFor(size_t n) {
    typename J::array_t array;
    array.reserve(n);
    return J(std::move(array));
  }
  static void Push(J& array, J value) {
    array.template get_ref<typename J::array_t&>().push_back(std::move(value));
  }

  // Strings go straight into J's own string type (ArenaJson's lives in the
  // arena), with no std::string on the way.
  static J Value(std::string_view s) { return J(typename J::string_t(s)); }
  static J Value(const std::string& s) { return Value(std::string_view(s)); }
  static J Value(const char* s) { return Value(std::string_view(s)); }
  static J Value(int n) { return J(n); }
  static J Value(int64_t n) { return J(n); }
  static J Value(bool b) { return J(b); }
  static J Value(const std::vector<std::string>& strings) {
    J array = ArrayFor(strings.size());
    for (const std::string& s : strings) Push(array, Value(s));
    return array;
  }
  template <typename T>
  static J Value(const std::optional<T>& value) {
    return value ? Value(*value) : J(nullptr);
  }

  // A fact's year as the contract allows it: a year printed outside that
  // (`1010년`, a typo or a date in history) dates no job policy.
  static J FactYear(const std::optional<int>& year) {
    return year && IsContractYear(*year) ? J(*year) : J(nullptr);
  }

  static J SpanJson(Span span) {
    typename J::array_t pair;
    pair.reserve(2);
    pair.emplace_back(span.start);
    pair.emplace_back(span.end);
    return J(std::move(pair));
  }

  J Evidence(Span span) const {
    return Object(2).Add("text", Value(doc_.OriginalView(span))).Add("span", SpanJson(span)).Done();
  }

  static J DistrictJson(const std::optional<DistrictFact>& fact) {
    if (!fact || !fact->government) return nullptr;
    const Government& g = *fact->government;
    return Object(8)
        .Add("code", Value(g.code))
        .Add("name_ko", Value(g.name_ko))
        .Add("name_en", Value(g.name_en))
        .Add("region_ko", Value(g.region_ko))
        .Add("region_en", Value(g.region_en))
        .Add("full_ko", Value(g.full_ko()))
        .Add("level", Value(g.level))
        .Add("span", SpanJson(fact->span))
        .Done();
  }

  static J MayorJson(const std::optional<MayorFact>& fact) {
    if (!fact) return nullptr;
    return Object(4)
        .Add("name_ko", Value(fact->name_ko))
        .Add("name_en", Value(fact->name_en))
        .Add("title", Value(fact->title))
        .Add("span", SpanJson(fact->span))
        .Done();
  }

  J TargetJson(const TargetFact& t) const {
    J period = nullptr;
    if (t.period) {
      period = Object(2).Add("from", Value(t.period->from)).Add("to", Value(t.period->to)).Done();
    }
    return Object(10)
        .Add("metric", Value(t.metric))
        .Add("value", Value(t.value))
        .Add("unit", Value(t.unit))
        .Add("year", FactYear(t.year))
        .Add("period", std::move(period))
        .Add("qualifier", Value(t.qualifier))
        .Add("scope", Value(t.scope))
        .Add("revised_from", Value(t.revised_from))
        .Add("evidence", Evidence(t.evidence))
        .Add("rule", Value(t.rule))
        .Done();
  }

  J AchievementJson(const AchievementFact& a) const {
    return Object(9)
        .Add("year", FactYear(a.year))
        .Add("actual", Value(a.actual))
        .Add("target", Value(a.target))
        .Add("rate_pct", Value(a.rate_pct))
        .Add("qualifier", Value(a.qualifier))
        .Add("derived", Value(a.derived))
        .Add("consistent", Value(a.consistent))
        .Add("evidence", Evidence(a.evidence))
        .Add("rule", Value(a.rule))
        .Done();
  }

  J AwardJson(const AwardFact& a) const {
    return Object(11)
        .Add("name", Value(a.name))
        .Add("name_ko", Value(a.name_ko))
        .Add("year", FactYear(a.year))
        .Add("grade", Value(a.grade))
        .Add("grade_text", Value(a.grade_text))
        .Add("category", Value(a.category))
        .Add("streak_years", Value(a.streak_years))
        .Add("prize_krw", Value(a.prize_krw))
        .Add("organizer", Value(a.organizer))
        .Add("evidence", Evidence(a.evidence))
        .Add("rule", Value(a.rule))
        .Done();
  }

  const Document& doc_;
};

// The whole record as one tree, dumped.
std::string OneTreeRecordLine(const Document& doc) {
  const ArenaScope scope;
  // The root goes into the arena like every node under it, and its
  // destructor is never run: the scope releases the whole tree at once (no
  // node holds anything outside the arena).
  auto* record = new (Arena().allocate(sizeof(ArenaJson), alignof(ArenaJson)))
      ArenaJson(RecordTree<ArenaJson>(doc).Record());
  const ArenaString line = record->dump(-1, ' ', false, ArenaJson::error_handler_t::replace);
  return std::string(line.data(), line.size());
}

}  // namespace

Json ToJson(const Number& number) { return RecordTree<Json>::Value(number); }

Json ToRecord(const Document& doc) { return RecordTree<Json>(doc).Record(); }

std::string RecordLine(const Document& doc) {
  // A record of many stories is written a story at a time: the record
  // around its stories first, then each story in place of the empty array,
  // its tree dropped once written. A page of thousands of stories (a 16 MiB
  // document) held every story's tree at once, some six times the line.
  // The same line: compact JSON is its parts joined by ','. Few stories
  // take one tree, which costs less.
  constexpr size_t kOneTreeStories = 32;
  if (doc.stories.size() <= kOneTreeStories) return OneTreeRecordLine(doc);
  std::string line, after_stories;
  {
    const ArenaScope scope;  // each tree in the arena, as in OneTreeRecordLine
    auto* record = new (Arena().allocate(sizeof(ArenaJson), alignof(ArenaJson)))
        ArenaJson(RecordTree<ArenaJson>(doc).Record(/*with_stories=*/false));
    const ArenaString text = record->dump(-1, ' ', false, ArenaJson::error_handler_t::replace);
    // The first "stories":[] is the key: inside a string every '"' is escaped.
    constexpr std::string_view kStories = "\"stories\":[";
    const size_t at = text.find(kStories) + kStories.size();
    line.assign(text.data(), at);
    after_stories.assign(text.data() + at, text.size() - at);
  }
  for (size_t i = 0; i < doc.stories.size(); ++i) {
    if (i > 0) line += ',';
    const ArenaScope scope;
    auto* story = new (Arena().allocate(sizeof(ArenaJson), alignof(ArenaJson)))
        ArenaJson(RecordTree<ArenaJson>(doc).StoryJson(doc.stories[i]));
    const ArenaString text = story->dump(-1, ' ', false, ArenaJson::error_handler_t::replace);
    line.append(text.data(), text.size());
  }
  line += after_stories;
  return line;
}

}  // namespace newsie
