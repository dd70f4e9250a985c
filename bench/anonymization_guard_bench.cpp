// bench-links: noodbel_adapters
// Anonymization guard: AnonymizationGuard::check() on a typical 300-character clean note
// and on the same kind of note holding a phone number (the libphonenumber matcher path).
// Loads the shipped lists (config/first-names.txt, config/guard/, places of
// config/be-postcodes.csv).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "adapters/data/guard_loader.h"
#include "adapters/data/postcodes_loader.h"
#include "bot/guard/anonymization_guard.h"
#include "bot/postcodes.h"
#include "support/paths/source_paths.h"

namespace {

// 300 characters (all ASCII, so also 300 bytes), no personal data.
constexpr std::string_view kCleanNote =
    "Meisje van 7 jaar en broer van 4 jaar, crisisopvang voor ongeveer twee weken in de regio "
    "Gent. Spreekt Nederlands en wat Arabisch. Gaat naar school in Lede, vervoer is nodig. "
    "Heeft astma en neemt medicatie 's ochtends. Ophalen vanaf 18u, consulent belt het gezin "
    "vooraf om alles grondig te bespreken.";
static_assert(kCleanNote.size() == 300);

// The same kind of note, of the same length, with a Belgian mobile number in it.
constexpr std::string_view kPhoneNote =
    "Meisje van 7 jaar en broer van 4 jaar, crisisopvang voor ongeveer twee weken in de regio "
    "Gent. Spreekt Nederlands en wat Arabisch. Gaat naar school in Lede, vervoer is nodig. "
    "Heeft astma en neemt medicatie 's ochtends. Ophalen vanaf 18u, bel de grootmoeder op "
    "0470 12 34 56 om een tijd af te spreken.";
static_assert(kPhoneNote.size() == 300);

const noodbel::AnonymizationGuard* shipped_guard() {
  static const std::optional<noodbel::AnonymizationGuard> guard =
      []() -> std::optional<noodbel::AnonymizationGuard> {
    const std::string dir = noodbel::testing::source_dir();
    auto postcodes = noodbel::load_postcodes(dir + "/config/be-postcodes.csv");
    if (!postcodes.ok()) return std::nullopt;
    auto loaded = noodbel::load_guard(noodbel::guard_files(dir), *postcodes);
    if (!loaded.ok()) return std::nullopt;
    return std::move(loaded).value();
  }();
  return guard ? &*guard : nullptr;
}

// Runs check() on `note`, after making sure it gives `expected_findings` findings.
void run_check(benchmark::State& state, std::string_view note, std::size_t expected_findings) {
  const noodbel::AnonymizationGuard* guard = shipped_guard();
  if (guard == nullptr) {
    state.SkipWithError("config/first-names.txt or config/be-postcodes.csv did not load");
    return;
  }
  if (guard->check(note).size() != expected_findings) {
    state.SkipWithError("the note no longer gives the expected findings: update the bench");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(guard->check(note));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(note.size()));
}

void BM_CheckCleanNote300(benchmark::State& state) { run_check(state, kCleanNote, 0); }
BENCHMARK(BM_CheckCleanNote300)->Unit(benchmark::kMicrosecond);

void BM_CheckNoteWithPhone300(benchmark::State& state) { run_check(state, kPhoneNote, 1); }
BENCHMARK(BM_CheckNoteWithPhone300)->Unit(benchmark::kMicrosecond);

}  // namespace
