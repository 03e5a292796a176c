// record: a processed Document as a newsie/1 record (CONTRACT "One document").
//
// Every key is always present, `null` where unknown. Keys come in the
// contract's order so records read well; golden files re-sort them.
#pragma once

#include <nlohmann/json.hpp>

#include "pipeline/document.h"

namespace newsie {

using Json = nlohmann::ordered_json;

inline constexpr const char* kSchemaId = "newsie/1";

Json ToRecord(const Document& doc);

// The record as one JSON line (no newline): exactly
// ToRecord(doc).dump(-1, ' ', false, Json::error_handler_t::replace), for a
// sink that needs no tree. The tree is built in an arena of the calling
// thread's and dropped whole (record.cc says why).
std::string RecordLine(const Document& doc);

// A number as JSON: an integer stays an exact integer.
Json ToJson(const Number& number);

}  // namespace newsie
