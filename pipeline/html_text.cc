#include "pipeline/html_text.h"

#include <gumbo.h>
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>

#include "pipeline/decode.h"
#include "pipeline/printed_date.h"

namespace newsie {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view TrimAscii(std::string_view s) {
  while (!s.empty() && IsAsciiSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsAsciiSpace(s.back())) s.remove_suffix(1);
  return s;
}

// Whitespace runs to one space, trimmed (titles, attribute values).
std::string Collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : TrimAscii(s)) {
    if (IsAsciiSpace(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// The WHATWG label of a declared charset, as the decode stage names it.
std::string CharsetForDecoder(const std::string& declared) {
  const std::string name = Lower(declared);
  if (name == "euc-kr" || name == "ks_c_5601-1987" || name == "ks_c_5601-1989" ||
      name == "ksc5601" || name == "ksc_5601" || name == "korean" || name == "iso-ir-149" ||
      name == "csksc56011987" || name == "cseuckr" || name == "windows-949" ||
      name == "x-windows-949" || name == "cp949" || name == "uhc") {
    return "EUC-KR";
  }
  if (name == "utf8" || name == "unicode-1-1-utf-8" || name == "utf-16" || name == "utf-16le" ||
      name == "utf-16be") {
    return "UTF-8";  // a page that says UTF-16 in its own ASCII bytes is not UTF-16
  }
  if (name == "iso-8859-1" || name == "latin1" || name == "us-ascii" || name == "ascii" ||
      name == "l1" || name == "iso8859-1" || name == "cp1252") {
    return "windows-1252";
  }
  return declared;
}

bool HasNonAscii(std::string_view bytes) {
  return std::any_of(bytes.begin(), bytes.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// ---------------------------------------------------------------- the tree

std::string_view TagName(const GumboElement& element) {
  if (element.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(element.tag);
  GumboStringPiece piece = element.original_tag;
  gumbo_tag_from_original_text(&piece);
  return std::string_view(piece.data, piece.length);
}

std::optional<std::string_view> Attribute(const GumboElement& element, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&element.attributes, name);
  if (!a) return std::nullopt;
  return std::string_view(a->value);
}

template <size_t N>
bool OneOf(std::string_view name, const std::string_view (&names)[N]) {
  return std::find(std::begin(names), std::end(names), name) != std::end(names);
}

constexpr std::string_view kDroppedTags[] = {"script", "style",  "noscript", "template", "iframe",
                                             "object", "embed",  "svg",      "math",     "canvas",
                                             "button", "select", "textarea", "nav"};
constexpr std::string_view kDroppedRoles[] = {"navigation", "banner", "contentinfo",
                                              "complementary", "search"};
constexpr std::string_view kBlockTags[] = {
    "address", "article", "aside",  "blockquote", "body",    "caption", "center",   "dd",
    "details", "dialog",  "dir",    "div",        "dl",      "dt",      "fieldset", "figcaption",
    "figure",  "footer",  "form",   "h1",         "h2",      "h3",      "h4",       "h5",
    "h6",      "header",  "hgroup", "hr",         "html",    "legend",  "li",       "main",
    "menu",    "ol",      "p",      "pre",        "section", "summary", "table",    "tr",
    "ul",      "tbody",   "thead",  "tfoot"};

// Hidden by an attribute or an inline style.
bool Hidden(const GumboElement& element) {
  if (Attribute(element, "hidden")) return true;
  if (auto v = Attribute(element, "aria-hidden"); v && Lower(TrimAscii(*v)) == "true") return true;
  if (auto v = Attribute(element, "type");
      v && element.tag == GUMBO_TAG_INPUT && Lower(TrimAscii(*v)) == "hidden") {
    return true;
  }
  if (auto v = Attribute(element, "style")) {
    std::string style;
    for (char c : Lower(*v)) {
      if (!IsAsciiSpace(c)) style += c;
    }
    if (style.find("display:none") != std::string::npos ||
        style.find("visibility:hidden") != std::string::npos) {
      return true;
    }
  }
  return false;
}

// Builds the visible text: whitespace collapsed, a line per block.
class TextBuilder {
 public:
  void Break() {
    if (!out_.empty()) pending_break_ = true;
    pending_space_ = false;
  }
  void Space() {
    if (!pending_break_) pending_space_ = true;
  }
  void Text(std::string_view text, bool preformatted) {
    for (char c : text) {
      if (preformatted && c == '\n') {
        Break();
        continue;
      }
      if (preformatted && c == '\r') continue;
      if (IsAsciiSpace(c) && !preformatted) {
        if (!out_.empty()) Space();
        continue;
      }
      if (pending_break_) {
        out_ += '\n';
      } else if (pending_space_ && !out_.empty()) {
        out_ += ' ';
      }
      pending_break_ = pending_space_ = false;
      out_ += IsAsciiSpace(c) ? ' ' : c;  // inside pre: kept, tabs as spaces
    }
  }
  std::string Take() {
    if (!out_.empty()) out_ += '\n';
    return std::move(out_);
  }

 private:
  std::string out_;
  bool pending_break_ = false;
  bool pending_space_ = false;
};

// Date metas, best first (`property`, `name` or `itemprop`, lower case).
constexpr std::string_view kDateKeys[] = {"article:published_time",
                                          "og:article:published_time",
                                          "datepublished",
                                          "og:published_time",
                                          "article:published",
                                          "pubdate",
                                          "publishdate",
                                          "publish-date",
                                          "og:regdate",
                                          "dc.date.issued",
                                          "dc.date",
                                          "date"};

struct Walker {
  HtmlPage* page = nullptr;
  TextBuilder visible;
  // Every body text node, dropped or not, one per line, for printed dates:
  // `.*` in a dateline row then ends with its node.
  std::string all_text;
  std::optional<std::string> time_datetime;
  std::optional<std::string> meta_date;
  std::string meta_date_from;              // where meta_date was read
  std::optional<std::string> ld_headline;  // an ld+json article's headline
  int meta_date_rank = 1000;
  std::optional<std::string> og_url, canonical;

  void Meta(const GumboElement& element) {
    auto content = Attribute(element, "content");
    if (!content) return;
    std::optional<std::string_view> key = Attribute(element, "property");
    if (!key) key = Attribute(element, "name");
    if (!key) key = Attribute(element, "itemprop");
    if (!key) return;
    const std::string k = Lower(TrimAscii(*key));
    const std::string value = Collapse(*content);
    if (value.empty()) return;
    if (k == "og:title" && !page->og_title) page->og_title = value;
    if (k == "og:url" && !og_url) og_url = value;
    OfferDate(k, value, "<meta " + k + ">");
  }

  // A date from a source ranked by `key` among kDateKeys: kept if it ranks
  // above the one kept so far.
  void OfferDate(const std::string& key, const std::string& value, std::string from) {
    for (size_t rank = 0; rank < std::size(kDateKeys); ++rank) {
      if (key == kDateKeys[rank] && static_cast<int>(rank) < meta_date_rank) {
        meta_date_rank = static_cast<int>(rank);
        meta_date = value;
        meta_date_from = std::move(from);
      }
    }
  }

  // schema.org data in a <script type="application/ld+json">: the article's
  // datePublished ranks as the datePublished property does in a meta, and
  // its headline stands in for a missing og:title. Not JSON, or no article
  // in it: nothing is taken.
  void LinkedData(const GumboElement& script) {
    auto type = Attribute(script, "type");
    if (!type || Lower(TrimAscii(*type)) != "application/ld+json") return;
    std::string text;
    for (unsigned i = 0; i < script.children.length; ++i) {
      const auto* child = static_cast<const GumboNode*>(script.children.data[i]);
      if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA) {
        text += child->v.text.text;
      }
    }
    const auto data = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!data.is_discarded()) Article(data, 0);
  }

  // An article object in `data`, itself or inside an array or an @graph
  // (nested at most a few levels: no page nests deeper, and the walk stays
  // shallow whatever the page holds).
  void Article(const nlohmann::json& data, int depth) {
    if (depth > 3) return;
    if (data.is_array()) {
      for (const auto& item : data) Article(item, depth + 1);
      return;
    }
    if (!data.is_object()) return;
    if (auto graph = data.find("@graph"); graph != data.end()) Article(*graph, depth + 1);
    if (!IsArticleType(data.value("@type", nlohmann::json()))) return;
    if (auto date = data.find("datePublished"); date != data.end() && date->is_string()) {
      OfferDate("datepublished", Collapse(date->get<std::string>()),
                "<script ld+json datePublished>");
    }
    if (auto headline = data.find("headline"); headline != data.end() && headline->is_string()) {
      if (std::string h = Collapse(headline->get<std::string>()); !h.empty() && !ld_headline) {
        ld_headline = std::move(h);
      }
    }
  }

  // schema.org's article types (NewsArticle, ReportageNewsArticle, ...,
  // BlogPosting), named alone or in a list.
  static bool IsArticleType(const nlohmann::json& type) {
    if (type.is_array()) {
      return std::any_of(type.begin(), type.end(),
                         [](const nlohmann::json& t) { return IsArticleType(t); });
    }
    if (!type.is_string()) return false;
    const std::string& name = type.get_ref<const std::string&>();
    return name.ends_with("Article") || name == "BlogPosting";
  }

  void Walk(const GumboNode* node, bool dropped, bool in_article, bool in_pre, bool in_head) {
    switch (node->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA: {
        const std::string_view text = node->v.text.text;
        if (in_head) return;
        all_text += text;
        all_text += '\n';
        if (!dropped) visible.Text(text, in_pre);
        return;
      }
      case GUMBO_NODE_DOCUMENT:
        for (unsigned i = 0; i < node->v.document.children.length; ++i) {
          Walk(static_cast<const GumboNode*>(node->v.document.children.data[i]), dropped,
               in_article, in_pre, in_head);
        }
        return;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        break;
      default:
        return;  // comments
    }
    const GumboElement& element = node->v.element;
    const std::string_view tag = TagName(element);
    if (tag == "title" && !page->title) {
      std::string title;
      for (unsigned i = 0; i < element.children.length; ++i) {
        const auto* child = static_cast<const GumboNode*>(element.children.data[i]);
        if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE) {
          title += child->v.text.text;
        }
      }
      if (std::string t = Collapse(title); !t.empty()) page->title = t;
      return;
    }
    if (tag == "meta") Meta(element);
    if (tag == "link") {
      auto rel = Attribute(element, "rel");
      auto href = Attribute(element, "href");
      if (rel && href && Lower(TrimAscii(*rel)) == "canonical" && !canonical) {
        canonical = Collapse(*href);
      }
    }
    if (tag == "time" && !time_datetime) {
      if (auto dt = Attribute(element, "datetime")) time_datetime = Collapse(*dt);
    }
    if (tag == "head") in_head = true;
    if (tag == "script") LinkedData(element);
    if (tag == "script" || tag == "style" || tag == "template" || tag == "noscript") {
      // Not text for anyone, not even for printed dates.
      if (!dropped) ++page->dropped_elements;
      return;
    }

    bool drop = OneOf(tag, kDroppedTags) || tag == "aside" || tag == "footer" ||
                (tag == "header" && !in_article) || Hidden(element);
    if (auto role = Attribute(element, "role");
        role && OneOf(Lower(TrimAscii(*role)), kDroppedRoles)) {
      drop = true;
    }
    if (drop && !dropped && !in_head) ++page->dropped_elements;
    dropped = dropped || drop;
    if (tag == "article" || tag == "main" || tag == "section") in_article = true;
    if (tag == "pre" || tag == "listing" || tag == "textarea") in_pre = true;

    const bool block = OneOf(tag, kBlockTags);
    if (!dropped) {
      if (block || tag == "br") visible.Break();
      if (tag == "td" || tag == "th") visible.Space();
    }
    for (unsigned i = 0; i < element.children.length; ++i) {
      Walk(static_cast<const GumboNode*>(element.children.data[i]), dropped, in_article, in_pre,
           in_head);
    }
    if (!dropped) {
      if (block) visible.Break();
      if (tag == "td" || tag == "th") visible.Space();
    }
  }
};

// The calendar date at the start of a date attribute: 2024-01-22T11:03+09:00,
// 2024.01.22, 2024/1/22, 20240122110300 (og:regDate).
std::optional<std::string> DateFromAttribute(std::string_view value) {
  static const RE2 kSeparated(R"(^\s*(\d{4})\s*[-./년]\s*(\d{1,2})\s*[-./월]\s*(\d{1,2}))");
  static const RE2 kCompact(R"(^\s*(\d{4})(\d{2})(\d{2})(?:\d{4,6})?(?:\D|$))");
  int y = 0, m = 0, d = 0;
  if (RE2::PartialMatch(value, kSeparated, &y, &m, &d) ||
      RE2::PartialMatch(value, kCompact, &y, &m, &d)) {
    return CalendarDate(y, m, d);
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> DeclaredCharset(std::string_view bytes) {
  static const RE2 kMetaCharset(R"((?i)<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+))");
  std::string declared;
  if (RE2::PartialMatch(bytes.substr(0, 4096), kMetaCharset, &declared)) return declared;
  return std::nullopt;
}

bool LooksLikeHtml(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  bytes = TrimAscii(bytes.substr(0, 512));
  const std::string head = Lower(bytes.substr(0, 14));
  return head.starts_with("<!doctype html") || head.starts_with("<html");
}

Status ExtractHtmlText(std::string_view bytes, const std::optional<std::string>& forced,
                       const PrintedDates* printed_dates, HtmlPage* page) {
  *page = {};
  DecodedText decoded;
  page->declared_charset = DeclaredCharset(bytes);
  if (forced && !forced->empty()) {
    if (Status s = DecodeBytes(bytes, forced, &decoded); !s.ok()) return s;
    page->charset_basis = "forced";
  } else if (page->declared_charset) {
    const std::string charset = CharsetForDecoder(*page->declared_charset);
    if (charset != "UTF-8" && Lower(charset) != "utf-8" && HasNonAscii(bytes) &&
        IsValidUtf8(bytes)) {
      page->charset_note = "the page declares " + *page->declared_charset +
                           " but its bytes are valid UTF-8: read as UTF-8";
      DecodeBytes(bytes, std::nullopt, &decoded);
      page->charset_basis = "detected";
    } else if (DecodeBytes(bytes, charset, &decoded).ok()) {
      page->charset_basis = "declared";
    } else {
      page->charset_note =
          "the page declares an unknown charset '" + *page->declared_charset + "': detected";
      DecodeBytes(bytes, std::nullopt, &decoded);
      page->charset_basis = "detected";
    }
  } else {
    DecodeBytes(bytes, std::nullopt, &decoded);
    page->charset_basis = "detected";
  }
  page->encoding = decoded.encoding;
  page->invalid = decoded.invalid;
  page->first_invalid_byte = decoded.first_invalid_byte;

  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> output(
      gumbo_parse_with_options(&kGumboDefaultOptions, decoded.text.data(), decoded.text.size()),
      [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
  Walker walker;
  walker.page = page;
  walker.Walk(output->document, /*dropped=*/false, /*in_article=*/false, /*in_pre=*/false,
              /*in_head=*/false);
  page->text = walker.visible.Take();
  page->url = walker.og_url ? walker.og_url : walker.canonical;

  page->ld_headline = walker.ld_headline;
  if (walker.meta_date) {
    if (auto iso = DateFromAttribute(*walker.meta_date)) {
      page->published = iso;
      page->published_from = walker.meta_date_from;
    }
  }
  if (!page->published && walker.time_datetime) {
    if (auto iso = DateFromAttribute(*walker.time_datetime)) {
      page->published = iso;
      page->published_from = "<time datetime>";
    }
  }
  if (!page->published && printed_dates != nullptr) {
    if (auto iso = printed_dates->FirstIn(walker.all_text)) {
      page->published = iso;
      page->published_from = "a date printed in the page";
    }
  }
  return {};
}

}  // namespace newsie
