// Waves: who gets a call next (nearest first, a wave at a time, all at once when urgent),
// ending a call, and the scheduled work of Engine::tick. Stateless functions; the effectful
// ones act through an Outbox (one unit of work), the rest are pure and thread-safe.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "bot/clock.h"
#include "bot/config.h"
#include "bot/outbound.h"
#include "bot/targeting.h"
#include "bot/types.h"

namespace noodbel {

// The size of a wave: the call's own (when given and positive) or the configured one.
int wave_size_for(const CallsConfig& calls, std::optional<int> requested);

// The highest wave number sent so far (0 when none) and when it went out (the call's
// creation time when none).
int last_wave(const std::vector<Recipient>& sent);
UnixTime last_wave_at(const Call& call, const std::vector<Recipient>& sent);

// The next families to reach: eligible, not sent yet, nearest first; at most
// `wave_size` of them, or all when the call is urgent.
std::vector<Candidate> next_wave(const std::vector<Candidate>& eligible,
                                 const std::vector<Recipient>& sent, int wave_size,
                                 bool urgent);

// True when the interval since the last wave has passed, fewer than stop_after_yes
// families said yes and no family is chosen. `calls` is the call's service's
// (calls_for_service).
bool wave_due(const Call& call, const std::vector<Recipient>& sent,
              const std::vector<Response>& responses, const CallsConfig& calls, UnixTime now);
// An open call without a chosen family expires at expiry_of (bot/call_notices.h).
bool is_expired(const Call& call, const CallsConfig& calls, UnixTime now);

// Records each candidate as a recipient of wave `wave` and queues `call_offer` to it in
// its own language (the call summary is rendered once per language). Returns how many
// families were reached.
int send_wave(const Call& call, const std::vector<Candidate>& wave_families, int wave,
              const std::vector<Family>& families, const Outbox& out);

// Sends wave `number` (send_wave) and audits it as "call.wave" by `actor`.
int send_next_wave(const Call& call, const std::vector<Candidate>& wave, int number,
                   const std::vector<Family>& families, std::string_view actor,
                   const Outbox& out);

// Ends an open call in `state` (matched, closed, cancelled or expired) by `actor` (the
// caseworker's id, or "system"): stores state, closed_at and closed_by, and tells every
// family that answered yes or maybe, except `keep_family` (the matched one) and families
// passed over (told then), with `family_template`. Returns the updated call.
Call end_call(Call call, CallState state, std::string_view actor, const Outbox& out,
              std::optional<std::string_view> keep_family = std::nullopt,
              std::string_view family_template = "call_closed_family");

// Scheduled work: for every open call, expire it when too old (the caseworker is told
// `call_expired`; the actor is "system"), else send the next wave when one is due, of
// the call's own wave size or its service's (telling the caseworker first when the last
// wave brought no yes), and send the call's due notices (bot/call_notices.h).
void run_scheduled(const Outbox& out);

}  // namespace noodbel
