#include "bot/targeting.h"

#include <algorithm>
#include <tuple>

#include "bot/local_time.h"
#include "bot/postcodes.h"

namespace noodbel {
namespace {

bool available_at(const std::vector<WeeklyWindow>& windows, UnixTime t) {
  if (windows.empty()) return true;
  const LocalDateTime local = to_local(t);
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

}  // namespace

bool speaks_call_language(const Call& call, const Family& family) {
  return std::any_of(call.languages.begin(), call.languages.end(), [&](Language l) {
    return std::find(family.languages.begin(), family.languages.end(), l) !=
           family.languages.end();
  });
}

std::optional<Ineligible> ineligibility(const Call& call, const Family& family, UnixTime now) {
  const UnixTime at = std::max(call.needed_from, now);
  if (!family.opted_in) return Ineligible::kOptedOut;
  if (family.paused_until && *family.paused_until > at) return Ineligible::kPaused;
  if (!available_at(family.availability, at)) return Ineligible::kUnavailable;
  if (distance_km(call.location, family.home) > family.max_distance_km) {
    return Ineligible::kTooFar;
  }
  if (!ages_fit(call.ages_months, family)) return Ineligible::kAge;
  if (static_cast<int>(call.ages_months.size()) > family.max_children) {
    return Ineligible::kTooManyChildren;
  }
  return std::nullopt;
}

std::vector<Candidate> eligible_families(const Call& call, const std::vector<Family>& families,
                                         UnixTime now) {
  std::vector<Candidate> out;
  for (const Family& family : families) {
    if (ineligibility(call, family, now)) continue;
    out.push_back({family.id, distance_km(call.location, family.home),
                   speaks_call_language(call, family)});
  }
  std::sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
    return std::tie(a.distance_km, a.family_id) < std::tie(b.distance_km, b.family_id);
  });
  return out;
}

}  // namespace noodbel
