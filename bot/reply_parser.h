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
  // Words of a yes or maybe the parser kept but did not understand, as written (shown to
  // the caseworker as "(zie bericht)"); nothing when every word was understood.
  std::optional<std::string> note;
};

// Today's local (Europe/Brussels) date, to resolve relative dates: "tot 5/1" (the next
// 5 January), "pauze 2 weken" (today + 14 days), "tot maandag" (the next Monday).
// Default-constructed (or any invalid date) means unknown: then `until` comes only from
// dates written with their year ("tot 31/12/2026"). `minute` (of the local day, 0..1439;
// -1 unknown) resolves start times: "vanaf 18u" is the next 18:00 (today when it is still
// to come or passed less than an hour ago), "over een uurtje" is now + 60 minutes.
struct ReplyContext {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
  int minute = -1;
};

// "2026-11-22" as a ReplyContext; nothing unless it is exactly YYYY-MM-DD and a real date.
std::optional<ReplyContext> reply_context_from_iso(std::string_view yyyy_mm_dd);

// A call code: one capital letter other than I and O, then two digits ("K42").
bool is_call_code(std::string_view s);

ParsedReply parse_reply(std::string_view text, const ReplyContext& ctx);
ParsedReply parse_reply(std::string_view text);  // today unknown

}  // namespace noodbel
