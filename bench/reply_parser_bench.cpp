// bench-links: noodbel_adapters
// Reply-parser throughput over the whole test corpus (tests/corpus/replies.tsv and the
// held-out tests/corpus/replies_heldout.tsv), about a fifth of which carry conditions.
// Budget (DESIGN.md section 5): at least 500,000 replies per second on one core. And the
// start-up cost of loading the lexicon (config/lexicon/) the parser reads with.
#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "adapters/data/reply_lexicon_loader.h"
#include "bot/reply/parser.h"
#include "support/paths/source_paths.h"

namespace {

// The parser with the shipped lexicon, loaded once; aborts when the lexicon cannot be read.
const noodbel::ReplyParser& parser() {
  static const noodbel::ReplyParser loaded = [] {
    auto p = noodbel::load_reply_parser(noodbel::testing::source_dir());
    if (!p) {
      std::fprintf(stderr, "%s\n", p.error().message.c_str());
      std::abort();
    }
    return std::move(p).value();
  }();
  return loaded;
}

// The message texts of the corpora: the seventh (last) tab-separated field of each data line.
std::vector<std::string> corpus_texts() {
  std::vector<std::string> texts;
  for (const char* name : {"replies.tsv", "replies_heldout.tsv"}) {
    std::ifstream in(noodbel::testing::source_dir() + "/tests/corpus/" + name);
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty() || line[0] == '#') continue;
      std::size_t pos = 0;
      for (int field = 0; field < 6 && pos != std::string::npos; ++field) {
        pos = line.find('\t', pos);
        if (pos != std::string::npos) ++pos;
      }
      if (pos != std::string::npos) texts.push_back(line.substr(pos));
    }
  }
  return texts;
}

void BM_ParseCorpus(benchmark::State& state) {
  const std::vector<std::string> texts = corpus_texts();
  if (texts.empty()) {
    state.SkipWithError("tests/corpus/replies.tsv not found or empty");
    return;
  }
  const noodbel::ReplyContext now{2026, 11, 22, 14 * 60};
  for (auto _ : state) {
    for (const std::string& text : texts) {
      benchmark::DoNotOptimize(parser().parse(text, now));
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(texts.size()));
}
BENCHMARK(BM_ParseCorpus)->Unit(benchmark::kMicrosecond);

void BM_ParseShortYes(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(parser().parse("ja k42"));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_ParseShortYes);

void BM_ParseYesWithConditions(benchmark::State& state) {
  const noodbel::ReplyContext now{2026, 12, 7, 1 * 60 + 40};
  for (auto _ : state) {
    benchmark::DoNotOptimize(parser().parse("ja voor 1 nacht, vanaf 18u, bel eerst even", now));
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}
BENCHMARK(BM_ParseYesWithConditions);

void BM_LoadLexicon(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(noodbel::load_reply_parser(noodbel::testing::source_dir()));
  }
}
BENCHMARK(BM_LoadLexicon)->Unit(benchmark::kMillisecond);

}  // namespace
