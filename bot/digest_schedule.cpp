#include "bot/digest_schedule.h"

#include <algorithm>

namespace noodbel {
namespace {

// Days from 1970-01-01 (proleptic Gregorian), for ordering and distances.
int day_number(LocalDate d) {
  const int y = d.year - (d.month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int mp = (d.month + 9) % 12;
  const int doy = (153 * mp + 2) / 5 + d.day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

}  // namespace

UnixTime digest_due_at(LocalDate date, int digest_minute) {
  return digest_window(date, digest_minute).end;
}

std::vector<LocalDate> due_digest_dates(UnixTime now, int digest_minute,
                                        std::optional<LocalDate> newest_sent) {
  const LocalDate today = local_date_of(now);
  const bool today_due = now >= digest_due_at(today, digest_minute);
  if (!newest_sent) return today_due ? std::vector<LocalDate>{today} : std::vector<LocalDate>{};
  const LocalDate last_due = today_due ? today : add_days(today, -1);
  const int last = day_number(last_due);
  const int first = std::max(day_number(*newest_sent) + 1, last - (kDigestCatchUpDays - 1));
  std::vector<LocalDate> due;
  for (int n = first; n <= last; ++n) due.push_back(add_days(last_due, n - last));
  return due;
}

}  // namespace noodbel
