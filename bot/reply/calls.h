// Internal to the reply parser: the call reader, the first pass of the condition scanner
// ("bel me later", "bel eerst even", "ik bel je terug"). Not part of the parser's contract.
// Pure; thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>

#include "bot/reply/condition_words.h"
#include "bot/reply/normalize.h"
#include "bot/reply/spans.h"

namespace noodbel::reply {

// The call around the call verb at token v and its role; `taken` marks tokens already in a
// span (1 + span index), which the call's leading words may not reach into.
std::optional<Found> call_at(const Normalized& n, std::size_t v, SpanRole& role,
                             const std::array<std::uint8_t, kMaxTokens>& taken,
                             const ConditionWords& lists);

}  // namespace noodbel::reply
