// Targeting: which registered families may receive a crisis call, nearest first, and how
// many families are available around a place. Pure functions over values; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "bot/clock.h"
#include "bot/types.h"

namespace noodbel {

struct Candidate {
  std::string family_id;
  double distance_km = 0;
  bool language_match = false;  // the family speaks one of the call's languages
};

// True when the family speaks one of the call's languages.
bool speaks_call_language(const Call& call, const Family& family);

// True when `t` falls in one of the weekly windows (Brussels time); no windows: always.
bool available_at(const std::vector<WeeklyWindow>& windows, UnixTime t);

// Why a family is not eligible, or nothing when it is. The moment that counts is
// max(call.needed_from, now): opted in, not paused then, available then (when the family
// set availability windows), the call's place within its max distance, every child's
// age within its range and no more children than it takes. Language is not a filter.
enum class Ineligible { kOptedOut, kPaused, kUnavailable, kTooFar, kAge, kTooManyChildren };
std::optional<Ineligible> ineligibility(const Call& call, const Family& family, UnixTime now);

// The eligible families, nearest first, ties by family id.
std::vector<Candidate> eligible_families(const Call& call, const std::vector<Family>& families,
                                         UnixTime now);

// How many families could take one child (of an age they accept) at `place` at time `at`
// (as `ineligibility`, taking at least one child), per radius: result[i] counts those at
// most radii_km[i] km away.
std::vector<int> count_available(const std::vector<Family>& families, GeoPoint place,
                                 UnixTime at, const std::vector<int>& radii_km);

}  // namespace noodbel
