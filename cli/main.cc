// newsie: the one binary. This file only dispatches to the subcommands
// (cli/commands.h); each wires its options to the pipeline layers.
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace {

constexpr const char* kUsage =
    "newsie: job-policy facts from Korean local-government news\n"
    "\n"
    "usage: newsie COMMAND [OPTIONS]\n"
    "\n"
    "commands:\n"
    "  extract     articles in, newsie/1 records out (JSONL, JSON, CSV, SQLite)\n"
    "  check       compare extraction on the corpus with the golden records\n"
    "  quantities  numbers, money, percentages and dates in lines of text\n"
    "  inspect     a human-readable view of one document\n"
    "  report      an HTML page for reviewing articles or records\n"
    "\n"
    "`newsie COMMAND --help` for a command's options; `newsie --version`.\n";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << kUsage;
    return 2;
  }
  const std::string command = argv[1];
  const std::vector<std::string> args(argv + 2, argv + argc);
  if (command == "--help" || command == "-h" || command == "help") {
    std::cout << kUsage;
    return 0;
  }
  if (command == "--version") {
    std::cout << "newsie " << NEWSIE_VERSION << " (schema newsie/1)\n";
    return 0;
  }
  if (command == "extract") return newsie::cli::ExtractCommand(args);
  if (command == "check") return newsie::cli::CheckCommand(args);
  if (command == "quantities") return newsie::cli::QuantitiesCommand(args);
  if (command == "inspect") return newsie::cli::InspectCommand(args);
  if (command == "report") return newsie::cli::ReportCommand(args);
  std::cerr << "newsie: unknown command '" << command << "'\n\n" << kUsage;
  return 2;
}
