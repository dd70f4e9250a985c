// Fuzz target: the anonymization guard (bot/guard/anonymization_guard.h) with the real first
// names, places and word lists (config/guard/). Input: a crisis-call note.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/data/guard_loader.h"
#include "adapters/data/postcodes_loader.h"
#include "bot/guard/anonymization_guard.h"
#include "bot/postcodes.h"
#include "fuzz_support.h"
#include "support/paths/source_paths.h"

using namespace noodbel;

namespace {

const AnonymizationGuard& guard() {
  static const AnonymizationGuard* g = [] {
    const std::string dir = noodbel::testing::source_dir();
    auto postcodes = load_postcodes(dir + "/config/be-postcodes.csv");
    FUZZ_CHECK(postcodes.ok());
    auto loaded = load_guard(guard_files(dir), *postcodes);
    FUZZ_CHECK(loaded.ok());
    return new AnonymizationGuard(std::move(loaded).value());
  }();
  return *g;
}

bool known_kind(FindingKind k) {
  const std::string_view s = to_string(k);
  for (const char* name : {"phone", "email", "url", "national_id", "address", "birth_date", "name"}) {
    if (s == name) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view note = fuzz::as_view(data, size);
  const std::vector<Finding> findings = guard().check(note);
  std::size_t previous_end = 0;
  for (const Finding& f : findings) {
    // Sorted by start, never overlapping, inside the note, quoting it exactly.
    FUZZ_CHECK(known_kind(f.kind));
    FUZZ_CHECK(f.start >= previous_end);
    FUZZ_CHECK(f.start < f.end && f.end <= note.size());
    FUZZ_CHECK(f.text == note.substr(f.start, f.end - f.start));
    previous_end = f.end;
  }
  FUZZ_CHECK(guard().check(note) == findings);  // immutable: the same note, the same answer
  return 0;
}
