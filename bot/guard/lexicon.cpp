#include "bot/guard/lexicon.h"

#include <fmt/format.h>

#include <array>
#include <utility>

#include "bot/guard/word_list.h"
#include "bot/text/ascii.h"
#include "bot/text/split.h"

namespace noodbel {
namespace {

struct FlagList {
  std::string_view name;
  std::uint32_t flag;
};

// The lists that set one WordFlag on each of their words.
constexpr std::array<FlagList, 28> kFlagLists{{
    {"never-names", kNeverName},
    {"day-words", kWeekday},
    {"ambiguous-names", kAmbiguousName},
    {"stopwords", kStopword},
    {"particles", kParticle},
    {"relation-cues", kRelationCue},
    {"surname-cues", kSurnameCue},
    {"naming-cues", kNamingCue},
    {"cue-connectors", kConnector},
    {"organisation-prefixes", kOrganisationPrefix},
    {"saint-prefixes", kSaintPrefix},
    {"place-prepositions", kPlacePreposition},
    {"birth-cues", kBirthCue},
    {"birth-fillers", kBirthFiller},
    {"ordinal-suffixes", kOrdinal},
    {"strong-street-words", kStrongStreet},
    {"street-word-exceptions", kStreetException},
    {"french-street-words", kFrenchStreet},
    {"french-street-particles", kFrenchParticle},
    {"units", kUnit},
    {"abbreviated-cues", kAbbreviatedCue},
    {"number-words", kNumberWord},
    {"box-words", kBoxWord},
    {"street-qualifiers", kStreetQualifier},
    {"address-cues", kAddressCue},
    {"address-fillers", kAddressFiller},
    {"name-words", kNameWord},
    {"status-words", kStatusWord},
}};

// The lists read on their own.
constexpr std::array<std::string_view, 7> kOtherLists{"months",
                                                      "weekdays",
                                                      "url-tlds",
                                                      "strong-street-suffixes",
                                                      "weak-street-suffixes",
                                                      "relation-suffixes",
                                                      "organisation-phrases"};

Result<const WordList*> find_list(const WordLists& lists, std::string_view name) {
  const auto it = lists.find(name);
  if (it == lists.end()) {
    return Error::Invalid(fmt::format(
        "the guard's word list {0} is missing: restore config/{1}/{0}.txt from the checkout", name,
        Lexicon::is_shared_with_reply_parser(name) ? "lexicon" : "guard"));
  }
  if (it->second.entries.empty()) {
    return Error::Invalid(fmt::format(
        "{} holds no entries: the guard needs the list, one entry per line", it->second.source));
  }
  return &it->second;
}

// The folded words of a list of one word per line.
Result<std::vector<std::string>> single_words(const WordList& list) {
  std::vector<std::string> words;
  words.reserve(list.entries.size());
  for (const std::string& entry : list.entries) {
    std::string folded = fold_entry(entry);
    if (folded.empty() || folded.find(' ') != std::string::npos) {
      return Error::Invalid(
          fmt::format("{}: '{}' is not one word; write one word per line", list.source, entry));
    }
    words.push_back(std::move(folded));
  }
  return words;
}

Result<std::vector<std::string>> single_words_of(const WordLists& lists, std::string_view name) {
  const auto list = find_list(lists, name);
  if (!list) return list.error();
  return single_words(**list);
}

// "3 maart mrt mars" -> 3, or 0 when the line does not start with a number 1-`last`.
int number_of_line(const std::vector<std::string_view>& words, int last) {
  if (words.size() < 2 || !all_digits(words[0]) || words[0].size() > 2) return 0;
  const int number = std::stoi(std::string(words[0]));
  return number >= 1 && number <= last ? number : 0;
}

// The names of a line of a numbered list ("7 juli juillet july | juil jul"): every word
// after the number; the " | " that sets apart the words only the guard reads is skipped.
std::vector<std::string_view> names_of_line(const std::vector<std::string_view>& words) {
  std::vector<std::string_view> names;
  for (std::size_t i = 1; i < words.size(); ++i) {
    if (words[i] != "|") names.push_back(words[i]);
  }
  return names;
}

}  // namespace

const std::vector<std::string_view>& Lexicon::list_names() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> all;
    for (const FlagList& list : kFlagLists) all.push_back(list.name);
    all.insert(all.end(), kOtherLists.begin(), kOtherLists.end());
    return all;
  }();
  return names;
}

bool Lexicon::is_shared_with_reply_parser(std::string_view name) {
  return name == "months" || name == "weekdays";
}

Result<Lexicon> Lexicon::from_lists(const WordLists& lists) {
  Lexicon lexicon;
  if (Status s = lexicon.add_flag_lists(lists); !s) return s.error();
  const auto months = find_list(lists, "months");
  if (!months) return months.error();
  if (Status s = lexicon.add_months(**months); !s) return s.error();
  const auto weekdays = find_list(lists, "weekdays");
  if (!weekdays) return weekdays.error();
  if (Status s = lexicon.add_weekdays(**weekdays); !s) return s.error();
  if (Status s = lexicon.add_word_lists(lists); !s) return s.error();
  return lexicon;
}

Status Lexicon::add_flag_lists(const WordLists& lists) {
  for (const FlagList& list : kFlagLists) {
    const auto words = single_words_of(lists, list.name);
    if (!words) return words.error();
    for (const std::string& word : *words) flags_[word] |= list.flag;
  }
  return Ok();
}

Status Lexicon::add_months(const WordList& months) {
  for (const std::string& entry : months.entries) {
    const std::string folded = fold_entry(entry);
    const std::vector<std::string_view> words = split(folded, ' ');
    const int number = number_of_line(words, 12);
    if (number == 0) {
      return Error::Invalid(
          fmt::format("{}: '{}' is not a month number 1-12 followed by the month's names",
                      months.source, entry));
    }
    for (const std::string_view name : names_of_line(words)) {
      if (!months_.emplace(std::string(name), number).second) {
        return Error::Invalid(
            fmt::format("{}: '{}' is listed for two months", months.source, name));
      }
      flags_[std::string(name)] |= kMonth;
    }
  }
  return Ok();
}

Status Lexicon::add_weekdays(const WordList& weekdays) {
  for (const std::string& entry : weekdays.entries) {
    const std::string folded = fold_entry(entry);
    const std::vector<std::string_view> words = split(folded, ' ');
    if (number_of_line(words, 7) == 0) {
      return Error::Invalid(fmt::format(
          "{}: '{}' is not a day number 1-7 followed by the day's names", weekdays.source, entry));
    }
    for (const std::string_view name : names_of_line(words)) flags_[std::string(name)] |= kWeekday;
  }
  return Ok();
}

Status Lexicon::add_word_lists(const WordLists& lists) {
  const auto tlds = single_words_of(lists, "url-tlds");
  if (!tlds) return tlds.error();
  url_tlds_ = WordSet(tlds->begin(), tlds->end());
  for (const auto& [name, into] : {std::pair{"strong-street-suffixes", &strong_suffixes_},
                                   std::pair{"weak-street-suffixes", &weak_suffixes_},
                                   std::pair{"relation-suffixes", &relation_suffixes_}}) {
    auto words = single_words_of(lists, name);
    if (!words) return words.error();
    *into = std::move(*words);
  }
  const auto phrases = find_list(lists, "organisation-phrases");
  if (!phrases) return phrases.error();
  for (const std::string& entry : (*phrases)->entries) {
    const std::string folded = fold_entry(entry);
    std::vector<std::string> words;
    for (const std::string_view word : split(folded, ' ')) words.emplace_back(word);
    phrases_.push_back(std::move(words));
  }
  return Ok();
}

std::uint32_t Lexicon::flags_of(std::string_view folded) const {
  const auto it = flags_.find(folded);
  return it == flags_.end() ? 0 : it->second;
}

int Lexicon::month_number(std::string_view folded) const {
  const auto it = months_.find(folded);
  return it == months_.end() ? 0 : it->second;
}

}  // namespace noodbel
