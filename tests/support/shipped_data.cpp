#include "support/shipped_data.h"

#include <stdexcept>
#include <utility>

#include "support/paths/source_paths.h"

namespace noodbel::test_data {

const Templates& shipped_templates() {
  static const Templates templates = [] {
    Result<Templates> loaded = Templates::load(noodbel::testing::source_path("/templates"));
    if (!loaded) throw std::runtime_error(loaded.error().message);
    return std::move(loaded).value();
  }();
  return templates;
}

const Postcodes& shipped_postcodes() {
  static const Postcodes postcodes = [] {
    Result<Postcodes> loaded = Postcodes::load(noodbel::testing::source_path("/config/be-postcodes.csv"));
    if (!loaded) throw std::runtime_error(loaded.error().message);
    return std::move(loaded).value();
  }();
  return postcodes;
}

}  // namespace noodbel::test_data
