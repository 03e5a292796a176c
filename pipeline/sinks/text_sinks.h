// JSONL (one record per line) and JSON (one array) sinks.
#pragma once

#include <memory>
#include <string>

#include "pipeline/sinks/sink.h"

namespace newsie {

Status OpenTextSink(bool json_array, const std::string& path, std::unique_ptr<Sink>& out);

}  // namespace newsie
