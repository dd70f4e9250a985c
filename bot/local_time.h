// Local time in Europe/Brussels (the zone of every Noodbel service): conversions between
// UnixTime and local calendar fields, and numeric display forms. Thread-safe once the zone
// is installed (install_local_zone, by every entry point at start-up).
#pragma once

#include <string>
#include <string_view>

#include "bot/clock.h"
#include "bot/zone_rules.h"

namespace noodbel {

// The zone of every Noodbel service, as the tz database names it.
inline constexpr std::string_view kLocalZoneName = "Europe/Brussels";

// Makes `rules` the zone of the functions below. Called once at start-up, before any
// thread starts and before any local-time function runs, by every entry point (the
// program, test mains, fuzz targets, benchmarks: adapters/data/time_zone_loader.h builds the
// rules from the tz database). Not thread-safe; the functions below only read the zone.
// Calling them before it is installed is a programming error: they print the fix and abort.
void install_local_zone(ZoneRules rules);

struct LocalDateTime {
  int year = 1970;
  int month = 1;          // 1..12
  int day = 1;            // 1..31
  int weekday = 0;        // 0 = Monday .. 6 = Sunday (as WeeklyWindow)
  int minute_of_day = 0;  // 0..1439
  bool operator==(const LocalDateTime&) const = default;
};

// The Brussels wall-clock fields of an instant.
LocalDateTime to_local(UnixTime t);

// True when year-month-day is a real calendar date (31/2 is not).
bool is_valid_date(int year, int month, int day);

// The instant of a Brussels wall-clock time (the date must be valid). minute_of_day may exceed 1439 (it then
// runs into the following days). At DST changes the earlier valid instant wins: a
// time that occurs twice (October, 02:00-03:00) is its first occurrence (summer time);
// a time that does not exist (March, 02:00-03:00) is the instant the clocks jump
// (03:00 summer time).
UnixTime from_local(int year, int month, int day, int minute_of_day);

// Midnight (00:00 local) of the day holding `t`, shifted by `days` whole local days.
UnixTime local_midnight(UnixTime t, int days = 0);

// Numeric display forms (no words, so no templates needed):
//   "date" -> "24/11", "time" -> "18:30", anything else ("datetime") -> "24/11 18:30".
std::string format_local(UnixTime t, std::string_view kind);

}  // namespace noodbel
