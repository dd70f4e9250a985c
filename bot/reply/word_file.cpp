#include "bot/reply/word_file.h"

#include <algorithm>

#include <fmt/format.h>

#include "bot/reply/normalize.h"
#include "bot/text/split.h"

namespace noodbel::reply {

std::vector<WordLine> word_lines(const WordFile& file) {
  std::vector<WordLine> lines;
  std::size_t number = 0;
  for (const std::string_view raw : split(file.text, '\n')) {
    ++number;
    std::vector<std::string_view> fields = split_any(raw, " \t\r");
    if (fields.empty() || fields[0].starts_with('#')) continue;
    lines.push_back({number, std::move(fields)});
  }
  return lines;
}

Error line_error(const WordFile& file, std::size_t number, std::string_view what) {
  return Error::Invalid(fmt::format("{} line {}: {}", file.source, number, what));
}

bool is_plain_word(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), is_lower);
}

}  // namespace noodbel::reply
