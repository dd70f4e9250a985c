#include "adapters/cli/cmd_common.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "adapters/app/logging.h"
#include "adapters/config/load_config.h"

namespace noodbel::cli {

void report(const Error& e) { std::cerr << "noodbel: " << e.message << "\n"; }

std::optional<Config> config_or_report(const CommonOptions& o) {
  auto config = resolve_config(o.config, o.db);
  if (!config.ok()) {
    report(config.error());
    return std::nullopt;
  }
  setup_logging(config->log.level);
  return std::move(config).value();
}

std::unique_ptr<AppContext> context_or_report(const Config& config) {
  auto ctx = load_context(config);
  if (!ctx.ok()) {
    report(ctx.error());
    return nullptr;
  }
  return std::move(ctx).value();
}

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::NotFound(fmt::format("cannot read {}: check the path", path));
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace noodbel::cli
