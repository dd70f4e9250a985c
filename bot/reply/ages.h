// Internal to the reply parser: the ages reader of the condition scanner ("geen baby's",
// "tussen 2 en 6 jaar", "jonger dan 4"). Not part of the parser's contract. Pure; thread-safe.
#pragma once

#include <cstddef>
#include <optional>

#include "bot/reply/condition_words.h"
#include "bot/reply/normalize.h"
#include "bot/reply/spans.h"

namespace noodbel::reply {

// An ages condition starting at token t.
std::optional<Found> ages_at(const Normalized& n, std::size_t t, const ConditionWords& lists);

}  // namespace noodbel::reply
