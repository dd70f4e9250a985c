// Reply parser: what a family means by a free-text message ("ja hoor", "nee sorry K42", "👍",
// "pauze tot 5/1", "afstand 40"). Pure functions, callable from anywhere; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/condition.h"

namespace noodbel {

// kCallMe: the family asks to be called ("bel me later", "ik ben aan het werk, bel
// later", "call me"): not an answer to a call.
enum class Intent { kYes, kNo, kMaybe, kStop, kStart, kPause, kResume, kStatus, kHelp,
                    kDistance, kCallMe, kUnknown };
std::string_view to_string(Intent i);  // "yes", "no", ... "call_me", "unknown"

struct ParsedReply {
  Intent intent = Intent::kUnknown;
  std::optional<std::string> call_code;  // "K42", upper-cased, when the text names one
  std::optional<std::string> until;      // YYYY-MM-DD: last day of a pause, when given
  std::optional<int> km;                 // for distance
  std::vector<Condition> conditions;     // of a yes or maybe, in the order written
  // Words of a yes or maybe the parser kept but did not understand, as written: one piece
  // of the original text, from the first such word to the last, politeness trimmed (shown
  // to the caseworker as "(zie bericht)"); nothing when every word was understood.
  std::optional<std::string> note;
};

// Today's local (Europe/Brussels) date, to resolve relative dates: "tot 5/1" (the next
// 5 January), "pauze 2 weken" (today + 14 days), "tot maandag" (the next Monday).
// Default-constructed (or any invalid date) means unknown: then `until` comes only from
// dates written with their year ("tot 31/12/2026"). `minute` (of the local day, 0..1439;
// -1 unknown) resolves start times: "vanaf 18u" is the next 18:00 (today when it is still
// to come or passed less than an hour ago; today when the minute is unknown), "over een
// uurtje" is now + 60 minutes (crossing midnight moves the day; only in_minutes when the
// minute is unknown). "morgen" said before 05:00 is the day after the night, i.e. today's
// date; a weekday ("tot zondag", "vanaf zaterdag") is the next one, today included.
struct ReplyContext {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
  int minute = -1;
};

// "2026-11-22" as a ReplyContext; nothing unless it is exactly YYYY-MM-DD and a real date.
std::optional<ReplyContext> reply_context_from_iso(std::string_view yyyy_mm_dd);
// "2026-11-22" or "2026-11-22 14:05" (a real date, then a time 00:00..23:59) as a
// ReplyContext with the minute set when the time is given; nothing otherwise.
std::optional<ReplyContext> reply_context_from_text(std::string_view date_and_time);

// A call code: one capital letter other than I and O, then two digits ("K42").
bool is_call_code(std::string_view s);

ParsedReply parse_reply(std::string_view text, const ReplyContext& ctx);

// The family's own words a caseworker should read next to a yes or maybe: each condition's
// words, then the note, joined by "; " ("pas vanaf 18u; bel eerst even"); "" when there are
// none. For a board or a response row that keeps one text per answer.
std::string words_for_caseworker(const ParsedReply& r);
ParsedReply parse_reply(std::string_view text);  // today unknown

}  // namespace noodbel
