// load_reply_parser: reads the reply parser's lexicon (config/lexicon/words.tsv under the
// data folder) and builds the core's ReplyParser. Called by the composition root
// (adapters/app) and `noodbel parse-reply` at start-up. Thread-safe.
#pragma once

#include <string>

#include "bot/reply/parser.h"
#include "bot/result.h"

namespace noodbel {

// The lexicon file under `data_dir`: data_dir + "/config/lexicon/words.tsv".
std::string reply_lexicon_path(const std::string& data_dir);

// NotFound naming the path when the file cannot be read; errors in it name file and line.
Result<ReplyParser> load_reply_parser(const std::string& data_dir);

}  // namespace noodbel
