// CrisisRequest: the arguments of `/crisis` (alias `/new`) parsed and validated, before
// the call is opened. Every missing or wrong field is reported at once, with the
// arguments rebuilt as a corrected example. Pure functions; thread-safe.
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

// One missing or wrong field.
struct CrisisProblem {
  // missing_age, missing_place, bad_age, bad_place, ambiguous_place, bad_language,
  // bad_duration, bad_from, bad_wave, unknown_key, duplicate_key. The caseworker sees
  // templates/<lang>/err_crisis_<reason>.txt (bad_place with suggestions:
  // err_crisis_bad_place_suggest; unknown_key with a likely key: err_crisis_unknown_key_suggest).
  std::string reason;
  std::string key;    // as typed ("leeftijd"); "" for a missing key
  std::string value;  // as typed; for unknown_key and duplicate_key the key itself
  std::string likely_key;           // unknown_key: the key probably meant ("leeftijd"), or ""
  std::vector<PlaceMatch> places;   // ambiguous_place: the candidates; bad_place: suggestions
  std::string detail;               // developer-facing English: what is wrong and how to fix it
};

struct CrisisCheck {
  // Complete even with problems: a sample value stands in for each wrong or missing one
  // (so the call text can be measured and an example shown).
  CrisisRequest request;
  std::vector<CrisisProblem> problems;  // in the order typed; missing keys last
  // The arguments again, copyable: valid values as typed, wrong ones replaced by a sample
  // (ambiguous or misspelt places by the first candidate), missing keys added in front,
  // unknown and repeated keys dropped (or renamed to the likely key).
  std::string example_args;
  std::vector<std::string> sampled_keys;  // keys whose value in example_args is a sample
  bool ok() const { return problems.empty(); }
};

// Parses the text after the command word, e.g.
//   "leeftijd=4 postcode=9000 taal=nl duur=3d Korte toelichting".
// Keys (Dutch, with English aliases): leeftijd|age, postcode|gemeente|plaats|place,
// taal|lang, duur|duration, vanaf|from, golf|wave; flags urgent|dringend.
// A place value may run over the next words when together they name a place:
// "gemeente=Sint Niklaas", "postcode=9120 Beveren". `now` and the Europe/Brussels zone
// resolve relative times ("18u", "morgen"). The note is NOT checked here (the
// anonymization guard does that).
// vanaf= rules: a time today that has already passed means "now"; a day/month date is
// the next such date (at most ~6 months ahead), 09:00 unless a time follows ("24/11-18u");
// "morgen" is tomorrow 09:00; "nu" is now.
CrisisCheck check_crisis_request(std::string_view args, const Postcodes& postcodes,
                                 UnixTime now, Language default_language);

// The same, for callers that need only the first problem: an ErrorKind::kInvalidInput
// with a developer-facing English message of the form
//   crisis.<reason> "<value>": <detail>      (or  crisis.<reason>: <detail>  without value)
Result<CrisisRequest> parse_crisis_request(std::string_view args, const Postcodes& postcodes,
                                           UnixTime now, Language default_language);

// The reason of a parse_crisis_request error ("missing_age"), or "" for other errors.
std::string_view crisis_error_reason(const Error& e);
// The offending value as typed ("abc" for leeftijd=abc), or "".
std::string_view crisis_error_value(const Error& e);

}  // namespace noodbel
