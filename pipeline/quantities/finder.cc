#include "pipeline/quantities/finder.h"

#include <algorithm>
#include <array>
#include <utility>

#include "pipeline/hangul.h"
#include "pipeline/quantities/decimal.h"
#include "pipeline/quantities/digit_run.h"
#include "pipeline/quantities/english_numbers.h"
#include "pipeline/quantities/korean_numerals.h"
#include "pipeline/quantities/tables.h"
#include "pipeline/quantities/text_scan.h"

namespace newsie {
namespace {

using quantities::Decimal;
using quantities::IsAlpha;
using quantities::IsDigit;
using quantities::LatinWordEnds;
using quantities::LatinWordStarts;
using quantities::Phrase;
using quantities::QuantityTables;
using quantities::SkipOneSpace;
using quantities::StartsWith;
using quantities::StartsWithIcase;

using quantities::kKoDay;
using quantities::kKoMonth;
using quantities::kKoQuarter;
using quantities::kKoYear;

// A number as read, before deciding what it measures.
struct Core {
  Decimal value;
  size_t begin = 0, end = 0;
  bool has_digits = false;
  bool plain = false;  // digits only: no comma, no point, no unit
  size_t digit_count = 0;
  bool scaled = false;
  bool approx = false;
};

DateValue YearDate(int year) {
  DateValue d;
  d.grain = DateGrain::kYear;
  d.year = year;
  return d;
}

Quantity DateQuantity(size_t begin, size_t end, DateValue d) {
  Quantity q;
  q.kind = QuantityKind::kDate;
  q.begin = begin;
  q.end = end;
  q.date = d;
  return q;
}

// Reads 1-4 plain digits at `pos` (no comma/point); false when none or more follow.
bool SmallInt(std::string_view t, size_t pos, int max_digits, int* v, size_t* end) {
  size_t p = pos;
  int x = 0;
  while (p < t.size() && IsDigit(t[p]) && static_cast<int>(p - pos) < max_digits) {
    x = x * 10 + (t[p] - '0');
    ++p;
  }
  if (p == pos || (p < t.size() && IsDigit(t[p]))) return false;
  *v = x;
  *end = p;
  return true;
}

class Scanner {
 public:
  Scanner(const QuantityTables& tables, std::string_view text, std::string_view lang)
      : tb_(tables), t_(text), ko_(lang != "en"), en_(lang != "ko") {}

  std::vector<Quantity> Run() {
    std::vector<Quantity> out;
    size_t i = 0;
    bool prev_hangul = false;
    const size_t n = t_.size();
    while (i < n) {
      const auto b = static_cast<unsigned char>(t_[i]);
      switch (kAsciiStarts[b]) {
        case AsciiStart::kNothing:  // spaces, punctuation
          prev_hangul = false;
          ++i;
          continue;
        case AsciiStart::kNumber:  // a digit, '$', '-'
          prev_hangul = false;
          if (b != '-' || (i + 1 < n && IsDigit(t_[i + 1]) &&
                           (i == 0 || t_[i - 1] == ' ' || t_[i - 1] == '('))) {
            Quantity q;
            size_t skip = i + 1;
            if (Full(i, &q, &skip)) {
              i = Push(out, std::move(q));
              continue;
            }
            i = std::max(skip, i + 1);
            continue;
          }
          ++i;
          continue;
        case AsciiStart::kLetter: {
          prev_hangul = false;
          if (!LatinWordStarts(t_, i)) {
            ++i;
            continue;
          }
          const size_t we = quantities::LettersEnd(t_, i + 1);  // the end of the word's letters
          if (StartsWithIcase(t_, i, "http") || StartsWithIcase(t_, i, "www.")) {
            // URLs and their article ids are not quantities.
            while (i < n && t_[i] != ' ' && t_[i] != ')' && t_[i] != '\n') ++i;
            continue;
          }
          if (IsStarter(i, we)) {
            Quantity q;
            size_t skip = we;
            if (Full(i, &q, &skip)) {
              i = Push(out, std::move(q));
              continue;
            }
          }
          i = we;
          continue;
        }
        case AsciiStart::kNotAscii:
          break;
      }
      // Hangul syllables (most of the non-ASCII text) are decoded inline.
      size_t len = 3;
      uint32_t cp = i + 3 <= n ? HangulAt(i) : 0;
      if (cp == 0) cp = CodePointAt(t_, i, &len);
      const bool hangul = IsHangulSyllable(cp);
      if ((hangul && !prev_hangul && ko_ && tb_.ko_starters.test(cp)) ||
          (!hangul && cp >= 0x80 && tb_.units.Match(t_, i, "currency"))) {
        Quantity q;
        size_t skip = i + len;
        if (Full(i, &q, &skip)) {
          i = Push(out, std::move(q));
          prev_hangul = IsHangulSyllable(CodePointBefore(t_, i));
          continue;
        }
      }
      prev_hangul = hangul;
      i += len;
      // The rest of a Hangul word starts nothing (a starter opens a word):
      // its syllables are passed over without decoding each.
      if (hangul) {
        while (i + 3 <= n && HangulAt(i)) i += 3;
      }
    }
    return out;
  }

  // The Hangul syllable at `i` (as CodePointAt and IsHangulSyllable read it), else 0.
  uint32_t HangulAt(size_t i) const { return HangulSyllableAt(t_, i); }

 private:
  // What a byte may start, as Run reads it: one table look-up per byte
  // instead of a chain of comparisons.
  enum class AsciiStart : uint8_t { kNothing, kNumber, kLetter, kNotAscii };
  static constexpr std::array<AsciiStart, 256> kAsciiStarts = [] {
    std::array<AsciiStart, 256> starts{};
    for (int c = 0; c < 256; ++c) {
      const char ch = static_cast<char>(c);
      starts[c] = c >= 0x80                               ? AsciiStart::kNotAscii
                  : IsDigit(ch) || ch == '$' || ch == '-' ? AsciiStart::kNumber
                  : IsAlpha(ch)                           ? AsciiStart::kLetter
                                                          : AsciiStart::kNothing;
    }
    return starts;
  }();

  size_t Push(std::vector<Quantity>& out, Quantity&& q) {
    // Q3-4 2024, March-April 2024: the year right after a range of quarters
    // or months is both ends' year.
    if (!out.empty() && IsRangeInAYear(out.back()) && IsYearAlone(q) &&
        q.begin == out.back().end + 1 && t_[out.back().end] == ' ') {
      GiveYear(q.date, out.back());
      out.back().end = q.end;
      return floor_ = q.end;
    }
    // 2024년 1~2분기, 올해 3~4월: the year right before a range of months or
    // quarters is both ends' year, as MonthDayAfter makes it a single
    // month's or quarter's.
    if (!out.empty() && IsYearAlone(out.back()) && IsRangeInAYear(q) &&
        (q.begin == out.back().end || (q.begin == out.back().end + 1 && t_[q.begin - 1] == ' '))) {
      GiveYear(out.back().date, q);
      q.begin = out.back().begin;
      out.pop_back();
    }
    floor_ = q.end;
    // Room for a few at the first: growing one at a time moves them again.
    if (out.empty()) out.reserve(4);
    out.push_back(std::move(q));
    return floor_;
  }

  // A year and nothing finer: 2024년, 올해 (not a deadline, not a term).
  static bool IsYearAlone(const Quantity& q) {
    return q.kind == QuantityKind::kDate && q.date.grain == DateGrain::kYear && !q.date.until &&
           !q.date.elected_term &&
           (q.date.anchor == DateValue::Anchor::kAbsolute ||
            q.date.anchor == DateValue::Anchor::kRelativeYear);
  }
  // Both ends of `range` take the year of `year` (written or relative).
  static void GiveYear(const DateValue& year, Quantity& range) {
    for (Quantity& bound : range.bounds) {
      bound.date.year = year.year;
      bound.date.anchor = year.anchor;
      bound.date.offset = year.offset;
    }
  }
  // A range of months or quarters written without a year (3~4월, 1~3분기).
  static bool IsRangeInAYear(const Quantity& q) {
    if (q.kind != QuantityKind::kRange || q.bounds.size() != 2) return false;
    return std::all_of(q.bounds.begin(), q.bounds.end(), [](const Quantity& b) {
      return b.kind == QuantityKind::kDate && !b.date.year && b.date.offset == 0 &&
             b.date.anchor == DateValue::Anchor::kRelativeYear &&
             (b.date.grain == DateGrain::kMonth || b.date.grain == DateGrain::kQuarter);
    });
  }

  // Whether the Latin word [i, word_end) may start a quantity.
  bool IsStarter(size_t i, size_t word_end) const {
    if (!en_) {
      // Korean text: only currency codes before digits (KRW 5억).
      return tb_.units.Match(t_, i, "currency") != nullptr;
    }
    const size_t length = word_end - i;
    // The commonest starters, known without a look-up ("the" opens "the
    // previous year"; "minus" is a number word): both are in en_starters.
    if ((length == 3 && StartsWithIcase(t_, i, "the")) ||
        (length == 5 && StartsWithIcase(t_, i, "minus"))) {
      return true;
    }
    // Most words of English text start nothing: their first letters and
    // length rule them out before the word is lowered and looked up.
    if (!tb_.MayBeEnStarter(t_[i], length > 1 ? t_[i + 1] : '\0', length)) return false;
    char buf[24];
    size_t e;
    const std::string_view w = quantities::LatinWordAt(t_, i, buf, sizeof buf, &e);
    return !w.empty() && tb_.en_starters.contains(w);
  }

  // A quantity at `i` with its approximation words, and the range it opens.
  bool Full(size_t i, Quantity* q, size_t* skip) {
    if (!Primary(i, q, skip)) return false;
    Decorate(q);
    TryRange(q);
    return true;
  }

  bool Primary(size_t i, Quantity* q, size_t* skip) {
    const char c = t_[i];
    if (IsDigit(c)) return FromDigits(i, i, false, q, skip);
    if (c == '-' && i + 1 < t_.size() && IsDigit(t_[i + 1])) {
      return FromDigits(i + 1, i, true, q, skip);
    }
    if (IsAlpha(c) || c == '$') {
      if (FromCurrencyBefore(i, q)) return true;
      return c != '$' && en_ && FromLatin(i, q);
    }
    if (IsHangulSyllable(CodePointAt(t_, i))) return FromHangul(i, q);
    return FromCurrencyBefore(i, q);
  }

  // ---- digits ---------------------------------------------------------

  // Skips tokens that hold digits but no quantity: phone and version numbers,
  // IP addresses, times, identifiers glued to letters. The token is the digit
  // run from `i` on; it is walked once and reused for every later `i` inside
  // it (quantities/digit_run.h), so a long run costs linear time.
  bool Rejected(size_t i, size_t* skip) const {
    using quantities::Separator;
    const uint32_t before = CodePointBefore(t_, i);
    if (!run_.Contains(i)) run_ = quantities::DigitRun::Walk(t_, i);
    const size_t j = run_.end();
    const int dots = run_.CountFrom(Separator::kDot, i);
    const int dashes = run_.CountFrom(Separator::kDash, i);
    const int colons = run_.CountFrom(Separator::kColon, i);
    const int slashes = run_.CountFrom(Separator::kSlash, i);
    *skip = run_.glued_end();
    if (before < 0x80 && before != 0 &&
        (IsAlpha(static_cast<char>(before)) || before == '_' || before == '/' || before == '=' ||
         before == '#' || before == '@' || before == '\\' || before == ':' || before == '.')) {
      return true;
    }
    if (before == '-' && i >= 2 && IsAlpha(t_[i - 2])) return true;  // COVID-19, HERO-1
    if (colons > 0 || dots >= 2 || dashes >= 2 || slashes >= 2) return true;
    // Two parts split by one dash: 2023-2024 (years) is a range, 010-1234 is not.
    if (dashes == 1 && slashes == 0) {
      const size_t dash = run_.Last(Separator::kDash);
      const size_t a0 = i, a1 = dash, b0 = dash + 1, b1 = j;
      int ya = 0, yb = 0;
      size_t e;
      const bool years = a1 - a0 == 4 && b1 - b0 == 4 && SmallInt(t_, a0, 4, &ya, &e) &&
                         SmallInt(t_, b0, 4, &yb, &e) && IsContractYear(ya) && IsContractYear(yb);
      if (!years && (t_[a0] == '0' || (a1 - a0 >= 3 && b1 - b0 >= 3))) return true;
    }
    // Glued letters: 3D, 5G, x86 (but 21st, 8th, 5km-like units are handled by callers).
    if (j < t_.size() && IsAlpha(t_[j])) {
      const size_t k = j;
      const bool ordinal = StartsWithIcase(t_, k, "st") || StartsWithIcase(t_, k, "nd") ||
                           StartsWithIcase(t_, k, "rd") || StartsWithIcase(t_, k, "th");
      const bool unit = tb_.units.Match(t_, k) != nullptr;
      if (!((ordinal && LatinWordEnds(t_, k + 2)) || unit)) return true;
    }
    // Long bare digit strings are identifiers.
    if (j - i > 15 && dots == 0) {
      if (run_.CountFrom(Separator::kComma, i) == 0 &&
          !(j < t_.size() && !IsDigit(t_[j]) && static_cast<unsigned char>(t_[j]) >= 0x80)) {
        return true;
      }
    }
    return false;
  }

  // 2024.3.5, 2024. 3. 5., 2024-03-05, 2024/3/5
  bool NumericDate(size_t i, Quantity* q) const {
    int y, m, d;
    size_t p;
    if (!SmallInt(t_, i, 4, &y, &p) || p - i != 4 || !IsContractYear(y) || p >= t_.size())
      return false;
    const char sep = t_[p];
    if (sep != '.' && sep != '-' && sep != '/') return false;
    size_t s = p + 1;
    if (sep == '.') s = SkipOneSpace(t_, s);
    size_t e;
    if (!SmallInt(t_, s, 2, &m, &e) || m < 1 || m > 12 || e >= t_.size() || t_[e] != sep) {
      return false;
    }
    if (sep == '-' && e - s != 2) return false;
    s = e + 1;
    if (sep == '.') s = SkipOneSpace(t_, s);
    if (!SmallInt(t_, s, 2, &d, &e) || d < 1 || d > 31) return false;
    if (sep == '.' && e < t_.size() && t_[e] == '.' && !(e + 1 < t_.size() && IsDigit(t_[e + 1]))) {
      ++e;
    }
    if (e < t_.size() && (IsDigit(t_[e]) || t_[e] == sep)) return false;
    DateValue dv;
    dv.grain = DateGrain::kDay;
    dv.year = y;
    dv.month = m;
    dv.day = d;
    *q = DateQuantity(i, e, dv);
    return true;
  }

  bool FromDigits(size_t i, size_t begin, bool negative, Quantity* q, size_t* skip) {
    if (NumericDate(i, q)) {
      q->begin = begin;
      return true;
    }
    if (Rejected(i, skip)) return false;
    Core core;
    core.begin = begin;
    // 3/4 (a fraction), 3/4분기 (the third quarter)
    {
      int a, b;
      size_t e1, e2;
      if (SmallInt(t_, i, 3, &a, &e1) && e1 < t_.size() && t_[e1] == '/' &&
          SmallInt(t_, e1 + 1, 3, &b, &e2) && b > 0) {
        if (StartsWith(t_, e2, kKoQuarter) && a >= 1 && a <= 4 && b == 4) {
          DateValue dv;
          dv.grain = DateGrain::kQuarter;
          dv.quarter = a;
          dv.anchor = DateValue::Anchor::kRelativeYear;
          *q = DateQuantity(begin, e2 + kKoQuarter.size(), dv);
          return true;
        }
        q->kind = QuantityKind::kNumber;
        q->value = Number::Real((negative ? -1.0 : 1.0) * a / b);
        q->begin = begin;
        q->end = e2;
        return true;
      }
    }
    quantities::KoreanNumber kn;
    if (!quantities::ParseKoreanNumber(t_, i, tb_, &kn)) return false;
    core.value = kn.value;
    core.end = kn.end;
    core.has_digits = true;
    core.scaled = kn.scaled;
    core.approx = kn.approx;
    core.plain = !kn.scaled && !kn.had_comma && kn.value.frac == 0 && !kn.approx;
    core.digit_count = kn.end - i;
    if (negative) core.value.Negate();
    // 제1, 제8기: an ordinal.
    size_t pre;
    if (const Phrase* p = tb_.ko_words.MatchBefore(t_, begin, &pre, "ordinal_prefix")) {
      (void)p;
      size_t e;
      int v;
      if (SmallInt(t_, i, 4, &v, &e)) {
        q->kind = QuantityKind::kOrdinal;
        q->value = Number::Int(v);
        q->begin = pre;
        q->end = e;
        if (const Phrase* w = tb_.ko_words.Match(t_, e);
            w && (w->kind == "counter" || w->kind == "ordinal")) {
          q->counter = w->text;
          q->end = e + w->text.size();
        }
        return true;
      }
    }
    return Classify(core, q);
  }

  // What a number measures, from the words after it.
  bool Classify(Core core, Quantity* q) {
    size_t p = core.end;
    q->begin = core.begin;
    q->approx = core.approx ? "about" : "";
    // 3분의 1 (one third): the denominator comes first.
    if (const Phrase* w = tb_.ko_words.Match(t_, p, "fraction")) {
      const size_t s = SkipOneSpace(t_, p + w->text.size());
      quantities::KoreanNumber num;
      if (quantities::ParseKoreanNumber(t_, s, tb_, &num) && !core.value.IsZero()) {
        const double den = core.value.ToNumber().real;
        q->kind = QuantityKind::kNumber;
        q->value = Number::Real(num.value.ToNumber().real / den);
        q->end = num.end;
        return true;
      }
    }
    // English scale words after digits: 55 million, 1.5 billion.
    if (!core.scaled) {
      int power;
      size_t e;
      if (quantities::ParseEnglishScale(t_, p, tb_, &power, &e)) {
        Decimal v = core.value;
        if (v.MulPow10(power)) {
          core.value = v;
          core.scaled = true;
          core.plain = false;
          p = e;
        }
      }
    }
    // Percent and money.
    // Percent and money: right after the number, else after one space (the
    // second look only when there is a space: the same look again finds nothing).
    const size_t spaced = SkipOneSpace(t_, p);
    for (size_t s = p;; s = spaced) {
      if (const Phrase* w = tb_.units.Match(t_, s);
          w && w->offset >= 0 && (w->kind == "percent" || w->kind == "currency") &&
          !(w->latin && s == p && IsAlpha(w->text[0]))) {  // 5won: not a word
        q->kind = w->kind == "percent" ? QuantityKind::kPercent : QuantityKind::kMoney;
        q->unit = w->tag;
        q->value = core.value.ToNumber();
        q->end = s + w->text.size();
        return true;
      }
      if (s == spaced) break;
    }
    const int64_t v = core.value.m;
    // Korean calendar suffixes.
    if (core.plain) {
      if (StartsWith(t_, p, kKoYear) && !tb_.ko_words.Match(t_, p, "counter")) {
        if (v >= 1000 && v <= 2999) {
          DateValue dv = YearDate(static_cast<int>(v));
          size_t end = p + kKoYear.size();
          end = MonthDayAfter(end, &dv);
          *q = DateQuantity(core.begin, end, dv);
          return true;
        }
        q->kind = QuantityKind::kNumber;
        q->value = Number::Int(v);
        q->counter = std::string(kKoYear);
        q->end = p + kKoYear.size();
        return true;
      }
      if (StartsWith(t_, p, kKoMonth) && v >= 1 && v <= 12) {
        DateValue dv;
        dv.anchor = DateValue::Anchor::kRelativeYear;
        const size_t end = MonthDayAfter(core.begin, &dv);
        if (end != core.begin) {
          *q = DateQuantity(core.begin, end, dv);
          return true;
        }
      }
      if (StartsWith(t_, p, kKoDay) && v >= 1 && v <= 31 && !tb_.ko_words.Match(t_, p, "counter")) {
        DateValue dv;
        dv.grain = DateGrain::kDay;
        dv.day = static_cast<int>(v);
        dv.anchor = DateValue::Anchor::kDayOfRefMonth;
        *q = DateQuantity(core.begin, p + kKoDay.size(), dv);
        return true;
      }
      if (StartsWith(t_, p, kKoQuarter) && v >= 1 && v <= 4) {
        DateValue dv;
        dv.grain = DateGrain::kQuarter;
        dv.quarter = static_cast<int>(v);
        dv.anchor = DateValue::Anchor::kRelativeYear;
        *q = DateQuantity(core.begin, p + kKoQuarter.size(), dv);
        return true;
      }
    }
    // Korean counters: 8600개, 2개소, 1위, 3만 명.
    if (const Phrase* w = KoreanCounterAt(p, true)) {
      q->kind = w->kind == "ordinal" ? QuantityKind::kOrdinal : QuantityKind::kNumber;
      q->value = core.value.ToNumber();
      q->counter = w->text;
      q->end = CounterEnd(p, w);
      return true;
    }
    // English ordinals: 21st, 8th elected term, 3rd quarter, on the 21st.
    if (core.plain && p + 2 <= t_.size() && LatinWordEnds(t_, p + 2) &&
        (StartsWithIcase(t_, p, "st") || StartsWithIcase(t_, p, "nd") ||
         StartsWithIcase(t_, p, "rd") || StartsWithIcase(t_, p, "th"))) {
      return Ordinal(core.begin, p + 2, v, q);
    }
    // 5 March 2024
    if (core.plain && v >= 1 && v <= 31 && p < t_.size() && t_[p] == ' ') {
      if (const Phrase* m = tb_.months.Match(t_, p + 1); m && IsUpper(t_[p + 1])) {
        DateValue dv;
        dv.grain = DateGrain::kDay;
        dv.month = m->value;
        dv.day = static_cast<int>(v);
        dv.anchor = DateValue::Anchor::kRelativeYear;
        size_t end = p + 1 + m->text.size();
        int y;
        size_t e;
        if (end < t_.size() && t_[end] == ' ' && SmallInt(t_, end + 1, 4, &y, &e) && e - end == 5 &&
            IsContractYear(y)) {
          dv.year = y;
          dv.anchor = DateValue::Anchor::kAbsolute;
          end = e;
        }
        *q = DateQuantity(core.begin, end, dv);
        return true;
      }
    }
    // A bare year: 2024 in running text.
    if (core.plain && core.digit_count == 4 && IsContractYear(v)) {
      *q = DateQuantity(core.begin, p, YearDate(static_cast<int>(v)));
      return true;
    }
    q->kind = QuantityKind::kNumber;
    q->value = core.value.ToNumber();
    q->end = p;
    if (en_) q->counter = EnglishCounter(p);
    return true;
  }

  static bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

  // The counter at `p` (tight) or after one space when it stands as a word.
  const Phrase* KoreanCounterAt(size_t p, bool allow_space) const {
    if (p >= t_.size()) return nullptr;
    const Phrase* w = tb_.ko_words.Match(t_, p);
    if (w && (w->kind == "counter" || w->kind == "ordinal")) return w;
    if (allow_space && t_[p] == ' ') {
      const Phrase* s = tb_.ko_words.Match(t_, p + 1);
      if (s && (s->kind == "counter" || s->kind == "ordinal") &&
          WordEndsAt(p + 1 + s->text.size())) {
        return s;
      }
    }
    return nullptr;
  }
  size_t CounterEnd(size_t p, const Phrase* w) const {
    return (t_[p] == ' ' ? p + 1 : p) + w->text.size();
  }
  // A Korean word may end here: no Hangul follows, or a particle does.
  bool WordEndsAt(size_t p) const {
    if (p >= t_.size() || !IsHangulSyllable(CodePointAt(t_, p))) return true;
    const Phrase* w = tb_.ko_words.Match(t_, p);
    return w && (w->kind == "particle" || w->kind == "range_from" || w->kind == "range_until");
  }

  std::string EnglishCounter(size_t p) const {
    if (p >= t_.size() || t_[p] != ' ') return {};
    size_t s = p + 1;
    for (int hop = 0; hop < 3; ++hop) {
      char buf[32];
      size_t e;
      const std::string_view w = quantities::LatinWordAt(t_, s, buf, sizeof buf, &e);
      if (w.empty()) return {};
      if (tb_.en_words.Match(t_, s, "counter_skip") && e < t_.size() && t_[e] == ' ') {
        s = e + 1;
        continue;
      }
      return std::string(w);
    }
    return {};
  }

  // After 2024년 (or a month written alone): " 3월 5일", " 3분기", " 상반기".
  // `dv` holds the year part; returns the new end (== `p` when nothing follows
  // and the date is month-less, which callers treat as "no month here").
  size_t MonthDayAfter(size_t p, DateValue* dv) const {
    const size_t s =
        dv->year || dv->anchor == DateValue::Anchor::kRelativeYear ? SkipOneSpace(t_, p) : p;
    int m, d, qn;
    size_t e, e2;
    if (SmallInt(t_, s, 2, &m, &e) && m >= 1 && m <= 12 && StartsWith(t_, e, kKoMonth)) {
      dv->grain = DateGrain::kMonth;
      dv->month = m;
      size_t end = e + kKoMonth.size();
      const size_t s2 = SkipOneSpace(t_, end);
      if (SmallInt(t_, s2, 2, &d, &e2) && d >= 1 && d <= 31 && StartsWith(t_, e2, kKoDay)) {
        dv->grain = DateGrain::kDay;
        dv->day = d;
        end = e2 + kKoDay.size();
      }
      return end;
    }
    if (SmallInt(t_, s, 1, &qn, &e) && qn >= 1 && qn <= 4 && StartsWith(t_, e, kKoQuarter)) {
      dv->grain = DateGrain::kQuarter;
      dv->quarter = qn;
      return e + kKoQuarter.size();
    }
    return p;
  }

  bool Ordinal(size_t begin, size_t end, int64_t v, Quantity* q) {
    q->begin = begin;
    // third quarter, 8th elected term
    if (end < t_.size() && t_[end] == ' ') {
      if (const Phrase* w = tb_.en_words.Match(t_, end + 1)) {
        if (w->kind == "quarter" && v >= 1 && v <= 4) {
          DateValue dv;
          dv.grain = DateGrain::kQuarter;
          dv.quarter = static_cast<int>(v);
          dv.anchor = DateValue::Anchor::kRelativeYear;
          *q = DateQuantity(begin, end + 1 + w->text.size(), dv);
          return true;
        }
        if (w->kind == "term" && Term(static_cast<int>(v), begin, end + 1 + w->text.size(), q)) {
          return true;
        }
      }
    }
    // on the 21st, from the 14th: a day of the reference month.
    if (v >= 1 && v <= 31 && begin >= 4 && StartsWithIcase(t_, begin - 4, "the ")) {
      size_t b;
      if (tb_.en_words.MatchBefore(t_, begin - 5, &b, "day_the") && t_[begin - 5] == ' ') {
        DateValue dv;
        dv.grain = DateGrain::kDay;
        dv.day = static_cast<int>(v);
        dv.anchor = DateValue::Anchor::kDayOfRefMonth;
        *q = DateQuantity(begin - 4, end, dv);
        return true;
      }
    }
    q->kind = QuantityKind::kOrdinal;
    q->value = Number::Int(v);
    q->end = end;
    q->counter = EnglishCounter(end);
    return true;
  }

  // 민선8기, 8th elected term: the term's months, from lexicons/terms.tsv.
  bool Term(int n, size_t begin, size_t end, Quantity* q) const {
    const auto it = tb_.terms.find(n);
    if (it == tb_.terms.end()) return false;
    const auto& term = it->second;
    Quantity lo, hi;
    lo.kind = hi.kind = QuantityKind::kDate;
    lo.date.grain = hi.date.grain = DateGrain::kMonth;
    lo.date.year = term.from_year;
    lo.date.month = term.from_month;
    hi.date.year = term.to_year;
    hi.date.month = term.to_month;
    lo.date.elected_term = hi.date.elected_term = n;
    *q = Quantity{};
    q->kind = QuantityKind::kRange;
    q->begin = begin;
    q->end = end;
    q->date.elected_term = n;
    q->bounds = {lo, hi};
    return true;
  }

  // ---- Hangul ---------------------------------------------------------

  bool FromHangul(size_t i, Quantity* q) {
    using Tables = quantities::QuantityTables;
    // Only the readings whose words start with this syllable.
    const uint8_t opens = tb_.HangulOpeners(CodePointAt(t_, i));
    // 올해, 지난해, 이달, 상반기 (+ 3월 5일, 3분기, 상반기)
    if (const Phrase* w = opens & Tables::kOpensRelative ? tb_.relative.Match(t_, i) : nullptr;
        w && !w->latin) {
      const size_t end = i + w->text.size();
      if (WordEndsAt(end) || StartsWith(t_, end, " ") || end >= t_.size()) {
        return Relative(i, end, *w, q);
      }
    }
    // 지난 2일, 오는 14일
    if (const Phrase* w =
            opens & Tables::kOpensDayBefore ? tb_.ko_words.Match(t_, i, "day_before") : nullptr) {
      const size_t s = SkipOneSpace(t_, i + w->text.size());
      int d;
      size_t e;
      if (s > i + w->text.size() && SmallInt(t_, s, 2, &d, &e) && d >= 1 && d <= 31 &&
          StartsWith(t_, e, kKoDay)) {
        DateValue dv;
        dv.grain = DateGrain::kDay;
        dv.day = d;
        dv.anchor = DateValue::Anchor::kDayOfRefMonth;
        dv.offset = w->value;
        *q = DateQuantity(i, e + kKoDay.size(), dv);
        return true;
      }
      // 오는 3~5일: the word places both days.
      Quantity days;
      size_t skip;
      if (s > i + w->text.size() && IsDigit(t_[s]) && Full(s, &days, &skip) &&
          days.kind == QuantityKind::kRange &&
          std::all_of(days.bounds.begin(), days.bounds.end(), [](const Quantity& b) {
            return b.kind == QuantityKind::kDate && b.date.grain == DateGrain::kDay &&
                   b.date.anchor == DateValue::Anchor::kDayOfRefMonth;
          })) {
        for (Quantity& bound : days.bounds) bound.date.offset = w->value;
        days.begin = i;
        *q = std::move(days);
        return true;
      }
    }
    // 민선8기, 민선 8기
    if (StartsWith(t_, i, kTermPrefix)) {
      const size_t s = SkipOneSpace(t_, i + kTermPrefix.size());
      int n;
      size_t e;
      if (SmallInt(t_, s, 2, &n, &e) && StartsWith(t_, e, kTermSuffix) &&
          Term(n, i, e + kTermSuffix.size(), q)) {
        return true;
      }
    }
    // 마이너스 오
    if (const Phrase* w =
            opens & Tables::kOpensMinus ? tb_.ko_words.Match(t_, i, "minus") : nullptr) {
      const size_t s = SkipOneSpace(t_, i + w->text.size());
      if (s < t_.size() && IsDigit(t_[s])) {
        size_t skip;
        if (FromDigits(s, i, true, q, &skip)) return true;
        return false;
      }
      quantities::KoreanNumber kn;
      if (quantities::ParseKoreanNumber(t_, s, tb_, &kn)) {
        Core core;
        core.begin = i;
        core.value = kn.value;
        core.value.Negate();
        core.end = kn.end;
        core.scaled = kn.scaled;
        return Classify(core, q);
      }
    }
    // 제1 is read from the digits (FromDigits looks back for 제).
    // Sino-Korean numerals: 일만, 이천칠백사십오억, 삼분의 이, 일과 이분의 일.
    if (opens & Tables::kOpensSino) {
      quantities::KoreanNumber kn;
      if (quantities::ParseKoreanNumber(t_, i, tb_, &kn)) {
        const bool fraction_next = tb_.ko_words.Match(t_, kn.end, "fraction") != nullptr;
        // 일과 이분의 일: a whole and a fraction.
        if (const Phrase* a = tb_.ko_words.Match(t_, kn.end, "fraction_and")) {
          const size_t s = SkipOneSpace(t_, kn.end + a->text.size());
          quantities::KoreanNumber den;
          if (quantities::ParseKoreanNumber(t_, s, tb_, &den) &&
              tb_.ko_words.Match(t_, den.end, "fraction")) {
            Core dcore;
            dcore.begin = s;
            dcore.value = den.value;
            dcore.end = den.end;
            Quantity frac;
            if (Classify(dcore, &frac) && !frac.value.integral) {
              *q = frac;
              q->begin = i;
              q->value = Number::Real(kn.value.ToNumber().real + frac.value.real);
              return true;
            }
          }
        }
        if ((kn.syllables >= 2 || fraction_next ||
             (kn.scaled &&
              (KoreanCounterAt(kn.end, true) || tb_.units.Match(t_, SkipOneSpace(t_, kn.end))))) &&
            NumeralWordEnds(kn.end)) {
          Core core;
          core.begin = i;
          core.value = kn.value;
          core.end = kn.end;
          core.scaled = kn.scaled;
          core.approx = kn.approx;
          return Classify(core, q);
        }
      }
    }
    // Native numerals: 하나, 두 번째, 세 곳, 서른다섯, 첫 번째.
    quantities::NativeNumber nn;
    if ((opens & Tables::kOpensNative) && quantities::ParseNativeNumber(t_, i, tb_, &nn)) {
      const Phrase* counter = nullptr;
      if (const Phrase* w = tb_.ko_words.Match(t_, nn.end);
          w && (w->kind == "counter" || w->kind == "ordinal") && w->tag == "yes") {
        counter = w;
      } else if (const Phrase* s = KoreanCounterAt(nn.end, true); s && t_[nn.end] == ' ') {
        counter = s;
      }
      if (counter) {
        const bool ordinal = counter->kind == "ordinal";
        if (nn.form == "ordinal" && !ordinal) return false;
        q->kind = ordinal ? QuantityKind::kOrdinal : QuantityKind::kNumber;
        q->value = Number::Int(nn.value);
        q->counter = counter->text;
        q->begin = i;
        q->end = CounterEnd(nn.end, counter);
        return true;
      }
      if (nn.form == "free" && WordEndsAt(nn.end)) {
        q->kind = QuantityKind::kNumber;
        q->value = Number::Int(nn.value);
        q->begin = i;
        q->end = nn.end;
        return true;
      }
    }
    return false;
  }

  bool NumeralWordEnds(size_t p) const { return quantities::NumeralMayEndAt(t_, p, tb_); }

  static constexpr std::string_view kTermPrefix = "민선";
  static constexpr std::string_view kTermSuffix = "기";

  bool Relative(size_t begin, size_t end, const Phrase& w, Quantity* q) {
    DateValue dv;
    dv.offset = w.offset;
    if (w.kind == "month") {
      dv.grain = DateGrain::kMonth;
      dv.anchor = DateValue::Anchor::kRelativeMonth;
      *q = DateQuantity(begin, end, dv);
      return true;
    }
    dv.anchor = DateValue::Anchor::kRelativeYear;
    if (w.kind == "half") return Half(begin, end, dv, w.value, q);
    dv.grain = DateGrain::kYear;
    // 올해 3월, 지난해 3분기, 올해 상반기
    if (!w.latin && end < t_.size() && t_[end] == ' ') {
      const size_t after = MonthDayAfter(end, &dv);
      if (after != end) {
        *q = DateQuantity(begin, after, dv);
        return true;
      }
      if (const Phrase* h = tb_.relative.Match(t_, end + 1); h && h->kind == "half") {
        return Half(begin, end + 1 + h->text.size(), dv, h->value, q);
      }
    }
    *q = DateQuantity(begin, end, dv);
    return true;
  }

  // 상반기: January to June of the year (a range of months).
  bool Half(size_t begin, size_t end, DateValue year, int half, Quantity* q) const {
    Quantity lo, hi;
    lo.kind = hi.kind = QuantityKind::kDate;
    lo.date = hi.date = year;
    lo.date.grain = hi.date.grain = DateGrain::kMonth;
    lo.date.month = half == 2 ? 7 : 1;
    hi.date.month = half == 2 ? 12 : 6;
    *q = Quantity{};
    q->kind = QuantityKind::kRange;
    q->begin = begin;
    q->end = end;
    q->bounds = {lo, hi};
    return true;
  }

  // ---- Latin ----------------------------------------------------------

  bool FromCurrencyBefore(size_t i, Quantity* q) {
    const Phrase* w = tb_.units.Match(t_, i, "currency");
    if (!w || w->offset > 0) return false;
    size_t s = i + w->text.size();
    if (s < t_.size() && t_[s] == ' ') ++s;
    if (s >= t_.size() || !IsDigit(t_[s])) return false;
    size_t skip;
    Quantity num;
    if (!FromDigits(s, i, false, &num, &skip)) return false;
    if (num.kind != QuantityKind::kNumber && num.kind != QuantityKind::kDate) return false;
    // $5 million: the scale word was read by Classify.
    *q = Quantity{};
    q->kind = QuantityKind::kMoney;
    q->unit = w->tag;
    q->begin = i;
    q->end = num.end;
    if (num.kind == QuantityKind::kDate && num.date.year && num.date.grain == DateGrain::kYear) {
      q->value = Number::Int(*num.date.year);
    } else {
      q->value = num.value;
    }
    return true;
  }

  bool FromLatin(size_t i, Quantity* q) {
    if (const Phrase* w = tb_.relative.Match(t_, i); w && w->latin) {
      return Relative(i, i + w->text.size(), *w, q);
    }
    if (const Phrase* m = tb_.months.Match(t_, i); m && IsUpper(t_[i])) {
      if (Month(i, *m, q)) return true;
    }
    if (QuarterAbbreviation(i, q)) return true;
    // the 21st (on the 21st): Ordinal() decides from the digits.
    if (StartsWithIcase(t_, i, "the ") && i + 4 < t_.size() && IsDigit(t_[i + 4])) return false;
    // minus 5, minus five
    size_t e;
    char buf[24];
    const std::string_view word = quantities::LatinWordAt(t_, i, buf, sizeof buf, &e);
    const auto it = tb_.en_numbers.find(word);
    if (it == tb_.en_numbers.end()) return false;
    if (it->second.kind == "minus") {
      const size_t s = SkipOneSpace(t_, e);
      if (s == e) return false;
      size_t skip;
      if (s < t_.size() && IsDigit(t_[s])) return FromDigits(s, i, true, q, &skip);
      quantities::EnglishNumber en;
      if (!quantities::ParseEnglishNumber(t_, s, tb_, &en)) return false;
      if (en.kind == quantities::EnglishNumber::Kind::kFraction) {
        *q = Quantity{};
        q->value = Number::Real(-en.fraction.real);
        q->begin = i;
        q->end = en.end;
        return true;
      }
      Core core;
      core.begin = i;
      core.value = en.value;
      core.value.Negate();
      core.end = en.end;
      return Classify(core, q);
    }
    quantities::EnglishNumber en;
    if (!quantities::ParseEnglishNumber(t_, i, tb_, &en)) return false;
    switch (en.kind) {
      case quantities::EnglishNumber::Kind::kFraction:
        *q = Quantity{};
        q->value = en.fraction;
        q->begin = i;
        q->end = en.end;
        return true;
      case quantities::EnglishNumber::Kind::kOrdinal:
        return Ordinal(i, en.end, en.value.m, q);
      case quantities::EnglishNumber::Kind::kCardinal: {
        Core core;
        core.begin = i;
        core.value = en.value;
        core.end = en.end;
        return Classify(core, q);
      }
    }
    return false;
  }

  // March 5, 2024; March 2024; July 14th; March (alone: this year's).
  bool Month(size_t i, const Phrase& m, Quantity* q) const {
    size_t p = i + m.text.size();
    DateValue dv;
    dv.month = m.value;
    dv.grain = DateGrain::kMonth;
    dv.anchor = DateValue::Anchor::kRelativeYear;
    int d, y;
    size_t e;
    if (p < t_.size() && t_[p] == ' ' && SmallInt(t_, p + 1, 2, &d, &e) && d >= 1 && d <= 31) {
      size_t end = e;
      if (end + 2 <= t_.size() && LatinWordEnds(t_, end + 2) &&
          (StartsWithIcase(t_, end, "st") || StartsWithIcase(t_, end, "nd") ||
           StartsWithIcase(t_, end, "rd") || StartsWithIcase(t_, end, "th"))) {
        end += 2;
      } else if (end < t_.size() && IsAlpha(t_[end])) {
        return false;
      }
      if (!(end < t_.size() && IsDigit(t_[end]))) {
        dv.grain = DateGrain::kDay;
        dv.day = d;
        size_t ys = end;
        if (ys < t_.size() && t_[ys] == ',') ++ys;
        ys = SkipOneSpace(t_, ys);
        if (ys > end && SmallInt(t_, ys, 4, &y, &e) && e - ys == 4 && IsContractYear(y)) {
          dv.year = y;
          dv.anchor = DateValue::Anchor::kAbsolute;
          end = e;
        } else {
          end = RelativeYearAfter(end, &dv);
        }
        *q = DateQuantity(i, end, dv);
        return true;
      }
    }
    if (p < t_.size() && t_[p] == ' ' && SmallInt(t_, p + 1, 4, &y, &e) && e - p == 5 &&
        IsContractYear(y)) {
      dv.year = y;
      dv.anchor = DateValue::Anchor::kAbsolute;
      *q = DateQuantity(i, e, dv);
      return true;
    }
    // A month name alone: full names only, and "May" only after "in".
    if (m.text.back() == '.' || m.text.size() <= 3) {
      if (!(m.value == 5 && i >= 3 && StartsWithIcase(t_, i - 3, "in "))) return false;
    }
    *q = DateQuantity(i, RelativeYearAfter(p, &dv), dv);
    return true;
  }

  // `Q3`, `Q3 2024`: a quarter prefix (en_words.tsv) glued to its number.
  bool QuarterAbbreviation(size_t i, Quantity* q) const {
    size_t e = i;  // the word's end: a digit 1-4 must follow it (tested first: it is cheap)
    while (e < t_.size() && IsAlpha(t_[e])) ++e;
    if (e >= t_.size() || t_[e] < '1' || t_[e] > '4') return false;
    char buf[24];
    const std::string_view word = quantities::LatinWordAt(t_, i, buf, sizeof buf, &e);
    if (std::find(tb_.quarter_prefixes.begin(), tb_.quarter_prefixes.end(), word) ==
        tb_.quarter_prefixes.end()) {
      return false;
    }
    if (!LatinWordEnds(t_, e + 1)) return false;
    DateValue dv;
    dv.grain = DateGrain::kQuarter;
    dv.quarter = t_[e] - '0';
    dv.anchor = DateValue::Anchor::kRelativeYear;
    size_t end = e + 1;
    int y;
    size_t ye;
    if (end + 5 <= t_.size() && t_[end] == ' ' && SmallInt(t_, end + 1, 4, &y, &ye) &&
        ye == end + 5 && IsContractYear(y)) {
      dv.year = y;
      dv.anchor = DateValue::Anchor::kAbsolute;
      end = ye;
    } else {
      end = RelativeYearAfter(end, &dv);
    }
    *q = DateQuantity(i, end, dv);
    return true;
  }

  // `March last year`, `June 3 next year`: a relative year written after a
  // month gives the month its year. Returns the end of what was read.
  size_t RelativeYearAfter(size_t end, DateValue* dv) const {
    if (end >= t_.size() || t_[end] != ' ') return end;
    const Phrase* w = tb_.relative.Match(t_, end + 1, "year");
    if (w == nullptr || !w->latin) return end;
    dv->anchor = DateValue::Anchor::kRelativeYear;
    dv->offset = w->offset;
    return end + 1 + w->text.size();
  }

  // ---- around a quantity ----------------------------------------------

  void Decorate(Quantity* q) {
    // Before: 약 780억, more than 109%, up to 3 billion KRW, by 2026.
    const size_t back = quantities::BackOverSpace(t_, q->begin);
    size_t b;
    if (q->kind == QuantityKind::kDate) {
      if (back < q->begin && tb_.en_words.MatchBefore(t_, back, &b, "until") && b >= floor_ &&
          q->date.grain == DateGrain::kYear) {
        q->date.until = true;
        q->begin = b;
      }
    } else if (const Phrase* w = tb_.approx.MatchBefore(t_, back, &b, "before")) {
      // Not over the quantity before: in 4대략2, 대 is 4's counter, not 대략.
      if ((w->latin ? back < q->begin : true) && b >= floor_) {
        q->approx = w->tag;
        q->begin = b;
      }
    }
    // After: 8600개 이상, 5억원가량, 2026년까지, 20 or more.
    const size_t s = SkipOneSpace(t_, q->end);
    if (const Phrase* w = tb_.approx.Match(t_, s, "after")) {
      const size_t e = s + w->text.size();
      if (w->latin ? s > q->end : WordEndsAt(e)) {
        if (q->kind == QuantityKind::kDate) {
          if (w->tag == "up_to" && s == q->end) {
            q->date.until = true;
            q->end = e;
          }
        } else if (q->kind != QuantityKind::kRange) {
          q->approx = w->tag;
          q->end = e;
        }
      }
    }
  }

  // The powers of ten written after the leading digits of the numeral at
  // [begin, end): Korean small units (천 백 십) and then at most one scale
  // word (만 억 조), or an English scale word (`5 million`). Sets *small and
  // *scale; false when anything else follows the digits.
  bool Powers(size_t begin, size_t end, int* small, int* scale) const {
    quantities::Decimal d;
    size_t p = quantities::Decimal::Parse(t_, begin, &d);
    if (p == begin) return false;
    *small = *scale = 0;
    size_t word_end = 0;
    if (int power = 0; quantities::ParseEnglishScale(t_, p, tb_, &power, &word_end)) {
      *scale = power;
      p = word_end;
    } else {
      for (size_t len = 0; p < end; p += len) {
        const uint32_t cp = CodePointAt(t_, p, &len);
        if (auto unit = tb_.sino_unit.find(cp); unit != tb_.sino_unit.end() && *scale == 0) {
          *small += unit->second;
        } else if (auto big = tb_.sino_scale.find(cp); big != tb_.sino_scale.end() && *scale == 0) {
          *scale = big->second;
        } else {
          break;
        }
      }
    }
    // What may follow the numeral inside the quantity: its unit or counter.
    return p >= end || !IsDigit(t_[p]);
  }

  // `3~5억원`, `2~3만 개`, `3-5 million`: a scale word written once, after the
  // second number, scales the first too (3억~5억), and with it the small
  // units the first lacks (`3~5천만원` is 3천만~5천만, `3~5천 명` 3천~5천).
  // Not when the first would then exceed the second (`10~2만`).
  void CarryScale(Quantity& lo, const Quantity& hi) const {
    if (lo.kind != QuantityKind::kNumber && lo.kind != QuantityKind::kMoney) return;
    int lo_small = 0, lo_scale = 0, hi_small = 0, hi_scale = 0;
    if (!Powers(lo.begin, lo.end, &lo_small, &lo_scale) || lo_scale != 0) return;
    if (!Powers(hi.begin, hi.end, &hi_small, &hi_scale) || hi_scale + hi_small == 0) return;
    quantities::Decimal d;
    if (quantities::Decimal::Parse(t_, lo.begin, &d) == lo.begin) return;
    if (!d.MulPow10(lo_small + hi_scale + (lo_small == 0 ? hi_small : 0))) return;
    const Number scaled = d.ToNumber();
    if (scaled.real > hi.value.real) return;  // not a range read that way
    lo.value = scaled;
  }

  // The field below the year that a date of its grain counts in: its
  // month, quarter or day (null for a year), and that field's last value.
  static std::optional<int>* GrainField(DateValue& date, int* last) {
    switch (date.grain) {
      case DateGrain::kMonth:
        *last = 12;
        return &date.month;
      case DateGrain::kQuarter:
        *last = 4;
        return &date.quarter;
      case DateGrain::kDay:
        *last = 31;
        return &date.day;
      default:
        return nullptr;
    }
  }

  // `date` with its grain's field set to `v`, when `v` comes before it (3 of
  // 3~4월: `later` false) or after it (4 of Q3-4: `later` true), else
  // nullopt. A number after a named month (March-4) is no month.
  static std::optional<DateValue> OtherEnd(const DateValue& date, int64_t v, bool later) {
    DateValue other = date;
    other.until = false;
    int last = 0;
    std::optional<int>* field = GrainField(other, &last);
    if (field == nullptr || !*field || (later && date.grain == DateGrain::kMonth)) {
      return std::nullopt;
    }
    if (later ? (v <= **field || v > last) : (v < 1 || v >= **field)) return std::nullopt;
    *field = static_cast<int>(v);
    return other;
  }

  // Gives `bare` (a month, quarter or day written without a year) the year of
  // `dated` (written with one) when they share a grain; `wrap` (-1 or +1) is
  // added when `bare` falls on the other side of `dated` in the year than
  // a range's end should (an earlier month after the first end).
  static void ShareYear(const DateValue& dated, DateValue& bare, int wrap) {
    if (dated.grain != bare.grain || dated.anchor != DateValue::Anchor::kAbsolute || !dated.year ||
        bare.year || bare.anchor != DateValue::Anchor::kRelativeYear || bare.offset != 0) {
      return;
    }
    std::optional<int> at, other;
    if (dated.grain == DateGrain::kMonth) {
      at = dated.month, other = bare.month;
    } else if (dated.grain == DateGrain::kQuarter) {
      at = dated.quarter, other = bare.quarter;
    } else if (dated.month && dated.day && bare.month && bare.day) {  // 3월 5일부터 7월 14일까지
      at = *dated.month * 100 + *dated.day, other = *bare.month * 100 + *bare.day;
    }
    if (!at || !other) return;
    const bool wraps = wrap > 0 ? *other < *at : *other > *at;
    bare.year = *dated.year + (wraps ? wrap : 0);
    bare.anchor = DateValue::Anchor::kAbsolute;
  }

  void TryRange(Quantity* q1) {
    size_t p = q1->end;
    size_t s = SkipOneSpace(t_, p);
    size_t sep_end = 0;
    bool word_sep = false;
    bool korean_from = false;
    if (s < t_.size()) {
      size_t len;
      const uint32_t cp = CodePointAt(t_, s, &len);
      if (cp == '~' || cp == '-' || cp == 0x223C || cp == 0xFF5E || cp == 0x301C || cp == 0x2013 ||
          cp == 0x2014 || cp == 0x2212) {
        sep_end = s + len;
      } else if (cp == '?' && q1->kind == QuantityKind::kDate && q1->date.year &&
                 q1->date.grain == DateGrain::kYear && s == p) {
        sep_end = s + 1;  // 2023?2026: a dash lost to a bad encoding
      }
    }
    if (!sep_end) {
      if (const Phrase* w = tb_.ko_words.Match(t_, p, "range_from")) {
        sep_end = p + w->text.size();
        korean_from = true;
      } else if (s > p) {
        if (const Phrase* w = tb_.en_words.Match(t_, s, "range")) {
          size_t b;
          const size_t back = quantities::BackOverSpace(t_, q1->begin);
          const bool from = back < q1->begin && tb_.en_words.MatchBefore(t_, back, &b, "from");
          const bool years = q1->kind == QuantityKind::kDate && q1->date.grain == DateGrain::kYear;
          if (from || (years && w->text == "to")) {
            sep_end = s + w->text.size();
            word_sep = true;
          }
        }
      }
    }
    if (!sep_end) return;
    const size_t s2 = SkipOneSpace(t_, sep_end);
    if ((word_sep || korean_from) && s2 == sep_end) return;
    if (s2 >= t_.size()) return;
    Quantity q2;
    size_t skip;
    if (!Primary(s2, &q2, &skip)) return;
    Decorate(&q2);
    Quantity lo = *q1;
    if (q2.kind == QuantityKind::kRange) return;
    // Shared units and counters: 15~64세, 10~20%, 3억~5억원.
    if (lo.kind == QuantityKind::kNumber &&
        (q2.kind == QuantityKind::kPercent || q2.kind == QuantityKind::kMoney)) {
      lo.kind = q2.kind;
      lo.unit = q2.unit;
    }
    if (lo.kind == QuantityKind::kNumber && q2.kind == QuantityKind::kDate && lo.value.integral &&
        q2.date.grain == DateGrain::kYear && IsContractYear(lo.value.integer)) {
      lo = DateQuantity(lo.begin, lo.end, YearDate(static_cast<int>(lo.value.integer)));
    }
    // 3~4월, 1~3분기, 3~5일: the calendar word written once, after the
    // second number, makes the first a month, quarter or day of the same
    // year (and month) too, when it comes before the second.
    if (lo.kind == QuantityKind::kNumber && q2.kind == QuantityKind::kDate && lo.value.integral &&
        lo.counter.empty() && !word_sep) {
      if (auto first = OtherEnd(q2.date, lo.value.integer, /*later=*/false)) {
        lo = DateQuantity(lo.begin, lo.end, *first);
      }
    }
    // Q3-4, (between) March 3 and 5: the first end written whole, the
    // second a number alone that follows it in the first's quarter or day.
    if (lo.kind == QuantityKind::kDate && q2.kind == QuantityKind::kNumber && q2.value.integral &&
        q2.counter.empty() && q2.unit.empty() && q2.approx.empty()) {
      if (auto second = OtherEnd(lo.date, q2.value.integer, /*later=*/true)) {
        q2 = DateQuantity(q2.begin, q2.end, *second);
      }
    }
    // March-April 2023, 2023년 3월~4월: the year written with one end dates
    // the other, of the same grain, written without one (a year earlier or
    // later when the range wraps: 2023년 11월~2월).
    if (lo.kind == QuantityKind::kDate && q2.kind == QuantityKind::kDate) {
      ShareYear(q2.date, lo.date, -1);
      ShareYear(lo.date, q2.date, +1);
    }
    if (lo.kind != q2.kind) return;
    if (lo.counter.empty()) lo.counter = q2.counter;
    CarryScale(lo, q2);
    if (lo.kind == QuantityKind::kNumber && !word_sep && !korean_from && q2.counter.empty() &&
        t_[s] == '-') {
      // 15-64 with nothing after: only small ascending numbers (ages, counts).
      if (!(lo.value.integral && q2.value.integral && lo.value.integer < q2.value.integer &&
            q2.value.integer < 1000)) {
        return;
      }
    }
    Quantity range;
    range.kind = QuantityKind::kRange;
    range.begin = lo.begin;
    range.end = q2.end;
    range.approx = lo.approx;
    lo.approx.clear();
    lo.date.until = q2.date.until = false;
    if (word_sep) {
      size_t b;
      const size_t back = quantities::BackOverSpace(t_, lo.begin);
      if (back < lo.begin && tb_.en_words.MatchBefore(t_, back, &b, "from")) range.begin = b;
    }
    range.counter = lo.counter;
    range.unit = lo.unit;
    range.bounds = {lo, q2};
    *q1 = range;
  }

  const QuantityTables& tb_;
  std::string_view t_;
  bool ko_, en_;
  size_t floor_ = 0;  // end of the last quantity found: a later one never reaches back over it
  mutable quantities::DigitRun run_;  // the digit run Rejected last walked
};

}  // namespace

QuantityFinder::QuantityFinder(const LexiconDir& lexicons)
    : tables_(std::make_unique<quantities::QuantityTables>(lexicons)) {}

QuantityFinder::~QuantityFinder() = default;

std::vector<Quantity> QuantityFinder::Find(std::string_view text, std::string_view lang) const {
  return Scanner(*tables_, text, lang).Run();
}

}  // namespace newsie
