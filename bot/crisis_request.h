// CrisisRequest: the arguments of `/crisis` (alias `/new`) parsed and validated, before
// the call is opened. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/clock.h"
#include "bot/postcodes.h"
#include "bot/result.h"
#include "bot/types.h"

namespace noodbel {

struct CrisisRequest {
  std::vector<int> ages_months;      // leeftijd=4 | leeftijd=4,7 | leeftijd=3m (months)
  Place place;                       // postcode=9000 | gemeente=Gent (resolved)
  std::vector<Language> languages;   // taal=nl | taal=nl,fr ; default: the caseworker's
  int duration_hours = 72;           // duur=3d | 1w | 12u/12h ; default 3 days
  UnixTime needed_from = 0;          // vanaf=18u | 18:30 | morgen | 24/11 ; default now
  bool urgent = false;               // the word `urgent` / `dringend`
  std::optional<int> wave_size;      // golf=10 | wave=10
  std::string note;                  // every word that is not key=value or a flag
};

// Parses the text after the command word, e.g.
//   "leeftijd=4 postcode=9000 taal=nl duur=3d Korte toelichting".
// Keys (Dutch, with English aliases): leeftijd|age, postcode|gemeente|plaats|place,
// taal|lang, duur|duration, vanaf|from, golf|wave; flags urgent|dringend.
// `now` and the Europe/Brussels zone resolve relative times ("18u", "morgen").
// Errors say which key is wrong and show a correct example; the note is NOT checked here
// (the anonymization guard does that).
Result<CrisisRequest> parse_crisis_request(std::string_view args, const Postcodes& postcodes,
                                           UnixTime now, Language default_language);

// Errors of parse_crisis_request are ErrorKind::kInvalidInput with a developer-facing
// English message of the form
//   crisis.<reason> "<value>": <detail>      (or  crisis.<reason>: <detail>  without value)
// The engine shows the user templates/<lang>/err_crisis_<reason>.txt, rendered with
// {value}. Reasons: missing_age, missing_place, bad_age, bad_place, bad_language,
// bad_duration, bad_from, bad_wave, unknown_key, duplicate_key.
// vanaf= rules: a time today that has already passed means "now"; a day/month date is
// the next such date (at most ~6 months ahead), 09:00 unless a time follows ("24/11-18u");
// "morgen" is tomorrow 09:00; "nu" is now.

// The reason of a parse_crisis_request error ("missing_age"), or "" for other errors.
std::string_view crisis_error_reason(const Error& e);
// The offending value as typed ("abc" for leeftijd=abc), or "".
std::string_view crisis_error_value(const Error& e);

}  // namespace noodbel
