// newsie check: the golden regression harness (issue 6).
#include <iostream>

#include "cli/commands.h"

namespace newsie::cli {

int CheckCommand(const std::vector<std::string>&) {
  std::cerr << "newsie check: not available yet (the golden harness is issue 6)\n";
  return 2;
}

}  // namespace newsie::cli
