// `noodbel families link ID`: issues a one-time Telegram link code for a family
// (bot/linking.h) and prints it with its t.me deep link. Called by cli.cpp only.
#pragma once

#include <string>

#include "adapters/cli/cli.h"

namespace noodbel::cli {

int cmd_families_link(const CommonOptions& o, const std::string& family_id);

}  // namespace noodbel::cli
