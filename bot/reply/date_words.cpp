#include "bot/reply/date_words.h"

#include <algorithm>
#include <optional>
#include <vector>

#include <fmt/format.h>

#include "bot/guard/word_set.h"
#include "bot/reply/normalize.h"

namespace noodbel::reply {
namespace {

using Words = WordMap<int>;

// What the first field of a file's lines may be, and which keys need a line.
struct Keys {
  std::string_view what;  // for errors: "a month number 1-12"
  std::optional<int> (*value_of)(std::string_view key);
  std::vector<std::string_view> required;
};

std::optional<int> number_in(std::string_view key, int lo, int hi) {
  const int n = key.size() <= 3 ? to_number(key) : -1;
  if (n < lo || n > hi) return std::nullopt;
  return n;
}

const Keys kMonthKeys{"a month number 1-12",
                      [](std::string_view k) { return number_in(k, 1, 12); },
                      {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"}};
const Keys kWeekdayKeys{"a day number 1-7 (1 = Monday)",
                        [](std::string_view k) -> std::optional<int> {
                          const auto n = number_in(k, 1, 7);
                          return n ? std::optional<int>(*n - 1) : std::nullopt;
                        },
                        {"1", "2", "3", "4", "5", "6", "7"}};
const Keys kNumberKeys{
    "a number 1-100", [](std::string_view k) { return number_in(k, 1, 100); }, {}};
const Keys kUnitKeys{"day, week or month",
                     [](std::string_view k) -> std::optional<int> {
                       if (k == "day") return 1;
                       if (k == "week") return 7;
                       if (k == "month") return 0;
                       return std::nullopt;
                     },
                     {"day", "week", "month"}};
constexpr int kOrdinal = 0;
constexpr int kUntil = 1;
const Keys kMarkerKeys{"ordinal or until",
                       [](std::string_view k) -> std::optional<int> {
                         if (k == "ordinal") return kOrdinal;
                         if (k == "until") return kUntil;
                         return std::nullopt;
                       },
                       {"ordinal", "until"}};

// The words of one line after its key, up to a " | ", into `words`; "" or what is wrong.
std::string add_line(const std::vector<std::string_view>& fields, int value,
                     WordMap<std::size_t>& line_of, std::size_t number, Words& words) {
  if (fields.size() < 2 || fields[1] == "|") {
    return fmt::format(
        "the line has no words after {}; write its words after it, separated "
        "by spaces",
        fields[0]);
  }
  bool guard_only = false;
  for (std::size_t i = 1; i < fields.size(); ++i) {
    const std::string_view w = fields[i];
    if (w == "|") {
      guard_only = true;
      continue;
    }
    if (!is_plain_word(w)) {
      return fmt::format(
          "'{}' is not a word of a normalised message; write lower-case a-z, "
          "accents stripped, one word at a time",
          w);
    }
    if (guard_only) continue;
    const auto [at, added] = line_of.emplace(std::string(w), number);
    if (!added) {
      return fmt::format("'{}' is listed twice (also on line {}); keep it on one line", w,
                         at->second);
    }
    words.emplace(std::string(w), value);
  }
  return {};
}

Result<Words> parse_file(const WordFile& file, const Keys& keys) {
  Words words;
  WordMap<std::size_t> line_of;
  std::vector<std::string> keys_seen;
  for (const WordLine& line : word_lines(file)) {
    const std::size_t number = line.number;
    const std::vector<std::string_view>& fields = line.fields;
    const auto at = [&](const std::string& what) { return line_error(file, number, what); };
    const std::optional<int> value = keys.value_of(fields[0]);
    if (!value) {
      return at(
          fmt::format("'{}' is not {}; start the line with {}", fields[0], keys.what, keys.what));
    }
    if (std::string problem = add_line(fields, *value, line_of, number, words); !problem.empty())
      return at(problem);
    keys_seen.emplace_back(fields[0]);
  }
  if (keys_seen.empty()) {
    return Error::Invalid(
        fmt::format("{} holds no entries: the reply parser needs it, one line of {} and its words",
                    file.source, keys.what));
  }
  for (const std::string_view key : keys.required) {
    if (std::find(keys_seen.begin(), keys_seen.end(), key) == keys_seen.end()) {
      return Error::Invalid(
          fmt::format("{} has no line for {}; add one: {}, then its words separated by spaces",
                      file.source, key, key));
    }
  }
  return words;
}

int value_in(const Words& map, std::string_view w) {
  const auto it = map.find(w);
  return it == map.end() ? -1 : it->second;
}

}  // namespace

struct DateWords::Maps {
  Words months;
  Words weekdays;
  Words numbers;
  Words units;
  Words markers;
};

Result<DateWords> DateWords::parse(const DateWordFiles& files) {
  auto maps = std::make_shared<Maps>();
  const std::pair<const WordFile*, std::pair<const Keys*, Words*>> all[] = {
      {&files.months, {&kMonthKeys, &maps->months}},
      {&files.weekdays, {&kWeekdayKeys, &maps->weekdays}},
      {&files.numbers, {&kNumberKeys, &maps->numbers}},
      {&files.durations, {&kUnitKeys, &maps->units}},
      {&files.markers, {&kMarkerKeys, &maps->markers}}};
  for (const auto& [file, into] : all) {
    Result<Words> words = parse_file(*file, *into.first);
    if (!words) return words.error();
    *into.second = std::move(words).value();
  }
  return DateWords(std::move(maps));
}

int DateWords::month_of(std::string_view w) const { return value_in(maps_->months, w); }
int DateWords::weekday_of(std::string_view w) const { return value_in(maps_->weekdays, w); }
int DateWords::number_of(std::string_view w) const { return value_in(maps_->numbers, w); }
int DateWords::unit_days(std::string_view w) const { return value_in(maps_->units, w); }
bool DateWords::is_ordinal_suffix(std::string_view w) const {
  return value_in(maps_->markers, w) == kOrdinal;
}
bool DateWords::is_until_word(std::string_view w) const {
  return value_in(maps_->markers, w) == kUntil;
}

}  // namespace noodbel::reply
