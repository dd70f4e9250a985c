// Reply parser: what a family means by a free-text message ("ja hoor", "nee sorry K42", "👍",
// "pauze tot 5/1", "afstand 40"). Pure functions, callable from anywhere; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace noodbel {

// kCallMe: the family asks to be called ("bel me later", "ik ben aan het werk, bel
// later", "call me"): not an answer to a call.
enum class Intent { kYes, kNo, kMaybe, kStop, kStart, kPause, kResume, kStatus, kHelp,
                    kDistance, kCallMe, kUnknown };
std::string_view to_string(Intent i);  // "yes", "no", ... "call_me", "unknown"

// What a yes or a maybe depends on, in the family's own words and, where the parser
// understood it, as values the core can hold against the call.
enum class ConditionKind {
  kLimit,      // how long they can keep the child: "voor 1 nacht", "max 2 nachten", "tot zondag"
  kFrom,       // when they can start: "vanaf 18u", "over een uurtje", "pas morgen"
  kCallFirst,  // "bel eerst even", "call me first"
  kAges,       // "enkel tot 6 jaar", "geen baby's", "liefst ouder dan 3"
  kChildren,   // "maar 1 kind", "geen broers en zussen", "max 2 kinderen"
  kTransport,  // "kunnen niet rijden", "kan niet komen halen"
};
std::string_view to_string(ConditionKind k);  // "limit", "from", "call_first", "ages",
                                              // "children", "transport"

struct Condition {
  ConditionKind kind = ConditionKind::kLimit;
  std::string words;  // the family's own words for it, as written ("voor 1 nacht")
  // kLimit: at most this many nights ("1 nacht" 1, "2 dagen" 2, "een week" 7), and/or the
  // last day they can keep the child (YYYY-MM-DD: "tot zondag").
  std::optional<int> nights;
  std::optional<std::string> last_day;
  // kFrom: from this local date (YYYY-MM-DD) and minute of that day ("vanaf 18u": 1080),
  // resolved with the context; `in_minutes` keeps a relative start ("over een uurtje": 60).
  std::optional<std::string> from_day;
  std::optional<int> from_minute;
  std::optional<int> in_minutes;
  // kAges: the ages they take, in months (either end may be open).
  std::optional<int> min_age_months;
  std::optional<int> max_age_months;
  // kChildren: at most this many children.
  std::optional<int> max_children;
  bool operator==(const Condition&) const = default;
};

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
