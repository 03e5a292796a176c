// The subcommands of `newsie`. main.cc only dispatches on the first word;
// each command parses its own options (Boost.Program_options) from `args`
// (everything after the subcommand name) and returns the exit status:
// 0 success, 1 some document failed (or `check` found differences),
// 2 usage error.
#pragma once

#include <string>
#include <vector>

namespace newsie::cli {

int ExtractCommand(const std::vector<std::string>& args);
int CheckCommand(const std::vector<std::string>& args);
int QuantitiesCommand(const std::vector<std::string>& args);
int InspectCommand(const std::vector<std::string>& args);
int ReportCommand(const std::vector<std::string>& args);

}  // namespace newsie::cli
