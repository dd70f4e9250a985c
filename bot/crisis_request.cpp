#include "bot/crisis_request.h"

#include <algorithm>
#include <array>
#include <cctype>

#include <fmt/format.h>

#include "bot/local_time.h"

namespace noodbel {
namespace {

constexpr std::string_view kErrorPrefix = "crisis.";
constexpr std::string_view kExample =
    "Example: /crisis leeftijd=4 postcode=9000 taal=nl duur=3d Korte toelichting";
constexpr int kMaxAgeYears = 17;
constexpr int kMaxAgeMonths = 35;
constexpr std::size_t kMaxChildren = 10;
constexpr int kMaxDurationHours = 8 * 7 * 24;
constexpr int kMaxWave = 500;
constexpr int kMorningMinute = 9 * 60;       // a day without a time starts at 09:00
constexpr UnixTime kMaxAhead = 183 * 86400;  // vanaf= at most about six months ahead

enum class Key { kAge, kPlace, kLanguage, kDuration, kFrom, kWave, kCount };

constexpr std::array<std::pair<std::string_view, Key>, 14> kKeys{{
    {"leeftijd", Key::kAge}, {"age", Key::kAge},
    {"postcode", Key::kPlace}, {"gemeente", Key::kPlace}, {"plaats", Key::kPlace},
    {"place", Key::kPlace},
    {"taal", Key::kLanguage}, {"lang", Key::kLanguage},
    {"duur", Key::kDuration}, {"duration", Key::kDuration},
    {"vanaf", Key::kFrom}, {"from", Key::kFrom},
    {"golf", Key::kWave}, {"wave", Key::kWave},
}};

Error fail(std::string_view reason, std::string_view value, std::string_view detail) {
  return Error::Invalid(fmt::format("{}{} \"{}\": {}", kErrorPrefix, reason, value, detail));
}

Error fail(std::string_view reason, std::string_view detail) {
  return Error::Invalid(fmt::format("{}{}: {}", kErrorPrefix, reason, detail));
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

template <std::size_t N>
bool one_of(std::string_view s, const std::array<std::string_view, N>& words) {
  return std::find(words.begin(), words.end(), s) != words.end();
}

// Splits "4,7" into {"4", "7"}; keeps empty parts so they can be reported.
std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  for (std::size_t pos = 0;;) {
    const std::size_t end = std::min(s.find(sep, pos), s.size());
    parts.push_back(s.substr(pos, end - pos));
    if (end == s.size()) return parts;
    pos = end + 1;
  }
}

// A leading number of at most four digits and the text after it ("12u" -> 12, "u").
struct Amount {
  int number = -1;
  std::string_view unit;
};

Amount amount(std::string_view s) {
  std::size_t digits = 0;
  int n = 0;
  while (digits < s.size() && is_digit(s[digits]) && digits < 4) n = n * 10 + (s[digits++] - '0');
  if (digits == 0 || (digits < s.size() && is_digit(s[digits]))) return {};
  return {n, s.substr(digits)};
}

// ---- tokens ----

struct Token {
  std::string_view text;   // the whole token as typed
  std::string_view key;    // empty unless the token is key=value
  std::string_view value;  // unquoted
};

// Length of the opening quote at s[i] ('"', “ or „), or 0.
std::size_t open_quote(std::string_view s, std::size_t i) {
  if (i < s.size() && s[i] == '"') return 1;
  if (s.substr(i, 3) == "\xE2\x80\x9C" || s.substr(i, 3) == "\xE2\x80\x9E") return 3;
  return 0;
}

// Where a quoted value starting at i ends ('"', ” or “; else at the line end) and the
// length of the closing quote.
std::pair<std::size_t, std::size_t> close_quote(std::string_view s, std::size_t i) {
  for (; i < s.size() && s[i] != '\n'; ++i) {
    if (s[i] == '"') return {i, 1};
    if (s.substr(i, 3) == "\xE2\x80\x9D" || s.substr(i, 3) == "\xE2\x80\x9C") return {i, 3};
  }
  return {i, 0};
}

bool is_key(std::string_view s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
}

// Whitespace-separated tokens; a key="quoted value" may hold spaces.
std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (true) {
    while (i < s.size() && is_space(s[i])) ++i;
    if (i == s.size()) return out;
    const std::size_t start = i;
    while (i < s.size() && !is_space(s[i]) && s[i] != '=') ++i;
    Token t;
    if (i < s.size() && s[i] == '=' && is_key(s.substr(start, i - start))) {
      t.key = s.substr(start, i - start);
      ++i;
      if (const std::size_t q = open_quote(s, i); q > 0) {
        const auto [end, close] = close_quote(s, i + q);
        t.value = s.substr(i + q, end - i - q);
        i = end + close;
      } else {
        const std::size_t vstart = i;
        while (i < s.size() && !is_space(s[i])) ++i;
        t.value = s.substr(vstart, i - vstart);
      }
    } else {
      while (i < s.size() && !is_space(s[i])) ++i;
    }
    t.text = s.substr(start, i - start);
    out.push_back(t);
  }
}

// ---- values ----

Result<std::vector<int>> parse_ages(std::string_view raw) {
  constexpr std::string_view kHow =
      "each age is years (0-17) or months with m (0-35), comma-separated, e.g. leeftijd=4,7 "
      "or leeftijd=3m";
  std::vector<int> months;
  for (const std::string_view part : split(raw, ',')) {
    const Amount a = amount(part);
    const std::string unit = lower(a.unit);
    if (a.number >= 0 && (unit.empty() || unit == "j" || unit == "y") && a.number <= kMaxAgeYears) {
      months.push_back(a.number * 12);
    } else if (a.number >= 0 && (unit == "m" || unit == "mnd") && a.number <= kMaxAgeMonths) {
      months.push_back(a.number);
    } else {
      return fail("bad_age", raw, kHow);
    }
  }
  if (months.size() > kMaxChildren) return fail("bad_age", raw, "at most 10 children per call");
  return months;
}

Result<std::vector<Language>> parse_languages(std::string_view raw) {
  std::vector<Language> out;
  for (const std::string_view part : split(raw, ',')) {
    const auto lang = language_from_string(part);
    if (!lang) return fail("bad_language", raw, "languages are nl, fr or en, e.g. taal=nl,fr");
    if (std::find(out.begin(), out.end(), *lang) == out.end()) out.push_back(*lang);
  }
  return out;
}

Result<int> parse_duration(std::string_view raw) {
  const Amount a = amount(raw);
  const std::string unit = lower(a.unit);
  int hours = -1;
  if (unit.empty() || unit == "d" || unit == "j") hours = a.number * 24;
  if (unit == "w") hours = a.number * 24 * 7;
  if (unit == "u" || unit == "h") hours = a.number;
  if (a.number < 0 || hours < 1 || hours > kMaxDurationHours) {
    return fail("bad_duration", raw,
                "a duration is hours (12u), days (3d or 3) or weeks (1w), at most 8 weeks");
  }
  return hours;
}

Result<int> parse_wave(std::string_view raw) {
  const Amount a = amount(raw);
  if (a.number < 1 || a.number > kMaxWave || !a.unit.empty()) {
    return fail("bad_wave", raw, "the wave size is a number of families from 1 to 500, e.g. golf=10");
  }
  return a.number;
}

// "18u", "18h", "18", "18:30", "18u30", "18h30", "18.30" -> minute of the day.
std::optional<int> parse_clock(std::string_view s) {
  const Amount h = amount(s);
  if (h.number < 0 || h.number > 23) return std::nullopt;
  std::string_view rest = h.unit;
  if (rest.empty()) return h.number * 60;
  if (rest[0] != 'u' && rest[0] != 'h' && rest[0] != ':' && rest[0] != '.') return std::nullopt;
  rest.remove_prefix(1);
  if (rest.empty()) return (s.back() == 'u' || s.back() == 'h') ? std::optional(h.number * 60)
                                                               : std::nullopt;
  const Amount m = amount(rest);
  if (m.number < 0 || m.number > 59 || !m.unit.empty() || rest.size() != 2) return std::nullopt;
  return h.number * 60 + m.number;
}

struct Day {
  int year = 0;
  int month = 0;
  int day = 0;
};

// "24/11" (the next 24 November from today on) or "24/11/2026".
std::optional<Day> parse_date(std::string_view s, const LocalDateTime& today) {
  const std::vector<std::string_view> parts = split(s, '/');
  if (parts.size() < 2 || parts.size() > 3) return std::nullopt;
  const Amount d = amount(parts[0]);
  const Amount m = amount(parts[1]);
  if (!d.unit.empty() || !m.unit.empty()) return std::nullopt;
  Day out{today.year, m.number, d.number};
  if (parts.size() == 3) {
    const Amount y = amount(parts[2]);
    if (!y.unit.empty() || (parts[2].size() != 2 && parts[2].size() != 4)) return std::nullopt;
    out.year = parts[2].size() == 2 ? 2000 + y.number : y.number;
  } else if (std::pair(out.month, out.day) < std::pair(today.month, today.day)) {
    ++out.year;
  }
  if (!is_valid_date(out.year, out.month, out.day)) return std::nullopt;
  return out;
}

Result<UnixTime> parse_from(std::string_view raw, UnixTime now) {
  constexpr std::string_view kHow =
      "use a time today (18u, 18:30), a day (morgen, 24/11 means 09:00) or both (24/11-18u), "
      "not in the past and at most six months ahead";
  constexpr std::array<std::string_view, 3> kNow{"nu", "now", "vandaag"};
  constexpr std::array<std::string_view, 3> kTomorrow{"morgen", "tomorrow", "demain"};
  const std::string v = lower(raw);
  if (one_of(v, kNow)) return now;
  const std::size_t dash = v.find('-');
  const bool day_only = dash == std::string::npos && (one_of(v, kTomorrow) || v.find('/') != std::string::npos);
  const std::string_view day_part = dash != std::string::npos ? std::string_view(v).substr(0, dash)
                                    : day_only               ? std::string_view(v)
                                                             : std::string_view();
  const std::string_view time_part = dash != std::string::npos ? std::string_view(v).substr(dash + 1)
                                     : day_only                ? std::string_view()
                                                               : std::string_view(v);
  const LocalDateTime today = to_local(now);
  Day day{today.year, today.month, today.day};
  if (one_of(day_part, kTomorrow)) {
    const LocalDateTime t = to_local(local_midnight(now, 1));
    day = Day{t.year, t.month, t.day};
  } else if (!day_part.empty() && !one_of(day_part, kNow)) {
    const auto date = parse_date(day_part, today);
    if (!date) return fail("bad_from", raw, kHow);
    day = *date;
  }
  std::optional<int> minute = kMorningMinute;
  if (!time_part.empty()) minute = parse_clock(time_part);
  if (!minute) return fail("bad_from", raw, kHow);
  const UnixTime at = from_local(day.year, day.month, day.day, *minute);
  const bool is_today = day.year == today.year && day.month == today.month && day.day == today.day;
  if (at < now && is_today) return now;  // a time already passed today: from now on
  if (at < now || at > now + kMaxAhead) return fail("bad_from", raw, kHow);
  return at;
}

// ---- assembling ----

bool is_flag(std::string_view word) {
  const std::string w = lower(word);
  return w == "urgent" || w == "dringend";
}

std::optional<Key> key_of(std::string_view name) {
  const std::string k = lower(name);
  for (const auto& [n, key] : kKeys) {
    if (n == k) return key;
  }
  return std::nullopt;
}

Status apply(CrisisRequest& req, Key key, std::string_view value, const Postcodes& postcodes,
             UnixTime now) {
  auto store = [](auto result, auto& field) -> Status {
    if (!result) return result.error();
    field = std::move(result).value();
    return Ok();
  };
  switch (key) {
    case Key::kAge: return store(parse_ages(value), req.ages_months);
    case Key::kLanguage: return store(parse_languages(value), req.languages);
    case Key::kDuration: return store(parse_duration(value), req.duration_hours);
    case Key::kFrom: return store(parse_from(value, now), req.needed_from);
    case Key::kWave: return store(parse_wave(value), req.wave_size);
    case Key::kPlace: {
      auto place = postcodes.resolve(value);
      if (!place) return fail("bad_place", value, place.error().message);
      req.place = std::move(place).value();
      return Ok();
    }
    case Key::kCount: break;
  }
  return Error::Internal("unhandled crisis key");
}

}  // namespace

Result<CrisisRequest> parse_crisis_request(std::string_view args, const Postcodes& postcodes,
                                           UnixTime now, Language default_language) {
  CrisisRequest req;
  req.needed_from = now;
  std::array<bool, static_cast<std::size_t>(Key::kCount)> seen{};
  for (const Token& t : tokenize(args)) {
    if (t.key.empty()) {
      if (is_flag(t.text)) {
        req.urgent = true;
      } else {
        if (!req.note.empty()) req.note += ' ';
        req.note += t.text;
      }
      continue;
    }
    const std::optional<Key> key = key_of(t.key);
    if (!key) {
      return fail("unknown_key", t.key,
                  "unknown key; keys are leeftijd, postcode (or gemeente), taal, duur, vanaf, golf");
    }
    bool& was_seen = seen[static_cast<std::size_t>(*key)];
    if (was_seen) return fail("duplicate_key", t.key, "this key is given twice; give it once");
    was_seen = true;
    if (Status s = apply(req, *key, t.value, postcodes, now); !s) return s.error();
  }
  if (!seen[static_cast<std::size_t>(Key::kAge)]) {
    return fail("missing_age", fmt::format("leeftijd= is missing. {}", kExample));
  }
  if (!seen[static_cast<std::size_t>(Key::kPlace)]) {
    return fail("missing_place", fmt::format("postcode= (or gemeente=) is missing. {}", kExample));
  }
  if (req.languages.empty()) req.languages.push_back(default_language);
  return req;
}

std::string_view crisis_error_reason(const Error& e) {
  const std::string_view m = e.message;
  if (e.kind != ErrorKind::kInvalidInput || !m.starts_with(kErrorPrefix)) return {};
  const std::size_t end = m.find_first_of(" :", kErrorPrefix.size());
  if (end == std::string_view::npos) return {};
  return m.substr(kErrorPrefix.size(), end - kErrorPrefix.size());
}

std::string_view crisis_error_value(const Error& e) {
  const std::string_view reason = crisis_error_reason(e);
  if (reason.empty()) return {};
  const std::string_view rest = std::string_view(e.message).substr(kErrorPrefix.size() + reason.size());
  // A value never holds `": ` (unquoted values hold no spaces, quoted ones no quote).
  if (!rest.starts_with(" \"")) return {};
  const std::size_t end = rest.find("\": ", 2);
  return end == std::string_view::npos ? std::string_view() : rest.substr(2, end - 2);
}

}  // namespace noodbel
