#include "store/free_space.h"

#include <sys/statvfs.h>

#include <cerrno>
#include <filesystem>
#include <system_error>
#include <utility>

#include <fmt/format.h>

namespace noodbel::store {
namespace {

class StatvfsFreeSpace final : public FreeSpaceProbe {
 public:
  explicit StatvfsFreeSpace(std::string folder) : folder_(std::move(folder)) {}

  Result<std::uint64_t> free_bytes() override {
    struct statvfs fs {};
    if (statvfs(folder_.c_str(), &fs) != 0) {
      const std::error_code error(errno, std::generic_category());
      return Error::Unavailable(
          fmt::format("cannot read the free space of {}: {}", folder_, error.message()));
    }
    return static_cast<std::uint64_t>(fs.f_bavail) * static_cast<std::uint64_t>(fs.f_frsize);
  }

 private:
  const std::string folder_;
};

}  // namespace

std::unique_ptr<FreeSpaceProbe> database_free_space(const std::string& db_path) {
  if (db_path.empty() || db_path == ":memory:" || db_path.rfind("file:", 0) == 0) return nullptr;
  const std::filesystem::path folder = std::filesystem::path(db_path).parent_path();
  return std::make_unique<StatvfsFreeSpace>(folder.empty() ? "." : folder.string());
}

}  // namespace noodbel::store
