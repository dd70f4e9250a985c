// Reading an exact date from a note's tokens, for the anonymization guard's birth-date
// scanner (bot/guard/birth_date_scanner.h). Pure, thread-safe.
#pragma once

#include <cstddef>
#include <optional>

#include "bot/guard/note_tokens.h"

namespace noodbel {

// The date starting at token i ("12/03/2019", "12.03.19", "2019-03-12", "3 mars 2019",
// "1er janvier", "March 3, 2019", "12 maart"): the index of its last token, or nothing.
std::optional<std::size_t> date_end_at(const NoteTokens& note, std::size_t i);

}  // namespace noodbel
