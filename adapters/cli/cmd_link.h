// `noodbel link ...`: prints signed web links (adapters/web/signed_links.h) for the
// administrator, e.g. `noodbel link digest 2026-11-23 --service limburg`. Declared here
// so cli.cpp can add the group; called only by the command line.
#pragma once

#include <optional>
#include <string>

#include "adapters/cli/cli.h"

namespace CLI {
class App;
}

namespace noodbel::cli {

struct LinkDigestOptions {
  std::string date;                    // YYYY-MM-DD
  std::optional<std::string> service;  // a service id or name; none: Flanders-wide (all services)
  std::optional<std::string> at;       // Unix seconds the link is made at (default: now)
};

// Exit 0 with the URL on stdout; 2 for a bad date, service, --at or a configuration
// without [web] secret (a running service could not check the link). Touches no data.
int cmd_link_digest(const CommonOptions& o, const LinkDigestOptions& d);

// Adds the `link` group and its subcommands to `app`; a subcommand stores its exit code
// in `code`. `common` and `code` must outlive the parse.
void add_link_commands(CLI::App& app, CommonOptions& common, int& code);

}  // namespace noodbel::cli
