// Building and ranking the board of a call with 5,000 yes and maybe answers: every factor
// (distance, language, fit, availability over the expected duration, answer time, recent
// placements) for every answer, then the deterministic sort.
// Budget (DESIGN.md section 5): at most 5 ms.
#include <benchmark/benchmark.h>

#include <random>
#include <string>

#include "bot/board.h"

namespace noodbel {
namespace {

constexpr int kAnswers = 5000;
constexpr UnixTime kMonday10h = 1763974800;  // 2025-11-24 10:00 Europe/Brussels
constexpr GeoPoint kGent{51.05, 3.71667};

Call sample_call() {
  Call c;
  c.id = 1;
  c.code = "K42";
  c.ages_months = {48, 84};
  c.place = "Gent";
  c.location = kGent;
  c.languages = {Language::kNl};
  c.duration_hours = 72;
  c.needed_from = kMonday10h;
  c.created_at = kMonday10h;
  return c;
}

// Answers from 5,000 families in 10 waves: a quarter maybe (with a condition), a third
// with weekly availability windows, some paused for part of the call, some with recent
// placements.
BoardFacts sample_facts() {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> km(0, 60);
  std::uniform_int_distribution<int> minutes(0, 180);
  BoardFacts facts;
  for (int i = 0; i < kAnswers; ++i) {
    const std::string id = "F" + std::to_string(10000 + i);
    const int wave = 1 + i / 500;
    const UnixTime sent_at = kMonday10h + (wave - 1) * 900;
    facts.recipients.push_back({1, id, km(rng), wave, sent_at});
    const bool maybe = i % 4 == 0;
    facts.responses.push_back({1, id, maybe ? Answer::kMaybe : Answer::kYes,
                               maybe ? "pas vanaf 18u" : "", sent_at + minutes(rng) * 60,
                               "ja", {}, {}});
    Family f;
    f.id = id;
    f.display_name = "Gezin " + id;
    f.max_children = 1 + i % 3;
    f.languages = {i % 3 == 0 ? Language::kFr : Language::kNl};
    if (i % 3 == 1) f.availability = {{0, 18 * 60, 1440}, {1, 0, 8 * 60}, {5, 0, 1440}, {6, 0, 1440}};
    if (i % 50 == 0) f.paused_until = kMonday10h + 86400;
    facts.families.push_back(std::move(f));
    if (i % 7 == 0) facts.recent_placements[id] = i % 3;
    if (i % 2 == 0) facts.delivered.push_back(id);
  }
  return facts;
}

void BM_BuildAndRankBoardOf5000Answers(benchmark::State& state) {
  const Call call = sample_call();
  const BoardFacts facts = sample_facts();
  const BoardConfig weights;
  std::size_t entries = 0;
  for (auto _ : state) {
    const Board board = build_board(call, facts, weights);
    entries = board.entries.size();
    benchmark::DoNotOptimize(board.entries.front().score);
  }
  if (entries != kAnswers) state.SkipWithError("not every answer is on the board");
  state.counters["answers"] = static_cast<double>(entries);
}
BENCHMARK(BM_BuildAndRankBoardOf5000Answers)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace noodbel
