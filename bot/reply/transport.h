// Internal to the reply parser: the transport reader of the condition scanner ("kunnen niet
// rijden", "moet gebracht worden"). Not part of the parser's contract. Pure; thread-safe.
#pragma once

#include <cstddef>
#include <optional>

#include "bot/reply/condition_words.h"
#include "bot/reply/normalize.h"
#include "bot/reply/spans.h"

namespace noodbel::reply {

// A transport condition starting at token t.
std::optional<Found> transport_at(const Normalized& n, std::size_t t, const ConditionWords& lists);

}  // namespace noodbel::reply
