// Helpers shared by the subcommands: config resolution with logging set-up, reading a
// whole file, and printing an Error the same way everywhere. Only for adapters/cli.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "adapters/app/context.h"
#include "adapters/cli/cli.h"
#include "adapters/config/config.h"
#include "bot/result.h"

namespace noodbel::cli {

// The configuration, or nothing after printing the error (exit code 2).
std::optional<Config> config_or_report(const CommonOptions& o);
// The loaded context, or nothing after printing the error (exit code 1).
std::unique_ptr<AppContext> context_or_report(const Config& config);
Result<std::string> read_file(const std::string& path);
void report(const Error& e);

}  // namespace noodbel::cli
