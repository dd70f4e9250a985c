#include "adapters/cli/cmd_common.h"

#include <iostream>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "adapters/app/logging.h"
#include "adapters/config/load_config.h"
#include "adapters/config/secret_strength.h"
#include "adapters/data/read_file.h"
#include "store/store.h"

namespace noodbel::cli {

namespace {

// A warning per weak secret (secret_strength.h), naming the key and never the value.
void warn_weak_secrets(const Config& config) {
  for (const std::string_view key : weak_secret_keys(config)) {
    spdlog::warn(
        "event=config.weak_secret key={} reason=\"few distinct characters, a long run "
        "of one character or a simple sequence such as 01234567: it may be guessed\" "
        "fix=\"use a random value, e.g. the output of `openssl rand -hex 32`\"",
        key);
  }
}

}  // namespace

void report(const Error& e) { std::cerr << "noodbel: " << e.message << "\n"; }

std::optional<Config> config_or_report(const CommonOptions& o) {
  auto config = resolve_config(o.config, o.db);
  if (!config.ok()) {
    report(config.error());
    return std::nullopt;
  }
  setup_logging(config->log.level);
  warn_weak_secrets(*config);
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

std::unique_ptr<store::Store> store_or_report(const Config& config, const Clock& clock) {
  auto store = store::Store::open_with(config.db_path, clock, store_options(config));
  if (!store.ok()) {
    report(store.error());
    return nullptr;
  }
  return std::move(store).value();
}

Result<std::string> read_file(const std::string& path) {
  Result<std::string> text = noodbel::read_file(path);
  if (!text) return Error::NotFound(fmt::format("cannot read {}: check the path", path));
  return text;
}

}  // namespace noodbel::cli
