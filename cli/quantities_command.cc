// newsie quantities: the quantity finder on lines of standard input
// (CONTRACT "quantities"). Each line is normalised first, exactly as a
// document's text would be, and spans are mapped back to its code points.
#include <boost/program_options.hpp>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/commands.h"
#include "pipeline/language.h"
#include "pipeline/lexicon.h"
#include "pipeline/normalize.h"
#include "pipeline/quantities/finder.h"
#include "pipeline/quantities/json.h"
#include "pipeline/quantities/resolve.h"

namespace newsie::cli {

namespace po = boost::program_options;

int QuantitiesCommand(const std::vector<std::string>& args) {
  po::options_description options(
      "newsie quantities [--lang auto|ko|en] [--ref-date YYYY-MM-DD]\n\n"
      "Reads UTF-8 lines on standard input; writes one JSON object per line:\n"
      "{\"text\": LINE, \"quantities\": [...]} with spans in code points of LINE.\n\n"
      "Options");
  std::string lang = "auto";
  std::string ref_date;
  options.add_options()("help,h", "show this help")("lang", po::value(&lang)->default_value("auto"),
                                                    "auto (per line), ko or en")(
      "ref-date", po::value(&ref_date), "YYYY-MM-DD: resolves relative dates (올해, last year)");
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(options).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "newsie quantities: " << e.what() << "\n" << options << "\n";
    return 2;
  }
  if (vm.count("help")) {
    std::cout << options << "\n";
    return 0;
  }
  if (lang != "auto" && lang != "ko" && lang != "en") {
    std::cerr << "newsie quantities: --lang must be auto, ko or en\n";
    return 2;
  }
  RefDate ref;
  if (!ref_date.empty()) {
    if (!ParseIsoDate(ref_date, &ref) || !ref.day) {
      std::cerr << "newsie quantities: --ref-date must be YYYY-MM-DD\n";
      return 2;
    }
    ref.basis = "given";
  }

  const LexiconDir lexicons = LexiconDir::Default();
  std::unique_ptr<QuantityFinder> finder;
  std::unique_ptr<NormalizeTables> tables;
  try {
    finder = std::make_unique<QuantityFinder>(lexicons);
    tables = std::make_unique<NormalizeTables>(NormalizeTables::Load(lexicons));
  } catch (const LexiconError& e) {
    std::cerr << "newsie quantities: " << e.what() << "\n";
    return 1;
  }

  std::string line;
  while (std::getline(std::cin, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const NormalizedText n = Normalize(line, *tables);
    // Code point offsets of the line, to slice the evidence as written.
    std::vector<size_t> cp_bytes;
    for (size_t b = 0; b < line.size(); ++b) {
      if ((static_cast<unsigned char>(line[b]) & 0xC0) != 0x80) cp_bytes.push_back(b);
    }
    cp_bytes.push_back(line.size());
    const std::string line_lang = lang == "auto" ? LanguageOf(n.work) : lang;
    std::vector<Quantity> found = finder->Find(n.work, line_lang);
    nlohmann::json out;
    out["text"] = line;
    out["quantities"] = nlohmann::json::array();
    for (Quantity& q : found) {
      ResolveQuantity(q, ref);
      const Span span = n.map.ToOriginal(q.begin, q.end);
      const std::string evidence =
          line.substr(cp_bytes[span.start], cp_bytes[span.end] - cp_bytes[span.start]);
      out["quantities"].push_back(QuantityJson(
          q, n.work, [&](size_t b) { return b == q.begin ? span.start : span.end; }, evidence));
    }
    std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n"
              << std::flush;
  }
  return 0;
}

}  // namespace newsie::cli
