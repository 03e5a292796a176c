// newsie inspect FILE: one document, stage by stage, for a person.
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "cli/options.h"
#include "pipeline/input.h"
#include "pipeline/pipeline.h"
#include "pipeline/record.h"
#include "pipeline/source.h"

namespace newsie::cli {
namespace {

constexpr const char* kUsage =
    "usage: newsie inspect FILE [--ref-date YYYY-MM-DD] [--encoding NAME]\n"
    "\n"
    "Shows one document as the pipeline sees it: encoding, language, removed\n"
    "boilerplate (and the lexicon entry that removed it), stories, sentences with\n"
    "their quantities, the reference date and where it came from, the facts with\n"
    "their rules and evidence, and diagnostics.\n";

// One line of text for the terminal: newlines shown as ⏎, long text cut.
std::string OneLine(std::string_view text, size_t max_bytes = 160) {
  std::string out;
  for (char c : text) {
    if (c == '\n') {
      out += "⏎";
    } else if (c == '\r' || c == '\t') {
      out += ' ';
    } else {
      out += c;
    }
  }
  if (out.size() > max_bytes) {
    size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out = out.substr(0, cut) + "…";
  }
  return out;
}

std::string SpanText(Span s) {
  return "[" + std::to_string(s.start) + "," + std::to_string(s.end) + ")";
}

std::string QuantityText(const Document& doc, const Quantity& q) {
  std::ostringstream out;
  out << ToString(q.kind) << " '" << doc.Work(q.begin, q.end) << "'";
  switch (q.kind) {
    case QuantityKind::kDate:
      out << " = " << q.date.Iso().value_or("(unresolved)");
      break;
    case QuantityKind::kRange:
      if (q.bounds.size() == 2) {
        out << " = " << ToJson(q.bounds[0].value).dump() << ".."
            << ToJson(q.bounds[1].value).dump();
      }
      break;
    default:
      out << " = " << ToJson(q.value).dump();
      if (!q.unit.empty()) out << " " << q.unit;
      if (!q.counter.empty()) out << " (" << q.counter << ")";
      break;
  }
  if (!q.approx.empty()) out << " ~" << q.approx;
  return out.str();
}

void PrintFacts(const Json& story, std::ostream& out) {
  for (const char* kind : {"targets", "achievements", "awards"}) {
    for (const auto& fact : story[kind]) {
      Json values = fact;
      values.erase("evidence");
      values.erase("rule");
      out << "    " << kind << "  " << fact["rule"].get<std::string>() << "\n"
          << "      " << values.dump() << "\n"
          << "      evidence " << fact["evidence"]["span"].dump() << " \""
          << OneLine(fact["evidence"]["text"].get<std::string>()) << "\"\n";
    }
  }
}

}  // namespace

int InspectCommand(const std::vector<std::string>& args) {
  po::options_description visible("options");
  visible.add_options()("help,h", "show this help")                                    //
      ("ref-date", po::value<std::string>(), "anchor for relative dates, YYYY-MM-DD")  //
      ("encoding", po::value<std::string>(), "force the input encoding")               //
      ("lexicons", po::value<std::string>(), "the lexicons folder to use");
  po::options_description hidden;
  hidden.add_options()("file", po::value<std::string>());
  po::positional_options_description positional;
  positional.add("file", 1);
  po::variables_map vm;
  if (auto exit = ParseOrExit(args, kUsage, visible, &hidden, &positional, vm)) return *exit;
  if (!vm.count("file")) {
    std::cerr << "newsie inspect: no FILE given\n\n" << kUsage;
    return 2;
  }
  std::optional<std::string> ref_date;
  if (vm.count("ref-date")) {
    ref_date = vm["ref-date"].as<std::string>();
    if (!ValidDate(*ref_date)) {
      std::cerr << "newsie inspect: --ref-date '" << *ref_date << "' is not a date YYYY-MM-DD\n";
      return 2;
    }
  }
  std::optional<std::string> encoding;
  if (vm.count("encoding")) encoding = vm["encoding"].as<std::string>();

  const std::string path = vm["file"].as<std::string>();
  InputOptions input_options;
  input_options.ref_date = ref_date;
  WorkItem item;
  item.path = path;
  item.file = path;
  item.input.id = path;
  item.input.path = path;
  if (Status s = Load(item, input_options); !s.ok()) {
    std::cerr << "newsie inspect: " << s.message() << "\n";
    return 1;
  }
  std::unique_ptr<Pipeline> pipeline;
  try {
    pipeline = std::make_unique<Pipeline>(PipelineOptions{LexiconsFrom(vm), ref_date});
  } catch (const std::exception& e) {
    std::cerr << "newsie inspect: " << e.what() << "\n";
    return 2;
  }
  Document doc = NewDocument(std::move(item.input), ref_date, encoding);
  if (Status s = pipeline->Run(doc); !s.ok()) {
    std::cerr << "newsie inspect: " << s.message() << "\n";
    return 1;
  }
  const Json record = ToRecord(doc);
  auto& out = std::cout;

  out << "== " << path << "\n"
      << "bytes " << doc.source.bytes << ", sha256 " << doc.source.sha256 << "\n"
      << "encoding " << doc.source.encoding << ", language " << doc.source.lang << ", "
      << doc.original_index.size() << " code points\n";
  out << "reference date " << doc.ref_date.Iso().value_or("(none)") << " (" << doc.ref_date.basis
      << (doc.ref_date.reason.empty() ? "" : ": " + doc.ref_date.reason) << ")\n";
  if (doc.metadata.byline) out << "byline " << *doc.metadata.byline << "\n";

  out << "\n-- removed as boilerplate (" << doc.removed.size() << ")\n";
  for (const Removal& r : doc.removed) {
    out << "  " << SpanText(doc.ToOriginal(r.begin, r.end)) << " " << r.kind << " by " << r.entry
        << ": \"" << OneLine(doc.Work(r.begin, r.end), 100) << "\"\n";
  }

  out << "\n-- stories (" << doc.stories.size() << ")\n";
  for (size_t i = 0; i < doc.stories.size(); ++i) {
    const Story& story = doc.stories[i];
    const Json& js = record["stories"][i];
    out << "story " << story.index << " " << js["span"].dump() << " lang " << story.lang << "\n";
    if (!js["headline"].is_null()) {
      out << "  headline: " << OneLine(js["headline"].get<std::string>()) << "\n";
    }
    out << "  district: " << (js["district"].is_null() ? "null" : js["district"].dump()) << "\n"
        << "  mayor: " << (js["mayor"].is_null() ? "null" : js["mayor"].dump()) << "\n";
    auto print_sentence = [&](int index) {
      const Sentence& sentence = doc.sentences[index];
      out << "    " << SpanText(doc.ToOriginal(sentence.begin, sentence.end)) << " "
          << OneLine(doc.Work(sentence.begin, sentence.end)) << "\n";
      for (const Quantity& q : sentence.quantities) {
        out << "        " << QuantityText(doc, q) << "\n";
      }
    };
    // The deck (sub-headlines above the lead, outside the span): only when there is one.
    if (!story.deck_sentences.empty()) {
      out << "  deck (" << story.deck_sentences.size() << "):\n";
      for (int index : story.deck_sentences) print_sentence(index);
    }
    out << "  sentences (" << story.sentences.size() << "):\n";
    for (int index : story.sentences) print_sentence(index);
    out << "  facts:\n";
    PrintFacts(js, out);
  }

  out << "\n-- diagnostics (" << doc.diagnostics.size() << ")\n";
  for (const Diagnostic& d : doc.diagnostics) {
    out << "  " << d.level << " " << d.code << (d.span ? " " + SpanText(*d.span) : "") << ": "
        << d.message << "\n";
  }
  return 0;
}

}  // namespace newsie::cli
