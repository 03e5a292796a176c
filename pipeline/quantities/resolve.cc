#include "pipeline/quantities/resolve.h"

#include <cstdio>

#include "pipeline/quantities/text_scan.h"

namespace newsie {

const char* ToString(QuantityKind kind) {
  switch (kind) {
    case QuantityKind::kNumber:
      return "number";
    case QuantityKind::kPercent:
      return "percent";
    case QuantityKind::kMoney:
      return "money";
    case QuantityKind::kOrdinal:
      return "ordinal";
    case QuantityKind::kRange:
      return "range";
    case QuantityKind::kDate:
      return "date";
  }
  return "number";
}

const char* ToString(DateGrain grain) {
  switch (grain) {
    case DateGrain::kYear:
      return "year";
    case DateGrain::kQuarter:
      return "quarter";
    case DateGrain::kMonth:
      return "month";
    case DateGrain::kDay:
      return "day";
  }
  return "year";
}

std::optional<std::string> DateValue::Iso() const {
  if (!year) return std::nullopt;
  char buf[32];
  switch (grain) {
    case DateGrain::kYear:
      std::snprintf(buf, sizeof buf, "%04d", *year);
      break;
    case DateGrain::kQuarter:
      if (!quarter) return std::nullopt;
      std::snprintf(buf, sizeof buf, "%04d-Q%d", *year, *quarter);
      break;
    case DateGrain::kMonth:
      if (!month) return std::nullopt;
      std::snprintf(buf, sizeof buf, "%04d-%02d", *year, *month);
      break;
    case DateGrain::kDay:
      if (!month || !day) return std::nullopt;
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", *year, *month, *day);
      break;
  }
  return std::string(buf);
}

void ResolveDate(DateValue& date, const RefDate& ref) {
  switch (date.anchor) {
    case DateValue::Anchor::kAbsolute:
      return;
    case DateValue::Anchor::kRelativeYear:
      if (ref.year) date.year = *ref.year + date.offset;
      return;
    case DateValue::Anchor::kRelativeMonth: {
      if (!ref.year || !ref.month) return;
      const int index = *ref.year * 12 + (*ref.month - 1) + date.offset;
      date.year = index / 12;
      date.month = index % 12 + 1;
      return;
    }
    case DateValue::Anchor::kDayOfRefMonth: {
      if (!ref.year || !ref.month || !date.day) return;
      int index = *ref.year * 12 + (*ref.month - 1);
      // 지난 25일 written on the 3rd: last month's 25th; 오는 2일 on the 28th: next month's.
      if (ref.day && date.offset < 0 && *date.day > *ref.day) --index;
      if (ref.day && date.offset > 0 && *date.day < *ref.day) ++index;
      date.year = index / 12;
      date.month = index % 12 + 1;
      return;
    }
  }
}

void ResolveQuantity(Quantity& q, const RefDate& ref) {
  if (q.kind == QuantityKind::kDate) ResolveDate(q.date, ref);
  for (Quantity& b : q.bounds) ResolveQuantity(b, ref);
  // 오는 3~5일, 지난 2~3일: days of one month, the one the word puts the
  // nearer end in (an upcoming span's first day, a past one's last); each
  // end alone could fall in another (오는 3일 on the 5th is next month's,
  // 오는 5일 this month's).
  if (q.kind == QuantityKind::kRange && q.bounds.size() == 2) {
    DateValue& first = q.bounds[0].date;
    DateValue& last = q.bounds[1].date;
    auto day_of_ref_month = [](const Quantity& b) {
      return b.kind == QuantityKind::kDate && b.date.grain == DateGrain::kDay &&
             b.date.anchor == DateValue::Anchor::kDayOfRefMonth;
    };
    if (day_of_ref_month(q.bounds[0]) && day_of_ref_month(q.bounds[1]) && first.offset != 0 &&
        first.offset == last.offset) {
      const DateValue& nearer = first.offset > 0 ? first : last;
      DateValue& other = first.offset > 0 ? last : first;
      other.year = nearer.year;
      other.month = nearer.month;
    }
  }
}

bool ParseIsoDate(std::string_view iso, RefDate* ref) {
  using quantities::IsDigit;
  auto num = [&](size_t pos, size_t len, int* v) {
    if (pos + len > iso.size()) return false;
    int x = 0;
    for (size_t i = pos; i < pos + len; ++i) {
      if (!IsDigit(iso[i])) return false;
      x = x * 10 + (iso[i] - '0');
    }
    *v = x;
    return true;
  };
  int y = 0, m = 0, d = 0;
  if (!num(0, 4, &y)) return false;
  ref->year = y;
  ref->month.reset();
  ref->day.reset();
  if (iso.size() == 4) return true;
  if (iso.size() < 7 || iso[4] != '-' || !num(5, 2, &m) || m < 1 || m > 12) return false;
  ref->month = m;
  if (iso.size() == 7) return true;
  if (iso.size() != 10 || iso[7] != '-' || !num(8, 2, &d) || d < 1 || d > 31) return false;
  ref->day = d;
  return true;
}

}  // namespace newsie
