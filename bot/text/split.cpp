#include "bot/text/split.h"

#include <algorithm>

#include "bot/text/ascii.h"

namespace noodbel {

std::vector<std::string_view> split(std::string_view s, char separator) {
  std::vector<std::string_view> parts;
  for (std::size_t pos = 0;;) {
    const std::size_t end = std::min(s.find(separator, pos), s.size());
    parts.push_back(s.substr(pos, end - pos));
    if (end == s.size()) return parts;
    pos = end + 1;
  }
}

std::vector<std::string_view> split_trimmed(std::string_view s, char separator) {
  if (s.empty()) return {};
  std::vector<std::string_view> parts = split(s, separator);
  for (std::string_view& part : parts) part = trim(part);
  return parts;
}

std::vector<std::string_view> split_any(std::string_view s, std::string_view separators) {
  std::vector<std::string_view> parts;
  while (!s.empty()) {
    const std::size_t cut = std::min(s.find_first_of(separators), s.size());
    if (const std::string_view part = trim(s.substr(0, cut)); !part.empty()) parts.push_back(part);
    s.remove_prefix(std::min(cut + 1, s.size()));
  }
  return parts;
}

}  // namespace noodbel
