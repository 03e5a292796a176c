// `newsie report`: the review page from articles, from JSONL records and from
// SQLite, and the page as a real browser (headless Chromium) renders it.
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>

#include "tests/test_support.h"

namespace newsie::testing {
namespace {

namespace fs = std::filesystem;

struct Scratch {
  fs::path path;
  Scratch() {
    char tmpl[] = "/tmp/newsie-report-XXXXXX";
    path = ::mkdtemp(tmpl);
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

size_t Count(const std::string& text, const std::string& part) {
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

std::string Quote(const fs::path& p) { return "'" + p.string() + "'"; }

// The checks every report of the corpus passes, on the file or on the DOM.
void CheckCorpusPage(const std::string& page) {
  for (const char* kind : {"district", "mayor", "target", "achievement", "award"}) {
    INFO(kind);
    CHECK(Count(page, std::string("<mark class=\"ev ev-") + kind) >= 3);
  }
  CHECK(Count(page, "class=\"story-mark") >= 40);
  CHECK(Count(page, "<span class=\"rm\"") >= 20);  // boilerplate greyed
  CHECK(page.find("<svg id=\"chart-targets\"") != std::string::npos);
  CHECK(Count(page, "class=\"bar-actual\"") >= 10);
  CHECK(Count(page, "class=\"bar-target\"") >= 10);
  CHECK(page.find("id=\"awards-table\"") != std::string::npos);
  CHECK(page.find("id=\"problems\"") != std::string::npos);
  CHECK(page.find("id=\"search\"") != std::string::npos);
}

}  // namespace

TEST_CASE("report on the corpus: one self-contained page", "[report][cli]") {
  Scratch dir;
  const fs::path out = dir.path / "report.html";
  const auto result = RunNewsie("report " + Quote(SourceDir() / "corpus") + " -o " + Quote(out));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const std::string page = ReadFile(out);
  CheckCorpusPage(page);
  CHECK(Count(page, "<section class=\"doc") >= 44);
  // Nothing is fetched: no external scripts, styles, images or frames.
  CHECK(page.find("<link") == std::string::npos);
  CHECK(page.find(" src=") == std::string::npos);
  CHECK(page.find("@import") == std::string::npos);
  CHECK(page.find("default-src 'none'") != std::string::npos);
  // Every tooltip id a highlight names is in the page's fact data.
  const std::regex data_f("data-f=\"([^\"]+)\"");
  size_t checked = 0;
  for (auto it = std::sregex_iterator(page.begin(), page.end(), data_f);
       it != std::sregex_iterator() && checked < 200; ++it, ++checked) {
    std::string ids = (*it)[1];
    const std::string first = ids.substr(0, ids.find(' '));
    CHECK(page.find("\"" + first + "\":{") != std::string::npos);
  }
  CHECK(checked > 100);
}

TEST_CASE("report from records: JSONL, SQLite, missing sources, failures", "[report][cli]") {
  Scratch dir;
  const fs::path records = dir.path / "records.jsonl";
  const fs::path sqlite = dir.path / "records.sqlite";
  const fs::path corpus_ko = SourceDir() / "corpus/ko";
  REQUIRE(
      RunNewsie("extract " + Quote(corpus_ko) + " -o " + Quote(records) + " --quiet").exit_code ==
      0);
  REQUIRE(
      RunNewsie("extract " + Quote(corpus_ko) + " -o " + Quote(sqlite) + " --quiet").exit_code ==
      0);

  const fs::path from_records = dir.path / "from-records.html";
  auto result = RunNewsie("report " + Quote(records) + " -o " + Quote(from_records));
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const std::string page = ReadFile(from_records);
  // A section per record, every document of corpus/ko.
  const size_t documents = JsonLines(ReadFile(records)).size();
  CHECK(documents >= 20);
  CHECK(Count(page, "<section class=\"doc\"") == documents);
  CHECK(Count(page, "<mark class=\"ev ev-target") >= 10);  // sources re-read: text shown
  CHECK(page.find("has changed since") == std::string::npos);

  const fs::path from_sqlite = dir.path / "from-sqlite.html";
  result = RunNewsie("report " + Quote(sqlite) + " -o " + Quote(from_sqlite));
  REQUIRE(result.exit_code == 0);
  const std::string sqlite_page = ReadFile(from_sqlite);
  CHECK(Count(sqlite_page, "<section class=\"doc\"") == documents);
  CHECK(Count(sqlite_page, "<mark class=\"ev ev-target") ==
        Count(page, "<mark class=\"ev ev-target"));

  // A record whose source is gone: its facts, without the text. A failed
  // document from --errors is listed as such.
  std::string first;
  {
    std::ifstream in(records);
    std::getline(in, first);
  }
  const std::string path_key = "\"path\":\"";
  const size_t at = first.find(path_key);
  REQUIRE(at != std::string::npos);
  first.insert(at + path_key.size(), "/nonexistent");
  std::ofstream(dir.path / "moved.jsonl") << first << "\n";
  std::ofstream(dir.path / "errors.jsonl")
      << R"({"path":"broken.txt","code":"unreadable","message":"broken.txt: Permission denied"})"
      << "\n";
  const fs::path moved = dir.path / "moved.html";
  result = RunNewsie("report " + Quote(dir.path / "moved.jsonl") + " --errors " +
                     Quote(dir.path / "errors.jsonl") + " -o " + Quote(moved));
  CHECK(result.exit_code == 1);  // written, but a document failed
  const std::string moved_page = ReadFile(moved);
  CHECK(moved_page.find("is not readable here") != std::string::npos);
  CHECK(moved_page.find("<table class=\"facts\"") != std::string::npos);
  CHECK(moved_page.find("<div class=\"text\">") == std::string::npos);
  CHECK(moved_page.find("broken.txt: Permission denied") != std::string::npos);

  CHECK(RunNewsie("report " + Quote(records)).exit_code == 2);  // no -o
  CHECK(RunNewsie("report " + Quote(records) + " -o /nonexistent-dir/r.html").exit_code == 2);
}

TEST_CASE("report of HTML pages highlights the extracted text", "[report][html][cli]") {
  Scratch dir;
  const fs::path out = dir.path / "pages.html";
  const auto result =
      RunNewsie("report " + Quote(SourceDir() / "tests/data/html") + " -o " + Quote(out));
  REQUIRE(result.exit_code == 0);
  const std::string page = ReadFile(out);
  CHECK(Count(page, "<section class=\"doc\"") == 4);
  CHECK(page.find(">서울 관악구</mark>") != std::string::npos);  // the district, highlighted
  CHECK(page.find("&lt;script") == std::string::npos);           // markup never shows as text
}

// The browser test: Chromium renders the corpus report headless; the DOM it
// dumps (after the page's script ran) has the highlights, the chart and the
// search filter applied; a screenshot goes to the build folder.
TEST_CASE("the report renders in headless Chromium", "[report][browser]") {
  const char* chromium = nullptr;
  for (const char* candidate : {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
    if (::access(candidate, X_OK) == 0) chromium = candidate;
  }
  if (!chromium) {
    WARN("chromium is not installed (tools/setup installs it): browser test skipped");
    return;
  }
  const fs::path build = fs::path(NEWSIE_BINARY).parent_path();
  const fs::path report = build / "report.html";
  const auto made = RunNewsie("report " + Quote(SourceDir() / "corpus") + " -o " + Quote(report));
  REQUIRE(made.exit_code == 0);

  Scratch profile;
  const std::string flags =
      std::string(chromium) +
      " --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run"
      " --disable-component-update --disable-sync --disable-default-apps --mute-audio"
      " --user-data-dir=" +
      Quote(profile.path);
  const fs::path dom = profile.path / "dom.html";
  // #q=관악 runs the search box's filter on load.
  const std::string url = "file://" + report.string() + "#q=%EA%B4%80%EC%95%85";
  const std::string dump =
      "timeout 120 " + flags + " --dump-dom '" + url + "' > " + Quote(dom) + " 2>/dev/null";
  REQUIRE(std::system(dump.c_str()) == 0);
  const std::string rendered = ReadFile(dom);
  REQUIRE(rendered.size() > 10000);
  CheckCorpusPage(rendered);
  // The script ran: the search filtered documents and said how many it kept.
  const std::regex kept(R"(id="search-count">(\d+) of (\d+) documents<)");
  std::smatch m;
  REQUIRE(std::regex_search(rendered, m, kept));
  CHECK(std::stoi(m[1]) >= 2);
  CHECK(std::stoi(m[1]) < std::stoi(m[2]));
  CHECK(Count(rendered, "hidden-by-search") > 20);

  // A screenshot of the same view: the overview and the documents about 관악.
  const fs::path png = build / "report.png";
  fs::remove(png);
  const std::string shot = "timeout 120 " + flags +
                           " --hide-scrollbars --window-size=1280,2000 --screenshot=" + Quote(png) +
                           " '" + url + "' >/dev/null 2>&1";
  REQUIRE(std::system(shot.c_str()) == 0);
  REQUIRE(fs::exists(png));
  CHECK(fs::file_size(png) > 50000);
  CHECK(ReadFile(png).substr(0, 8) == "\x89PNG\r\n\x1a\n");
}

}  // namespace newsie::testing
