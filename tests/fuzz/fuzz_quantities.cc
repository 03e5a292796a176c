// The quantities normaliser on one line, as `newsie quantities` runs it:
// normalise, find in each language mode, map back. Quantities are inside the
// line, ordered and non-overlapping; their JSON is well-formed.
#include <cstddef>
#include <cstdint>
#include <string>

#include "pipeline/lexicon.h"
#include "pipeline/normalize.h"
#include "pipeline/quantities/finder.h"
#include "pipeline/quantities/json.h"
#include "pipeline/quantities/resolve.h"
#include "tests/fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace newsie;
  static const QuantityFinder* finder = new QuantityFinder(LexiconDir::Default());
  static const NormalizeTables* tables =
      new NormalizeTables(NormalizeTables::Load(LexiconDir::Default()));
  std::string line(reinterpret_cast<const char*>(data), size);
  // One line of valid UTF-8, as the command's reader would pass it on.
  if (line.find('\n') != std::string::npos || !fuzz::ValidUtf8(line)) return 0;
  const NormalizedText n = Normalize(line, *tables);
  std::vector<size_t> cp_bytes;
  for (size_t b = 0; b < line.size(); ++b) {
    if ((static_cast<unsigned char>(line[b]) & 0xC0) != 0x80) cp_bytes.push_back(b);
  }
  cp_bytes.push_back(line.size());
  const int64_t cps = static_cast<int64_t>(cp_bytes.size()) - 1;
  RefDate ref;
  ref.year = 2024, ref.month = 3, ref.day = 5, ref.basis = "given";
  for (const char* lang : {"ko", "en", "mixed"}) {
    std::vector<Quantity> found = finder->Find(n.work, lang);
    size_t last_end = 0;
    for (Quantity& q : found) {
      fuzz::Check(q.begin < q.end && q.end <= n.work.size(), "quantity outside the working text");
      fuzz::Check(q.begin >= last_end, "quantities overlap or are unordered");
      last_end = q.end;
      if (q.kind == QuantityKind::kRange) {
        fuzz::Check(q.bounds.size() == 2, "a range without two bounds");
      }
      ResolveQuantity(q, ref);
      const Span span = n.map.ToOriginal(q.begin, q.end);
      fuzz::Check(span.start >= 0 && span.start <= span.end && span.end <= cps,
                  "quantity span outside the line");
      const std::string evidence =
          line.substr(cp_bytes[span.start], cp_bytes[span.end] - cp_bytes[span.start]);
      const auto json = QuantityJson(
          q, n.work, [&](size_t b) { return b == q.begin ? span.start : span.end; }, evidence);
      fuzz::Check(json.at("start").get<int64_t>() == span.start, "start is not the span's");
      (void)json.dump(-1, ' ', false, nlohmann::json::error_handler_t::strict);
    }
  }
  return 0;
}
