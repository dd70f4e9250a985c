// `noodbel purge [--dry-run]`: applies the data-retention rule now (store/retention.h).
// Called by cli.cpp; prints the counts and returns the exit code.
#pragma once

#include "adapters/cli/cli.h"

namespace noodbel::cli {

int cmd_purge(const CommonOptions& o, bool dry_run);

}  // namespace noodbel::cli
