#include "pipeline/ref_date.h"

#include <map>

#include "pipeline/quantities/tables.h"
#include "pipeline/quantities/text_scan.h"

namespace newsie {
namespace {

bool IsAbsoluteYear(const Quantity& q) {
  return q.kind == QuantityKind::kDate && q.date.anchor == DateValue::Anchor::kAbsolute &&
         q.date.grain == DateGrain::kYear && q.date.year && !q.date.until;
}
bool IsThisYear(const Quantity& q) {
  return q.kind == QuantityKind::kDate && q.date.anchor == DateValue::Anchor::kRelativeYear &&
         q.date.offset == 0 && q.date.grain == DateGrain::kYear;
}

std::string Excerpt(const Document& doc, size_t begin, size_t end) {
  const size_t limit = 90;
  std::string s(doc.Work(begin, end));
  if (s.size() > limit) {
    size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s = s.substr(0, cut) + "...";
  }
  for (char& c : s) {
    if (c == '\n') c = ' ';
  }
  return "\"" + s + "\"";
}

// The inference word of `kind` within `window` bytes after `from` (same sentence).
bool ClueAfter(const Document& doc, const Sentence& s, size_t from,
               const quantities::QuantityTables& tables, std::string_view kind) {
  for (const auto& clue : tables.inference) {
    if (clue.kind != kind) continue;
    const size_t end = std::min(s.end, from + static_cast<size_t>(clue.value));
    const std::string_view window = doc.Work(from, end);
    for (size_t i = 0; i + clue.text.size() <= window.size(); ++i) {
      if (clue.latin ? quantities::StartsWithIcase(window, i, clue.text)
                     : quantities::StartsWith(window, i, clue.text)) {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

std::optional<InferredYear> InferRefYear(const Document& doc,
                                         const quantities::QuantityTables& tables) {
  bool mentions_this_year = false;
  for (const Sentence& s : doc.sentences) {
    for (const Quantity& q : s.quantities) mentions_this_year |= IsThisYear(q);
  }
  // 1. A schedule after "this year".
  for (const Sentence& s : doc.sentences) {
    for (size_t i = 0; i < s.quantities.size(); ++i) {
      if (!IsThisYear(s.quantities[i])) continue;
      std::vector<int> years;
      for (size_t j = i + 1; j < s.quantities.size(); ++j) {
        if (IsAbsoluteYear(s.quantities[j])) years.push_back(*s.quantities[j].date.year);
      }
      bool run = years.size() >= 2;
      for (size_t k = 1; run && k < years.size(); ++k) run = years[k] == years[k - 1] + 1;
      if (run) {
        return InferredYear{years[0] - 1,
                            "a yearly schedule starting with this year and going on " +
                                std::to_string(years[0]) + ", " + std::to_string(years[1]) + ": " +
                                Excerpt(doc, s.begin, s.end)};
      }
    }
  }
  // 2. An award edition held on a day of this month.
  for (const Sentence& s : doc.sentences) {
    bool day = false;
    for (const Quantity& q : s.quantities) {
      day |= q.kind == QuantityKind::kDate && q.date.anchor == DateValue::Anchor::kDayOfRefMonth;
    }
    if (!day) continue;
    for (const Quantity& q : s.quantities) {
      if (IsAbsoluteYear(q) && ClueAfter(doc, s, q.end, tables, "award")) {
        return InferredYear{*q.date.year, "an award edition held on a day of the month: " +
                                              Excerpt(doc, q.begin, s.end)};
      }
    }
  }
  // 3. A plan named with a year, while the text speaks of this year.
  if (mentions_this_year) {
    std::map<int, std::pair<int, std::string>> votes;  // year -> count, first evidence
    for (const Sentence& s : doc.sentences) {
      for (const Quantity& q : s.quantities) {
        if (IsAbsoluteYear(q) && ClueAfter(doc, s, q.end, tables, "plan")) {
          auto& v = votes[*q.date.year];
          if (v.first++ == 0) v.second = Excerpt(doc, q.begin, s.end);
        }
      }
    }
    const std::pair<const int, std::pair<int, std::string>>* best = nullptr;
    for (const auto& entry : votes) {
      if (!best || entry.second.first > best->second.first) best = &entry;
    }
    if (best) {
      return InferredYear{
          best->first,
          "a plan named with its year, and \"this year\" in the text: " + best->second.second};
    }
  }
  return std::nullopt;
}

namespace {

class RefDateStage : public Stage {
 public:
  explicit RefDateStage(const PipelineOptions& options)
      : tables_(options.lexicons), override_(options.ref_date) {}
  std::string_view name() const override { return "ref_date"; }

  Status Run(Document& doc) const override {
    RefDate ref;
    Choose(doc, &ref);
    doc.ref_date = ref;
    for (Sentence& s : doc.sentences) {
      for (Quantity& q : s.quantities) ResolveQuantity(q, ref);
    }
    return {};
  }

 private:
  void Choose(Document& doc, RefDate* ref) const {
    auto take = [&](const std::string& iso, const char* basis, std::string reason) {
      RefDate r;
      if (!ParseIsoDate(iso, &r)) {
        doc.AddDiagnostic("warning", "bad-ref-date",
                          "'" + iso + "' is not YYYY-MM-DD (" + reason + ")");
        return false;
      }
      r.basis = basis;
      r.reason = std::move(reason);
      *ref = r;
      return true;
    };
    if (override_ && take(*override_, "given", "--ref-date")) return;
    if (doc.input.date) {
      if (doc.input.date_given && take(*doc.input.date, "given", "the input record's date")) return;
      if (!doc.input.date_given && take(*doc.input.date, "metadata", "the sidecar's date")) return;
    }
    if (doc.metadata.printed_date &&
        take(*doc.metadata.printed_date, "metadata", "the date printed in the page")) {
      return;
    }
    if (auto inferred = InferRefYear(doc, tables_)) {
      ref->year = inferred->year;
      ref->basis = "inferred";
      ref->reason = "inferred " + std::to_string(inferred->year) + " from " + inferred->reason;
      return;
    }
    ref->basis = "none";
    ref->reason = "no date given, none printed, and no year to infer from the text";
  }

  quantities::QuantityTables tables_;
  std::optional<std::string> override_;
};

}  // namespace

std::unique_ptr<Stage> MakeRefDateStage(const PipelineOptions& options) {
  return std::make_unique<RefDateStage>(options);
}

}  // namespace newsie
