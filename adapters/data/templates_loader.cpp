#include "adapters/data/templates_loader.h"

#include <array>
#include <filesystem>
#include <map>
#include <utility>

#include <fmt/format.h>

#include "adapters/data/read_file.h"

namespace noodbel {
namespace {

namespace fs = std::filesystem;

using TemplateFiles = std::map<std::pair<Language, std::string>, std::string>;

constexpr std::array<Language, 3> kLanguages{Language::kNl, Language::kFr, Language::kEn};

// Adds every <folder>/*.txt of `lang` to `files`.
Status read_language(const fs::path& folder, Language lang, TemplateFiles& files) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) {
    return Error::NotFound(fmt::format("template folder {} does not exist", folder.string()));
  }
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".txt") continue;
    Result<std::string> text = read_file(entry.path().string());
    if (!text) {
      return Error::Unavailable(fmt::format("cannot read template {}", entry.path().string()));
    }
    files[{lang, entry.path().stem().string()}] = std::move(text).value();
  }
  if (ec) {
    return Error::Unavailable(fmt::format("cannot list {}: {}", folder.string(), ec.message()));
  }
  return Ok();
}

}  // namespace

Result<Templates> load_templates(const std::string& dir) {
  TemplateFiles files;
  for (const Language lang : kLanguages) {
    const fs::path folder = fs::path(dir) / std::string(to_string(lang));
    if (Status s = read_language(folder, lang, files); !s) return s.error();
  }
  return Templates::from_files(std::move(files));
}

}  // namespace noodbel
