// Status: the outcome of reading or processing one document.
//
// Errors are values, not exceptions: a stage that cannot go on returns a
// Status with a stable `code` (kebab-case, it ends up in the errors file) and
// a message for people. The batch runner reports it and moves on.
#pragma once

#include <string>
#include <utility>

namespace newsie {

class Status {
 public:
  Status() = default;  // OK
  static Status Error(std::string code, std::string message) {
    return Status(std::move(code), std::move(message));
  }

  bool ok() const { return code_.empty(); }
  const std::string& code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  Status(std::string code, std::string message)
      : code_(std::move(code)), message_(std::move(message)) {}

  std::string code_;  // empty when OK
  std::string message_;
};

}  // namespace newsie
