// load_reply_parser: reads the reply parser's lexicon (config/lexicon/words.tsv under the
// data folder), its date words (config/lexicon/months.txt, weekdays.txt, numbers.txt,
// durations.txt, date-markers.txt) and its condition words (config/lexicon/conditions.txt)
// and builds the core's ReplyParser. Called by the composition root (adapters/app) and
// `noodbel parse-reply` at start-up. Thread-safe.
#pragma once

#include <string>

#include "bot/reply/condition_words.h"
#include "bot/reply/date_words.h"
#include "bot/reply/parser.h"
#include "bot/result.h"

namespace noodbel {

// The lexicon file under `data_dir`: data_dir + "/config/lexicon/words.tsv".
std::string reply_lexicon_path(const std::string& data_dir);

// The date words under `data_dir` (config/lexicon/<name>.txt). NotFound naming the path of
// a file that cannot be read; errors in one name file and line.
Result<reply::DateWords> load_date_words(const std::string& data_dir);

// The condition word lists under `data_dir` (config/lexicon/conditions.txt). NotFound naming
// the path when it cannot be read; errors in it name its line.
Result<reply::ConditionWords> load_condition_words(const std::string& data_dir);

// NotFound naming the path when a file cannot be read; errors in one name file and line.
Result<ReplyParser> load_reply_parser(const std::string& data_dir);

}  // namespace noodbel
