#include "support/reply_parser.h"

#include <stdexcept>
#include <string>

#include "support/paths/source_paths.h"
#include "support/shipped_data.h"

namespace noodbel::test_data {

namespace {

reply::WordFile word_file(const std::string& name) {
  const std::string relative = "/config/lexicon/" + name + ".txt";
  return {source_file_text(relative), noodbel::testing::source_path(relative)};
}

}  // namespace

const reply::DateWords& shipped_date_words() {
  static const reply::DateWords words = [] {
    Result<reply::DateWords> parsed =
        reply::DateWords::parse({word_file("months"), word_file("weekdays"), word_file("numbers"),
                                 word_file("durations"), word_file("date-markers")});
    if (!parsed) throw std::runtime_error(parsed.error().message);
    return std::move(parsed).value();
  }();
  return words;
}

const reply::ConditionWords& shipped_condition_words() {
  static const reply::ConditionWords words = [] {
    Result<reply::ConditionWords> parsed = reply::ConditionWords::parse(word_file("conditions"));
    if (!parsed) throw std::runtime_error(parsed.error().message);
    return std::move(parsed).value();
  }();
  return words;
}

const ReplyParser& shipped_reply_parser() {
  static const ReplyParser parser = [] {
    const std::string relative = "/config/lexicon/words.tsv";
    Result<reply::Lexicon> lexicon =
        reply::Lexicon::parse(source_file_text(relative), noodbel::testing::source_path(relative));
    if (!lexicon) throw std::runtime_error(lexicon.error().message);
    return ReplyParser(std::move(lexicon).value(), shipped_date_words(), shipped_condition_words());
  }();
  return parser;
}

}  // namespace noodbel::test_data

namespace noodbel::testing {

ParsedReply parse_reply(std::string_view text, const ReplyContext& ctx) {
  return test_data::shipped_reply_parser().parse(text, ctx);
}

}  // namespace noodbel::testing
