#include "bot/office_hours.h"

#include <algorithm>
#include <array>
#include <string>

#include <fmt/format.h>

#include "bot/holidays.h"
#include "bot/local_time.h"
#include "bot/text/ascii.h"
#include "bot/text/split.h"

namespace noodbel {
namespace {

constexpr std::string_view kExample = "example: \"ma-vr 08:30-17:00; za-zo 09:00-21:00\"";
constexpr int kDaysAhead = 28;

constexpr std::array<std::array<std::string_view, 4>, 7> kDayNames{{
    {"ma", "mon", "mo", "maandag"},
    {"di", "tue", "tu", "dinsdag"},
    {"wo", "wed", "we", "woensdag"},
    {"do", "thu", "th", "donderdag"},
    {"vr", "fri", "fr", "vrijdag"},
    {"za", "sat", "sa", "zaterdag"},
    {"zo", "sun", "su", "zondag"},
}};

Error invalid(std::string_view what) {
  return Error::Invalid(fmt::format("{}; {}", what, kExample));
}

Result<int> day_of(std::string_view word) {
  const std::string lower = lower_ascii(word);
  for (std::size_t day = 0; day < kDayNames.size(); ++day) {
    const auto& names = kDayNames[day];
    if (std::find(names.begin(), names.end(), lower) != names.end()) return static_cast<int>(day);
  }
  return invalid(fmt::format("'{}' is not a day (use ma di wo do vr za zo, or mon..sun)", word));
}

// "ma-vr", "vr-ma", "ma,wo,vr", "za" -> the weekdays.
Result<std::vector<int>> days_of(std::string_view spec) {
  std::vector<int> days;
  for (const std::string_view item : split_trimmed(spec, ',')) {
    const std::size_t dash = item.find('-');
    Result<int> first = day_of(item.substr(0, dash));
    if (!first) return first.error();
    Result<int> last = dash == std::string_view::npos ? first : day_of(item.substr(dash + 1));
    if (!last) return last.error();
    for (int d = *first;; d = (d + 1) % 7) {
      if (std::find(days.begin(), days.end(), d) == days.end()) days.push_back(d);
      if (d == *last) break;
    }
  }
  return days;
}

// "08:30" -> 510; "24:00" -> 1440.
std::optional<int> minute_of(std::string_view s) {
  const std::size_t colon = s.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2 || s.size() != colon + 3) {
    return std::nullopt;
  }
  int h = 0;
  int m = 0;
  for (char c : s.substr(0, colon)) {
    if (!is_digit(c)) return std::nullopt;
    h = h * 10 + (c - '0');
  }
  for (char c : s.substr(colon + 1)) {
    if (!is_digit(c)) return std::nullopt;
    m = m * 10 + (c - '0');
  }
  if (m > 59 || h > 24 || (h == 24 && m != 0)) return std::nullopt;
  return h * 60 + m;
}

Result<std::pair<int, int>> range_of(std::string_view s) {
  const std::size_t dash = s.find('-');
  const auto start = minute_of(trim(s.substr(0, dash)));
  const auto end = dash == std::string_view::npos ? std::nullopt : minute_of(trim(s.substr(dash + 1)));
  if (!start || !end) {
    return invalid(fmt::format("'{}' is not a time range like 08:30-17:00", s));
  }
  if (*start >= *end) {
    return invalid(fmt::format(
        "'{}' ends before it starts; split a range over midnight, e.g. \"vr 22:00-24:00; "
        "za 00:00-06:00\"",
        s));
  }
  return std::pair{*start, *end};
}

Status add_group(std::string_view group, std::vector<WeeklyWindow>& out) {
  const std::size_t space = group.find_first_of(" \t");
  if (space == std::string_view::npos) {
    return invalid(fmt::format("'{}' needs days and a time range", group));
  }
  Result<std::vector<int>> days = days_of(group.substr(0, space));
  if (!days) return days.error();
  for (const std::string_view range : split_trimmed(group.substr(space + 1), ',')) {
    Result<std::pair<int, int>> r = range_of(range);
    if (!r) return r.error();
    for (int d : *days) out.push_back({d, r->first, r->second});
  }
  return Ok();
}

// The weekday whose windows apply on the local day starting at `midnight`.
int schedule_day(UnixTime midnight) {
  const LocalDateTime l = to_local(midnight);
  return is_belgian_public_holiday({l.year, l.month, l.day}) ? 6 : l.weekday;
}

// The spans of `windows` from the day before `t` to kDaysAhead after it, merged.
std::vector<TimeSpan> spans_around(const std::vector<WeeklyWindow>& windows, UnixTime t) {
  std::vector<TimeSpan> spans;
  for (int offset = -1; offset <= kDaysAhead; ++offset) {
    const UnixTime midnight = local_midnight(t, offset);
    const LocalDateTime day = to_local(midnight);
    const int weekday = schedule_day(midnight);
    for (const WeeklyWindow& w : windows) {
      if (w.weekday != weekday) continue;
      spans.push_back({from_local(day.year, day.month, day.day, w.start_minute),
                       from_local(day.year, day.month, day.day, w.end_minute)});
    }
  }
  std::sort(spans.begin(), spans.end(),
            [](const TimeSpan& a, const TimeSpan& b) { return a.start < b.start; });
  std::vector<TimeSpan> merged;
  for (const TimeSpan& s : spans) {
    if (!merged.empty() && s.start <= merged.back().end) {
      merged.back().end = std::max(merged.back().end, s.end);
    } else {
      merged.push_back(s);
    }
  }
  return merged;
}

std::optional<UnixTime> earliest(std::optional<TimeSpan> a, std::optional<TimeSpan> b) {
  if (a && b) return std::min(a->start, b->start);
  if (a) return a->start;
  if (b) return b->start;
  return std::nullopt;
}

}  // namespace

Result<std::vector<WeeklyWindow>> parse_weekly_schedule(std::string_view text) {
  std::vector<WeeklyWindow> out;
  for (const std::string_view group : split_trimmed(text, ';')) {
    if (group.empty()) continue;
    if (Status s = add_group(group, out); !s) return s.error();
  }
  if (out.empty()) return invalid("no days and hours given");
  return out;
}

std::optional<TimeSpan> window_at(const std::vector<WeeklyWindow>& windows, UnixTime t) {
  for (const TimeSpan& s : spans_around(windows, t)) {
    if (s.start <= t && t < s.end) return s;
  }
  return std::nullopt;
}

std::optional<TimeSpan> next_window(const std::vector<WeeklyWindow>& windows, UnixTime t) {
  for (const TimeSpan& s : spans_around(windows, t)) {
    if (s.start > t) return s;
  }
  return std::nullopt;
}

MatchingStatus matching_status(const ServiceConfig& service, UnixTime now) {
  if (const auto office = window_at(service.office_hours, now)) {
    return {Matching::kOfficeHours, office->end, std::nullopt};
  }
  const bool staffed = service.after_hours == AfterHours::kStaffed;
  if (staffed) {
    if (const auto on_duty = window_at(service.staffed_hours, now)) {
      return {Matching::kStaffed, on_duty->end, std::nullopt};
    }
  }
  const auto office = next_window(service.office_hours, now);
  const auto on_duty = staffed ? next_window(service.staffed_hours, now) : std::nullopt;
  return {Matching::kWaits, 0, earliest(office, on_duty)};
}

}  // namespace noodbel
