// Internal to the reply parser: the children reader of the condition scanner ("maar 1 kind",
// "geen broers en zussen"). Not part of the parser's contract. Pure; thread-safe.
#pragma once

#include <cstddef>
#include <optional>

#include "bot/reply/condition_words.h"
#include "bot/reply/date_words.h"
#include "bot/reply/normalize.h"
#include "bot/reply/spans.h"

namespace noodbel::reply {

// A children condition starting at token t.
std::optional<Found> children_at(const Normalized& n, std::size_t t, const DateWords& words,
                                 const ConditionWords& lists);

}  // namespace noodbel::reply
