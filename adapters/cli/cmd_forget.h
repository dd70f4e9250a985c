// `noodbel families forget ID`: erases a family's personal data (store/retention.h).
// Called by cli.cpp; prints the result and returns the exit code.
#pragma once

#include <string>

#include "adapters/cli/cli.h"

namespace noodbel::cli {

int cmd_families_forget(const CommonOptions& o, const std::string& family_id);

}  // namespace noodbel::cli
