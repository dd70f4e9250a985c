// Place text: how caseworker commands show the places a name may mean ("Aalst (9300,
// Oost-Vlaanderen)", "Aalst (3800, deelgemeente van Sint-Truiden)") and how to type each
// so that it means exactly that place. Pure functions over templates; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "bot/postcodes.h"
#include "bot/result.h"
#include "bot/templates.h"

namespace noodbel {

// How to type a place so that it resolves to exactly that place: "9300" when the
// postcode alone means it, else "3800 Aalst".
std::string place_as_typed(const Postcodes& postcodes, const PlaceMatch& match);

// The province in `lang` (templates/<lang>/province_<name>.txt, e.g. province_oost_vlaanderen),
// or as given when there is no such template.
std::string province_text(const Templates& templates, Language lang, std::string_view province);

// "Aalst (9300, Oost-Vlaanderen)" for a municipality (place_in_province), "Aalst (3800,
// deelgemeente van Sint-Truiden)" for a place inside one (place_in_municipality).
Result<std::string> place_label(const Templates& templates, Language lang, const PlaceMatch& match);

// One place_choice line per match, each with how to type it after `prefix`
// ("postcode=" or "/gezinnen "), joined by newlines.
Result<std::string> place_choices(const Templates& templates, Language lang,
                                  const Postcodes& postcodes,
                                  const std::vector<PlaceMatch>& matches, std::string_view prefix);

}  // namespace noodbel
