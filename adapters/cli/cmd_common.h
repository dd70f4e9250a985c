// Helpers shared by the subcommands: config resolution with logging set-up, opening the
// store, reading a whole file, and printing an Error the same way everywhere. Only for
// adapters/cli.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "adapters/app/context.h"
#include "adapters/cli/cli.h"
#include "adapters/config/config.h"
#include "bot/clock.h"
#include "bot/result.h"

namespace noodbel::store {
class Store;
}  // namespace noodbel::store

namespace noodbel::cli {

// The configuration, or nothing after printing the error (exit code 2).
std::optional<Config> config_or_report(const CommonOptions& o);
// The loaded context, or nothing after printing the error (exit code 1).
std::unique_ptr<AppContext> context_or_report(const Config& config);
// The migrated store at config.db_path, or nothing after printing the error (exit code 1).
std::unique_ptr<store::Store> store_or_report(const Config& config, const Clock& clock);
Result<std::string> read_file(const std::string& path);
void report(const Error& e);

}  // namespace noodbel::cli
