// Loading families and caseworkers from CSV text into the store, all or nothing.
// Used by `noodbel demo`; the import subcommands report row problems themselves.
#pragma once

#include <string_view>

#include "adapters/app/context.h"
#include "bot/result.h"

namespace noodbel {

// Parses both CSV texts and, when every row is valid, stores them in one transaction.
// The error lists the first problem with its line and column.
Status load_people(AppContext& ctx, std::string_view caseworkers_csv,
                   std::string_view families_csv);

}  // namespace noodbel
