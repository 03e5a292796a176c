// Small HTML helpers for the report: escaping and number formatting.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace newsie::report {

// Text for element content and for attribute values (quotes escaped too).
std::string Escape(std::string_view text);

// JSON inside <script type="application/json">: no "</", no U+2028/2029.
std::string ScriptJson(const nlohmann::ordered_json& value);

// A JSON number for people: integers with thousands separators (12,100),
// decimals as written; "" for null.
std::string FormatNumber(const nlohmann::ordered_json& number);

// A string member, or "" when absent or null.
std::string Str(const nlohmann::ordered_json& object, const char* key);

}  // namespace newsie::report
