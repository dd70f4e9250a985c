// scan_birth_dates: the anonymization guard's scanner for birth dates, on a note's tokens.
// Called by AnonymizationGuard::check; pure, thread-safe.
#pragma once

#include <vector>

#include "bot/guard/finding.h"
#include "bot/guard/note_tokens.h"

namespace noodbel {

// A birth word, then within a few filler words an exact date: "geboren op 12/03/2019",
// "° 12.03.2019", "née à Liège le 3 mars 2019"; appends a kBirthDate finding from the
// birth word to the date's end. Dates without a birth word are allowed.
void scan_birth_dates(const NoteTokens& note, std::vector<Finding>& out);

}  // namespace noodbel
