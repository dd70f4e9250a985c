// Belgian public holidays (the ten legal ones: fixed dates and the Easter-based ones),
// used by office hours. Pure functions; thread-safe.
#pragma once

#include <vector>

namespace noodbel {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
  bool operator==(const CivilDate&) const = default;
  auto operator<=>(const CivilDate&) const = default;
};

// Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm).
CivilDate easter_sunday(int year);

// The ten Belgian public holidays of a year, in date order: New Year, Easter Monday,
// Labour Day (1 May), Ascension (Easter + 39), Whit Monday (Easter + 50), National Day
// (21 July), Assumption (15 August), All Saints (1 November), Armistice (11 November),
// Christmas (25 December).
std::vector<CivilDate> belgian_public_holidays(int year);

bool is_belgian_public_holiday(const CivilDate& date);

}  // namespace noodbel
