#include "bot/holidays.h"

#include <algorithm>

#include <date/date.h>

namespace noodbel {
namespace {

CivilDate plus_days(const CivilDate& d, int days) {
  const date::sys_days shifted =
      date::sys_days{date::year{d.year} / date::month{static_cast<unsigned>(d.month)} /
                     date::day{static_cast<unsigned>(d.day)}} +
      date::days{days};
  const date::year_month_day ymd{shifted};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

}  // namespace

CivilDate easter_sunday(int year) {
  const int a = year % 19;
  const int b = year / 100;
  const int c = year % 100;
  const int d = b / 4;
  const int e = b % 4;
  const int f = (b + 8) / 25;
  const int g = (b - f + 1) / 3;
  const int h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4;
  const int k = c % 4;
  const int l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31;
  const int day = (h + l - 7 * m + 114) % 31 + 1;
  return {year, month, day};
}

std::vector<CivilDate> belgian_public_holidays(int year) {
  const CivilDate easter = easter_sunday(year);
  std::vector<CivilDate> out{
      {year, 1, 1},          plus_days(easter, 1), {year, 5, 1},
      plus_days(easter, 39), plus_days(easter, 50), {year, 7, 21},
      {year, 8, 15},         {year, 11, 1},         {year, 11, 11},
      {year, 12, 25},
  };
  std::sort(out.begin(), out.end());
  return out;
}

bool is_belgian_public_holiday(const CivilDate& date) {
  const std::vector<CivilDate> holidays = belgian_public_holidays(date.year);
  return std::find(holidays.begin(), holidays.end(), date) != holidays.end();
}

}  // namespace noodbel
