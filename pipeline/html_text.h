// html_text: a saved web page to the text a reader sees, and what the page
// says about itself.
//
// The decode stage calls this for HTML input (input.format kHtml); the text
// becomes the document's `original`, so every span of an HTML document is in
// code points of this text. Later stages (boilerplate included) run on it as
// on any text document.
//
// Steps:
//   1. Charset. `forced` (--encoding) wins. Else the page's declaration: the
//      first `<meta charset=...>` or `<meta http-equiv="Content-Type"
//      content="...; charset=...">` in its first 4096 bytes, with the WHATWG
//      aliases (ks_c_5601-1987, korean -> EUC-KR; iso-8859-1, us-ascii ->
//      windows-1252). Bytes that are valid UTF-8 with non-ASCII characters are
//      UTF-8 whatever a legacy declaration says (a page re-saved as UTF-8
//      keeps its old meta tag; a JSONL "html" string is always UTF-8). No
//      declaration, or an unknown name: the decode stage's detection
//      (BOM, UTF-8, CP949, ICU). Conversion is decode.h's DecodeBytes.
//   2. Parse with gumbo (the HTML5 parsing algorithm browsers use, so broken
//      markup is repaired the way a browser would).
//   3. Text. Dropped with everything inside: script, style, noscript,
//      template, iframe, object, embed, svg, math, canvas, button, select,
//      textarea, nav, aside, footer, header outside article/main/section (a
//      header inside an article holds its headline), elements with role
//      navigation/banner/contentinfo/complementary/search, and hidden
//      elements (`hidden`, aria-hidden="true", style display:none or
//      visibility:hidden, input type=hidden). Whitespace collapses as a
//      browser renders it (kept inside pre); each block element (p, div,
//      h1-h6, li, tr, br, ...) ends a line; table cells are separated by a
//      space. Lines are trimmed; empty lines are not kept.
//   4. Metadata. title: `<title>`; og_title: `og:title`; ld_headline: the
//      `headline` of a schema.org article (NewsArticle, ..., BlogPosting) in
//      a `<script type="application/ld+json">`; url: `og:url`, else
//      `<link rel="canonical">`; published (YYYY-MM-DD as written, no time
//      zone shift): the first of `article:published_time` and the other
//      date metas (pubdate, datePublished, og:regDate, dc.date, ...; an
//      ld+json article's `datePublished` ranks as the datePublished meta),
//      then the first `<time datetime>`, then a date printed after a label
//      (입력, 기사등록, Published ...: boilerplate.tsv's dateline rows, see
//      printed_date.h) anywhere in the page body, shown or dropped.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "pipeline/status.h"

namespace newsie {

class PrintedDates;  // pipeline/printed_date.h

struct HtmlPage {
  std::string text;           // UTF-8, blocks one per line, in document order
  std::string encoding;       // what the bytes were decoded as, for source.encoding
  std::string charset_basis;  // forced, declared, detected
  std::optional<std::string> declared_charset;  // as written in the page
  std::optional<std::string> charset_note;      // why a declaration was not followed
  size_t invalid = 0;                           // bytes decoded as U+FFFD
  size_t first_invalid_byte = 0;

  std::optional<std::string> title;        // <title>, whitespace collapsed
  std::optional<std::string> og_title;     // og:title
  std::optional<std::string> ld_headline;  // the headline of an ld+json article
  std::optional<std::string> url;          // og:url, else the canonical link
  std::optional<std::string> published;    // YYYY-MM-DD
  std::string published_from;              // what it was read from, for `inspect`
  size_t dropped_elements = 0;             // elements dropped with their content
};

// Fails only when `forced` names an encoding ICU does not know
// ("unknown-encoding", as the decode stage). Without `printed_dates` no date
// printed in the page is looked for.
Status ExtractHtmlText(std::string_view bytes, const std::optional<std::string>& forced,
                       const PrintedDates* printed_dates, HtmlPage* page);

// The charset a page declares in its first bytes (<meta charset> or
// http-equiv Content-Type), as written, or nullopt.
std::optional<std::string> DeclaredCharset(std::string_view bytes);

// True when the bytes start (after a BOM and whitespace) like an HTML page:
// `<!doctype html` or `<html`, in any case.
bool LooksLikeHtml(std::string_view bytes);

}  // namespace newsie
