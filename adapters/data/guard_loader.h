// load_guard: reads the anonymization guard's lists (config/first-names.txt, the word
// lists of config/guard/ and the months and weekdays of config/lexicon/, which the reply
// parser reads too) and builds the core's AnonymizationGuard with the places of
// `postcodes`. Called by the composition root (adapters/app), `noodbel check-note`, the
// fuzz target and the benchmarks at start-up. Thread-safe.
#pragma once

#include <string>

#include "bot/guard/anonymization_guard.h"
#include "bot/guard/lexicon.h"
#include "bot/postcodes.h"
#include "bot/result.h"

namespace noodbel {

// Where the guard's lists are.
struct GuardFiles {
  std::string first_names;   // config/first-names.txt
  std::string word_lists;    // the folder config/guard, one <list>.txt per Lexicon::list_names()
  std::string shared_lists;  // the folder config/lexicon: the lists shared with the reply
                             // parser (Lexicon::is_shared_with_reply_parser), <list>.txt
};

// The files below the data folder (the folder holding config/ and templates/).
GuardFiles guard_files(const std::string& data_dir);

// Every list of Lexicon::list_names() from `folder`/<name>.txt, or `shared_folder`/<name>.txt
// for a list shared with the reply parser. NotFound naming the path of a list that cannot
// be read; errors in a list name its file (and line).
Result<Lexicon> load_guard_lexicon(const std::string& folder, const std::string& shared_folder);

// NotFound naming the path when a list cannot be read; errors in one name file and line.
Result<AnonymizationGuard> load_guard(const GuardFiles& files, const Postcodes& postcodes);

}  // namespace noodbel
