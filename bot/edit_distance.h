// Edit distance for "did you mean ...?" suggestions: the optimal-string-alignment variant of
// Damerau-Levenshtein (insert, delete, substitute, swap two neighbours), on bytes; callers
// fold the text first (bot/text_normalize.h). Pure function; thread-safe.
#pragma once

#include <string_view>

namespace noodbel {

// The distance between `a` and `b`, or `limit` + 1 as soon as it is certain to exceed
// `limit` (so a long list of candidates is cheap to scan).
int edit_distance(std::string_view a, std::string_view b, int limit);

}  // namespace noodbel
