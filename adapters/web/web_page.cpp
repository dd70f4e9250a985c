#include "adapters/web/web_page.h"

#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace noodbel {

Result<std::string> load_web_page(const std::string& data_dir, std::string_view file_name) {
  const std::string path = fmt::format("{}/templates/web/{}", data_dir, file_name);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Error::NotFound(fmt::format(
        "cannot read the page {}: check data_dir in the configuration (it must hold "
        "templates/web/)",
        path));
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace noodbel
