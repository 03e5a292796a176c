#include "extractors/achievements/achievements_extractor.h"
#include "extractors/awards/awards_extractor.h"
#include "extractors/district/district_extractor.h"
#include "extractors/extractor.h"
#include "extractors/mayor/mayor_extractor.h"
#include "extractors/targets/targets_extractor.h"

namespace newsie {

std::vector<std::unique_ptr<Extractor>> MakeExtractors(const LexiconDir& lexicons) {
  std::vector<std::unique_ptr<Extractor>> out;
  out.push_back(std::make_unique<DistrictExtractor>(lexicons));
  out.push_back(std::make_unique<MayorExtractor>(lexicons));
  out.push_back(std::make_unique<TargetsExtractor>(lexicons));
  out.push_back(std::make_unique<AchievementsExtractor>(lexicons));
  out.push_back(std::make_unique<AwardsExtractor>(lexicons));
  return out;
}

}  // namespace newsie
