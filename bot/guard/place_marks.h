// PlaceMarks: which tokens of a note are (part of) a place or an organisation's name, so
// that the guard's address and name scanners do not read them as people. Computed by
// mark_places once per note in AnonymizationGuard::check.
#pragma once

#include <vector>

#include "bot/guard/name_lists.h"
#include "bot/guard/note_tokens.h"

namespace noodbel {

struct PlaceMarks {
  std::vector<bool> place;    // part of a place name
  std::vector<bool> blocked;  // part of a place or of an organisation's name
};

// Places: the longest place name at each token ("Gent", "De Pinte", "'s Gravenwezel"); a
// place that is also a first name ("Veerle") only after a preposition or a postcode.
// Organisations: "AZ Sint-Jan", "school De Regenboog", "Koningin Paola", "Kind en Gezin".
PlaceMarks mark_places(const NoteTokens& note, const NameLists& names);

}  // namespace noodbel
