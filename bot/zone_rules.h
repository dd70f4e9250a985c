// ZoneRules: a time zone as a value (its UTC offset transitions), so that the core does
// local-time arithmetic without reading the tz database. Built by adapters/data's
// time_zone_loader; immutable, thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "bot/clock.h"
#include "bot/result.h"

namespace noodbel {

// Seconds since 1970-01-01 00:00 on the zone's wall clock (a UnixTime shifted by the offset).
using LocalSeconds = std::int64_t;

// From `at` (UTC) on, the wall clock is `offset_seconds` ahead of UTC.
struct ZoneTransition {
  UnixTime at = 0;
  int offset_seconds = 0;
  bool operator==(const ZoneTransition&) const = default;
};

class ZoneRules {
 public:
  // The zone `name` with `offset_before` until the first transition. Invalid unless the
  // transitions are sorted and the periods between them start and end in the same order
  // on the wall clock (every real zone: a period lasts longer than the offset changes at
  // its ends), so that a wall-clock time falls into at most two periods.
  static Result<ZoneRules> make(std::string name, int offset_before,
                                std::vector<ZoneTransition> transitions);

  const std::string& name() const { return name_; }
  const std::vector<ZoneTransition>& transitions() const { return transitions_; }

  // The offset at `t`: before the first transition `offset_before`, after the last one
  // the last offset.
  int offset_at(UnixTime t) const;

  // The wall-clock time of `t`.
  LocalSeconds to_local(UnixTime t) const { return t + offset_at(t); }

  // The instant of a wall-clock time; the earlier valid instant wins: a time that occurs
  // twice (clocks set back) is its first occurrence, a time that does not exist (clocks
  // set forward) is the instant the clocks jump.
  UnixTime to_instant(LocalSeconds local) const;

 private:
  ZoneRules(std::string name, int offset_before, std::vector<ZoneTransition> transitions)
      : name_(std::move(name)),
        offset_before_(offset_before),
        transitions_(std::move(transitions)) {}

  // The offset in force just before transition `i` (offset_before for the first).
  int offset_before(std::size_t i) const;

  std::string name_;
  int offset_before_ = 0;
  std::vector<ZoneTransition> transitions_;
};

}  // namespace noodbel
