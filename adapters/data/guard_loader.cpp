#include "adapters/data/guard_loader.h"

#include <fmt/format.h>

#include "adapters/data/read_file.h"

namespace noodbel {

Result<AnonymizationGuard> load_guard(const std::string& first_names_path,
                                      const Postcodes& postcodes) {
  const Result<std::string> text = read_file(first_names_path);
  if (!text) {
    return Error::NotFound(fmt::format(
        "cannot read the first-name list {}: check the path (see config/first-names.txt)",
        first_names_path));
  }
  return AnonymizationGuard::parse(*text, first_names_path, postcodes);
}

}  // namespace noodbel
