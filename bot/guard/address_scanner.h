// scan_addresses: the anonymization guard's scanner for street addresses, on a note's
// tokens: streets with a house number (bot/guard/street_scanner.h) and the street after an
// address word. Called by AnonymizationGuard::check; pure, thread-safe.
#pragma once

#include <vector>

#include "bot/guard/finding.h"
#include "bot/guard/note_tokens.h"
#include "bot/guard/place_marks.h"

namespace noodbel {

// Appends a kAddress finding for each street with a house number, and for "adres: Meir
// 50", "woonachtig te 2000 Antwerpen, Meir 50" (capitalised words and a house number after
// an address word, past fillers, postcodes and the places of `marks`).
void scan_addresses(const NoteTokens& note, const PlaceMarks& marks, std::vector<Finding>& out);

}  // namespace noodbel
