#include "adapters/config/data_dir.h"

#include <filesystem>
#include <system_error>

// The source folder the build was configured with (CMake: NOODBEL_DATA_DIR), set for this
// file alone; builds that leave it out (the fuzz targets) find the folder at run time or not.
#ifndef NOODBEL_DATA_DIR
#define NOODBEL_DATA_DIR ""
#endif

namespace noodbel {
namespace {

namespace fs = std::filesystem;

bool holds_data(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "templates" / "catalog.tsv", ec);
}

}  // namespace

std::string default_data_dir() {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (fs::path dir = self.parent_path(); !dir.empty(); dir = dir.parent_path()) {
      if (holds_data(dir)) return dir.string();
      if (dir == dir.root_path()) break;
    }
  }
  const fs::path configured = NOODBEL_DATA_DIR;
  if (!configured.empty() && holds_data(configured)) return configured.string();
  return ".";
}

}  // namespace noodbel
