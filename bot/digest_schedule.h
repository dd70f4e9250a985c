// DigestSchedule: which daily digest dates are due at a moment, given the digest time
// (Brussels wall clock, DST-aware) and the newest date already sent. Pure; thread-safe.
#pragma once

#include <optional>
#include <vector>

#include "bot/clock.h"
#include "bot/digest.h"

namespace noodbel {

// After downtime, at most this many missed dates (the due date included) are sent.
inline constexpr int kDigestCatchUpDays = 7;

// The instant the digest of `date` is due: its digest time in Brussels (the jump to 03:00
// when the time falls in the skipped spring hour; the first occurrence in October).
UnixTime digest_due_at(LocalDate date, int digest_minute);

// The dates due at `now`, oldest first, each exactly once:
// - today's when its digest time has passed, else up to yesterday's;
// - with `newest_sent`, every date after it up to that one, but at most the last
//   kDigestCatchUpDays dates (older missed digests are skipped);
// - without (a fresh database), only today's, once its time has passed.
std::vector<LocalDate> due_digest_dates(UnixTime now, int digest_minute,
                                        std::optional<LocalDate> newest_sent);

}  // namespace noodbel
