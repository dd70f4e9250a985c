// The `noodbel` command line (CLI11): subcommands, --help on every level, and the exit
// codes of the contract: 0 ok, 1 refused (bad data, failed check), 2 usage or config.
// Called only from main().
#pragma once

#include <optional>
#include <string>

namespace noodbel::cli {

constexpr int kExitOk = 0;
constexpr int kExitRefused = 1;
constexpr int kExitUsage = 2;

// Options every subcommand takes.
struct CommonOptions {
  std::optional<std::string> config;
  std::optional<std::string> db;
};

int run(int argc, char** argv);

}  // namespace noodbel::cli
