#include "bot/people_import.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <optional>
#include <tuple>
#include <utility>

#include "bot/csv.h"
#include "bot/local_time.h"
#include "bot/phone.h"
#include "bot/text/ascii.h"
#include "bot/text/split.h"

namespace noodbel {
namespace {

constexpr int kMaxAgeYears = 25;
constexpr std::size_t kMaxNameBytes = 100;

constexpr std::array<std::string_view, 14> kFamilyColumns{
    "id",           "service",      "name",     "contacts",          "postcode",
    "max_km",       "min_age",      "max_age",  "max_children",      "languages",
    "availability", "paused_until", "opted_in", "preferred_language"};
constexpr std::array<std::string_view, 6> kCaseworkerColumns{"id",   "service",  "name",
                                                             "role", "contacts", "language"};

std::optional<int> to_int(std::string_view s) {
  if (!all_digits(s) || s.size() > 6) return std::nullopt;
  int value = 0;
  std::from_chars(s.data(), s.data() + s.size(), value);
  return value;
}

Result<int> parse_int_in(std::string_view text, int lo, int hi, std::string_view column,
                         std::string_view unit) {
  const auto value = to_int(trim(text));
  if (!value || *value < lo || *value > hi) {
    return Error::Invalid(fmt::format("{} '{}' must be a whole number {}from {} to {}", column,
                                      trim(text), unit, lo, hi));
  }
  return *value;
}

Result<std::string> parse_id(std::string_view text, char letter, std::size_t digits,
                             std::string_view example) {
  const std::string_view id = trim(text);
  if (id.size() != digits + 1 || upper_ascii(id[0]) != letter ||
      !all_digits(id.substr(1))) {
    return Error::Invalid(fmt::format("id '{}' must be {} followed by {} digits, like {}", id,
                                      letter, digits, example));
  }
  std::string out(id);
  out[0] = letter;
  return out;
}

Result<std::string> parse_service(std::string_view text, const std::vector<std::string>& ids) {
  const std::string wanted = lower_ascii(trim(text));
  for (const std::string& id : ids) {
    if (lower_ascii(id) == wanted) return id;
  }
  std::string known;
  for (const std::string& id : ids) known += (known.empty() ? "" : ", ") + id;
  return Error::Invalid(fmt::format("unknown service '{}'; use one of: {}", trim(text), known));
}

Result<std::string> parse_name(std::string_view text) {
  const std::string_view name = trim(text);
  if (name.empty())
    return Error::Invalid("the name is empty; write a display name such as Gezin Peeters");
  if (name.size() > kMaxNameBytes) {
    return Error::Invalid(
        fmt::format("the name is longer than {} characters; shorten it", kMaxNameBytes));
  }
  const bool has_control = std::any_of(name.begin(), name.end(),
                                       [](char c) { return static_cast<unsigned char>(c) < 0x20; });
  if (has_control) return Error::Invalid("the name holds a line break or tab; keep it on one line");
  return std::string(name);
}

Result<bool> parse_yes_no(std::string_view text, std::string_view column) {
  static constexpr std::array<std::pair<std::string_view, bool>, 8> kWords{{{"yes", true},
                                                                            {"no", false},
                                                                            {"true", true},
                                                                            {"false", false},
                                                                            {"1", true},
                                                                            {"0", false},
                                                                            {"ja", true},
                                                                            {"nee", false}}};
  const std::string word = lower_ascii(trim(text));
  for (const auto& [name, value] : kWords) {
    if (name == word) return value;
  }
  return Error::Invalid(
      fmt::format("{} '{}' must be yes or no (also ja/nee, true/false, 1/0)", column, trim(text)));
}

Result<Language> parse_language(std::string_view text, std::string_view column) {
  if (const auto language = language_from_string(trim(text))) return *language;
  return Error::Invalid(
      fmt::format("{} '{}' is not a language we support; write nl, fr or en", column, trim(text)));
}

Result<std::vector<Language>> parse_languages(std::string_view text) {
  std::vector<Language> languages;
  for (const std::string_view part : split_any(text, ",;/ ")) {
    const auto language = parse_language(part, "language");
    if (!language.ok()) return language.error();
    if (std::find(languages.begin(), languages.end(), *language) == languages.end()) {
      languages.push_back(*language);
    }
  }
  if (languages.empty()) {
    return Error::Invalid("no language given; list at least one of nl, fr, en, like \"nl,fr\"");
  }
  return languages;
}

Result<Role> parse_role(std::string_view text) {
  if (const auto role = role_from_string(trim(text))) return *role;
  return Error::Invalid(fmt::format("role '{}' must be caseworker or supervisor", trim(text)));
}

// ---- contacts ----

Result<std::string> parse_telegram_id(std::string_view address) {
  const std::string_view digits = address.substr(address.starts_with('-') ? 1 : 0);
  if (!all_digits(digits) || digits.size() > 18 ||
      digits.find_first_not_of('0') == std::string_view::npos) {
    return Error::Invalid(
        fmt::format("telegram chat id '{}' must be the numeric chat id, like telegram:123456789, "
                    "not a user name",
                    address));
  }
  return std::string(address);
}

Result<std::string> parse_slash_user(std::string_view address) {
  const bool ok =
      !address.empty() && address.size() <= 64 &&
      is_alnum(address.front()) && std::all_of(address.begin(), address.end(), [](char c) {
        return is_alnum(c) || c == '.' || c == '_' || c == '-';
      });
  if (!ok) {
    return Error::Invalid(fmt::format(
        "slash user id '{}' must be the Slack or Mattermost user id, like slash:U123ABC", address));
  }
  return std::string(address);
}

Result<Contact> parse_contact(std::string_view item, ContactRules rules) {
  const std::size_t colon = item.find(':');
  if (colon == std::string_view::npos) {
    return Error::Invalid(fmt::format(
        "contact '{}' has no channel; write it as sms:0470 12 34 56, signal:+32 470 12 34 56 or "
        "telegram:123456789",
        item));
  }
  const std::string name = lower_ascii(trim(item.substr(0, colon)));
  const std::string_view address = trim(item.substr(colon + 1));
  const Channel channel = channel_from_string(name);
  const bool slash_ok = rules == ContactRules::kCaseworker;
  if (channel == Channel::kSandbox) {
    return Error::Invalid(
        "sandbox contacts are made by the practice channel, not imported; remove '" +
        std::string(item) + "'");
  }
  if (channel == Channel::kSlash && !slash_ok) {
    return Error::Invalid("slash contacts are for caseworkers; use sms, signal or telegram");
  }
  if (channel == Channel::kUnknown) {
    return Error::Invalid(
        fmt::format("contact channel '{}' is unknown; use {}", name,
                    slash_ok ? "sms, signal, telegram or slash" : "sms, signal or telegram"));
  }
  Result<std::string> parsed = std::string();
  switch (channel) {
    case Channel::kSms:
    case Channel::kSignal:
      parsed = normalize_phone(address);
      break;
    case Channel::kTelegram:
      parsed = parse_telegram_id(address);
      break;
    default:
      parsed = parse_slash_user(address);
      break;
  }
  if (!parsed.ok()) return parsed.error();
  return Contact{channel, std::move(parsed.value())};
}

// ---- availability ----

std::optional<int> weekday_from_name(std::string_view name) {
  static constexpr std::array<std::array<std::string_view, 4>, 7> kNames{
      {{"ma", "maandag", "mon", "monday"},
       {"di", "dinsdag", "tue", "tuesday"},
       {"wo", "woensdag", "wed", "wednesday"},
       {"do", "donderdag", "thu", "thursday"},
       {"vr", "vrijdag", "fri", "friday"},
       {"za", "zaterdag", "sat", "saturday"},
       {"zo", "zondag", "sun", "sunday"}}};
  const std::string word = lower_ascii(trim(name));
  for (int day = 0; day < 7; ++day) {
    const auto& names = kNames[static_cast<std::size_t>(day)];
    if (std::find(names.begin(), names.end(), word) != names.end()) return day;
  }
  return std::nullopt;
}

Error availability_error(std::string_view part, std::string_view what) {
  return Error::Invalid(fmt::format(
      "availability '{}': {}; write it like 'ma-vr 18:00-08:00; za-zo 00:00-24:00' (days ma di wo "
      "do vr za zo or mon..sun), or leave it empty for always",
      part, what));
}

// "ma-vr" / "za,zo" / "wo" -> the weekdays, 0 = Monday.
Result<std::array<bool, 7>> parse_days(std::string_view text, std::string_view entry) {
  std::array<bool, 7> days{};
  const auto groups = split_any(text, ",");
  if (groups.empty()) return availability_error(entry, "the days are missing");
  for (const std::string_view group : groups) {
    const std::size_t dash = group.find('-');
    const auto first = weekday_from_name(group.substr(0, dash));
    const auto last =
        dash == std::string_view::npos ? first : weekday_from_name(group.substr(dash + 1));
    if (!first || !last) {
      return availability_error(entry, fmt::format("'{}' is not a day or day range", group));
    }
    for (int day = *first;; day = (day + 1) % 7) {
      days[static_cast<std::size_t>(day)] = true;
      if (day == *last) break;
    }
  }
  return days;
}

// "8:00" / "18" / "24:00" -> minutes from midnight, or nothing.
std::optional<int> parse_clock(std::string_view text) {
  const std::size_t colon = text.find(':');
  const auto hours = to_int(text.substr(0, colon));
  const auto minutes =
      colon == std::string_view::npos ? std::optional<int>(0) : to_int(text.substr(colon + 1));
  if (!hours || !minutes || text.substr(0, colon).size() > 2 ||
      (colon != std::string_view::npos && text.size() - colon - 1 != 2) || *minutes > 59) {
    return std::nullopt;
  }
  const int value = *hours * 60 + *minutes;
  if (value > 24 * 60) return std::nullopt;
  return value;
}

Status add_range(std::string_view range, const std::array<bool, 7>& days, std::string_view entry,
                 std::vector<WeeklyWindow>& out) {
  const std::size_t dash = range.find('-');
  const auto start = parse_clock(trim(range.substr(0, dash)));
  const auto end =
      dash == std::string_view::npos ? std::nullopt : parse_clock(trim(range.substr(dash + 1)));
  if (!start || !end || *start == 24 * 60) {
    return availability_error(entry,
                              fmt::format("'{}' is not a time range like 18:00-08:00", range));
  }
  if (*start == *end) {
    return availability_error(entry,
                              fmt::format("'{}' starts and ends at the same time; for a whole "
                                          "day write 00:00-24:00",
                                          range));
  }
  for (int day = 0; day < 7; ++day) {
    if (!days[static_cast<std::size_t>(day)]) continue;
    if (*end > *start) {
      out.push_back({day, *start, *end});
      continue;
    }
    out.push_back({day, *start, 24 * 60});
    if (*end > 0) out.push_back({(day + 1) % 7, 0, *end});
  }
  return Ok();
}

// ---- rows ----

// The header's columns mapped to their positions.
class Columns {
 public:
  template <std::size_t N>
  static Result<Columns> from_header(const std::vector<std::string>& header,
                                     const std::array<std::string_view, N>& expected) {
    std::string all;
    for (const auto name : expected) all += (all.empty() ? "" : ",") + std::string(name);
    Columns columns;
    for (std::size_t i = 0; i < header.size(); ++i) {
      const std::string name = lower_ascii(trim(header[i]));
      if (std::find(expected.begin(), expected.end(), name) == expected.end()) {
        return Error::Invalid(
            fmt::format("line 1: unknown column '{}'; the columns are {}", header[i], all));
      }
      if (!columns.index_.emplace(name, i).second) {
        return Error::Invalid(fmt::format("line 1: column '{}' appears twice", name));
      }
    }
    std::string missing;
    for (const auto name : expected) {
      if (!columns.index_.contains(std::string(name)))
        missing += (missing.empty() ? "'" : ", '") + std::string(name) + "'";
    }
    if (!missing.empty()) {
      return Error::Invalid(
          fmt::format("line 1: the header lacks column {}; the columns are {}", missing, all));
    }
    columns.width_ = header.size();
    return columns;
  }

  std::size_t width() const { return width_; }
  std::string_view field(const CsvRow& row, std::string_view name) const {
    return row.fields[index_.at(std::string(name))];
  }

 private:
  std::map<std::string, std::size_t> index_;
  std::size_t width_ = 0;
};

// Reads one row's fields, recording an issue for each field that does not parse.
class RowReader {
 public:
  RowReader(const Columns& columns, const CsvRow& row, std::vector<ImportIssue>& issues)
      : columns_(columns), row_(row), issues_(issues) {}

  std::string_view field(std::string_view column) const { return columns_.field(row_, column); }

  template <typename T, typename U>
  void set(U& target, std::string_view column, Result<T> parsed) {
    if (parsed.ok()) {
      target = std::move(parsed.value());
    } else {
      issue(column, parsed.error().message);
    }
  }

  void issue(std::string_view column, std::string message) {
    issues_.push_back({row_.line, std::string(column), std::move(message)});
    failed_ = true;
  }

  bool failed() const { return failed_; }
  int line() const { return row_.line; }

 private:
  const Columns& columns_;
  const CsvRow& row_;
  std::vector<ImportIssue>& issues_;
  bool failed_ = false;
};

std::optional<Family> family_from_row(RowReader& r, const Postcodes& postcodes,
                                      const std::vector<std::string>& service_ids) {
  Family f;
  r.set(f.id, "id", parse_id(r.field("id"), 'F', 4, "F0012"));
  r.set(f.service, "service", parse_service(r.field("service"), service_ids));
  r.set(f.display_name, "name", parse_name(r.field("name")));
  r.set(f.contacts, "contacts", parse_contacts(r.field("contacts"), ContactRules::kFamily));
  std::optional<Place> home;
  r.set(home, "postcode", postcodes.resolve(r.field("postcode")));
  if (home) {
    f.postcode = home->postcode;
    f.home = home->point;
  }
  r.set(f.max_distance_km, "max_km",
        parse_int_in(r.field("max_km"), 1, 200, "max_km", "of kilometres "));
  std::optional<int> min_age;
  std::optional<int> max_age;
  r.set(min_age, "min_age", parse_age_months(r.field("min_age")));
  r.set(max_age, "max_age", parse_age_months(r.field("max_age")));
  if (min_age && max_age && *min_age > *max_age) {
    r.issue("max_age", fmt::format("max_age '{}' is below min_age '{}'; swap them or correct one",
                                   trim(r.field("max_age")), trim(r.field("min_age"))));
  }
  f.min_age_months = min_age.value_or(0);
  f.max_age_months = max_age.value_or(0);
  r.set(f.max_children, "max_children",
        parse_int_in(r.field("max_children"), 1, 6, "max_children", ""));
  r.set(f.languages, "languages", parse_languages(r.field("languages")));
  r.set(f.availability, "availability", parse_availability(r.field("availability")));
  if (!trim(r.field("paused_until")).empty()) {
    r.set(f.paused_until, "paused_until", parse_local_date(r.field("paused_until")));
  }
  r.set(f.opted_in, "opted_in", parse_yes_no(r.field("opted_in"), "opted_in"));
  r.set(f.preferred_language, "preferred_language",
        parse_language(r.field("preferred_language"), "preferred_language"));
  if (r.failed()) return std::nullopt;
  return f;
}

std::optional<Caseworker> caseworker_from_row(RowReader& r,
                                              const std::vector<std::string>& service_ids) {
  Caseworker c;
  r.set(c.id, "id", parse_id(r.field("id"), 'C', 3, "C001"));
  r.set(c.service, "service", parse_service(r.field("service"), service_ids));
  r.set(c.name, "name", parse_name(r.field("name")));
  r.set(c.role, "role", parse_role(r.field("role")));
  r.set(c.contacts, "contacts", parse_contacts(r.field("contacts"), ContactRules::kCaseworker));
  r.set(c.language, "language", parse_language(r.field("language"), "language"));
  if (r.failed()) return std::nullopt;
  return c;
}

// Parses every row with `from_row`; shared by families and caseworkers.
template <typename Import, std::size_t N, typename FromRow>
Result<Import> parse_people(std::string_view text, const std::array<std::string_view, N>& expected,
                            std::string_view kind, FromRow from_row) {
  auto table = parse_csv(text);
  if (!table.ok()) return table.error();
  auto columns = Columns::from_header(table->header, expected);
  if (!columns.ok()) return columns.error();
  Import out;
  std::map<std::string, int> first_line_of_id;
  for (const CsvRow& row : table->rows) {
    RowReader reader(*columns, row, out.issues);
    if (row.fields.size() != columns->width()) {
      reader.issue("", fmt::format("the row has {} fields but the header has {}; put a field that "
                                   "holds a comma in double quotes",
                                   row.fields.size(), columns->width()));
      continue;
    }
    auto person = from_row(reader);
    const std::string id = person ? person->id : upper_ascii(trim(reader.field("id")));
    const auto [seen, is_new] = first_line_of_id.emplace(id, row.line);
    if (!is_new && !id.empty()) {
      reader.issue("id", fmt::format("id {} is already used on line {}; give every {} its own id",
                                     id, seen->second, kind));
      continue;
    }
    if (person && !reader.failed()) out.rows.push_back(std::move(*person));
  }
  return out;
}

}  // namespace

Result<int> parse_age_months(std::string_view text) {
  const std::string value = lower_ascii(trim(text));
  const bool months = value.ends_with('m');
  const std::string_view number =
      trim(std::string_view(value).substr(0, value.size() - (months ? 1 : 0)));
  const auto parsed = to_int(number);
  const int total = parsed ? (months ? *parsed : *parsed * 12) : -1;
  if (total < 0 || total > kMaxAgeYears * 12) {
    return Error::Invalid(fmt::format(
        "age '{}' must be years as a whole number (7) or months with m (6m), from 0 to {} years",
        trim(text), kMaxAgeYears));
  }
  return total;
}

Result<std::vector<WeeklyWindow>> parse_availability(std::string_view text) {
  std::vector<WeeklyWindow> windows;
  for (const std::string_view entry : split_any(text, ";")) {
    const std::size_t digit = entry.find_first_of("0123456789");
    if (digit == std::string_view::npos) return availability_error(entry, "the hours are missing");
    const auto days = parse_days(entry.substr(0, digit), entry);
    if (!days.ok()) return days.error();
    const auto ranges = split_any(entry.substr(digit), ",");
    for (const std::string_view range : ranges) {
      if (auto added = add_range(range, *days, entry, windows); !added.ok()) return added.error();
    }
  }
  std::sort(windows.begin(), windows.end(), [](const WeeklyWindow& a, const WeeklyWindow& b) {
    return std::tie(a.weekday, a.start_minute, a.end_minute) <
           std::tie(b.weekday, b.start_minute, b.end_minute);
  });
  return windows;
}

Result<std::vector<Contact>> parse_contacts(std::string_view text, ContactRules rules) {
  std::vector<Contact> contacts;
  for (const std::string_view item : split_any(text, ";,")) {
    auto contact = parse_contact(item, rules);
    if (!contact.ok()) return contact.error();
    if (std::find(contacts.begin(), contacts.end(), *contact) != contacts.end()) {
      return Error::Invalid(
          fmt::format("contact '{}' is listed twice; list each contact once", item));
    }
    contacts.push_back(std::move(contact.value()));
  }
  if (contacts.empty()) {
    return Error::Invalid("no contact given; write at least one, like sms:0470 12 34 56");
  }
  return contacts;
}

Result<UnixTime> parse_local_date(std::string_view text) {
  const std::string_view value = trim(text);
  const auto bad = [&] {
    return Error::Invalid(
        fmt::format("date '{}' must be written as YYYY-MM-DD, like 2026-03-14", value));
  };
  if (value.size() != 10 || value[4] != '-' || value[7] != '-') return bad();
  const auto y = to_int(value.substr(0, 4));
  const auto m = to_int(value.substr(5, 2));
  const auto d = to_int(value.substr(8, 2));
  if (!y || !m || !d || *y < 2000 || *y > 2200) return bad();
  if (!is_valid_date(*y, *m, *d)) return bad();
  return from_local(*y, *m, *d, 0);
}

Result<FamilyImport> parse_families_csv(std::string_view text, const Postcodes& postcodes,
                                        const std::vector<std::string>& service_ids) {
  return parse_people<FamilyImport>(text, kFamilyColumns, "family", [&](RowReader& r) {
    return family_from_row(r, postcodes, service_ids);
  });
}

Result<CaseworkerImport> parse_caseworkers_csv(std::string_view text,
                                               const std::vector<std::string>& service_ids) {
  return parse_people<CaseworkerImport>(text, kCaseworkerColumns, "caseworker", [&](RowReader& r) {
    return caseworker_from_row(r, service_ids);
  });
}

}  // namespace noodbel
