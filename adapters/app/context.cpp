#include "adapters/app/context.h"

#include "adapters/data/guard_loader.h"
#include "adapters/data/postcodes_loader.h"
#include "adapters/data/templates_loader.h"

namespace noodbel {
namespace {

// The clock the Store stamps rows with; lives as long as the program (the Store may
// outlive the AppContext's own members while it is destroyed).
const Clock& store_clock() {
  static const SystemClock clock;
  return clock;
}

}  // namespace

Result<std::unique_ptr<AppContext>> load_context(const Config& config) {
  auto postcodes = load_postcodes(config.postcodes_path());
  if (!postcodes.ok()) return postcodes.error();
  auto templates = load_templates(config.templates_dir());
  if (!templates.ok()) return templates.error();
  auto guard = load_guard(guard_files(config.data_dir), *postcodes);
  if (!guard.ok()) return guard.error();
  auto store = store::Store::open(config.db_path, store_clock());
  if (!store.ok()) return store.error();
  return std::make_unique<AppContext>(config, std::move(postcodes).value(),
                                      std::move(templates).value(), std::move(guard).value(),
                                      std::move(store).value());
}

}  // namespace noodbel
