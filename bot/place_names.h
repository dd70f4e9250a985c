// Place names as text: folding for comparison ("Sint-Niklaas", "sint  niklaas" and
// "SINT NIKLAAS" fold alike), abbreviations (st, ste, o.l.v.), and the shape of a postcode.
// Used by bot/postcodes*.cpp. Pure functions; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace noodbel::place_names {

bool is_postcode(std::string_view s);  // four digits
// NFKD, marks stripped, case folded; '-', '\'', '.', '_', brackets and runs of spaces become
// one space; typographic apostrophes count as '. Invalid UTF-8 folds to "".
std::string fold(std::string_view text);
std::string squash(std::string_view folded);  // without spaces: "de pinte" -> "depinte"
// "st niklaas" -> {"sint niklaas", "saint niklaas"}: the spellings that differ from it.
std::vector<std::string> abbreviation_variants(std::string_view folded);

// How often each of the letters a..z occurs in folded text (other bytes are not counted;
// counts stop at 255).
using LetterCounts = std::array<std::uint8_t, 26>;
LetterCounts letter_counts(std::string_view folded);
// A lower bound of edit_distance (bot/edit_distance.h) between two texts with these letter
// counts: each edit changes the counts by at most two, so the distance is at least half
// their difference.
int letter_distance_bound(const LetterCounts& a, const LetterCounts& b);
// True when `folded_query` is the whole name or one of its "/"-separated language forms.
bool name_matches(std::string_view name, std::string_view folded_query);

}  // namespace noodbel::place_names
