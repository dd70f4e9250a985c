#include "bot/reply/condition_words.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "bot/guard/word_set.h"
#include "bot/reply/normalize.h"
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

// Letters as the normaliser keeps them: a-z, and letters without an accent to strip ("œ").
bool is_phrase_word(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
    return is_lower(c) || static_cast<unsigned char>(c) >= 0x80;
  });
}

// The words of a line of `section` (or, in a list of phrases, the line as one phrase) added
// to `into`; "" or what is wrong.
std::string add_line(const std::vector<std::string_view>& fields, std::size_t section,
                     std::size_t number, WordMap<std::size_t>& line_of,
                     std::vector<std::string>& into) {
  const bool phrases = holds_phrases(static_cast<WordList>(section));
  std::vector<std::string> entries;
  for (const std::string_view w : fields) {
    if (phrases ? !is_phrase_word(w) : !is_plain_word(w)) {
      return fmt::format(
          "'{}' is not a word of a normalised message; write lower-case a-z, accents "
          "stripped, one word at a time",
          w);
    }
    if (!phrases) entries.emplace_back(w);
  }
  if (phrases) entries.push_back(fmt::format("{}", fmt::join(fields, " ")));
  for (std::string& entry : entries) {
    const auto [seen, added] = line_of.emplace(entry, number);
    if (!added) {
      return fmt::format("'{}' is listed twice in [{}] (also on line {}); keep it once", entry,
                         kSectionNames[section], seen->second);
    }
    into.push_back(std::move(entry));
  }
  return {};
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
    if (std::string problem = add_line(fields, *section, number, line_of, lists->words[*section]);
        !problem.empty())
      return at(problem);
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

std::size_t match_first(const Normalized& n, std::size_t t,
                        std::span<const std::string_view> phrases) {
  for (const std::string_view phrase : phrases) {
    if (const std::size_t k = n.match(t, phrase)) return k;
  }
  return 0;
}

std::span<const std::string_view> ConditionWords::words(WordList list) const {
  return lists_->views[static_cast<std::size_t>(list)];
}

}  // namespace noodbel::reply
