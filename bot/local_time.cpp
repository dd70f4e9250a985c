#include "bot/local_time.h"

#include <chrono>

#include <date/tz.h>
#include <fmt/format.h>

namespace noodbel {
namespace {

using Seconds = std::chrono::seconds;
using Minutes = std::chrono::minutes;

const date::time_zone* brussels() {
  // locate_zone is thread-safe; the pointer stays valid for the life of the process.
  static const date::time_zone* const zone = date::locate_zone("Europe/Brussels");
  return zone;
}

date::local_seconds local_of(UnixTime t) {
  return brussels()->to_local(date::sys_seconds{Seconds{t}});
}

UnixTime instant_of(date::local_seconds local) {
  return brussels()->to_sys(local, date::choose::earliest).time_since_epoch().count();
}

}  // namespace

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
