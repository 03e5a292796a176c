// HTML input: saved pages in the styles of several outlets give the same
// facts as the text versions of the same articles (corpus/), and the page's
// charset, title, URL and date are read from its markup.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "pipeline/decode.h"
#include "pipeline/html_text.h"
#include "pipeline/printed_date.h"
#include "pipeline/record.h"
#include "tests/schema_validator.h"
#include "tests/test_support.h"

namespace newsie::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path HtmlFixture(const std::string& name) { return SourceDir() / "tests/data/html" / name; }

// The shipped lexicons' dateline rows, as the decode stage has them.
const PrintedDates& ShippedDates() {
  static const PrintedDates dates(LexiconDir(SourceDir() / "lexicons"));
  return dates;
}

HtmlPage Extract(std::string_view bytes, const PrintedDates& dates = ShippedDates()) {
  HtmlPage page;
  const Status status = ExtractHtmlText(bytes, std::nullopt, &dates, &page);
  REQUIRE(status.ok());
  return page;
}

bool Contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

json OneRecord(const std::string& args, const std::string& input = "") {
  const auto result = RunNewsie(args, input);
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  std::istringstream in(result.out);
  std::string line;
  std::vector<json> records;
  while (std::getline(in, line)) {
    if (!line.empty()) records.push_back(json::parse(line));
  }
  REQUIRE(records.size() == 1);
  return records[0];
}

// What a story says, without where it says it: facts compared by value.
void DropPositions(json& value) {
  if (value.is_object()) {
    value.erase("span");
    value.erase("evidence");
    for (auto& [key, item] : value.items()) DropPositions(item);
  } else if (value.is_array()) {
    for (auto& item : value) DropPositions(item);
  }
}

json Facts(const json& record) {
  json stories = json::array();
  for (const json& story : record["stories"]) {
    json facts = {{"district", story["district"]},
                  {"mayor", story["mayor"]},
                  {"targets", story["targets"]},
                  {"achievements", story["achievements"]},
                  {"awards", story["awards"]}};
    DropPositions(facts);
    stories.push_back(facts);
  }
  return stories;
}

size_t FactCount(const json& record) {
  size_t n = 0;
  for (const json& story : record["stories"]) {
    n += story["targets"].size() + story["achievements"].size() + story["awards"].size();
    n += story["district"].is_null() ? 0 : 1;
    n += story["mayor"].is_null() ? 0 : 1;
  }
  return n;
}

struct Pair {
  const char* html;
  const char* text;  // the corpus article it was built from
  // Extra options for both runs. The Daejeon roundup's text version has no
  // date newsie reads ("Published 2023.03.08" is not a dateline it knows),
  // while its page has article:published_time: both get the date given.
  const char* options = "";
};

constexpr Pair kPairs[] = {
    {"seoulgujeong-gwanak-2024-euckr.html", "corpus/ko/gwanak-2024-plan.txt"},
    {"asiae-geumcheon-2023.html", "corpus/en/geumcheon-2023-plan.txt"},
    {"seoulsimin-nowon-2024.html", "corpus/ko/nowon-2024-plan.txt"},
    {"klgtimes-roundup-daejeon-2023.html", "corpus/en/roundup-daejeon-2023.txt",
     " --ref-date 2023-03-08"},
};

}  // namespace

TEST_CASE("each saved page gives the facts of its text version", "[html][cli]") {
  const SchemaValidator schema =
      SchemaValidator::FromFile((SourceDir() / "schema/newsie-1.schema.json").string());
  for (const Pair& pair : kPairs) {
    INFO(pair.html);
    const json from_html =
        OneRecord("extract '" + HtmlFixture(pair.html).string() + "' --quiet" + pair.options);
    const json from_text =
        OneRecord("extract '" + (SourceDir() / pair.text).string() + "' --quiet" + pair.options);
    CHECK(schema.Validate(from_html) == std::vector<std::string>{});
    CHECK(FactCount(from_text) >= 4);  // a fixture worth comparing
    CHECK(Facts(from_html).dump(1) == Facts(from_text).dump(1));
    CHECK(from_html["ref_date"] == from_text["ref_date"]);
    CHECK(from_html["source"]["lang"] == from_text["source"]["lang"]);
    CHECK(!from_html["source"]["title"].is_null());
    CHECK(!from_html["source"]["url"].is_null());
  }
}

TEST_CASE("an EUC-KR page is decoded by its meta http-equiv charset", "[html]") {
  const std::string bytes = ReadFile(HtmlFixture("seoulgujeong-gwanak-2024-euckr.html"));
  REQUIRE(!IsValidUtf8(bytes));
  const HtmlPage page = Extract(bytes);
  CHECK(page.declared_charset == "euc-kr");
  CHECK(page.charset_basis == "declared");
  CHECK(page.encoding == "EUC-KR");
  CHECK(page.invalid == 0);
  CHECK(page.title == "관악구, 올해 일자리 1만2100개·고용률 66.9% 목표 - 서울구정신문");
  CHECK(page.url == "https://www.seoulgujeong.kr/news/articleView.html?idxno=48213");
  CHECK(page.published == "2024-01-22");  // 입력 2024-01-22 11:03, printed in the page
  // Block structure: a paragraph is a line. The skip link survives (class
  // names are not guessed at); the page header with the logo does not.
  CHECK(page.text.starts_with("본문 바로가기\n관악구, 올해 일자리 1만2100개·고용률 66.9% 목표\n"));
  CHECK(Contains(page.text, "\n서울 관악구(구청장 박준희)가 ‘2024년 일자리 종합계획’을 세우고 "));
  CHECK(
      Contains(page.text, "▲취약계층 맞춤형 일자리 ▲골목상권 회복 ▲청년 자립 지원"));  // collapsed
  CHECK(Contains(page.text, "<저작권자 © 서울구정신문"));                              // &copy;
  // Script, style, nav, page header/footer, aside, hidden and display:none: gone.
  for (const char* gone : {"강남구", "서초구", "마포구", "성동구", "많이 본 뉴스", "검색", "HOME",
                           "경제·일자리", "카카오톡", "#관악구", "발행·편집인"}) {
    INFO(gone);
    CHECK(!Contains(page.text, gone));
  }
  CHECK(page.dropped_elements >= 8);
}

TEST_CASE("og: tags, article:published_time and <time datetime> give the metadata", "[html]") {
  const HtmlPage asiae = Extract(ReadFile(HtmlFixture("asiae-geumcheon-2023.html")));
  CHECK(asiae.encoding == "UTF-8");
  CHECK(asiae.charset_basis == "declared");
  CHECK(asiae.og_title == "Geumcheon-gu Plans to Generate 9,800 Jobs in 2023");
  CHECK(asiae.url == "https://view.asiae.co.kr/en/article/2023021410283946521");
  CHECK(asiae.published == "2023-02-14");
  CHECK(asiae.published_from == "<meta article:published_time>");
  CHECK(!Contains(asiae.text, "Gangnam-gu"));
  CHECK(!Contains(asiae.text, "Special Coverage"));
  CHECK(!Contains(asiae.text, "Text Size"));
  CHECK(Contains(asiae.text, "Employment Rate Goal Set at 62.4%\nThree Pillars"));  // <br>

  const HtmlPage nowon = Extract(ReadFile(HtmlFixture("seoulsimin-nowon-2024.html")));
  CHECK(nowon.published == "2024-01-10");
  CHECK(nowon.published_from == "<time datetime>");
  CHECK(nowon.og_title == "노원구, 올해 일자리 1만 8,300개 목표…“동북권 경제 중심으로”");
  CHECK(nowon.url == "https://www.seoulsimin.kr/news/articleView.html?idxno=9921");
  CHECK(!Contains(nowon.text, "도봉구"));
  CHECK(!Contains(nowon.text, "강북구"));
}

TEST_CASE("dates: metas in order, then <time>, then a printed Korean date", "[html]") {
  CHECK(Extract(R"(<meta property="og:regDate" content="20240122110300"><p>x</p>)").published ==
        "2024-01-22");
  CHECK(
      Extract(
          R"(<meta name="pubdate" content="2024-01-21"><meta property="article:published_time" content="2024-01-22T00:10:00+09:00">)")
          .published == "2024-01-22");
  CHECK(Extract("<p>기사입력 : 2019.01.03 오전 9:10</p>").published == "2019-01-03");
  CHECK(Extract("<div class=info>등록 2023년 5월 7일</div>").published == "2023-05-07");
  CHECK(Extract("<p>Posted : 2022-03-15 17:20:11</p>").published == "2022-03-15");
  CHECK(Extract("<p>입력 2023-02-30</p>").published == std::nullopt);  // not a day
  CHECK(Extract("<p>2024년 계획</p>").published == std::nullopt);
}

TEST_CASE("dates and headline from schema.org ld+json: an article, alone, in a list or a graph",
          "[html]") {
  const std::string news =
      R"(<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",)"
      R"("headline":"관악구, 올해 일자리 1만2100개 목표","datePublished":"2024-01-22T11:03:00+09:00"}</script>)";
  const HtmlPage alone = Extract(news + "<p>본문</p><time datetime=\"2023-05-01\">x</time>");
  CHECK(alone.published == "2024-01-22");  // before <time>
  CHECK(alone.published_from == "<script ld+json datePublished>");
  CHECK(alone.ld_headline == "관악구, 올해 일자리 1만2100개 목표");
  CHECK(alone.og_title == std::nullopt);
  // In an @graph beside the site's own objects, and a list of types.
  const HtmlPage graph = Extract(
      R"(<script type="application/ld+json">{"@graph":[{"@type":"WebSite","datePublished":"2001-01-01"},)"
      R"({"@type":["ReportageNewsArticle"],"datePublished":"2023-11-30"}]}</script><p>x</p>)");
  CHECK(graph.published == "2023-11-30");
  // A list at the top; a type that is no article gives nothing.
  CHECK(
      Extract(
          R"(<script type="application/ld+json">[{"@type":"Organization","datePublished":"2001-01-01"},)"
          R"({"@type":"BlogPosting","datePublished":"2022-02-02"}]</script><p>x</p>)")
          .published == "2022-02-02");
  // article:published_time still comes first; a weaker meta comes after.
  CHECK(Extract(R"(<meta property="article:published_time" content="2024-03-01">)" + news)
            .published == "2024-03-01");
  CHECK(Extract(R"(<meta name="pubdate" content="2024-03-01">)" + news).published == "2024-01-22");
  // Not JSON, the wrong script type, nesting deeper than any page: ignored.
  CHECK(Extract(
            R"(<script type="application/ld+json">{"@type":"NewsArticle","datePublished":</script>)"
            "<p>입력 2019-01-03</p>")
            .published == "2019-01-03");
  CHECK(
      Extract(
          R"(<script type="text/javascript">{"@type":"NewsArticle","datePublished":"2024-01-22"}</script><p>x</p>)")
          .published == std::nullopt);
  CHECK(
      Extract(
          R"(<script type="application/ld+json">[[[[[{"@type":"NewsArticle","datePublished":"2024-01-22"}]]]]]</script><p>x</p>)")
          .published == std::nullopt);
  // The headline becomes the record's title when there is no og:title.
  const json record = OneRecord(
      "extract --input-format html - --quiet",
      "<html><head><title>site title</title>" + news + "</head><body><p>본문</p></body></html>");
  CHECK(record["source"]["title"] == "관악구, 올해 일자리 1만2100개 목표");
  CHECK(record["ref_date"]["date"] == "2024-01-22");
}

TEST_CASE("dates: a printed date is found by boilerplate.tsv's dateline rows, shown or not",
          "[html]") {
  // Labels with a suffix or a full-width colon, in a dropped header.
  CHECK(Extract("<header><span>입력일시 ：</span><span>2021.06.30 09:00</span></header><p>x</p>")
            .published == "2021-06-30");
  CHECK(Extract("<div hidden>최초 입력 2020-11-02</div><p>x</p>").published == "2020-11-02");
  CHECK(Extract("<p>게재 2022.7.1</p>").published == "2022-07-01");
  CHECK(Extract("<p>published on 2022-03-15</p>").published == "2022-03-15");
  // The leftmost date wins, across rows; one that is not a day is passed over.
  CHECK(Extract("<p>Published 2024-01-05</p><p>입력 2024-01-03</p>").published == "2024-01-05");
  CHECK(Extract("<p>입력 2023-02-30</p><p>등록 2023-03-01</p>").published == "2023-03-01");
  // A modification stamp is not a publication date; nor is a number in prose.
  CHECK(Extract("<p>수정 2024-01-06</p>").published == std::nullopt);
  CHECK(Extract("<p>the 2024-2026 plan</p>").published == std::nullopt);
  // `.*` ends with its text node: the date is read where the label is.
  CHECK(Extract("<p>입력 2019-01-03</p><p>2020-02-02</p>").published == "2019-01-03");
  // Without the rows, no printed date is looked for.
  HtmlPage page;
  REQUIRE(ExtractHtmlText("<p>입력 2019-01-03</p>", std::nullopt, nullptr, &page).ok());
  CHECK(page.published == std::nullopt);
}

TEST_CASE("dates: an outlet's printed-date label added to boilerplate.tsv serves HTML pages too",
          "[html]") {
  const std::string page = "<header><em>기사전송</em> 2024-02-09 10:11</header><p>본문</p>";
  const LexiconCopy lexicons;
  CHECK(Extract(page, PrintedDates(LexiconDir(lexicons.dir))).published == std::nullopt);
  lexicons.AddRow(
      "boilerplate.tsv",
      "dateline\tline\t기사전송\\s*(\\d{4})-(\\d{1,2})-(\\d{1,2}).*\tan outlet's stamp");
  CHECK(Extract(page, PrintedDates(LexiconDir(lexicons.dir))).published == "2024-02-09");
}

TEST_CASE("whitespace, blocks, tables, pre and hidden elements", "[html]") {
  const HtmlPage page = Extract(
      "<html><body><h1> Title\n  here </h1><p>one <b>two</b>\n three<br>four</p>"
      "<ul><li>a</li><li>b</li></ul><table><tr><td>x</td><td>y</td></tr><tr><td>z</td></tr>"
      "</table><pre>p  1\np  2</pre><div style=\"DISPLAY: None\">hidden</div>"
      "<span aria-hidden=\"true\">icon</span><div role=\"navigation\">menu</div>"
      "<header>site</header><article><header>Headline</header><p>body</p>"
      "<footer>tags</footer></article></body></html>");
  CHECK(page.text == "Title here\none two three\nfour\na\nb\nx y\nz\np  1\np  2\nHeadline\nbody\n");
}

TEST_CASE("charset: declaration, valid UTF-8, unknown names, forced", "[html]") {
  // EUC-KR bytes for "고용" with a declaration, and without one (detected).
  const std::string euckr = "\xB0\xED\xBF\xEB";
  const std::string declared = "<meta charset=\"euc-kr\"><p>" + euckr + "</p>";
  CHECK(Extract(declared).text == "고용\n");
  CHECK(Extract("<p>" + euckr + " " + euckr + "</p>").encoding == "EUC-KR");
  CHECK(Extract("<p>" + euckr + "</p>").charset_basis == "detected");
  // A page re-saved as UTF-8 that still declares EUC-KR (or a JSONL "html" string).
  const HtmlPage resaved = Extract("<meta charset=\"euc-kr\"><p>고용률</p>");
  CHECK(resaved.text == "고용률\n");
  CHECK(resaved.encoding == "UTF-8");
  CHECK(resaved.charset_note.has_value());
  // ks_c_5601-1987 is EUC-KR to a browser.
  CHECK(Extract("<meta http-equiv=content-type content='text/html;charset=ks_c_5601-1987'><p>" +
                euckr + "</p>")
            .encoding == "EUC-KR");
  const HtmlPage unknown = Extract("<meta charset=\"x-made-up\"><p>plain</p>");
  CHECK(unknown.text == "plain\n");
  CHECK(unknown.charset_note.has_value());
  // --encoding wins; an unknown forced name fails like the decode stage.
  HtmlPage forced;
  CHECK(ExtractHtmlText(declared, std::string("UTF-8"), nullptr, &forced).ok());
  CHECK(forced.invalid > 0);
  CHECK(ExtractHtmlText(declared, std::string("nope-1"), nullptr, &forced).code() ==
        "unknown-encoding");
}

TEST_CASE("LooksLikeHtml and DeclaredCharset read only the start of the bytes", "[html]") {
  CHECK(LooksLikeHtml("<!DOCTYPE html><html>"));
  CHECK(LooksLikeHtml("\xEF\xBB\xBF\n  <html lang=ko>"));
  CHECK(!LooksLikeHtml("관악구 <html>"));
  CHECK(!LooksLikeHtml("<p>a fragment</p>"));
  CHECK(DeclaredCharset("<head><meta charset='UTF-8'>") == "UTF-8");
  CHECK(DeclaredCharset(std::string(5000, ' ') + "<meta charset=euc-kr>") == std::nullopt);
}

TEST_CASE("HTML spans point into the extracted text", "[html]") {
  Document doc;
  doc.input.id = doc.input.path = "page.html";
  doc.input.format = Input::Format::kHtml;
  doc.input.bytes = ReadFile(HtmlFixture("seoulgujeong-gwanak-2024-euckr.html"));
  REQUIRE(SharedPipeline().Run(doc).ok());
  CHECK(doc.source.encoding == "EUC-KR");
  CHECK(doc.ref_date.basis == "metadata");
  const Json record = ToRecord(doc);
  size_t checked = 0;
  for (const auto& story : record["stories"]) {
    for (const char* kind : {"targets", "achievements", "awards"}) {
      for (const auto& fact : story[kind]) {
        const Span span{fact["evidence"]["span"][0].get<int64_t>(),
                        fact["evidence"]["span"][1].get<int64_t>()};
        CHECK(doc.OriginalText(span) == fact["evidence"]["text"].get<std::string>());
        ++checked;
      }
    }
  }
  CHECK(checked >= 2);
}

TEST_CASE("HTML comes in by extension, by content, by flag and in JSONL", "[html][cli]") {
  const fs::path dir = fs::temp_directory_path() / ("newsie-html-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string page =
      "<!doctype html><html><head><title>T</title><meta property=\"og:url\" "
      "content=\"https://example.org/a\"></head><body><nav>서울 마포구(구청장 박강수)</nav>"
      "<p>서울 성동구(구청장 정원오)는 올해 일자리 3만개를 만든다.</p></body></html>";
  std::ofstream(dir / "saved.txt", std::ios::binary) << page;
  const json sniffed = OneRecord("extract '" + (dir / "saved.txt").string() + "' --quiet");
  CHECK(sniffed["source"]["title"] == "T");
  CHECK(sniffed["source"]["url"] == "https://example.org/a");
  REQUIRE(sniffed["stories"].size() == 1);
  CHECK(sniffed["stories"][0]["district"]["name_ko"] == "성동구");

  const std::string fragment =
      "<p>서울 성동구(구청장 정원오)는</p><p>올해 일자리 3만개를 만든다.</p>";
  std::ofstream(dir / "fragment.txt", std::ios::binary) << fragment;
  const json as_text = OneRecord("extract '" + (dir / "fragment.txt").string() + "' --quiet");
  CHECK(as_text["source"]["title"].is_null());
  const json as_html =
      OneRecord("extract --input-format html '" + (dir / "fragment.txt").string() + "' --quiet");
  REQUIRE(as_html["stories"].size() == 1);
  CHECK(as_html["stories"][0]["span"][0] == 0);  // no markup in the original text

  const std::string jsonl =
      json{{"id", "p1"}, {"html", "<meta charset=euc-kr>" + page}}.dump() + "\n";
  std::ofstream(dir / "batch.jsonl", std::ios::binary) << jsonl;
  const json from_jsonl = OneRecord("extract '" + (dir / "batch.jsonl").string() + "' --quiet");
  CHECK(from_jsonl["id"] == "p1");
  CHECK(from_jsonl["source"]["encoding"] == "UTF-8");
  CHECK(from_jsonl["source"]["title"] == "T");
  fs::remove_all(dir);
}

}  // namespace newsie::testing
