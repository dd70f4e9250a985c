// Template files are fmt format strings with named placeholders: "Oproep {code}".
// A literal brace is written doubled, as fmt requires: "{{" prints "{", "}}" prints "}".
#include "bot/templates.h"

#include <array>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/args.h>
#include <fmt/format.h>

namespace noodbel {
namespace {

namespace fs = std::filesystem;

constexpr std::array<Language, 3> kLanguages{Language::kNl, Language::kFr, Language::kEn};

Result<std::string> read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::Unavailable(fmt::format("cannot read template {}", path.string()));
  std::ostringstream text;
  text << in.rdbuf();
  std::string s = std::move(text).str();
  if (!s.empty() && s.back() == '\n') s.pop_back();
  if (!s.empty() && s.back() == '\r') s.pop_back();
  return s;
}

}  // namespace

Result<Templates> Templates::load(const std::string& dir) {
  std::map<std::pair<Language, std::string>, std::string> texts;
  std::error_code ec;
  for (const Language lang : kLanguages) {
    const fs::path folder = fs::path(dir) / std::string(to_string(lang));
    if (!fs::is_directory(folder, ec)) {
      return Error::NotFound(fmt::format("template folder {} does not exist", folder.string()));
    }
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".txt") continue;
      auto text = read_text(entry.path());
      if (!text) return text.error();
      texts[{lang, entry.path().stem().string()}] = std::move(text).value();
    }
    if (ec) return Error::Unavailable(fmt::format("cannot list {}: {}", folder.string(), ec.message()));
  }
  return from_map(std::move(texts));
}

Templates Templates::from_map(std::map<std::pair<Language, std::string>, std::string> texts) {
  Templates t;
  for (auto& [key, text] : texts) t.texts_.emplace(key, std::move(text));
  return t;
}

Result<std::string> Templates::render(Language lang, std::string_view name,
                                      const TemplateArgs& args) const {
  auto it = texts_.find(std::pair{lang, std::string(name)});
  if (it == texts_.end()) it = texts_.find(std::pair{Language::kNl, std::string(name)});
  if (it == texts_.end()) return Error::NotFound(fmt::format("no template named '{}'", name));
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (const auto& [key, value] : args) store.push_back(fmt::arg(key.c_str(), value));
  try {
    return fmt::vformat(it->second, store);
  } catch (const fmt::format_error& e) {
    return Error::Internal(fmt::format("template '{}' ({}): {}", name, to_string(it->first.first),
                                       e.what()));
  }
}

bool Templates::has(Language lang, std::string_view name) const {
  return texts_.find(std::pair{lang, std::string(name)}) != texts_.end();
}

std::vector<std::string> Templates::names(Language lang) const {
  std::vector<std::string> out;
  for (const auto& [key, text] : texts_) {
    if (key.first == lang) out.push_back(key.second);
  }
  return out;
}

}  // namespace noodbel
