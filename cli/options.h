// Shared option handling for the subcommands (Boost.Program_options).
#pragma once

#include <boost/program_options.hpp>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/lexicon.h"

namespace newsie::cli {

namespace po = boost::program_options;

// Parses `args` against `visible` and `hidden` (the options behind the
// positional arguments, which --help does not list; both may be null). On
// --help prints `usage` and the visible options and returns 0; on a usage
// error prints it and returns 2; otherwise returns nullopt and fills `vm`.
std::optional<int> ParseOrExit(const std::vector<std::string>& args, const std::string& usage,
                               const po::options_description& visible,
                               const po::options_description* hidden,
                               const po::positional_options_description* positional,
                               po::variables_map& vm);

// Checks a --ref-date value: YYYY-MM-DD, a real calendar date.
bool ValidDate(const std::string& date);

// The lexicons folder: --lexicons if given, else the default.
LexiconDir LexiconsFrom(const po::variables_map& vm);

}  // namespace newsie::cli
