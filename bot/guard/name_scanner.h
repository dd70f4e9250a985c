// scan_names: the anonymization guard's scanner for people's names, on a note's tokens.
// Called by AnonymizationGuard::check; pure, thread-safe.
#pragma once

#include <vector>

#include "bot/guard/finding.h"
#include "bot/guard/name_lists.h"
#include "bot/guard/note_tokens.h"
#include "bot/guard/place_marks.h"

namespace noodbel {

// First names of `names` and capitalised words after a cue ("mama Sandra", "familie
// Janssens", "heet Yasmine"), with the surnames after them ("Youssef El Amrani"); not the
// places and organisations of `marks`, nor ordinary words. Appends a kName finding for each.
void scan_names(const NoteTokens& note, const NameLists& names, const PlaceMarks& marks,
                std::vector<Finding>& out);

}  // namespace noodbel
