// load_guard: reads the first-name list (config/first-names.txt) and builds the core's
// AnonymizationGuard with the places of `postcodes`. Called by the composition root
// (adapters/app) and `noodbel check-note` at start-up. Thread-safe.
#pragma once

#include <string>

#include "bot/anonymization_guard.h"
#include "bot/postcodes.h"
#include "bot/result.h"

namespace noodbel {

// NotFound naming the path when the list cannot be read; errors in it name file and line.
Result<AnonymizationGuard> load_guard(const std::string& first_names_path,
                                      const Postcodes& postcodes);

}  // namespace noodbel
