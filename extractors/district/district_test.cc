#include <algorithm>
#include <catch2/catch.hpp>
#include <set>

#include "extractors/district/district_extractor.h"
#include "extractors/district/gazetteer.h"
#include "extractors/district/test_document.h"
#include "tests/test_support.h"

namespace newsie {
namespace {

using testing::Lexicons;
using testing::Unescape;

TEST_CASE("gazetteer holds 17 metropolitan and 226 basic governments with unique codes",
          "[district]") {
  const auto gaz = Gazetteer::Shared(Lexicons());
  int metro = 0, basic = 0;
  std::set<std::string> codes;
  for (const auto& g : gaz->governments()) {
    (g.level == "metro" ? metro : basic) += 1;
    codes.insert(g.code);
    CHECK(g.code.size() == 5);
    CHECK(!g.name_en.empty());
    if (g.level == "basic") CHECK(g.code.substr(0, 2) == g.region_code.substr(0, 2));
  }
  CHECK(metro == 17);
  CHECK(basic == 226);
  CHECK(codes.size() == 243);
  CHECK(gaz->ByCode("11620")->full_ko() == "서울특별시 관악구");
  CHECK(gaz->ByCode("31000")->full_ko() == "울산광역시");
}

TEST_CASE("gazetteer finds names, folds in regions and keeps shared names open", "[district]") {
  const auto gaz = Gazetteer::Shared(Lexicons());
  auto find = [&](std::string_view text) { return gaz->Find(text, 0, text.size()); };

  auto m = find("Seoul's Gwanak-gu and 서울 중구 and Jung-gu, Busan and 동구 and 관악산");
  REQUIRE(m.size() == 4);
  CHECK(m[0].candidates.size() == 1);
  CHECK(m[0].candidates[0]->code == "11620");
  CHECK(m[0].region_code == "11000");
  CHECK(m[1].candidates.size() == 1);
  CHECK(m[1].candidates[0]->code == "11140");
  CHECK(m[2].candidates.size() == 1);
  CHECK(m[2].candidates[0]->code == "26110");
  CHECK(m[3].candidates.size() == 6);  // 동구: 부산 대구 인천 광주 대전 울산

  CHECK(find("경기 침체 속에").empty());  // 경기 is only a region prefix
  CHECK(find("서울숲 일대").empty());
  const auto glued = find("정원오 성동구청장은");
  REQUIRE(glued.size() == 1);
  CHECK(glued[0].candidates[0]->code == "11200");

  // A name starts a word: after a syllable it is part of another word, after
  // anything else (a middle dot, a digit, a 4-byte character) it may start one.
  CHECK(find("서비스관악구").empty());
  CHECK(find("가나다·관악구 가나1관악구 😀관악구").size() == 3);

  // Names after long stretches where none can start (read sixteen bytes at a
  // time), at every offset of those blocks, and at the text's very end.
  for (size_t at = 0; at < 40; ++at) {
    const std::string pad = std::string(at, 'x') + " ";
    for (const std::string name : {"Gwanak-gu", "관악구"}) {
      const auto found = find(pad + "and " + name + " then " + pad + name);
      REQUIRE(found.size() == 2);
      CHECK(found[0].begin == pad.size() + 4);
      CHECK(found[1].candidates[0]->code == "11620");
    }
  }
}

TEST_CASE("gazetteer finds every name of every government, also at a text's very end",
          "[district]") {
  // Scan rules out most positions by a hash of their first bytes before
  // walking its trie: no name may be ruled out, whatever its length and
  // script, and wherever the searched range ends.
  const auto gaz = Gazetteer::Shared(Lexicons());
  auto names_it = [&](const std::string& text, size_t b, size_t e, const Government& g) {
    for (const auto& m : gaz->Find(text, b, e)) {
      if (m.name_begin == b && m.name_end == e &&
          std::find(m.candidates.begin(), m.candidates.end(), &g) != m.candidates.end())
        return true;
    }
    return false;
  };
  for (const auto& g : gaz->governments()) {
    std::vector<std::string> names = {g.name_ko, g.name_en};
    names.insert(names.end(), g.variants.begin(), g.variants.end());
    for (const auto& name : names) {
      INFO(g.code << " " << name);
      CHECK(names_it(name, 0, name.size(), g));
      const std::string text = "(" + name + ") " + name;
      CHECK(names_it(text, 1, 1 + name.size(), g));
      CHECK(names_it(text, text.size() - name.size(), text.size(), g));
    }
  }
}

// Every field of every mention, for comparing two Find results.
std::string Describe(const std::vector<GovMention>& mentions) {
  std::string out;
  for (const auto& m : mentions) {
    out += std::to_string(m.begin) + "-" + std::to_string(m.end) + " " +
           std::to_string(m.name_begin) + "-" + std::to_string(m.name_end) + " " +
           m.region_code.value_or("") + (m.hangul ? " ko" : " en");
    for (const auto* g : m.candidates) out += " " + g->code;
    out += "; ";
  }
  return out;
}

TEST_CASE("gazetteer answers a Document from one scan as a scan of the part would", "[district]") {
  const auto gaz = Gazetteer::Shared(Lexicons());
  // Names that fold regions in, shared names, glued titles, names that a
  // part's edges cut (서울시 관악구 cut after 서울 or inside 관악구), a form
  // rejected at the whole text's scan (관악산) and mixed scripts.
  const std::vector<std::string> texts = {
      "Seoul's Gwanak-gu and 서울 중구 and Jung-gu, Busan and 동구 and 관악산 (Gangseo-gu in "
      "Busan)",
      "정원오 성동구청장은 서울시 관악구와 서울중구, 경기도 수원시의 Suwon-Si, Gimpo-si (Mayor "
      "Kim)",
      "[서울시 구정소식] 중구(서울) 강서구청장 부산 강서구에서 경기 침체 Jung-gu, Seoul 고성군"};
  for (const auto& text : texts) {
    Document doc;
    doc.work = text;
    for (size_t b = 0; b <= text.size(); ++b) {
      for (size_t e = b; e <= text.size() + 1; ++e) {
        INFO(text << " [" << b << ", " << e << ")");
        REQUIRE(Describe(gaz->Find(doc, b, e)) == Describe(gaz->Find(text, b, e)));
      }
    }
    REQUIRE(doc.gov_scan);
  }
  // A document whose text was replaced is scanned again.
  Document doc;
  doc.work = "관악구";
  CHECK(gaz->Find(doc, 0, doc.work.size()).size() == 1);
  doc.work = "The port city of Busan";
  const auto again = gaz->Find(doc, 0, doc.work.size());
  CHECK(Describe(again) == Describe(gaz->Find(doc.work, 0, doc.work.size())));
  REQUIRE(again.size() == 1);
  CHECK(again[0].candidates[0]->code == "26000");
}

// district_context.tsv's words, each checked where it decides.
TEST_CASE("gazetteer reads its context words from district_context.tsv", "[district]") {
  const auto gaz = Gazetteer::Shared(Lexicons());
  auto find = [&](std::string_view text) { return gaz->Find(text, 0, text.size()); };
  // ko_name_end 구: 관악구 is a full name, found before any syllable.
  const auto full = find("관악구민 1만명");
  REQUIRE(full.size() == 1);
  CHECK(full[0].candidates[0]->code == "11620");
  // ko_particle 은, and ko_open_particle 형, which may run on: the short form
  // 관악 counts before them, not before another syllable (관악산).
  CHECK(find("관악은 올해").size() == 1);
  CHECK(find("관악형일자리").size() == 1);
  CHECK(find("관악산 둘레길").empty());
  // en_headline_suffix -gu: the headline case is a form too, found whole
  // (else only its variant `Gwanak` would be).
  const auto headline = find("Gwanak-Gu Sets Goal");
  REQUIRE(headline.size() == 1);
  CHECK(headline[0].candidates[0]->code == "11620");
  CHECK(headline[0].end == std::string_view("Gwanak-Gu").size());
}

TEST_CASE("gazetteer knows heads, terms and glued titles", "[district]") {
  const auto gaz = Gazetteer::Shared(Lexicons());
  CHECK(gaz->TermAt(2024, 3) == 8);
  CHECK(gaz->TermAt(2022, 6) == 7);
  CHECK(!gaz->HeadsOf("11620").empty());
  bool found = false;
  for (const auto& [title, govs] : gaz->glued_titles()) {
    if (title == "동구청장") found = govs.size() == 6;
  }
  CHECK(found);
}

TEST_CASE("district examples table", "[district]") {
  const DistrictExtractor extractor(Lexicons());
  const auto rows = Lexicons().ReadTsv("../extractors/district/examples.tsv");
  REQUIRE(rows.size() >= 20);
  for (const auto& row : rows) {
    const std::string text = Unescape(row.Get("text"));
    INFO(row.Where() << ": " << text);
    Document doc = testing::HandDocument(text);
    extractor.Extract(doc, doc.stories[0]);
    const auto& story = doc.stories[0];
    const std::string& want = row.Get("code");
    if (want == "-") {
      CHECK(!story.district);
    } else {
      REQUIRE(story.district);
      CHECK(story.district->government->code == want);
      CHECK(doc.OriginalText(story.district->span) == row.Get("evidence"));
      CHECK(!story.district->rule.empty());
    }
    if (!row.Get("diagnostic").empty()) {
      bool raised = false;
      for (const auto& d : doc.diagnostics) raised |= d.code == row.Get("diagnostic");
      CHECK(raised);
    } else {
      CHECK(doc.diagnostics.empty());
    }
  }
}

TEST_CASE("district: quoted ranges", "[district]") {
  auto quoted = [](std::string_view text, bool single) {
    std::vector<std::string> out;
    for (const auto& [b, e] : QuotedRanges(text, 0, text.size(), single))
      out.emplace_back(text.substr(b, e - b));
    return out;
  };
  using V = std::vector<std::string>;
  const std::string_view text =
      "구청장은 \u201C관악구는 잘한다\u201D고 했고 \u300C성동\u300D과 \u300E은평\u300F, "
      "\"Gwanak\" and Seoul's \u2018Job Plan\u2019 or 'Youth' end";
  CHECK(quoted(text, false) ==
        V{"\u201C관악구는 잘한다\u201D", "\u300C성동\u300D", "\u300E은평\u300F", "\"Gwanak\""});
  // Single quotes too; the apostrophe of Seoul's is not one.
  CHECK(quoted(text, true) == V{"\u201C관악구는 잘한다\u201D", "\u300C성동\u300D",
                                "\u300E은평\u300F", "\"Gwanak\"", "\u2018Job Plan\u2019",
                                "'Youth'"});
  // A quote left open ends at the line's end, or at the end of the range.
  CHECK(quoted("\u201Copen\nnext \"runs on", false) == V{"\u201Copen", "\"runs on"});
  // Marks far apart, in the middle and at the edges of the 16-byte blocks
  // QuotedRanges reads at once; line ends outside quotes change nothing.
  const std::string pad(37, 'x');
  const std::string long_text = pad + "\n" + pad + "\"" + pad + "\n" + pad + "\u300C" + pad +
                                "\u300D" + pad + "\n\n" + pad + " '" + pad + "'" + pad;
  CHECK(quoted(long_text, false) == V{"\"" + pad, "\u300C" + pad + "\u300D"});
  CHECK(quoted(long_text, true) == V{"\"" + pad, "\u300C" + pad + "\u300D", "'" + pad + "'"});
  for (size_t at = 0; at < 40; ++at) {
    const std::string shifted = std::string(at, ' ') + "\u201C" + pad + "\u201D";
    CHECK(quoted(shifted, false) == V{"\u201C" + pad + "\u201D"});
  }
}

}  // namespace
}  // namespace newsie
