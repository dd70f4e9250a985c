// `noodbel link board CODE --caseworker ID [--at UNIX]`: prints a signed link to the live
// web board of a call, as /bord gives it (tests use --at to mint expired links). Part of
// the `link` group (adapters/cli/cmd_link.h); called only by the command line.
#pragma once

#include <optional>
#include <string>

#include "adapters/cli/cli.h"

namespace CLI {
class App;
}

namespace noodbel::cli {

struct LinkBoardOptions {
  std::string code;                // the call code, e.g. K42
  std::string caseworker;          // whose link it is (the board shows in their language)
  std::optional<std::string> at;   // Unix seconds the link is made at (default: now)
};

// Exit 0 with the URL on stdout; 2 for a bad code, caseworker id, --at or a configuration
// without [web] secret. Touches no data.
int cmd_link_board(const CommonOptions& o, const LinkBoardOptions& b);

// Adds `board` to the `link` group.
void add_link_board_command(CLI::App& link, CommonOptions& common, int& code);

}  // namespace noodbel::cli
