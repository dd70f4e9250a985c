#include "adapters/app/context.h"

#include <chrono>

#include <spdlog/spdlog.h>

#include "adapters/data/guard_loader.h"
#include "adapters/data/postcodes_loader.h"
#include "adapters/data/reply_lexicon_loader.h"
#include "adapters/data/templates_loader.h"

namespace noodbel {
namespace {

// The clock the Store stamps rows with; lives as long as the program (the Store may
// outlive the AppContext's own members while it is destroyed).
const Clock& store_clock() {
  static const SystemClock clock;
  return clock;
}

// The reply parser, its load time logged once (at debug: commands keep their output as is).
Result<ReplyParser> timed_reply_parser(const std::string& data_dir) {
  const auto start = std::chrono::steady_clock::now();
  Result<ReplyParser> parser = load_reply_parser(data_dir);
  const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
  if (parser) spdlog::debug("event=reply_lexicon.loaded ms={:.2f}", took.count());
  return parser;
}

}  // namespace

store::StoreOptions store_options(const Config& config) {
  return {.synchronous =
              config.db_synchronous_full ? store::Synchronous::kFull : store::Synchronous::kNormal};
}

Result<std::unique_ptr<AppContext>> load_context(const Config& config) {
  auto postcodes = load_postcodes(config.postcodes_path());
  if (!postcodes.ok()) return postcodes.error();
  auto templates = load_templates(config.templates_dir());
  if (!templates.ok()) return templates.error();
  auto guard = load_guard(guard_files(config.data_dir), *postcodes);
  if (!guard.ok()) return guard.error();
  auto reply_parser = timed_reply_parser(config.data_dir);
  if (!reply_parser.ok()) return reply_parser.error();
  auto store = store::Store::open_with(config.db_path, store_clock(), store_options(config));
  if (!store.ok()) return store.error();
  return std::make_unique<AppContext>(config, std::move(postcodes).value(),
                                      std::move(templates).value(), std::move(guard).value(),
                                      std::move(reply_parser).value(), std::move(store).value());
}

}  // namespace noodbel
