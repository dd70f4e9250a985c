// `noodbel backup PATH` and `noodbel restore PATH` (store/backup.h). Called by cli.cpp;
// each prints its own result and errors and returns the exit code.
#pragma once

#include <string>

#include "adapters/cli/cli.h"

namespace noodbel::cli {

int cmd_backup(const CommonOptions& o, const std::string& target);
int cmd_restore(const CommonOptions& o, const std::string& backup);

}  // namespace noodbel::cli
