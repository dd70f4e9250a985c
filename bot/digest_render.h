// Digest rendering: the daily digest (bot/digest.h) as chat text, as one self-contained
// HTML page (inline CSS and SVG chart) and as JSON. Words come from templates/<lang>/
// digest_*.txt, the page skeleton from templates/web/digest.html. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "bot/digest.h"
#include "bot/result.h"
#include "bot/templates.h"

namespace noodbel {

// "12 min" or "1 u 20 min" (templates digest_minutes, digest_hours), rounded to whole
// minutes; digest_no_value when there is nothing to measure.
Result<std::string> render_digest_duration(const Templates& templates, Language lang,
                                           std::optional<std::int64_t> seconds);

// The sentence on one waiting time, `kind` being "digest_first_yes" or "digest_match":
// template <kind>_none without calls, <kind>_one {time} for one call, else <kind> with
// {count}, {median} ("half of the calls within") and {longest} ("the slowest after").
Result<std::string> render_digest_times(const Templates& templates, Language lang,
                                        const DurationStats& stats, std::string_view kind);

// Scopes are shown in reading order: Flanders-wide first, then each service; when the
// digest was built for one service (Digest::own_service_first), that service first and
// Flanders after.
//
// Plain text: per scope the call figures or
// "no calls", times, answers, families, messages per channel, coverage gaps (at most
// `max_gaps` areas, then "and N more") and the last 7 days next to the 7 before.
Result<std::string> render_digest_text(const Digest& digest, const Templates& templates,
                                       Language lang, int max_gaps = 8);

// The HTML page: `page` is the skeleton (templates/web/digest.html) whose markers {{lang}},
// {{title}}, {{heading}} (both digest_html_title) and {{body}} are replaced; every value is
// HTML-escaped. The body opens with the period (digest_period); each scope with its key
// figures as big numbers (digest_tile_*), then the text's lines, and ends with an SVG
// chart of the 30 days: calls opened per day (bars) and the median time to match (line).
// An unknown marker is left alone; a missing {{body}} is an Error.
Result<std::string> render_digest_html(const Digest& digest, const Templates& templates,
                                       Language lang, std::string_view page);

// JSON with stable keys (times: Unix seconds and ISO 8601 with the Brussels offset;
// durations in seconds, null when there is nothing to measure):
// { "date": "2026-03-29", "digest_time": "07:30",
//   "from": ISO, "to": ISO, "from_unix": n, "to_unix": n, "hours": 23,
//   "coverage": {"at": ISO, "at_unix": n, "radius_km": 30, "min_families": 3},
//   "no_calls": bool,
//   "flanders": SCOPE, "services": [SCOPE, ...] }
// SCOPE = { "service": id or null, "name": name or null,
//   "day": PERIOD, "last_7_days": PERIOD, "previous_7_days": PERIOD,
//   "families": {"active", "paused", "opted_out"},
//   "coverage_gaps": [{"area", "name", "places", "places_short", "fewest_families",
//                      "fewest_place"}],
//   "days": [{"date", "opened", "matched", "median_time_to_match_seconds"}] (30, oldest first) }
// PERIOD = { "from_unix", "to_unix",
//   "calls": {"opened", "opened_outside_office_hours", "matched", "closed_unmatched",
//             "cancelled", "expired"},
//   "time_to_first_yes": DURATIONS, "time_to_match": DURATIONS,
//   "answers": {"sent", "yes", "maybe", "no", "none"},
//   "families": {"new", "leaving"},
//   "messages": {"total": CHANNEL, "channels": [CHANNEL, ...]} }
// DURATIONS = {"count", "median_seconds", "p90_seconds", "max_seconds"}
// CHANNEL = {"channel" ("sms", "signal", "telegram", "sandbox", "slash"; "all" for the total),
//            "queued", "sent", "delivered", "failed", "failovers", "cancelled", "pending"}
nlohmann::ordered_json digest_json(const Digest& digest);
std::string render_digest_json(const Digest& digest);  // pretty-printed, with a final newline

}  // namespace noodbel
