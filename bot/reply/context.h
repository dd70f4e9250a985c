// ReplyContext: the moment a family's message is read (its local date and minute), which
// the reply parser resolves relative dates and times against. Values and pure functions;
// thread-safe.
#pragma once

#include <optional>
#include <string_view>

namespace noodbel {

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

}  // namespace noodbel
