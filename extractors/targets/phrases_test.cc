// HitsBySentence must give exactly what FindAll gives sentence by sentence:
// checked on every sentence of the team's corpus, for every phrase set of
// targets.tsv and for sentences whose edges touch words or split a phrase.
#include "extractors/targets/phrases.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/test_support.h"

namespace newsie {
namespace {

bool SameHits(const std::vector<phrases::Hit>& a, const std::vector<phrases::Hit>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].begin != b[i].begin || a[i].end != b[i].end || a[i].cls != b[i].cls) return false;
  }
  return true;
}

void RequireSameAsOneByOne(const phrases::PhraseSet& set, const Document& doc,
                           const std::vector<phrases::SentenceRef>& sentences) {
  const auto together = phrases::HitsBySentence(set, doc, sentences);
  REQUIRE(together.size() == sentences.size());
  for (size_t i = 0; i < sentences.size(); ++i) {
    const auto& s = sentences[i];
    const auto alone = set.FindAll(doc.Work(s.begin, s.end), s.begin);
    INFO("sentence " << i << ": " << doc.Work(s.begin, s.end));
    CHECK(SameHits(together[i], alone));
  }
}

// Calls `use` with every text article of the team's corpus, processed.
template <typename Use>
void ForEachCorpusDocument(Use use) {
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(testing::SourceDir() / "corpus")) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    use(testing::Process(bytes.str()));
  }
}

// Calls `use` with every text article of the corpus and every seed, processed.
template <typename Use>
void ForEachCorpusAndSeedDocument(Use use) {
  for (const auto& file : testing::CorpusAndSeedTexts())
    use(testing::Process(testing::ReadFile(file)));
}

std::vector<phrases::PhraseSet> TargetSets() {
  const auto rows = LexiconDir(testing::SourceDir() / "lexicons").ReadTsv("targets.tsv");
  std::vector<phrases::PhraseSet> sets;
  for (const char* kind : {"cue", "metric", "period", "comparison", "term_end"})
    sets.emplace_back(phrases::Rows(rows, kind));
  return sets;
}

TEST_CASE("phrases: hits dealt out by sentence equal each sentence's own", "[phrases]") {
  const auto sets = TargetSets();
  size_t sentences = 0;
  ForEachCorpusDocument([&](const Document& doc) {
    const auto all = phrases::DocumentSentences(doc);
    sentences += all.size();
    for (const auto& set : sets) RequireSameAsOneByOne(set, doc, all);
  });
  CHECK(sentences > 400);  // the corpus has about 470
}

TEST_CASE("phrases: a set of the phrases of several finds something wherever one of them does",
          "[phrases]") {
  // The targets extractor asks the union of its rarely found sets first and
  // scans a sentence with each only when the union finds something there.
  const auto rows = LexiconDir(testing::SourceDir() / "lexicons").ReadTsv("targets.tsv");
  std::vector<phrases::PhraseSet> sets;
  std::vector<phrases::PhraseSet::Entry> all;
  for (const char* kind : {"period", "term_end", "comparison"}) {
    sets.emplace_back(phrases::Rows(rows, kind));
    const auto entries = phrases::Rows(rows, kind);
    all.insert(all.end(), entries.begin(), entries.end());
  }
  const phrases::PhraseSet any(all);
  size_t quiet = 0, found = 0;
  ForEachCorpusDocument([&](const Document& doc) {
    for (const auto& s : phrases::DocumentSentences(doc)) {
      const std::string_view text = doc.Work(s.begin, s.end);
      bool hit = false;
      for (const auto& set : sets) hit |= !set.FindAll(text, s.begin).empty();
      INFO(text);
      CHECK(any.Contains(text) == hit);
      (hit ? found : quiet) += 1;
    }
  });
  CHECK(found > 10);
  CHECK(quiet > found);
}

TEST_CASE("phrases: a gate holds every text a set of its phrases finds one in", "[phrases]") {
  // The awards extractor asks a gate of its award and grade names over the
  // whole document before it scans each sentence for award words.
  const auto rows = LexiconDir(testing::SourceDir() / "lexicons").ReadTsv("awards.tsv");
  std::vector<phrases::PhraseSet::Entry> entries;
  std::vector<std::string> texts;
  for (const auto& r : rows) {
    if (r.Get("kind") != "award" && r.Get("kind") != "grade") continue;
    entries.push_back({r.Get("text"), r.Get("kind"), ""});
    texts.push_back(r.Get("text"));
  }
  const phrases::PhraseSet set(entries);
  const phrases::PhraseGate gate(texts);
  size_t held = 0, quiet = 0;
  ForEachCorpusAndSeedDocument([&](const Document& doc) {
    for (const auto& s : phrases::DocumentSentences(doc)) {
      const std::string_view text = doc.Work(s.begin, s.end);
      const bool found = !set.FindAll(text, s.begin).empty();
      INFO(text);
      if (found) CHECK(gate.MayHold(text));
      (gate.MayHold(text) ? held : quiet) += 1;
    }
  });
  CHECK(held > 10);
  CHECK(quiet > held);
  // Cut anywhere, even inside a word, a text keeps what its set would find
  // in the part: the gate asks no word boundary.
  CHECK(gate.MayHold("an Excellence Awardee"));
  CHECK_FALSE(set.Contains("an Excellence Awardee"));
  CHECK(gate.MayHold("우수상을 받았다"));
  CHECK(gate.MayHold("the EXCELLENCE   award"));
  CHECK_FALSE(gate.MayHold("The district received a budget of 5 billion won."));
  CHECK_FALSE(phrases::PhraseGate(std::vector<std::string>{}).MayHold("award"));
  CHECK(phrases::PhraseGate().MayHold("anything"));
}

TEST_CASE("phrases: hits found clause by clause equal the whole sentence's", "[phrases]") {
  // The targets extractor finds its cues clause by clause (ClauseHits).
  const auto rows = LexiconDir(testing::SourceDir() / "lexicons").ReadTsv("targets.tsv");
  std::vector<phrases::PhraseSet> sets;
  for (const char* kind : {"cue", "metric"}) {
    for (const auto& e : phrases::Rows(rows, kind))
      REQUIRE_FALSE(phrases::HoldsClauseBreak(e.text));
    sets.emplace_back(phrases::Rows(rows, kind));
  }
  size_t split = 0;
  ForEachCorpusAndSeedDocument([&](const Document& doc) {
    for (const auto& s : phrases::DocumentSentences(doc)) {
      const std::string_view text = doc.Work(s.begin, s.end);
      const auto breaks = phrases::ClauseBreaks(text, s.begin);
      split += !breaks.empty();
      // ClauseBreaks passes over runs of eight bytes: the same as byte by byte.
      std::vector<size_t> one_by_one;
      for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        auto digit = [&](size_t at) { return text[at] >= '0' && text[at] <= '9'; };
        const bool digits = i > 0 && i + 1 < text.size() && digit(i - 1) && digit(i + 1);
        if (c == ';' || (c == ',' && !digits)) one_by_one.push_back(s.begin + i);
        if (text.substr(i, 3) == "...") {
          one_by_one.push_back(s.begin + i);
          i += 2;
        }
      }
      CHECK(breaks == one_by_one);
      for (const auto& set : sets) {
        const auto whole = set.FindAll(text, s.begin);
        phrases::ClauseHits clauses(set, doc, s.begin, s.end, breaks);
        INFO(text);
        REQUIRE(clauses.size() == breaks.size() + 1);
        std::vector<phrases::Hit> joined;
        for (size_t k = 0; k < clauses.size(); ++k) {
          for (const auto& h : clauses.In(k)) {
            CHECK(clauses.Of(h.begin) == k);
            joined.push_back(h);
          }
        }
        CHECK(SameHits(joined, whole));
        // The last hit before each clause and the first from each place
        // (every byte), as the whole sentence's list gives them.
        for (size_t k = 0; k < clauses.size(); ++k) {
          const size_t clause_begin = k == 0 ? s.begin : breaks[k - 1] + 1;
          const phrases::Hit* last = nullptr;
          for (const auto& h : whole) {
            if (h.end <= clause_begin) last = &h;
          }
          const phrases::Hit* got = clauses.LastBefore(k);
          CHECK((got == nullptr) == (last == nullptr));
          if (got != nullptr && last != nullptr) CHECK(got->begin == last->begin);
        }
        for (size_t pos = s.begin; pos <= s.end; ++pos) {
          const phrases::Hit* first = nullptr;
          for (const auto& h : whole) {
            if (h.begin >= pos) {
              first = &h;
              break;
            }
          }
          const phrases::Hit* got = clauses.FirstFrom(clauses.Of(pos), pos);
          CHECK((got == nullptr) == (first == nullptr));
          if (got != nullptr && first != nullptr) CHECK(got->begin == first->begin);
        }
      }
    }
  });
  CHECK(split > 100);
}

TEST_CASE("phrases: clause breaks are semicolons, ellipses and commas outside numbers",
          "[phrases]") {
  const std::string_view text = "12,100 jobs, 3.5%; then... more, 7";
  const auto breaks = phrases::ClauseBreaks(text, 10);
  REQUIRE(breaks.size() == 4);
  CHECK(breaks[0] == 10 + text.find(", 3"));
  CHECK(breaks[1] == 10 + text.find(';'));
  CHECK(breaks[2] == 10 + text.find("..."));
  CHECK(breaks[3] == 10 + text.find(", 7"));
  CHECK(phrases::HoldsClauseBreak("U.S. jobs"));
  CHECK_FALSE(phrases::HoldsClauseBreak("job target"));
}

TEST_CASE("phrases: a phrase across a sentence edge or a word at one is read sentence by sentence",
          "[phrases]") {
  const phrases::PhraseSet set({{"job target", "metric", ""}, {"jobs", "metric", ""}});
  Document doc;
  doc.work = "The job target. Xjobs and jobs. job target";
  // A cut inside `job target`, a cut between `X` and `jobs`, and a cut at a space.
  std::vector<phrases::SentenceRef> cuts = {{0, 8}, {8, 16}, {16, 17}, {17, 31}, {32, 42}};
  RequireSameAsOneByOne(set, doc, cuts);
  const auto hits = phrases::HitsBySentence(set, doc, cuts);
  // `Xjobs` cut after `X`: alone, `jobs` starts its sentence, so \b holds there.
  REQUIRE(hits[3].size() == 2);
  CHECK(doc.work.substr(hits[3][0].begin, 4) == "jobs");
  CHECK(hits[4].size() == 1);
}

TEST_CASE("phrases: the one phrase from or to a place, else none", "[phrases]") {
  const phrases::PhraseSet set({{"employment rate", "metric", ""},
                                {"employment rates", "metric", ""},
                                {"취업연계율", "metric", ""},
                                {"취업연계", "metric", ""},
                                {"public jobs", "metric", ""},
                                {"jobs", "metric", ""}});
  const std::string_view text =
      "an employment rates goal; 취업연계율 70%; 100 public jobs, 5 jobsite";
  const size_t rate = text.find("employment"), linkage = text.find("취업");
  const size_t public_jobs = text.find("public"), jobsite = text.find("jobsite");
  // From a place: `employment rate` cannot end before `s` (\b), so one phrase fits.
  CHECK(set.OnlyEndFrom(text, rate) == rate + std::string_view("employment rates").size());
  // `취업연계율` and `취업연계` both start there.
  CHECK_FALSE(set.OnlyEndFrom(text, linkage).has_value());
  CHECK_FALSE(set.OnlyEndFrom(text, rate + 1).has_value());
  // To a place: `public jobs` and `jobs` both end there.
  const size_t jobs_end = public_jobs + std::string_view("public jobs").size();
  CHECK_FALSE(set.OnlyStartTo(text, jobs_end).has_value());
  CHECK(set.OnlyStartTo(text, rate + std::string_view("employment rates").size()) == rate);
  // A word character after the place decides \b: RE2 is left to read it.
  CHECK_FALSE(set.OnlyStartTo(text, jobsite + 4).has_value());
  const phrases::PhraseSet empty;
  CHECK_FALSE(empty.OnlyEndFrom(text, 0).has_value());
  CHECK_FALSE(empty.OnlyStartTo(text, 4).has_value());
}

TEST_CASE("phrases: keys fold ASCII case and spaces, short or long", "[phrases]") {
  CHECK(phrases::SameKey("Job Target", "jobtarget"));
  CHECK(phrases::SameKey(" 공공 일자리", "공공일자리 "));
  CHECK_FALSE(phrases::SameKey("jobs", "job"));
  CHECK_FALSE(phrases::SameKey("", "x"));
  CHECK(phrases::SameKey("", " \t"));
  const std::string long_phrase =
      "the National Local Government Job Awards of the Ministry of Employment and Labor";
  const phrases::PhraseSet set({{long_phrase, "award", ""}, {"jobs", "metric", ""}});
  const auto* e = set.Lookup(
      "THE national local government job awards of the ministry of employment and labor");
  REQUIRE(e != nullptr);  // a key longer than the stack buffer
  CHECK(e->cls == "award");
  REQUIRE(set.Lookup("JOBS") != nullptr);
  CHECK(set.Lookup("job") == nullptr);
}

TEST_CASE("phrases: a Hangul syllable anywhere, after any run of ASCII", "[phrases]") {
  const std::string ascii = "The city aims for 12,100 jobs";
  CHECK_FALSE(phrases::HasHangul(ascii));
  CHECK_FALSE(phrases::HasHangul(""));
  CHECK_FALSE(
      phrases::HasHangul("\xE2\x80\x9C"
                         "12,100"
                         "\xE2\x80\x9D"));          // quotes, not Hangul
  CHECK_FALSE(phrases::HasHangul("\xE3\x84\xB1"));  // a jamo, not a syllable
  for (size_t at = 0; at <= ascii.size(); ++at) {
    INFO("at " << at);
    CHECK(phrases::HasHangul(ascii.substr(0, at) + "가" + ascii.substr(at)));
    CHECK(phrases::HasHangul(ascii.substr(0, at) + "힣"));
  }
}

}  // namespace
}  // namespace newsie
