// `noodbel digest`: the supervisors' daily digest of one date as text, HTML or JSON on
// stdout. Declared here so cli.cpp can wire it; called only by the command line.
#pragma once

#include <optional>
#include <string>

#include "adapters/cli/cli.h"

namespace noodbel::cli {

struct DigestCliOptions {
  std::optional<std::string> date;     // YYYY-MM-DD; default: today in Europe/Brussels
  std::optional<std::string> service;  // a service id or name; default: every service
  std::string format = "text";         // text, html or json
};

// Exit 0 with the digest on stdout; 2 for a bad option, configuration or data file;
// 1 when the database is missing or cannot be read. Reads only: changes no stored data.
int cmd_digest(const CommonOptions& o, const DigestCliOptions& d);

}  // namespace noodbel::cli
