#include "adapters/data/guard_loader.h"

#include <fmt/format.h>

#include <utility>

#include "adapters/data/read_file.h"
#include "bot/guard/word_list.h"

namespace noodbel {
namespace {

Result<WordList> load_word_list(const std::string& path) {
  const Result<std::string> text = read_file(path);
  if (!text) {
    return Error::NotFound(fmt::format(
        "cannot read the guard's word list {}: the guard needs every list of config/guard/ "
        "and the months and weekdays of config/lexicon/; check the data folder ([paths] "
        "data_dir) or restore the file from the checkout",
        path));
  }
  auto entries = parse_list_lines(*text, path, "word");
  if (!entries) return entries.error();
  return WordList{path, std::move(*entries)};
}

}  // namespace

GuardFiles guard_files(const std::string& data_dir) {
  return {data_dir + "/config/first-names.txt", data_dir + "/config/guard",
          data_dir + "/config/lexicon"};
}

Result<Lexicon> load_guard_lexicon(const std::string& folder, const std::string& shared_folder) {
  WordLists lists;
  for (const std::string_view name : Lexicon::list_names()) {
    const std::string& from = Lexicon::is_shared_with_reply_parser(name) ? shared_folder : folder;
    auto list = load_word_list(fmt::format("{}/{}.txt", from, name));
    if (!list) return list.error();
    lists.emplace(std::string(name), std::move(*list));
  }
  return Lexicon::from_lists(lists);
}

Result<AnonymizationGuard> load_guard(const GuardFiles& files, const Postcodes& postcodes) {
  const Result<std::string> text = read_file(files.first_names);
  if (!text) {
    return Error::NotFound(fmt::format(
        "cannot read the first-name list {}: check the path (see config/first-names.txt)",
        files.first_names));
  }
  auto lexicon = load_guard_lexicon(files.word_lists, files.shared_lists);
  if (!lexicon) return lexicon.error();
  return AnonymizationGuard::parse(*text, files.first_names, postcodes, std::move(*lexicon));
}

}  // namespace noodbel
