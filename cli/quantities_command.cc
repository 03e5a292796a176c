// newsie quantities: replaced by the quantities stage's command (issue 4).
#include <iostream>

#include "cli/commands.h"

namespace newsie::cli {

int QuantitiesCommand(const std::vector<std::string>&) {
  std::cerr << "newsie quantities: not available yet (issue 4)\n";
  return 2;
}

}  // namespace newsie::cli
