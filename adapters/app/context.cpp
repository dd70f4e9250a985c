#include "adapters/app/context.h"

namespace noodbel {

Result<std::unique_ptr<AppContext>> load_context(const Config& config) {
  auto postcodes = Postcodes::load(config.postcodes_path());
  if (!postcodes.ok()) return postcodes.error();
  auto templates = Templates::load(config.templates_dir());
  if (!templates.ok()) return templates.error();
  auto guard = AnonymizationGuard::load(config.data_dir + "/config/first-names.txt", *postcodes);
  if (!guard.ok()) return guard.error();
  auto store = store::Store::open(config.db_path);
  if (!store.ok()) return store.error();
  return std::make_unique<AppContext>(config, std::move(postcodes).value(),
                                      std::move(templates).value(), std::move(guard).value(),
                                      std::move(store).value());
}

}  // namespace noodbel
