// Digest: the supervisors' daily figures (calls, answers, families, messages, coverage,
// week against week, 30 days per day), computed from raw rows (store/digest_queries.h).
// Pure functions over values; thread-safe. Rendering: bot/digest_render.h.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bot/clock.h"
#include "bot/config.h"
#include "bot/office_hours.h"
#include "bot/postcodes.h"
#include "bot/result.h"
#include "bot/types.h"

namespace noodbel {

inline constexpr int kCoverageRadiusKm = 30;
inline constexpr int kCoverageMinute = 20 * 60;  // "tonight": 20:00 on the digest date
inline constexpr int kDigestWeekDays = 7;
inline constexpr int kDigestChartDays = 30;

// A calendar date in Europe/Brussels.
struct LocalDate {
  int year = 1970;
  int month = 1;
  int day = 1;
  bool operator==(const LocalDate&) const = default;
};

// "2026-03-29" -> the date; anything else is an Error saying the expected format.
Result<LocalDate> parse_digest_date(std::string_view text);
LocalDate local_date_of(UnixTime t);              // the Brussels date holding `t`
LocalDate add_days(LocalDate date, int days);     // calendar arithmetic, any sign
std::string iso_date(LocalDate date);             // "2026-03-29"
std::string display_date(LocalDate date);         // "29/03/2026", as Belgians write it
// "07:30" -> 450; an Error (saying the format) for anything but HH:MM from 00:00 to 23:59.
Result<int> parse_clock_time(std::string_view text);

// The digest of `date` covers "the 24 hours before the digest time": from the digest time
// on the previous local day to the digest time on `date`. Both ends are Brussels wall-clock
// times, so the window is 23 hours on the spring DST day and 25 hours on the autumn one.
// A digest time inside the skipped spring hour means the moment the clocks jump (03:00).
TimeSpan digest_window(LocalDate date, int digest_minute);

// Every span one digest reports on. All ends are digest times (whole minutes).
struct DigestPeriod {
  LocalDate date;
  int digest_minute = 0;
  TimeSpan day;            // digest_window(date)
  TimeSpan last_week;      // the 7 digest days ending with `day`
  TimeSpan previous_week;  // the 7 before those
  std::vector<std::pair<LocalDate, TimeSpan>> chart;  // 30 digest days, oldest first
  TimeSpan range;          // from the first chart day (or previous week) to day.end
  UnixTime coverage_at = 0;  // 20:00 on `date`
};
DigestPeriod digest_period(LocalDate date, int digest_minute);

// ---- raw rows, as the store collects them for DigestPeriod::range ----

struct DigestCallRow {
  std::int64_t id = 0;
  std::string service;
  CallState state = CallState::kOpen;
  UnixTime created_at = 0;
  std::optional<UnixTime> closed_at;
  // Answers received before range.end: the earliest yes, and the count per answer (a
  // family's latest answer counts; the store keeps one answer per family and call).
  std::optional<UnixTime> first_yes_at;
  int recipients = 0;  // families the call was sent to
  int yes = 0;
  int maybe = 0;
  int no = 0;
};

struct DigestFamilyRow {
  Family family;  // without contacts or display name
  UnixTime created_at = 0;
};

// A family opting out (audit action "family.stop"). service is "" when the family is gone.
struct DigestDeparture {
  UnixTime at = 0;
  std::string family_id;
  std::string service;
};

// What became of an outbox row. A failover is a row that failed on its channel and was
// handed to the person's next contact: the dispatcher marks it failed with a last_error
// that starts with "failover". A cancelled row was failed with a last_error starting with
// "cancelled" (e.g. the family opted out) and is not a delivery failure.
enum class MessageOutcome { kPending, kSent, kDelivered, kFailed, kFailover, kCancelled };

// Outbox rows created in one minute [minute, minute + 60), by channel, service and outcome.
// service: the service of the row's call, else of its recipient (family or caseworker), else "".
struct DigestMessageCount {
  UnixTime minute = 0;
  Channel channel = Channel::kUnknown;
  std::string service;
  MessageOutcome outcome = MessageOutcome::kPending;
  int count = 0;
};

struct DigestData {
  std::vector<DigestCallRow> calls;          // opened before range.end, not closed before range.start
  std::vector<DigestFamilyRow> families;     // every family as stored now
  std::vector<DigestDeparture> departures;   // opt-outs in the range
  std::vector<DigestMessageCount> messages;  // outbox rows created in the range
};

// ---- figures ----

// Median and 90th percentile by linear interpolation between closest ranks (numpy's
// default), rounded to whole seconds, and the longest; nothing when there are no values.
// The texts say "half within <median>, the slowest after <max>"; p90 is for the JSON.
struct DurationStats {
  int count = 0;
  std::optional<std::int64_t> median_seconds;
  std::optional<std::int64_t> p90_seconds;
  std::optional<std::int64_t> max_seconds;
};
DurationStats duration_stats(std::vector<std::int64_t> seconds);

// Every figure counts an event inside the span: opened = created in it; matched, closed
// (without match), cancelled, expired = ended in it in that state; time to first yes = calls
// whose first yes came in it; time to match = calls matched in it.
struct CallFigures {
  int opened = 0;
  int opened_outside_office_hours = 0;  // the service's office hours (bot/office_hours.h)
  int matched = 0;
  int closed_unmatched = 0;
  int cancelled = 0;
  int expired = 0;
  DurationStats time_to_first_yes;
  DurationStats time_to_match;
  bool quiet() const;  // nothing opened or ended
};

// The families reached by the calls opened in the span, by their answer so far.
struct AnswerFigures {
  int sent = 0;
  int yes = 0;
  int maybe = 0;
  int no = 0;
  int none = 0;
};

// Outbox rows created in the span. sent: handed to the provider (sent or delivered);
// failed: delivery failures, failovers included; pending: not sent yet.
struct ChannelFigures {
  Channel channel = Channel::kUnknown;
  int queued = 0;
  int sent = 0;
  int delivered = 0;
  int failed = 0;
  int failovers = 0;
  int cancelled = 0;
  int pending = 0;
};

struct PeriodFigures {
  TimeSpan span;
  CallFigures calls;
  AnswerFigures answers;
  int new_families = 0;      // families.created_at in the span
  int leaving_families = 0;  // distinct families that opted out in the span
  std::vector<ChannelFigures> channels;  // channels with rows, in Channel order
  ChannelFigures messages;               // all channels (channel kUnknown)
};

// Families as stored now; paused = opted in and paused beyond the digest time.
struct FamilyStatus {
  int active = 0;
  int paused = 0;
  int opted_out = 0;
};

// A postcode area (first two digits) with places where fewer than the configured number
// of families are available within 30 km at coverage_at (as targeting counts them).
struct CoverageGap {
  std::string area;          // "86"
  std::string name;          // its biggest place, "Koksijde"
  int places = 0;            // places of the area in the postcode table
  int places_short = 0;      // of those, with too few families
  int fewest_families = 0;   // at the least covered place
  std::string fewest_place;  // that place
};

struct ChartDay {
  LocalDate date;
  int opened = 0;
  int matched = 0;
  std::optional<std::int64_t> median_time_to_match_seconds;
};

struct ScopeDigest {
  std::string service_id;    // "" for Flanders-wide
  std::string service_name;  // "" for Flanders-wide
  PeriodFigures day;
  PeriodFigures last_week;
  PeriodFigures previous_week;
  FamilyStatus families;
  std::vector<CoverageGap> coverage_gaps;  // fewest families first
  std::vector<ChartDay> chart;             // oldest first
};

struct Digest {
  DigestPeriod period;
  int coverage_min_families = 3;
  bool no_calls = true;  // Flanders-wide: no call opened or ended in the 24 hours
  ScopeDigest flanders;
  std::vector<ScopeDigest> services;  // configured order (only the chosen one with a filter)
  // Built for one chosen service (DigestSettings::only_service): a supervisor reads their
  // own service first and Flanders after. Otherwise Flanders comes first.
  bool own_service_first = false;
};

struct DigestSettings {
  int coverage_min_families = 3;
  std::vector<ServiceConfig> services;     // all configured: names and office hours
  std::optional<std::string> only_service;  // a service id: report only that service
  // Postcode area ("86") -> the name of its biggest place. Missing areas are named after
  // the first place of their lowest postcode.
  std::map<std::string, std::string> area_names;
};

// Parses the area names file (config/postcode-areas.csv, header "area,place").
Result<std::map<std::string, std::string>> parse_area_names(std::string_view csv_text);

// Coverage is computed over the Flemish and Brussels places (regions VLG, BRU); a service
// covers the areas whose province is part of its id ("vlaams-brabant-brussel" covers
// Vlaams-Brabant and Brussel), counting families of every service.
// settings.only_service must be empty or a configured service id.
Digest build_digest(const DigestData& data, const DigestPeriod& period,
                    const DigestSettings& settings, const Postcodes& postcodes);

// The configured service with this id or (case-insensitive) name; the error lists the ids.
Result<std::string> resolve_service(const std::vector<ServiceConfig>& services,
                                    std::string_view id_or_name);

}  // namespace noodbel
