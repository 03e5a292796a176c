// The JSON form of a Quantity (CONTRACT, `newsie quantities`): kind, text,
// start, end and the fields of its kind. Used by the command and `inspect`.
#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <string_view>

#include "pipeline/quantity.h"

namespace newsie {

// `text` is what the quantity's byte offsets index; `to_cp(byte)` maps a byte
// offset to the position reported (code points of the caller's line).
nlohmann::json QuantityJson(const Quantity& q, std::string_view text,
                            const std::function<int64_t(size_t)>& to_cp,
                            std::string_view original_text);

// The value fields only (no spans): range bounds use this.
nlohmann::json QuantityValueJson(const Quantity& q);

nlohmann::json NumberJson(const Number& n);

}  // namespace newsie
