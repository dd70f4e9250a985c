// Office hours: weekly schedules from configuration ("ma-vr 08:30-17:00; za 09:00-12:00")
// and whether a service's matching is in office hours, staffed after hours, or waits, in
// Europe/Brussels time with Belgian public holidays counted as Sundays.
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "bot/clock.h"
#include "bot/config.h"
#include "bot/result.h"
#include "bot/types.h"

namespace noodbel {

// Parses groups separated by ';', each "DAYS RANGES": DAYS is a day, a range ("ma-vr",
// wrapping allowed: "vr-ma") or a comma list ("ma,wo,vr"), in Dutch (ma di wo do vr za zo)
// or English (mon tue wed thu fri sat sun); RANGES is one or more "HH:MM-HH:MM" separated by
// ',' ("08:30-12:00, 13:00-17:00"); "24:00" ends a day; a range may not cross midnight.
// The Error (kInvalidInput) says what is wrong and shows a correct example.
Result<std::vector<WeeklyWindow>> parse_weekly_schedule(std::string_view text);

// An interval of real time [start, end).
struct TimeSpan {
  UnixTime start = 0;
  UnixTime end = 0;
  bool operator==(const TimeSpan&) const = default;
};

// The span of `windows` holding `t` (touching windows merged, also across midnight), or
// nothing. A Belgian public holiday uses the Sunday windows.
std::optional<TimeSpan> window_at(const std::vector<WeeklyWindow>& windows, UnixTime t);
// The first span of `windows` starting after `t` within 4 weeks, or nothing.
std::optional<TimeSpan> next_window(const std::vector<WeeklyWindow>& windows, UnixTime t);

enum class Matching {
  kOfficeHours,  // the office is open
  kStaffed,      // outside office hours, but the service's after-hours staff match now
  kWaits,        // nobody matches now: the call is published, matching resumes later
};

struct MatchingStatus {
  Matching kind = Matching::kOfficeHours;
  UnixTime until = 0;               // kOfficeHours, kStaffed: when this period ends
  std::optional<UnixTime> resumes;  // kWaits: when matching starts again (none: unscheduled)
};

// How matching works for a call the service opens at `now`.
MatchingStatus matching_status(const ServiceConfig& service, UnixTime now);

}  // namespace noodbel
