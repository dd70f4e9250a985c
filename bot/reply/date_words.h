// Internal to the reply parser: the words of dates, spans and counts (month and weekday
// names, number words, the units of a span, ordinal suffixes and "until" words), parsed from
// the text of config/lexicon/{months,weekdays,numbers,durations,date-markers}.txt (the format
// is described at the top of each file; months and weekdays are shared with the guard).
// Built once by a loader (adapters/data/reply_lexicon_loader.h); read-only afterwards, so
// thread-safe; cheap to copy (the maps are shared). Not part of the parser's contract.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "bot/reply/word_file.h"
#include "bot/result.h"

namespace noodbel::reply {

// Each file's lines: a key, then the words it stands for, separated by spaces; words after
// " | " are the guard's only and skipped here.
struct DateWordFiles {
  WordFile months;     // months.txt: "<1-12> <name>...", every month
  WordFile weekdays;   // weekdays.txt: "<1-7> <name>...", 1 = Monday, every day
  WordFile numbers;    // numbers.txt: "<1-100> <word>..."
  WordFile durations;  // durations.txt: "day|week|month <word>...", each unit
  WordFile markers;    // date-markers.txt: "ordinal|until <word>...", each
};

class DateWords {
 public:
  // The words of `files`. An error names the file, the line and how to fix it: a key that
  // is not one of the file's, a line without words, a word that is not lower-case a-z, a
  // word listed twice; or (naming the file) a month, day, unit or marker without a line, or
  // no entries at all.
  static Result<DateWords> parse(const DateWordFiles& files);

  int month_of(std::string_view w) const;    // 1-12 for a month name; -1 for any other word
  int weekday_of(std::string_view w) const;  // 0 = Monday .. 6 = Sunday; -1
  int number_of(std::string_view w) const;   // the value of a number word ("twee"); -1
  int unit_days(std::string_view w) const;   // days per unit, 0 for a calendar month; -1
  // What may follow a day's digits ("de" in "3de", "er" in "1er"); not "" (the code's).
  bool is_ordinal_suffix(std::string_view w) const;
  // A word that says "until" before a date ("tot", "jusqu", "until").
  bool is_until_word(std::string_view w) const;

 private:
  struct Maps;
  explicit DateWords(std::shared_ptr<const Maps> maps) : maps_(std::move(maps)) {}

  std::shared_ptr<const Maps> maps_;
};

}  // namespace noodbel::reply
