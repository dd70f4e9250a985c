#include "adapters/data/reply_lexicon_loader.h"

#include <fmt/format.h>

#include <utility>

#include "adapters/data/read_file.h"

namespace noodbel {
namespace {

// config/lexicon/<name>.txt of `folder`, read; NotFound naming the path and how to fix it.
Result<reply::WordFile> read_word_file(const std::string& folder, std::string_view name) {
  std::string path = fmt::format("{}/{}.txt", folder, name);
  Result<std::string> text = read_file(path);
  if (!text) {
    return Error::NotFound(
        fmt::format("cannot read the reply parser's word list {}: check the data folder ([paths] "
                    "data_dir) holds config/lexicon/{}.txt, or restore the file from the checkout",
                    path, name));
  }
  return reply::WordFile{std::move(text).value(), std::move(path)};
}

}  // namespace

std::string reply_lexicon_path(const std::string& data_dir) {
  return data_dir + "/config/lexicon/words.tsv";
}

Result<reply::DateWords> load_date_words(const std::string& data_dir) {
  const std::string folder = data_dir + "/config/lexicon";
  reply::DateWordFiles files;
  for (const auto& [name, into] :
       {std::pair{"months", &files.months}, std::pair{"weekdays", &files.weekdays},
        std::pair{"numbers", &files.numbers}, std::pair{"durations", &files.durations},
        std::pair{"date-markers", &files.markers}}) {
    Result<reply::WordFile> file = read_word_file(folder, name);
    if (!file) return file.error();
    *into = std::move(file).value();
  }
  return reply::DateWords::parse(files);
}

Result<reply::ConditionWords> load_condition_words(const std::string& data_dir) {
  Result<reply::WordFile> file = read_word_file(data_dir + "/config/lexicon", "conditions");
  if (!file) return file.error();
  return reply::ConditionWords::parse(*file);
}

Result<ReplyParser> load_reply_parser(const std::string& data_dir) {
  const std::string path = reply_lexicon_path(data_dir);
  const Result<std::string> text = read_file(path);
  if (!text) {
    return Error::NotFound(fmt::format(
        "cannot read the reply parser's lexicon {}: check the data folder ([paths] data_dir) "
        "holds config/lexicon/words.tsv",
        path));
  }
  Result<reply::Lexicon> lexicon = reply::Lexicon::parse(*text, path);
  if (!lexicon) return lexicon.error();
  Result<reply::DateWords> date_words = load_date_words(data_dir);
  if (!date_words) return date_words.error();
  Result<reply::ConditionWords> condition_words = load_condition_words(data_dir);
  if (!condition_words) return condition_words.error();
  return ReplyParser(std::move(lexicon).value(), std::move(date_words).value(),
                     std::move(condition_words).value());
}

}  // namespace noodbel
