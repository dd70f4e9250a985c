// AnonymizationGuard: finds what could identify a child in a crisis call's free text.
// Called by the engine (/crisis) and `noodbel check-note`. Immutable: thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "bot/guard/finding.h"
#include "bot/guard/lexicon.h"
#include "bot/guard/name_lists.h"
#include "bot/postcodes.h"
#include "bot/result.h"

namespace noodbel {

// Finds names, phone numbers, e-mail addresses, URLs, street addresses, national register
// numbers and birth dates.
class AnonymizationGuard {
 public:
  // first_names: the text of the first-name list (config/first-names.txt, read by
  // adapters/data/guard_loader.h), one name per line (case- and accent-insensitive, '#'
  // starts a comment line); `source` names it in errors. Municipalities and places of
  // `postcodes` are never names. `lexicon`: the word lists of config/guard/.
  static Result<AnonymizationGuard> parse(std::string_view first_names, std::string_view source,
                                          const Postcodes& postcodes, Lexicon lexicon);
  static AnonymizationGuard from_lists(std::vector<std::string> first_names,
                                       std::vector<std::string> places, Lexicon lexicon);

  // Every finding in `note` (UTF-8), sorted by start, never overlapping; empty = clean.
  std::vector<Finding> check(std::string_view note) const;

 private:
  AnonymizationGuard(NameLists names, Lexicon lexicon);

  NameLists names_;
  Lexicon lexicon_;
};

}  // namespace noodbel
