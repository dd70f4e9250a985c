// CallNotices: what the bot tells the caseworker who opened a call without being asked —
// the first yes or maybe at once (with the exact pick command), later answers gathered
// into one update at most every [calls] answers_notice_minutes (with the top three), a
// wave that ended without a yes (with the choices), a call about to expire, a chosen
// family not yet confirmed, and the decision time the families were told. Each notice
// is recorded (Repository::record_notice) in the same unit of work, so it is sent once.
// Stateless functions over one unit of work (the Outbox); not thread-safe beyond that.
#pragma once

#include <optional>
#include <vector>

#include "bot/outbound.h"
#include "bot/targeting.h"
#include "bot/types.h"

namespace noodbel {

// After an answer to `call` was recorded: the first yes or maybe goes out at once; a later
// change waits until the last update is answers_notice_minutes old (then the scheduler,
// or the next answer, sends it).
void notify_answers(const Call& call, const Outbox& out);

// Before wave `wave + 1` goes out (or would, but no family is left): `wave` ended without
// a yes. `next` is the next wave (may be empty); `remaining` counts the eligible families
// not reached yet, `next` included.
void notify_wave_end(const Call& call, int wave, const std::vector<Candidate>& next,
                     int remaining, const Outbox& out);

// The scheduled notices of one open call: an answers update that waited, a reminder for a
// chosen family not confirmed, the warning before expiry, and the decision time reached.
void run_call_notices(const Call& call, const Outbox& out);

// The caseworker who opened `call`; nothing (audited as outbound.no_caseworker) when that
// caseworker is no longer registered.
std::optional<Caseworker> call_caseworker(const Call& call, const Outbox& out);

// When an open call expires: its own expires_at, else created_at + expiry_hours.
UnixTime expiry_of(const Call& call, const CallsConfig& calls);

}  // namespace noodbel
