#include "pipeline/quantities/json.h"

namespace newsie {

nlohmann::json NumberJson(const Number& n) {
  if (n.integral) return n.integer;
  return n.real;
}

nlohmann::json QuantityValueJson(const Quantity& q) {
  nlohmann::json j;
  j["kind"] = ToString(q.kind);
  switch (q.kind) {
    case QuantityKind::kNumber:
    case QuantityKind::kPercent:
    case QuantityKind::kOrdinal:
      j["value"] = NumberJson(q.value);
      break;
    case QuantityKind::kMoney:
      j["value"] = NumberJson(q.value);
      j["unit"] = q.unit;
      break;
    case QuantityKind::kRange:
      if (q.bounds.size() == 2) {
        j["low"] = QuantityValueJson(q.bounds[0]);
        j["high"] = QuantityValueJson(q.bounds[1]);
      }
      break;
    case QuantityKind::kDate: {
      const auto iso = q.date.Iso();
      j["date"] = iso ? nlohmann::json(*iso) : nlohmann::json(nullptr);
      j["grain"] = ToString(q.date.grain);
      if (q.date.until) j["until"] = true;
      break;
    }
  }
  if (q.kind == QuantityKind::kPercent && q.unit == "%p") j["unit"] = "%p";
  if (!q.counter.empty()) j["counter"] = q.counter;
  if (!q.approx.empty()) j["approx"] = q.approx;
  if (q.date.elected_term) j["elected_term"] = *q.date.elected_term;
  return j;
}

nlohmann::json QuantityJson(const Quantity& q, std::string_view text,
                            const std::function<int64_t(size_t)>& to_cp,
                            std::string_view original_text) {
  (void)text;
  nlohmann::json value = QuantityValueJson(q);
  nlohmann::json j;
  j["kind"] = value["kind"];
  j["text"] = std::string(original_text);
  j["start"] = to_cp(q.begin);
  j["end"] = to_cp(q.end);
  for (auto it = value.begin(); it != value.end(); ++it) {
    if (it.key() != "kind") j[it.key()] = it.value();
  }
  return j;
}

}  // namespace newsie
