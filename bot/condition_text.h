// ConditionText: a family's conditions in plain words for people ("vanaf 18:00 vandaag
// (maandag)", "voor 1 nacht", "eerst bellen"), and days said with their name and, when
// not today or tomorrow, their date — never a time without its day. Rendered from
// templates in the reader's language. Pure; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "bot/answer_conditions.h"
#include "bot/clock.h"
#include "bot/condition.h"
#include "bot/result.h"
#include "bot/templates.h"
#include "bot/types.h"

namespace noodbel {

// The day of `t` as seen at `now`: "vandaag (maandag)", "morgen (dinsdag)", "woensdag 9/12".
Result<std::string> render_day(const Templates& t, Language lang, UnixTime at, UnixTime now);

// One condition in plain words; a condition the parser did not resolve is quoted in the
// family's own words.
Result<std::string> render_condition(const Templates& t, Language lang, const Condition& c,
                                     UnixTime now);

// Every condition, joined with ", " (empty when there are none), followed by
// `cond_see_message` ("(zie bericht)") when the answer has words nobody understood.
Result<std::string> render_conditions(const Templates& t, Language lang,
                                      const std::vector<Condition>& conditions,
                                      bool has_note, UnixTime now);

// The same for a board row: a condition that conflicts with the call is followed by
// `cond_conflict` ("botst met de oproep").
Result<std::string> render_checked_conditions(const Templates& t, Language lang,
                                              const std::vector<ConditionCheck>& checks,
                                              bool has_note, UnixTime now);

}  // namespace noodbel
