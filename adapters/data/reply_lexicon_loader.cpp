#include "adapters/data/reply_lexicon_loader.h"

#include <fmt/format.h>

#include "adapters/data/read_file.h"

namespace noodbel {

std::string reply_lexicon_path(const std::string& data_dir) {
  return data_dir + "/config/lexicon/words.tsv";
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
  return ReplyParser(std::move(lexicon).value());
}

}  // namespace noodbel
