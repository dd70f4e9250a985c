#include "bot/answer_conditions.h"

#include <algorithm>
#include <cstdlib>

#include "bot/local_time.h"

namespace noodbel {
namespace {

constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 24 * kHour;

struct Ymd {
  int year = 0;
  int month = 0;
  int day = 0;
};

// "2026-12-07" as a valid date, or nothing.
std::optional<Ymd> parse_day(const std::optional<std::string>& iso) {
  if (!iso || iso->size() != 10 || (*iso)[4] != '-' || (*iso)[7] != '-') return std::nullopt;
  const auto number = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) {
      const char c = (*iso)[i];
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  };
  const Ymd d{number(0, 4), number(5, 2), number(8, 2)};
  if (d.year < 0 || d.month < 0 || d.day < 0 || !is_valid_date(d.year, d.month, d.day)) {
    return std::nullopt;
  }
  return d;
}

double from_conflict(const Call& call, const Condition& c) {
  const std::optional<UnixTime> start = condition_start(c);
  if (!start) return 0;
  const std::int64_t grace = call.urgent ? 15 * 60 : kHour;
  const std::int64_t wait = *start - call.needed_from;
  if (wait <= grace) return 0;
  const double scale = static_cast<double>(call.urgent ? 4 * kHour : kDay);
  return std::min(1.0, static_cast<double>(wait) / scale);
}

double limit_conflict(const Call& call, const Condition& c) {
  if (call.duration_hours <= 0) return 0;
  const std::optional<UnixTime> end = condition_end(c, call.needed_from);
  if (!end) return 0;
  const std::int64_t needed = std::int64_t{call.duration_hours} * kHour;
  const std::int64_t covered = std::clamp<std::int64_t>(*end - call.needed_from, 0, needed);
  return 1.0 - static_cast<double>(covered) / static_cast<double>(needed);
}

double ages_conflict(const Call& call, const Condition& c) {
  const bool outside = std::any_of(call.ages_months.begin(), call.ages_months.end(), [&](int age) {
    return (c.min_age_months && age < *c.min_age_months) ||
           (c.max_age_months && age > *c.max_age_months);
  });
  return outside ? 1.0 : 0.0;
}

double children_conflict(const Call& call, const Condition& c) {
  return c.max_children && static_cast<int>(call.ages_months.size()) > *c.max_children ? 1.0
                                                                                       : 0.0;
}

double conflict_of(const Call& call, const Condition& c) {
  switch (c.kind) {
    case ConditionKind::kFrom: return from_conflict(call, c);
    case ConditionKind::kLimit: return limit_conflict(call, c);
    case ConditionKind::kAges: return ages_conflict(call, c);
    case ConditionKind::kChildren: return children_conflict(call, c);
    case ConditionKind::kCallFirst:
    case ConditionKind::kTransport: break;
  }
  return 0;
}

}  // namespace

std::optional<UnixTime> condition_start(const Condition& c) {
  if (c.kind != ConditionKind::kFrom || !c.from_minute) return std::nullopt;
  const std::optional<Ymd> day = parse_day(c.from_day);
  if (!day || *c.from_minute < 0 || *c.from_minute >= 24 * 60) return std::nullopt;
  return from_local(day->year, day->month, day->day, *c.from_minute);
}

std::optional<UnixTime> condition_end(const Condition& c, UnixTime from) {
  if (c.kind != ConditionKind::kLimit) return std::nullopt;
  std::optional<UnixTime> end;
  if (c.nights && *c.nights > 0) end = from + std::int64_t{*c.nights} * kDay;
  if (const std::optional<Ymd> day = parse_day(c.last_day)) {
    const UnixTime day_end = from_local(day->year, day->month, day->day, 24 * 60);
    end = end ? std::min(*end, day_end) : day_end;
  }
  return end;
}

std::vector<ConditionCheck> check_conditions(const Call& call,
                                             const std::vector<Condition>& conditions) {
  std::vector<ConditionCheck> out;
  out.reserve(conditions.size());
  for (const Condition& c : conditions) out.push_back({c, conflict_of(call, c)});
  return out;
}

double worst_conflict(const std::vector<ConditionCheck>& checks) {
  double worst = 0;
  for (const ConditionCheck& c : checks) worst = std::max(worst, c.conflict);
  return worst;
}

}  // namespace noodbel
