// DecisionTime: one truth about when a family hears whether it is chosen, told in the
// same words to the families (call offer, acknowledgement) and to the caseworker.
// The rule: crisis calls go out at any hour. During the office or staffed hours of the
// call's service a caseworker chooses as soon as answers come in. Outside them, families
// are told the latest time they will hear: when matching resumes ("uiterlijk maandag
// 8/12 om 09:00"). A caseworker who is at work anyway may choose earlier (/kies): the
// chosen family hears it at once, and the caseworker is told that this is what the
// families read. Pure; thread-safe.
#pragma once

#include <optional>
#include <string_view>

#include "bot/clock.h"
#include "bot/config.h"
#include "bot/result.h"
#include "bot/templates.h"
#include "bot/types.h"

namespace noodbel {

struct Decision {
  bool waits = false;             // nobody matches now
  std::optional<UnixTime> by;     // when waits: when matching resumes (none: unscheduled)
};

// The decision time for a call of `service` at `now` (an unknown service uses the
// default office hours).
Decision decision_for(const CoreConfig& config, std::string_view service, UnixTime now);

// What families read: `decision_soon`, `decision_by` ({when}, {time}) or
// `decision_unscheduled`.
Result<std::string> render_decision(const Templates& t, Language lang, const Decision& d,
                                    UnixTime now);

// The same, short, for the crisis call itself (two SMS at most): `offer_decision_by` when
// nobody matches now ("Beslissing uiterlijk morgen (dinsdag) 09:00."), else "" (the
// acknowledgement of an answer says the rest).
Result<std::string> render_offer_decision(const Templates& t, Language lang, const Decision& d,
                                          UnixTime now);

}  // namespace noodbel
