#include "bot/targeting.h"

#include <algorithm>
#include <tuple>

#include "bot/local_time.h"
#include "bot/postcodes.h"

namespace noodbel {
namespace {

bool available_in(const std::vector<WeeklyWindow>& windows, const LocalDateTime& local) {
  if (windows.empty()) return true;
  return std::any_of(windows.begin(), windows.end(), [&](const WeeklyWindow& w) {
    return w.weekday == local.weekday && w.start_minute <= local.minute_of_day &&
           local.minute_of_day < w.end_minute;
  });
}

bool ages_fit(const std::vector<int>& ages_months, const Family& family) {
  return std::all_of(ages_months.begin(), ages_months.end(), [&](int age) {
    return family.min_age_months <= age && age <= family.max_age_months;
  });
}

// The moment that counts, with its Brussels wall-clock fields computed once per call.
struct Moment {
  UnixTime at = 0;
  LocalDateTime local;
};

Moment moment_of(const Call& call, UnixTime now) {
  const UnixTime at = std::max(call.needed_from, now);
  return {at, to_local(at)};
}

std::optional<Ineligible> check(const Call& call, const Family& family, const Moment& m,
                                double km) {
  if (!family.opted_in) return Ineligible::kOptedOut;
  if (family.paused_until && *family.paused_until > m.at) return Ineligible::kPaused;
  if (!available_in(family.availability, m.local)) return Ineligible::kUnavailable;
  if (km > family.max_distance_km) return Ineligible::kTooFar;
  if (!ages_fit(call.ages_months, family)) return Ineligible::kAge;
  if (static_cast<int>(call.ages_months.size()) > family.max_children) {
    return Ineligible::kTooManyChildren;
  }
  return std::nullopt;
}

}  // namespace

bool speaks_call_language(const Call& call, const Family& family) {
  return std::any_of(call.languages.begin(), call.languages.end(), [&](Language l) {
    return std::find(family.languages.begin(), family.languages.end(), l) !=
           family.languages.end();
  });
}

bool available_at(const std::vector<WeeklyWindow>& windows, UnixTime t) {
  return windows.empty() || available_in(windows, to_local(t));
}

std::optional<Ineligible> ineligibility(const Call& call, const Family& family, UnixTime now) {
  return check(call, family, moment_of(call, now), distance_km(call.location, family.home));
}

std::vector<Candidate> eligible_families(const Call& call, const std::vector<Family>& families,
                                         UnixTime now) {
  const Moment moment = moment_of(call, now);
  std::vector<Candidate> out;
  for (const Family& family : families) {
    const double km = distance_km(call.location, family.home);
    if (check(call, family, moment, km)) continue;
    out.push_back({family.id, km, speaks_call_language(call, family)});
  }
  std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
    return std::tie(a.distance_km, a.family_id) < std::tie(b.distance_km, b.family_id);
  });
  return out;
}

std::vector<int> count_available(const std::vector<Family>& families, GeoPoint place,
                                 UnixTime at, const std::vector<int>& radii_km) {
  Call probe;  // no ages: every age range fits; at least one place is checked below
  probe.location = place;
  const Moment moment{at, to_local(at)};
  std::vector<int> counts(radii_km.size(), 0);
  for (const Family& family : families) {
    const double km = distance_km(place, family.home);
    if (family.max_children < 1 || check(probe, family, moment, km)) continue;
    for (std::size_t i = 0; i < radii_km.size(); ++i) {
      if (km <= radii_km[i]) ++counts[i];
    }
  }
  return counts;
}

}  // namespace noodbel
