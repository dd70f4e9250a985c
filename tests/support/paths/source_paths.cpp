#include "source_paths.h"

#include <unistd.h>

#include <filesystem>
#include <stdexcept>
#include <system_error>

namespace noodbel::testing {
namespace {

namespace fs = std::filesystem;

fs::path running_program() {
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (ec) throw std::runtime_error("cannot read /proc/self/exe: " + ec.message());
  return self;
}

// The nearest folder at or above the running program's folder for which `found(folder)` holds.
template <typename Found>
fs::path nearest_above(Found found, const std::string& what) {
  for (fs::path dir = running_program().parent_path(); !dir.empty(); dir = dir.parent_path()) {
    if (found(dir)) return dir;
    if (dir == dir.root_path()) break;
  }
  throw std::runtime_error("no " + what + " above " + running_program().string());
}

bool is_program(const fs::path& file) {
  std::error_code ec;
  return fs::is_regular_file(file, ec) && ::access(file.c_str(), X_OK) == 0;
}

}  // namespace

const std::string& source_dir() {
  static const std::string dir =
      nearest_above([](const fs::path& d) { return fs::exists(d / "templates" / "catalog.tsv"); },
                    "checkout (templates/catalog.tsv)")
          .string();
  return dir;
}

std::string source_path(std::string_view relative) { return source_dir() + std::string(relative); }

const std::string& noodbel_binary() {
  static const std::string binary =
      (nearest_above([](const fs::path& d) { return is_program(d / "noodbel"); }, "noodbel program") /
       "noodbel")
          .string();
  return binary;
}

}  // namespace noodbel::testing
