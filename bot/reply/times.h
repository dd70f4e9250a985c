// Internal to the reply parser: the time readers of the condition scanner, start times
// ("vanaf 18u", "over een uurtje", "morgen vanaf 9u") and time limits ("voor 1 nacht",
// "tot zondag", "het weekend"), resolved against the Moment. Not part of the parser's
// contract. Pure; thread-safe.
#pragma once

#include <cstddef>
#include <optional>

#include "bot/reply/condition_words.h"
#include "bot/reply/dates.h"
#include "bot/reply/normalize.h"
#include "bot/reply/spans.h"

namespace noodbel::reply {

std::optional<Found> start_time_at(const Normalized& n, std::size_t t, const Moment& m,
                                   const DateWords& words, const ConditionWords& lists);
std::optional<Found> time_limit_at(const Normalized& n, std::size_t t, const Moment& m,
                                   const DateWords& words, const ConditionWords& lists);

}  // namespace noodbel::reply
