#include "bot/zone_rules.h"

#include <algorithm>
#include <iterator>

#include <fmt/format.h>

namespace noodbel {

Result<ZoneRules> ZoneRules::make(std::string name, int offset_before,
                                  std::vector<ZoneTransition> transitions) {
  const ZoneRules rules(std::move(name), offset_before, std::move(transitions));
  const std::vector<ZoneTransition>& t = rules.transitions_;
  for (std::size_t i = 1; i < t.size(); ++i) {
    const bool starts_in_order =
        t[i].at + t[i].offset_seconds > t[i - 1].at + t[i - 1].offset_seconds;
    const bool ends_in_order =
        t[i].at + rules.offset_before(i) > t[i - 1].at + rules.offset_before(i - 1);
    if (t[i].at <= t[i - 1].at || !starts_in_order || !ends_in_order) {
      return Error::Invalid(fmt::format(
          "time zone {}: transition {} (at {}) is not after the one before it by more than "
          "the offset change",
          rules.name_, i, t[i].at));
    }
  }
  return rules;
}

int ZoneRules::offset_before(std::size_t i) const {
  return i == 0 ? offset_before_ : transitions_[i - 1].offset_seconds;
}

int ZoneRules::offset_at(UnixTime t) const {
  const auto next = std::upper_bound(transitions_.begin(), transitions_.end(), t,
                                     [](UnixTime x, const ZoneTransition& z) { return x < z.at; });
  return next == transitions_.begin() ? offset_before_ : std::prev(next)->offset_seconds;
}

UnixTime ZoneRules::to_instant(LocalSeconds local) const {
  // The first transition whose wall-clock time (on the clock before it) is still ahead of
  // `local`: the period before it is the earliest that can hold `local`.
  std::size_t first = 0;
  std::size_t count = transitions_.size();
  while (count > 0) {
    const std::size_t half = count / 2;
    const std::size_t mid = first + half;
    if (transitions_[mid].at + offset_before(mid) <= local) {
      first = mid + 1;
      count -= half + 1;
    } else {
      count = half;
    }
  }
  const int offset = offset_before(first);
  if (first == 0) return local - offset;
  const ZoneTransition& start = transitions_[first - 1];
  // Before the period's first wall-clock time: `local` was skipped when the clocks jumped.
  if (local < start.at + start.offset_seconds) return start.at;
  return local - offset;
}

}  // namespace noodbel
