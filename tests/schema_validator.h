// A JSON Schema (2020-12) validator for the subset schema/newsie-1.schema.json
// uses: type, const, enum, required, properties, additionalProperties: false,
// items / prefixItems, minItems, uniqueItems, minimum / maximum, minLength,
// pattern (RE2), oneOf and local $ref. Tests use it to hold every record
// newsie writes to the published schema, field by field: each violation names
// the JSON path.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace newsie::testing {

class SchemaValidator {
 public:
  explicit SchemaValidator(nlohmann::json schema) : schema_(std::move(schema)) {}
  static SchemaValidator FromFile(const std::string& path);

  // Every violation as "/stories/0/targets/1/year: 1800 is below the minimum 1900".
  std::vector<std::string> Validate(const nlohmann::json& instance) const;

 private:
  void Check(const nlohmann::json& schema, const nlohmann::json& value, const std::string& path,
             std::vector<std::string>& errors) const;
  const nlohmann::json& Resolve(const nlohmann::json& schema) const;

  nlohmann::json schema_;
};

}  // namespace newsie::testing
