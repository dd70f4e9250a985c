// house_number_at: reading a house number from a note's tokens, for the anonymization
// guard's address scanners (bot/guard/). Pure, thread-safe.
#pragma once

#include <cstddef>
#include <optional>

#include "bot/guard/note_tokens.h"

namespace noodbel {

// A house number starting at token i: "12", "45A", "12-14", "120 bus 3", "nr. 5", "7/2";
// not a postcode before a place, a time or a number with a unit. The index of its last
// token, or nothing.
std::optional<std::size_t> house_number_at(const NoteTokens& note, std::size_t i);

}  // namespace noodbel
