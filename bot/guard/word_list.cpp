#include "bot/guard/word_list.h"

#include <fmt/format.h>

#include <algorithm>

#include "bot/text/ascii.h"
#include "bot/text_normalize.h"

namespace noodbel {

Result<std::vector<std::string>> parse_list_lines(std::string_view text, std::string_view source,
                                                  std::string_view noun) {
  std::vector<std::string> entries;
  int number = 0;
  for (std::size_t pos = 0; pos < text.size(); ++number) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    std::string_view entry = trim(text.substr(pos, end - pos));
    pos = end + 1;
    if (number == 0 && entry.starts_with("\xEF\xBB\xBF")) entry.remove_prefix(3);  // BOM
    if (entry.empty() || entry.front() == '#') continue;
    if (!is_valid_utf8(entry)) {
      return Error::Invalid(
          fmt::format("{} line {}: the {} is not valid UTF-8; save the file as UTF-8", source,
                      number + 1, noun));
    }
    entries.emplace_back(entry);
  }
  return entries;
}

std::string fold_entry(std::string_view entry) {
  const std::string folded = fold_text(entry);
  std::string out;
  out.reserve(folded.size());
  for (const char c : folded) {
    const bool space = c == ' ' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out.push_back(space ? ' ' : c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace noodbel
