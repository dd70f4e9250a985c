#include "bot/reply/condition_words.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "bot/guard/word_set.h"
#include "bot/reply/word_lists.h"

namespace noodbel::reply {
namespace {

std::optional<std::size_t> section_of(std::string_view name) {
  const auto it = std::find(kSectionNames.begin(), kSectionNames.end(), name);
  if (it == kSectionNames.end()) return std::nullopt;
  return static_cast<std::size_t>(it - kSectionNames.begin());
}

std::string known_sections() {
  std::string all;
  for (const std::string_view name : kSectionNames)
    all += fmt::format("{}[{}]", all.empty() ? "" : " ", name);
  return all;
}

}  // namespace

struct ConditionWords::Lists {
  std::array<std::vector<std::string>, kWordListCount> words;
  // Views of `words`, made once every list is complete (the strings never move after).
  std::array<std::vector<std::string_view>, kWordListCount> views;
};

Result<ConditionWords> ConditionWords::parse(const WordFile& file) {
  auto lists = std::make_shared<Lists>();
  std::array<std::size_t, kWordListCount> header_line{};  // 0: not seen
  std::optional<std::size_t> section;
  WordMap<std::size_t> line_of;  // the words of the current section, and their lines
  for (const WordLine& line : word_lines(file)) {
    const std::size_t number = line.number;
    const std::vector<std::string_view>& fields = line.fields;
    const auto at = [&](const std::string& what) { return line_error(file, number, what); };
    if (fields[0].starts_with('[')) {
      const std::string_view written(fields.front().data(),
                                     fields.back().data() + fields.back().size());
      const std::string_view name =
          fields[0].substr(1, fields[0].size() - 1 - fields[0].ends_with(']'));
      section = fields.size() == 1 && fields[0].ends_with(']') ? section_of(name) : std::nullopt;
      if (!section) {
        return at(
            fmt::format("'{}' is not a section of this file; write one of {} on a line of "
                        "its own",
                        written, known_sections()));
      }
      if (header_line[*section] != 0) {
        return at(fmt::format("[{}] comes twice (also on line {}); keep its words under one", name,
                              header_line[*section]));
      }
      header_line[*section] = number;
      line_of.clear();
      continue;
    }
    if (!section) {
      return at(
          fmt::format("'{}' comes before any section; put a section name such as [{}] "
                      "above the words",
                      fields[0], kSectionNames[0]));
    }
    for (const std::string_view w : fields) {
      if (!is_plain_word(w)) {
        return at(
            fmt::format("'{}' is not a word of a normalised message; write lower-case "
                        "a-z, accents stripped, one word at a time",
                        w));
      }
      const auto [seen, added] = line_of.emplace(std::string(w), number);
      if (!added) {
        return at(fmt::format("'{}' is listed twice in [{}] (also on line {}); keep it once", w,
                              kSectionNames[*section], seen->second));
      }
      lists->words[*section].emplace_back(w);
    }
  }
  for (std::size_t s = 0; s < kWordListCount; ++s) {
    if (header_line[s] == 0) {
      return Error::Invalid(
          fmt::format("{} has no section [{}]; add it: [{}] on a line of its own, then its words",
                      file.source, kSectionNames[s], kSectionNames[s]));
    }
    if (lists->words[s].empty()) {
      return Error::Invalid(
          fmt::format("{} line {}: [{}] has no words; the reply parser needs them", file.source,
                      header_line[s], kSectionNames[s]));
    }
    lists->views[s].assign(lists->words[s].begin(), lists->words[s].end());
  }
  return ConditionWords(std::move(lists));
}

std::span<const std::string_view> ConditionWords::words(WordList list) const {
  return lists_->views[static_cast<std::size_t>(list)];
}

}  // namespace noodbel::reply
