#include "cli/options.h"

#include <chrono>
#include <iostream>

namespace newsie::cli {

std::optional<int> ParseOrExit(const std::vector<std::string>& args, const std::string& usage,
                               const po::options_description& visible,
                               const po::options_description* hidden,
                               const po::positional_options_description* positional,
                               po::variables_map& vm) {
  po::options_description all;
  all.add(visible);
  if (hidden) all.add(*hidden);
  try {
    auto parser = po::command_line_parser(args).options(all);
    if (positional) parser.positional(*positional);
    po::store(parser.run(), vm);
    if (vm.count("help")) {
      std::cout << usage << "\n" << visible << "\n";
      return 0;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "newsie: " << e.what() << "\n\n" << usage << "\n" << visible << "\n";
    return 2;
  }
  return std::nullopt;
}

bool ValidDate(const std::string& date) {
  int y = 0;
  unsigned m = 0, d = 0;
  char extra = 0;
  if (date.size() != 10 || std::sscanf(date.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &extra) != 3) {
    return false;
  }
  return std::chrono::year_month_day(std::chrono::year(y), std::chrono::month(m),
                                     std::chrono::day(d))
      .ok();
}

LexiconDir LexiconsFrom(const po::variables_map& vm) {
  if (vm.count("lexicons")) return LexiconDir(vm["lexicons"].as<std::string>());
  return LexiconDir::Default();
}

}  // namespace newsie::cli
