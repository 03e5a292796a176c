#include "extractors/extractor.h"

namespace newsie {

std::vector<std::unique_ptr<Extractor>> MakeExtractors(const LexiconDir& /*lexicons*/) {
  std::vector<std::unique_ptr<Extractor>> out;
  return out;
}

}  // namespace newsie
