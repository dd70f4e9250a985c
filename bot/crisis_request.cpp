#include "bot/crisis_request.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "bot/edit_distance.h"
#include "bot/local_time.h"
#include "bot/place_text.h"
#include "bot/text/ascii.h"
#include "bot/text/split.h"

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

template <std::size_t N>
bool one_of(std::string_view s, const std::array<std::string_view, N>& words) {
  return std::find(words.begin(), words.end(), s) != words.end();
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
  bool quoted = false;     // the value was in quotes: it never runs over the next words
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
  return !s.empty() && std::all_of(s.begin(), s.end(), is_alpha);
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
        t.quoted = true;
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
    const std::string unit = lower_ascii(a.unit);
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
  const std::string unit = lower_ascii(a.unit);
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
  const std::string v = lower_ascii(raw);
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
  const std::string w = lower_ascii(word);
  return w == "urgent" || w == "dringend";
}

std::optional<Key> key_of(std::string_view name) {
  const std::string k = lower_ascii(name);
  for (const auto& [n, key] : kKeys) {
    if (n == k) return key;
  }
  return std::nullopt;
}

bool is_english_key(std::string_view name) {
  constexpr std::array<std::string_view, 6> kEnglish{"age",      "place", "lang",
                                                     "duration", "from",  "wave"};
  return one_of(lower_ascii(name), kEnglish);
}

// The key a misspelt one probably means ("leeftjid" -> "leeftijd"), or "".
std::string_view likely_key(std::string_view typed) {
  const std::string k = lower_ascii(typed);
  constexpr int kMaxTypos = 2;
  std::string_view best;
  int best_distance = kMaxTypos + 1;
  for (const auto& [name, key] : kKeys) {
    const int limit = name.size() <= 4 ? 1 : kMaxTypos;
    const int d = edit_distance(k, name, limit);
    if (d <= limit && d < best_distance) {
      best = name;
      best_distance = d;
    }
  }
  return best;
}

// A value with spaces goes in quotes, so the example parses back to the same value.
std::string key_value(std::string_view key, std::string_view value) {
  if (value.find(' ') == std::string_view::npos) return fmt::format("{}={}", key, value);
  return fmt::format("{}=\"{}\"", key, value);
}

// The error of a value parser as a problem of `key`.
CrisisProblem problem_of(const Error& e, std::string_view key) {
  CrisisProblem p;
  p.reason = std::string(crisis_error_reason(e));
  p.key = std::string(key);
  p.value = std::string(crisis_error_value(e));
  const std::size_t colon = e.message.find(": ");
  p.detail = colon == std::string::npos ? e.message : e.message.substr(colon + 2);
  return p;
}

class Checker {
 public:
  Checker(const Postcodes& postcodes, UnixTime now, Language default_language)
      : postcodes_(postcodes), now_(now), default_language_(default_language) {
    out_.request.needed_from = now;
  }

  CrisisCheck run(std::string_view args) {
    const std::vector<Token> tokens = tokenize(args);
    for (std::size_t i = 0; i < tokens.size(); ++i) i += take(tokens, i);
    add_missing();
    if (out_.request.languages.empty()) out_.request.languages.push_back(default_language_);
    std::string joined;
    for (const std::string& piece : example_) joined += (joined.empty() ? "" : " ") + piece;
    out_.example_args = std::move(joined);
    return std::move(out_);
  }

 private:
  // Handles tokens[i]; returns how many of the following tokens it used too.
  std::size_t take(const std::vector<Token>& tokens, std::size_t i) {
    const Token& t = tokens[i];
    if (t.key.empty()) {
      if (is_flag(t.text)) {
        out_.request.urgent = true;
      } else {
        if (!out_.request.note.empty()) out_.request.note += ' ';
        out_.request.note += t.text;
      }
      example_.emplace_back(t.text);
      return 0;
    }
    std::optional<Key> key = key_of(t.key);
    // A copy: the key meant for an unknown one lives in out_.problems, which may grow.
    std::string example_key(t.key);
    if (!key) {
      CrisisProblem p{"unknown_key", std::string(t.key), std::string(t.key), {}, {}, {}};
      p.likely_key = std::string(likely_key(t.key));
      p.detail = "unknown key; keys are leeftijd, postcode (or gemeente), taal, duur, vanaf, golf";
      if (!p.likely_key.empty()) p.detail += "; did you mean " + p.likely_key + "=?";
      out_.problems.push_back(std::move(p));
      if (out_.problems.back().likely_key.empty()) return 0;
      example_key = out_.problems.back().likely_key;
      key = key_of(example_key);
      if (seen(*key)) return 0;
      // Checked as the key meant: its value may be wrong too.
      seen(*key) = true;
      decide_key_language(example_key);
      return apply(*key, tokens, i, example_key);
    }
    if (seen(*key)) {
      out_.problems.push_back({"duplicate_key", std::string(t.key), std::string(t.key), {}, {},
                               "this key is given twice; give it once"});
      return 0;
    }
    seen(*key) = true;
    decide_key_language(t.key);
    return apply(*key, tokens, i, example_key);
  }

  std::size_t apply(Key key, const std::vector<Token>& tokens, std::size_t i,
                    std::string_view example_key) {
    const Token& t = tokens[i];
    if (key == Key::kPlace) return apply_place(tokens, i, example_key);
    CrisisRequest& r = out_.request;
    const auto store = [&](auto result, auto& field, std::string sample) {
      if (result) {
        field = std::move(result).value();
        example_.push_back(key_value(example_key, t.value));
        return;
      }
      out_.problems.push_back(problem_of(result.error(), t.key));
      sampled(example_key, sample);
    };
    switch (key) {
      case Key::kAge:
        store(parse_ages(t.value), r.ages_months, "4");
        if (r.ages_months.empty()) r.ages_months = {48};
        break;
      case Key::kLanguage:
        store(parse_languages(t.value), r.languages, std::string(to_string(default_language_)));
        break;
      case Key::kDuration: store(parse_duration(t.value), r.duration_hours, "3d"); break;
      case Key::kFrom: store(parse_from(t.value, now_), r.needed_from, now_word()); break;
      case Key::kWave: store(parse_wave(t.value), r.wave_size, "10"); break;
      case Key::kPlace:
      case Key::kCount: break;
    }
    return 0;
  }

  // A place value may run over up to three following plain words that complete it
  // ("gemeente=Sint Niklaas", "postcode=9120 Beveren"); returns how many it used.
  std::size_t apply_place(const std::vector<Token>& tokens, std::size_t i,
                          std::string_view example_key) {
    constexpr std::size_t kMaxExtraWords = 3;
    const Token& t = tokens[i];
    std::string value(t.value);
    PlaceLookup found = postcodes_.lookup(value);
    std::size_t used = 0;
    std::string joined = value;
    for (std::size_t k = 1; !t.quoted && k <= kMaxExtraWords && i + k < tokens.size(); ++k) {
      const Token& next = tokens[i + k];
      if (!next.key.empty() || is_flag(next.text)) break;
      joined += " " + std::string(next.text);
      PlaceLookup longer = postcodes_.lookup(joined);
      if (longer.status == PlaceLookupStatus::kFound ||
          longer.status == PlaceLookupStatus::kAmbiguous) {
        found = std::move(longer);
        value = joined;
        used = k;
      }
    }
    CrisisRequest& r = out_.request;
    if (found.status == PlaceLookupStatus::kFound) {
      r.place = found.matches.front().place;
      std::string typed(t.text);
      for (std::size_t k = 1; k <= used; ++k) typed += " " + std::string(tokens[i + k].text);
      example_.push_back(std::move(typed));
      return used;
    }
    CrisisProblem p;
    p.key = std::string(t.key);
    p.value = value;
    p.reason = found.status == PlaceLookupStatus::kAmbiguous ? "ambiguous_place" : "bad_place";
    p.places = found.matches;
    const Result<Place> resolved = postcodes_.resolve(value);
    p.detail = resolved ? std::string("unknown place") : resolved.error().message;
    if (!found.matches.empty()) {
      r.place = found.matches.front().place;
      sampled(example_key, place_as_typed(postcodes_, found.matches.front()));
    } else {
      sample_place(example_key);
    }
    out_.problems.push_back(std::move(p));
    return used;
  }

  void add_missing() {
    constexpr std::string_view kHow = " is missing. ";
    std::size_t front = 0;
    if (!seen(Key::kAge)) {
      out_.problems.push_back({"missing_age", "", "", {}, {},
                               fmt::format("leeftijd={}{}", kHow, kExample)});
      out_.request.ages_months = {48};
      const std::string key = english_keys_ ? "age" : "leeftijd";
      example_.insert(example_.begin() + static_cast<std::ptrdiff_t>(front++), key + "=4");
      out_.sampled_keys.push_back(key);
    }
    if (!seen(Key::kPlace)) {
      out_.problems.push_back({"missing_place", "", "", {}, {},
                               fmt::format("postcode= (or gemeente=){}{}", kHow, kExample)});
      const std::size_t at = example_.size();
      sample_place("postcode");
      std::rotate(example_.begin() + static_cast<std::ptrdiff_t>(front),
                  example_.begin() + static_cast<std::ptrdiff_t>(at), example_.end());
    }
  }

  void sample_place(std::string_view example_key) {
    std::optional<Place> sample = postcodes_.by_postcode("9000");
    if (!sample && !postcodes_.places().empty()) sample = postcodes_.places().front();
    if (sample) out_.request.place = *sample;
    sampled(example_key, sample ? sample->postcode : "9000");
  }

  void sampled(std::string_view key, std::string_view sample) {
    example_.push_back(key_value(key, sample));
    out_.sampled_keys.emplace_back(key);
  }

  void decide_key_language(std::string_view key) {
    if (key_language_decided_ || lower_ascii(key) == "postcode") return;
    key_language_decided_ = true;
    english_keys_ = is_english_key(key);
  }

  std::string now_word() const { return english_keys_ ? "now" : "nu"; }
  bool& seen(Key key) { return seen_[static_cast<std::size_t>(key)]; }

  const Postcodes& postcodes_;
  const UnixTime now_;
  const Language default_language_;
  CrisisCheck out_;
  std::vector<std::string> example_;
  std::array<bool, static_cast<std::size_t>(Key::kCount)> seen_{};
  bool key_language_decided_ = false;
  bool english_keys_ = default_language_ != Language::kNl;
};

}  // namespace

CrisisCheck check_crisis_request(std::string_view args, const Postcodes& postcodes,
                                 UnixTime now, Language default_language) {
  return Checker(postcodes, now, default_language).run(args);
}

Result<CrisisRequest> parse_crisis_request(std::string_view args, const Postcodes& postcodes,
                                           UnixTime now, Language default_language) {
  CrisisCheck check = check_crisis_request(args, postcodes, now, default_language);
  if (check.ok()) return std::move(check.request);
  const CrisisProblem& p = check.problems.front();
  if (p.reason == "missing_age" || p.reason == "missing_place") return fail(p.reason, p.detail);
  return fail(p.reason, p.value, p.detail);
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
