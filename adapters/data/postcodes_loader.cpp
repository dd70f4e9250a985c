#include "adapters/data/postcodes_loader.h"

#include <filesystem>

#include <fmt/format.h>

#include "adapters/data/read_file.h"

namespace noodbel {
namespace {

// The text of `name` beside `csv_path`; "" when there is no such file.
Result<std::string> optional_file_beside(const std::string& csv_path, std::string_view name) {
  const std::filesystem::path path = std::filesystem::path(csv_path).parent_path() / name;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return std::string();
  return read_file(path.string());
}

}  // namespace

Result<Postcodes> load_postcodes(const std::string& csv_path) {
  const Result<std::string> text = read_file(csv_path);
  if (!text.ok()) {
    return Error::NotFound(fmt::format(
        "cannot read the postcode file {}; set data_dir in the config to the folder that "
        "holds config/be-postcodes.csv",
        csv_path));
  }
  const Result<std::string> extra = optional_file_beside(csv_path, "be-postcodes-extra.csv");
  if (!extra.ok()) return extra.error();
  const Result<std::string> municipalities = optional_file_beside(csv_path, "municipalities.csv");
  if (!municipalities.ok()) return municipalities.error();
  return Postcodes::parse(*text, *extra, *municipalities, csv_path);
}

}  // namespace noodbel
