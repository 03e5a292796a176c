#include "tests/schema_validator.h"

#include <re2/re2.h>

#include <fstream>
#include <stdexcept>

namespace newsie::testing {
namespace {

bool HasType(const nlohmann::json& value, const std::string& type) {
  if (type == "null") return value.is_null();
  if (type == "boolean") return value.is_boolean();
  if (type == "object") return value.is_object();
  if (type == "array") return value.is_array();
  if (type == "string") return value.is_string();
  if (type == "integer") return value.is_number_integer();
  if (type == "number") return value.is_number();
  throw std::invalid_argument("schema uses unknown type " + type);
}

}  // namespace

SchemaValidator SchemaValidator::FromFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read schema " + path);
  return SchemaValidator(nlohmann::json::parse(in));
}

std::vector<std::string> SchemaValidator::Validate(const nlohmann::json& instance) const {
  std::vector<std::string> errors;
  Check(schema_, instance, "", errors);
  return errors;
}

const nlohmann::json& SchemaValidator::Resolve(const nlohmann::json& schema) const {
  if (!schema.contains("$ref")) return schema;
  const std::string ref = schema["$ref"];
  if (ref.rfind("#/", 0) != 0) throw std::invalid_argument("only local $ref supported: " + ref);
  return schema_.at(nlohmann::json::json_pointer(ref.substr(1)));
}

void SchemaValidator::Check(const nlohmann::json& raw_schema, const nlohmann::json& value,
                            const std::string& path, std::vector<std::string>& errors) const {
  const nlohmann::json& schema = Resolve(raw_schema);
  const std::string where = path.empty() ? "/" : path;
  auto fail = [&](const std::string& what) { errors.push_back(where + ": " + what); };

  if (schema.contains("type")) {
    bool ok = false;
    if (schema["type"].is_string()) {
      ok = HasType(value, schema["type"]);
    } else {
      for (const auto& t : schema["type"]) ok = ok || HasType(value, t);
    }
    if (!ok) {
      fail(value.dump() + " is not of type " + schema["type"].dump());
      return;
    }
  }
  if (schema.contains("const") && value != schema["const"]) {
    fail(value.dump() + " is not " + schema["const"].dump());
  }
  if (schema.contains("enum")) {
    bool found = false;
    for (const auto& option : schema["enum"]) found = found || option == value;
    if (!found) fail(value.dump() + " is not one of " + schema["enum"].dump());
  }
  if (schema.contains("oneOf")) {
    int matches = 0;
    for (const auto& option : schema["oneOf"]) {
      std::vector<std::string> sub;
      Check(option, value, path, sub);
      if (sub.empty()) ++matches;
    }
    if (matches != 1) {
      fail("matches " + std::to_string(matches) + " of the oneOf alternatives, not exactly one");
    }
  }
  if (value.is_number()) {
    if (schema.contains("minimum") && value.get<double>() < schema["minimum"].get<double>()) {
      fail(value.dump() + " is below the minimum " + schema["minimum"].dump());
    }
    if (schema.contains("maximum") && value.get<double>() > schema["maximum"].get<double>()) {
      fail(value.dump() + " is above the maximum " + schema["maximum"].dump());
    }
  }
  if (value.is_string()) {
    const std::string& s = value.get_ref<const std::string&>();
    if (schema.contains("minLength") && s.size() < schema["minLength"].get<size_t>()) {
      fail("\"" + s + "\" is shorter than " + schema["minLength"].dump());
    }
    if (schema.contains("pattern")) {
      const RE2 pattern(schema["pattern"].get<std::string>());
      if (!RE2::PartialMatch(s, pattern))
        fail("\"" + s + "\" does not match " + schema["pattern"].dump());
    }
  }
  if (value.is_object()) {
    if (schema.contains("required")) {
      for (const auto& key : schema["required"]) {
        if (!value.contains(key.get<std::string>())) fail("missing required key " + key.dump());
      }
    }
    const auto* properties = schema.contains("properties") ? &schema["properties"] : nullptr;
    for (const auto& [key, item] : value.items()) {
      if (properties && properties->contains(key)) {
        Check((*properties)[key], item, path + "/" + key, errors);
      } else if (schema.contains("additionalProperties") &&
                 schema["additionalProperties"] == false) {
        fail("unexpected key \"" + key + "\"");
      }
    }
  }
  if (value.is_array()) {
    const size_t prefix = schema.contains("prefixItems") ? schema["prefixItems"].size() : 0;
    if (schema.contains("minItems") && value.size() < schema["minItems"].get<size_t>()) {
      fail("has " + std::to_string(value.size()) + " items, fewer than " +
           schema["minItems"].dump());
    }
    for (size_t i = 0; i < value.size(); ++i) {
      const std::string item_path = path + "/" + std::to_string(i);
      if (i < prefix) {
        Check(schema["prefixItems"][i], value[i], item_path, errors);
      } else if (schema.contains("items")) {
        if (schema["items"] == false) {
          fail("has more than " + std::to_string(prefix) + " items");
          break;
        }
        Check(schema["items"], value[i], item_path, errors);
      }
    }
    if (schema.value("uniqueItems", false)) {
      for (size_t i = 0; i < value.size(); ++i) {
        for (size_t j = i + 1; j < value.size(); ++j) {
          if (value[i] == value[j])
            fail("items " + std::to_string(i) + " and " + std::to_string(j) + " are equal");
        }
      }
    }
  }
}

}  // namespace newsie::testing
