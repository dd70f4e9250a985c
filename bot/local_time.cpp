#include "bot/local_time.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <utility>

#include <date/date.h>
#include <fmt/format.h>

namespace noodbel {
namespace {

using Seconds = std::chrono::seconds;
using Minutes = std::chrono::minutes;

// Written once by install_local_zone before threads start, then only read.
std::optional<ZoneRules>& installed_zone() {
  static std::optional<ZoneRules> zone;
  return zone;
}

const ZoneRules& local_zone() {
  const std::optional<ZoneRules>& zone = installed_zone();
  if (!zone) {
    std::fputs(
        "noodbel: local time used before the time zone was installed: call "
        "install_local_zone(load_time_zone(kLocalZoneName)) at start-up "
        "(adapters/data/time_zone_loader.h)\n",
        stderr);
    std::abort();
  }
  return *zone;
}

date::local_seconds local_of(UnixTime t) {
  return date::local_seconds{Seconds{local_zone().to_local(t)}};
}

UnixTime instant_of(date::local_seconds local) {
  return local_zone().to_instant(local.time_since_epoch().count());
}

}  // namespace

void install_local_zone(ZoneRules rules) { installed_zone() = std::move(rules); }

LocalDateTime to_local(UnixTime t) {
  const date::local_seconds local = local_of(t);
  const date::local_days day = date::floor<date::days>(local);
  const date::year_month_day ymd{day};
  const date::weekday wd{day};
  LocalDateTime out;
  out.year = static_cast<int>(ymd.year());
  out.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  out.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  out.weekday = static_cast<int>(wd.iso_encoding()) - 1;
  out.minute_of_day = static_cast<int>(date::floor<Minutes>(local - day).count());
  return out;
}

bool is_valid_date(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  return date::year_month_day{date::year{year}, date::month{static_cast<unsigned>(month)},
                              date::day{static_cast<unsigned>(day)}}
      .ok();
}

UnixTime from_local(int year, int month, int day, int minute_of_day) {
  const date::year_month_day ymd{date::year{year}, date::month{static_cast<unsigned>(month)},
                                 date::day{static_cast<unsigned>(day)}};
  return instant_of(date::local_days{ymd} + Minutes{minute_of_day});
}

UnixTime local_midnight(UnixTime t, int days) {
  const date::local_days day = date::floor<date::days>(local_of(t)) + date::days{days};
  return instant_of(date::local_seconds{day});
}

std::string format_local(UnixTime t, std::string_view kind) {
  const LocalDateTime l = to_local(t);
  const int hh = l.minute_of_day / 60;
  const int mm = l.minute_of_day % 60;
  if (kind == "date") return fmt::format("{:02}/{:02}", l.day, l.month);
  if (kind == "time") return fmt::format("{:02}:{:02}", hh, mm);
  return fmt::format("{:02}/{:02} {:02}:{:02}", l.day, l.month, hh, mm);
}

}  // namespace noodbel
