#include "support/shipped_data.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "bot/guard/word_list.h"
#include "support/paths/source_paths.h"

namespace noodbel::test_data {
namespace {

// Every templates/<lang>/<name>.txt of the checkout, as Templates::from_files takes them.
std::map<std::pair<Language, std::string>, std::string> template_files() {
  std::map<std::pair<Language, std::string>, std::string> files;
  for (const Language lang : {Language::kNl, Language::kFr, Language::kEn}) {
    const std::string folder = "/templates/" + std::string(to_string(lang));
    for (const auto& entry :
         std::filesystem::directory_iterator(noodbel::testing::source_path(folder))) {
      if (entry.path().extension() != ".txt") continue;
      const std::string name = entry.path().filename().string();
      files[{lang, entry.path().stem().string()}] = source_file_text(folder + "/" + name);
    }
  }
  return files;
}

template <typename T>
T or_throw(Result<T> loaded) {
  if (!loaded) throw std::runtime_error(loaded.error().message);
  return std::move(loaded).value();
}

}  // namespace

std::string source_file_text(const std::string& relative) {
  const std::string path = noodbel::testing::source_path(relative);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return std::move(text).str();
}

const Templates& shipped_templates() {
  static const Templates templates = Templates::from_files(template_files());
  return templates;
}

const Postcodes& shipped_postcodes() {
  static const Postcodes postcodes = or_throw(Postcodes::parse(
      source_file_text("/config/be-postcodes.csv"),
      source_file_text("/config/be-postcodes-extra.csv"),
      source_file_text("/config/municipalities.csv"),
      noodbel::testing::source_path("/config/be-postcodes.csv")));
  return postcodes;
}

const Lexicon& shipped_lexicon() {
  static const Lexicon lexicon = [] {
    WordLists lists;
    for (const std::string_view name : Lexicon::list_names()) {
      const std::string folder =
          Lexicon::is_shared_with_reply_parser(name) ? "/config/lexicon/" : "/config/guard/";
      const std::string file = folder + std::string(name) + ".txt";
      const std::string path = noodbel::testing::source_path(file);
      lists[std::string(name)] =
          WordList{path, or_throw(parse_list_lines(source_file_text(file), path, "word"))};
    }
    return or_throw(Lexicon::from_lists(lists));
  }();
  return lexicon;
}

const AnonymizationGuard& shipped_guard() {
  static const AnonymizationGuard guard =
      or_throw(AnonymizationGuard::parse(source_file_text("/config/first-names.txt"),
                                         noodbel::testing::source_path("/config/first-names.txt"),
                                         shipped_postcodes(), shipped_lexicon()));
  return guard;
}

AnonymizationGuard guard_with(std::vector<std::string> first_names,
                              std::vector<std::string> places) {
  return AnonymizationGuard::from_lists(std::move(first_names), std::move(places),
                                        shipped_lexicon());
}

}  // namespace noodbel::test_data
