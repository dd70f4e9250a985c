// Internal to the reply parser: the text of one of config/lexicon/'s word files, cut into
// the lines that DateWords::parse and ConditionWords::parse read (date_words.h,
// condition_words.h). Pure functions; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "bot/result.h"

namespace noodbel::reply {

// The text of one file and the name errors give it (its path).
struct WordFile {
  std::string text;
  std::string source;
};

// A line that holds words: its number in the file (from 1) and its fields.
struct WordLine {
  std::size_t number = 0;
  std::vector<std::string_view> fields;  // never empty; views of the file's text
};

// The lines of `file` split at spaces and tabs; blank lines and lines starting with '#'
// are left out.
std::vector<WordLine> word_lines(const WordFile& file);

// Invalid input: "<source> line <number>: <what>".
Error line_error(const WordFile& file, std::size_t number, std::string_view what);

// Lower-case a-z only, as a word of a normalised message is written.
bool is_plain_word(std::string_view w);

}  // namespace noodbel::reply
