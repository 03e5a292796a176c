#include "pipeline/sinks/tee_sink.h"

namespace newsie {
namespace {

std::string KeyText(const RecordKey& key) { return key.sha256 + '\t' + key.id; }

}  // namespace

TeeSink::TeeSink(std::vector<std::unique_ptr<Sink>> sinks) : sinks_(std::move(sinks)) {
  for (const auto& sink : sinks_) {
    auto& held = held_.emplace_back();
    for (const RecordKey& key : sink->restored()) held.insert(KeyText(key));
  }
  // What every sink holds, in the first sink's order.
  if (sinks_.empty()) return;
  for (const RecordKey& key : sinks_[0]->restored()) {
    bool everywhere = true;
    for (const auto& held : held_) everywhere = everywhere && held.count(KeyText(key)) > 0;
    if (everywhere) restored_.push_back(key);
  }
}

Status TeeSink::Write(const Json& record) {
  return WriteLine(record, record.dump(-1, ' ', false, Json::error_handler_t::replace),
                   KeyOf(record));
}

Status TeeSink::WriteLine(const Json& record, std::string_view line, const RecordKey& key) {
  const std::string text = KeyText(key);
  for (size_t i = 0; i < sinks_.size(); ++i) {
    if (!held_[i].empty() && held_[i].count(text) > 0) continue;
    if (Status s = sinks_[i]->WriteLine(record, line, key); !s.ok()) return s;
  }
  return {};
}

bool TeeSink::NeedsTree() const {
  for (const auto& sink : sinks_) {
    if (sink->NeedsTree()) return true;
  }
  return false;
}

Status TeeSink::Finish() {
  for (auto& sink : sinks_) {
    if (Status s = sink->Finish(); !s.ok()) return s;
  }
  return {};
}

}  // namespace newsie
