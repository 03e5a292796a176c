// TeeSink: one run, several outputs (`-o out/records.jsonl -o out/records.sqlite`).
//
// Each record goes to every sink, in order. On --resume the outputs may have
// stopped at different points (SQLite commits in batches, files per record):
// a record goes only to the sinks that do not hold it yet, and restored()
// lists the documents every sink holds, which the runner may skip.
#pragma once

#include <memory>
#include <unordered_set>
#include <vector>

#include "pipeline/sinks/sink.h"

namespace newsie {

class TeeSink : public Sink {
 public:
  explicit TeeSink(std::vector<std::unique_ptr<Sink>> sinks);
  Status Write(const Json& record) override;
  Status WriteLine(const Json& record, std::string_view line, const RecordKey& key) override;
  // Whether any of the sinks reads the tree.
  bool NeedsTree() const override;
  Status Finish() override;

 private:
  std::vector<std::unique_ptr<Sink>> sinks_;
  std::vector<std::unordered_set<std::string>> held_;  // per sink: restored keys
};

}  // namespace newsie
