#include "support/shipped_data.h"

#include <stdexcept>
#include <utility>

namespace noodbel::test_data {

const Templates& shipped_templates() {
  static const Templates templates = [] {
    Result<Templates> loaded = Templates::load(NOODBEL_SOURCE_DIR "/templates");
    if (!loaded) throw std::runtime_error(loaded.error().message);
    return std::move(loaded).value();
  }();
  return templates;
}

const Postcodes& shipped_postcodes() {
  static const Postcodes postcodes = [] {
    Result<Postcodes> loaded = Postcodes::load(NOODBEL_SOURCE_DIR "/config/be-postcodes.csv");
    if (!loaded) throw std::runtime_error(loaded.error().message);
    return std::move(loaded).value();
  }();
  return postcodes;
}

}  // namespace noodbel::test_data
