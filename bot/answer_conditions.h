// AnswerConditions: a family's conditions held against the call they answer — when they
// can start, how long they can keep the child, which ages and how many children — and how
// badly each one conflicts with the call (0: fits; up to 1: rules the family out). The
// board lowers a family's rank by the worst conflict and says why. Pure; thread-safe.
#pragma once

#include <optional>
#include <vector>

#include "bot/clock.h"
#include "bot/condition.h"
#include "bot/types.h"

namespace noodbel {

// The instant a kFrom condition starts, when the parser resolved its day and time.
std::optional<UnixTime> condition_start(const Condition& c);

// For a kLimit condition and a stay starting at `from`: the end of the last night
// ("1 nacht": the next day at `from`'s time plus one day per further night) and the end
// of `last_day` (24:00), whichever comes first; nothing when neither was understood.
std::optional<UnixTime> condition_end(const Condition& c, UnixTime from);

struct ConditionCheck {
  Condition condition;
  double conflict = 0;  // 0: fits the call; up to 1: rules the family out
};

// Each condition with its conflict with `call`:
// - kFrom: a start later than the call is needed, beyond a grace of 15 minutes (urgent)
//   or 1 hour, conflicts in proportion to the wait, fully at 4 hours (urgent) or 24 hours;
// - kLimit: an end before the call's expected end conflicts by the share not covered;
// - kAges: a child of the call outside the ages conflicts fully;
// - kChildren: more children than the family takes conflicts fully;
// - kCallFirst, kTransport, and conditions the parser did not resolve: no conflict (the
//   caseworker reads them).
std::vector<ConditionCheck> check_conditions(const Call& call,
                                             const std::vector<Condition>& conditions);

// The largest conflict of the checks, 0 when none.
double worst_conflict(const std::vector<ConditionCheck>& checks);

}  // namespace noodbel
