// Resolving relative dates against a document's reference date.
#pragma once

#include "pipeline/document.h"
#include "pipeline/quantity.h"

namespace newsie {

// Fills date.year (and month, for month-relative and day-of-month dates) from
// `ref`. Absolute dates are left alone; a date whose anchor needs more of the
// reference than is known (지난달 with a reference year only) stays unresolved.
void ResolveDate(DateValue& date, const RefDate& ref);

// Resolves every date in `q`, including a range's bounds.
void ResolveQuantity(Quantity& q, const RefDate& ref);

// Parses "YYYY-MM-DD" (or "YYYY-MM", "YYYY") into `ref` (year/month/day only).
bool ParseIsoDate(std::string_view iso, RefDate* ref);

}  // namespace newsie
