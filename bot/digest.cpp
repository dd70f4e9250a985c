#include "bot/digest.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

#include <date/date.h>
#include <fmt/format.h>

#include "bot/csv.h"
#include "bot/local_time.h"
#include "bot/targeting.h"
#include "bot/text/ascii.h"

namespace noodbel {
namespace {

bool in_span(const TimeSpan& span, UnixTime t) { return t >= span.start && t < span.end; }
bool in_span(const TimeSpan& span, const std::optional<UnixTime>& t) {
  return t && in_span(span, *t);
}

std::optional<int> parse_digits(std::string_view text) {
  if (text.empty()) return std::nullopt;
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

// "Vlaams-Brabant" -> "vlaams-brabant"
std::string slug(std::string_view s) {
  std::string out = lower_ascii(s);
  std::replace(out.begin(), out.end(), ' ', '-');
  return out;
}

// ---- calls ----

const std::vector<WeeklyWindow>& office_hours_of(const DigestSettings& settings,
                                                 const std::string& service) {
  static const std::vector<WeeklyWindow> kDefault = default_office_hours();
  for (const ServiceConfig& s : settings.services) {
    if (s.id == service) return s.office_hours;
  }
  return kDefault;
}

void count_end(CallFigures& f, const DigestCallRow& c) {
  switch (c.state) {
    case CallState::kMatched: ++f.matched; break;
    case CallState::kClosed: ++f.closed_unmatched; break;
    case CallState::kCancelled: ++f.cancelled; break;
    case CallState::kExpired: ++f.expired; break;
    case CallState::kOpen: break;
  }
}

using CallFilter = std::vector<const DigestCallRow*>;

CallFigures call_figures(const CallFilter& calls, const TimeSpan& span,
                         const DigestSettings& settings) {
  CallFigures f;
  std::vector<std::int64_t> to_yes;
  std::vector<std::int64_t> to_match;
  for (const DigestCallRow* c : calls) {
    if (in_span(span, c->created_at)) {
      ++f.opened;
      if (!window_at(office_hours_of(settings, c->service), c->created_at)) {
        ++f.opened_outside_office_hours;
      }
    }
    if (in_span(span, c->closed_at) && c->state != CallState::kOpen) {
      count_end(f, *c);
      if (c->state == CallState::kMatched) to_match.push_back(*c->closed_at - c->created_at);
    }
    if (in_span(span, c->first_yes_at)) to_yes.push_back(*c->first_yes_at - c->created_at);
  }
  f.time_to_first_yes = duration_stats(std::move(to_yes));
  f.time_to_match = duration_stats(std::move(to_match));
  return f;
}

AnswerFigures answer_figures(const CallFilter& calls, const TimeSpan& span) {
  AnswerFigures a;
  for (const DigestCallRow* c : calls) {
    if (!in_span(span, c->created_at)) continue;
    a.sent += c->recipients;
    a.yes += c->yes;
    a.maybe += c->maybe;
    a.no += c->no;
    a.none += std::max(0, c->recipients - c->yes - c->maybe - c->no);
  }
  return a;
}

// ---- messages ----

void add_outcome(ChannelFigures& f, MessageOutcome outcome, int n) {
  f.queued += n;
  switch (outcome) {
    case MessageOutcome::kPending: f.pending += n; break;
    case MessageOutcome::kSent: f.sent += n; break;
    case MessageOutcome::kDelivered:
      f.sent += n;
      f.delivered += n;
      break;
    case MessageOutcome::kFailover:
      f.failed += n;
      f.failovers += n;
      break;
    case MessageOutcome::kFailed: f.failed += n; break;
    case MessageOutcome::kCancelled: f.cancelled += n; break;
  }
}

void message_figures(PeriodFigures& p, const std::vector<DigestMessageCount>& messages,
                     const std::string& service) {
  std::map<Channel, ChannelFigures> by_channel;
  for (const DigestMessageCount& m : messages) {
    if (!in_span(p.span, m.minute) || (!service.empty() && m.service != service)) continue;
    ChannelFigures& f = by_channel[m.channel];
    f.channel = m.channel;
    add_outcome(f, m.outcome, m.count);
    add_outcome(p.messages, m.outcome, m.count);
  }
  for (const auto& [channel, figures] : by_channel) p.channels.push_back(figures);
}

// ---- families ----

struct Scope {
  std::string service;  // "" = every service
  bool has(const std::string& s) const { return service.empty() || s == service; }
};

int leaving(const std::vector<DigestDeparture>& departures, const TimeSpan& span,
            const Scope& scope) {
  std::set<std::string> ids;
  for (const DigestDeparture& d : departures) {
    if (in_span(span, d.at) && scope.has(d.service)) ids.insert(d.family_id);
  }
  return static_cast<int>(ids.size());
}

PeriodFigures period_figures(const DigestData& data, const CallFilter& calls,
                             const TimeSpan& span, const Scope& scope,
                             const DigestSettings& settings) {
  PeriodFigures p;
  p.span = span;
  p.calls = call_figures(calls, span, settings);
  p.answers = answer_figures(calls, span);
  for (const DigestFamilyRow& f : data.families) {
    if (scope.has(f.family.service) && in_span(span, f.created_at)) ++p.new_families;
  }
  p.leaving_families = leaving(data.departures, span, scope);
  message_figures(p, data.messages, scope.service);
  return p;
}

FamilyStatus family_status(const DigestData& data, const Scope& scope, UnixTime at) {
  FamilyStatus s;
  for (const DigestFamilyRow& row : data.families) {
    const Family& f = row.family;
    if (!scope.has(f.service)) continue;
    if (!f.opted_in) {
      ++s.opted_out;
    } else if (f.paused_until && *f.paused_until > at) {
      ++s.paused;
    } else {
      ++s.active;
    }
  }
  return s;
}

std::vector<ChartDay> chart(const CallFilter& calls, const DigestPeriod& period,
                            const DigestSettings& settings) {
  std::vector<ChartDay> out;
  for (const auto& [date, span] : period.chart) {
    const CallFigures f = call_figures(calls, span, settings);
    out.push_back({date, f.opened, f.matched, f.time_to_match.median_seconds});
  }
  return out;
}

// ---- coverage ----

struct AreaCoverage {
  CoverageGap gap;
  std::string province_slug;
};

bool flemish(const Place& p) { return p.region == "VLG" || p.region == "BRU"; }

// Families that may be counted at all at `at` (a cheap filter before the distances).
std::vector<Family> available_families(const DigestData& data) {
  std::vector<Family> out;
  for (const DigestFamilyRow& row : data.families) {
    if (row.family.opted_in && row.family.max_children >= 1) out.push_back(row.family);
  }
  return out;
}

std::vector<AreaCoverage> coverage(const DigestData& data, const Postcodes& postcodes,
                                   const DigestSettings& settings, UnixTime at) {
  const std::vector<Family> families = available_families(data);
  std::map<std::pair<double, double>, int> counted;  // places sharing coordinates
  std::map<std::string, AreaCoverage> areas;
  std::map<std::string, std::string> lowest_postcode;
  for (const Place& place : postcodes.places()) {
    if (!flemish(place) || place.postcode.size() < 2) continue;
    const std::string area = place.postcode.substr(0, 2);
    const auto key = std::make_pair(place.point.lat, place.point.lon);
    auto it = counted.find(key);
    if (it == counted.end()) {
      it = counted.emplace(key, count_available(families, place.point, at,
                                                {kCoverageRadiusKm})[0]).first;
    }
    AreaCoverage& a = areas[area];
    if (a.gap.places == 0 || it->second < a.gap.fewest_families) {
      a.gap.fewest_families = it->second;
      a.gap.fewest_place = place.name;
    }
    if (a.gap.places == 0) {
      a.gap.area = area;
      a.province_slug = slug(place.province);
    }
    ++a.gap.places;
    if (it->second < settings.coverage_min_families) ++a.gap.places_short;
    auto [low, fresh] = lowest_postcode.emplace(area, place.postcode);
    if (fresh || place.postcode < low->second) {
      low->second = place.postcode;
      if (!settings.area_names.count(area)) a.gap.name = place.name;
    }
  }
  std::vector<AreaCoverage> out;
  for (auto& [area, a] : areas) {
    if (a.gap.places_short == 0) continue;
    if (const auto name = settings.area_names.find(area); name != settings.area_names.end()) {
      a.gap.name = name->second;
    }
    out.push_back(std::move(a));
  }
  std::sort(out.begin(), out.end(), [](const AreaCoverage& x, const AreaCoverage& y) {
    return std::tie(x.gap.fewest_families, y.gap.places_short, x.gap.area) <
           std::tie(y.gap.fewest_families, x.gap.places_short, y.gap.area);
  });
  return out;
}

std::vector<CoverageGap> gaps_for(const std::vector<AreaCoverage>& all, const Scope& scope) {
  std::vector<CoverageGap> out;
  for (const AreaCoverage& a : all) {
    if (scope.service.empty() || scope.service.find(a.province_slug) != std::string::npos) {
      out.push_back(a.gap);
    }
  }
  return out;
}

ScopeDigest scope_digest(const DigestData& data, const DigestPeriod& period,
                         const DigestSettings& settings, const Scope& scope,
                         const std::vector<AreaCoverage>& gaps) {
  CallFilter calls;
  for (const DigestCallRow& c : data.calls) {
    if (scope.has(c.service)) calls.push_back(&c);
  }
  ScopeDigest s;
  s.service_id = scope.service;
  s.day = period_figures(data, calls, period.day, scope, settings);
  s.last_week = period_figures(data, calls, period.last_week, scope, settings);
  s.previous_week = period_figures(data, calls, period.previous_week, scope, settings);
  s.families = family_status(data, scope, period.day.end);
  s.coverage_gaps = gaps_for(gaps, scope);
  s.chart = chart(calls, period, settings);
  return s;
}

}  // namespace

Result<LocalDate> parse_digest_date(std::string_view text) {
  const auto bad = [&] {
    return Error::Invalid(fmt::format(
        "'{}' is not a date: write it as YYYY-MM-DD, for example 2026-03-29", text));
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad();
  const auto y = parse_digits(text.substr(0, 4));
  const auto m = parse_digits(text.substr(5, 2));
  const auto d = parse_digits(text.substr(8, 2));
  if (!y || !m || !d || *y < 1970 || !is_valid_date(*y, *m, *d)) return bad();
  return LocalDate{*y, *m, *d};
}

LocalDate local_date_of(UnixTime t) {
  const LocalDateTime l = to_local(t);
  return {l.year, l.month, l.day};
}

LocalDate add_days(LocalDate date, int days) {
  const date::year_month_day ymd{
      date::sys_days{date::year{date.year} / date::month{static_cast<unsigned>(date.month)} /
                     date::day{static_cast<unsigned>(date.day)}} +
      date::days{days}};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
          static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

std::string iso_date(LocalDate date) {
  return fmt::format("{:04}-{:02}-{:02}", date.year, date.month, date.day);
}

std::string display_date(LocalDate date) {
  return fmt::format("{:02}/{:02}/{:04}", date.day, date.month, date.year);
}

Result<int> parse_clock_time(std::string_view text) {
  const auto bad = [&] {
    return Error::Invalid(fmt::format(
        "'{}' is not a time of day: write it as HH:MM from 00:00 to 23:59, for example \"07:30\"",
        text));
  };
  if (text.size() != 5 || text[2] != ':') return bad();
  const auto h = parse_digits(text.substr(0, 2));
  const auto m = parse_digits(text.substr(3, 2));
  if (!h || !m || *h > 23 || *m > 59) return bad();
  return *h * 60 + *m;
}

TimeSpan digest_window(LocalDate date, int digest_minute) {
  const LocalDate before = add_days(date, -1);
  return {from_local(before.year, before.month, before.day, digest_minute),
          from_local(date.year, date.month, date.day, digest_minute)};
}

DigestPeriod digest_period(LocalDate date, int digest_minute) {
  DigestPeriod p;
  p.date = date;
  p.digest_minute = digest_minute;
  p.day = digest_window(date, digest_minute);
  const auto start_of = [&](int days_back) {
    return digest_window(add_days(date, -days_back), digest_minute).start;
  };
  p.last_week = {start_of(kDigestWeekDays - 1), p.day.end};
  p.previous_week = {start_of(2 * kDigestWeekDays - 1), p.last_week.start};
  for (int back = kDigestChartDays - 1; back >= 0; --back) {
    const LocalDate d = add_days(date, -back);
    p.chart.emplace_back(d, digest_window(d, digest_minute));
  }
  p.range = {std::min(p.chart.front().second.start, p.previous_week.start), p.day.end};
  p.coverage_at = from_local(date.year, date.month, date.day, kCoverageMinute);
  return p;
}

DurationStats duration_stats(std::vector<std::int64_t> seconds) {
  DurationStats s;
  s.count = static_cast<int>(seconds.size());
  if (seconds.empty()) return s;
  std::sort(seconds.begin(), seconds.end());
  const auto at = [&](double q) {
    const double rank = q * static_cast<double>(seconds.size() - 1);
    const auto low = static_cast<std::size_t>(std::floor(rank));
    const std::size_t high = std::min(low + 1, seconds.size() - 1);
    const double frac = rank - static_cast<double>(low);
    const double value = static_cast<double>(seconds[low]) +
                         frac * static_cast<double>(seconds[high] - seconds[low]);
    return static_cast<std::int64_t>(std::llround(value));
  };
  s.median_seconds = at(0.5);
  s.p90_seconds = at(0.9);
  s.max_seconds = seconds.back();
  return s;
}

bool CallFigures::quiet() const {
  return opened == 0 && matched == 0 && closed_unmatched == 0 && cancelled == 0 && expired == 0;
}

Result<std::map<std::string, std::string>> parse_area_names(std::string_view csv_text) {
  Result<CsvTable> table = parse_csv(csv_text);
  if (!table) return table.error();
  if (table->header != std::vector<std::string>{"area", "place"}) {
    return Error::Invalid("the area names file must start with the header line: area,place");
  }
  std::map<std::string, std::string> names;
  for (const CsvRow& row : table->rows) {
    const bool area_ok = row.fields.size() == 2 && row.fields[0].size() == 2 &&
                         parse_digits(row.fields[0]).has_value();
    if (!area_ok || row.fields[1].empty()) {
      return Error::Invalid(fmt::format(
          "area names line {}: write two digits and a place name, like 90,Gent", row.line));
    }
    if (!names.emplace(row.fields[0], row.fields[1]).second) {
      return Error::Invalid(
          fmt::format("area names line {}: area {} is listed twice", row.line, row.fields[0]));
    }
  }
  return names;
}

Digest build_digest(const DigestData& data, const DigestPeriod& period,
                    const DigestSettings& settings, const Postcodes& postcodes) {
  const std::vector<AreaCoverage> gaps = coverage(data, postcodes, settings, period.coverage_at);
  Digest d;
  d.period = period;
  d.coverage_min_families = settings.coverage_min_families;
  d.flanders = scope_digest(data, period, settings, Scope{}, gaps);
  d.no_calls = d.flanders.day.calls.quiet();
  d.own_service_first = settings.only_service.has_value();
  for (const ServiceConfig& s : settings.services) {
    if (settings.only_service && *settings.only_service != s.id) continue;
    ScopeDigest scope = scope_digest(data, period, settings, Scope{s.id}, gaps);
    scope.service_name = s.name;
    d.services.push_back(std::move(scope));
  }
  return d;
}

Result<std::string> resolve_service(const std::vector<ServiceConfig>& services,
                                    std::string_view id_or_name) {
  std::vector<std::string> ids;
  for (const ServiceConfig& s : services) {
    if (s.id == id_or_name || lower_ascii(s.name) == lower_ascii(id_or_name)) return s.id;
    ids.push_back(s.id);
  }
  return Error::Invalid(fmt::format("unknown service '{}': use one of {}", id_or_name,
                                    fmt::join(ids, ", ")));
}

}  // namespace noodbel
