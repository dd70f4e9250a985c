// NameLists: the first names and place names the anonymization guard compares words with,
// folded. Built once by AnonymizationGuard::from_lists; immutable, so thread-safe.
#pragma once

#include <string>
#include <vector>

#include "bot/guard/word_set.h"

namespace noodbel {

struct NameLists {
  WordSet first_names;   // folded first names
  WordSet places;        // folded place names, each "/"-separated form, spaces kept
  WordSet place_starts;  // first words of the place names that have several words

  // Folds each name (bot/guard/word_list.h fold_entry) and each language form of each
  // place ("Bruxelles/Brussel"); empty entries are left out.
  static NameLists from_lists(const std::vector<std::string>& first_names,
                              const std::vector<std::string>& places);
};

}  // namespace noodbel
