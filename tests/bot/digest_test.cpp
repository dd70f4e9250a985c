// The digest's figures from raw rows (bot/digest.h) and their text, HTML and JSON forms
// (bot/digest_render.h). The same figures from a real database:
// tests/store/digest_queries_test.cpp.
#include "bot/digest.h"

#include <gtest/gtest.h>

#include <cctype>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "bot/digest_render.h"
#include "bot/local_time.h"
#include "support/paths/source_paths.h"
#include "support/shipped_data.h"

namespace noodbel {
namespace {

// 2026-11-24 (a Tuesday), digest time 07:30: the window runs from Monday 23/11 07:30.
constexpr LocalDate kTuesday{2026, 11, 24};
constexpr int kDigestMinute = 7 * 60 + 30;
constexpr UnixTime kMonday0730 = 1795415400;   // 2026-11-23T06:30Z
constexpr UnixTime kTuesday0730 = 1795501800;  // 2026-11-24T06:30Z

UnixTime local(int month, int day, int hour, int minute, int year = 2026) {
  return from_local(year, month, day, hour * 60 + minute);
}

Templates load_templates() {
  return test_data::shipped_templates();
}

std::string read_source_file(const std::string& relative) {
  std::ifstream in(std::string(noodbel::testing::source_path("/")) + relative);
  if (!in) throw std::runtime_error("cannot read " + relative);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

DigestCallRow call_row(std::int64_t id, const std::string& service, UnixTime created,
                       CallState state = CallState::kOpen,
                       std::optional<UnixTime> closed = std::nullopt) {
  DigestCallRow c;
  c.id = id;
  c.service = service;
  c.created_at = created;
  c.state = state;
  c.closed_at = closed;
  return c;
}

DigestFamilyRow family_row(const std::string& id, const std::string& service, GeoPoint home,
                           UnixTime created = 0) {
  DigestFamilyRow row;
  row.family.id = id;
  row.family.service = service;
  row.family.home = home;
  row.family.max_distance_km = 50;
  row.created_at = created;
  return row;
}

constexpr GeoPoint kGent{51.05, 3.72};
constexpr GeoPoint kMariakerke{51.07, 3.68};
constexpr GeoPoint kDiksmuide{51.03, 2.86};
constexpr GeoPoint kVeurne{51.07, 2.66};
constexpr GeoPoint kHasselt{50.93, 5.34};
constexpr GeoPoint kLiege{50.63, 5.57};

Postcodes test_postcodes() {
  return Postcodes::from_places({
      {"9000", "Gent", "Oost-Vlaanderen", "VLG", kGent},
      {"9030", "Mariakerke", "Oost-Vlaanderen", "VLG", kMariakerke},
      {"8630", "Veurne", "West-Vlaanderen", "VLG", kVeurne},
      {"8600", "Beerst", "West-Vlaanderen", "VLG", kDiksmuide},
      {"3500", "Hasselt", "Limburg", "VLG", kHasselt},
      {"4000", "Liège", "Luik", "WAL", kLiege},
  });
}

DigestSettings test_settings() {
  DigestSettings s;
  s.coverage_min_families = 3;
  s.services = default_services();
  s.area_names = {{"86", "Koksijde"}, {"90", "Gent"}};
  return s;
}

Digest digest_of(const DigestData& data, const DigestSettings& settings = test_settings(),
                 LocalDate date = kTuesday) {
  return build_digest(data, digest_period(date, kDigestMinute), settings, test_postcodes());
}

// ---- dates, times and windows ----

TEST(DigestDates, ParsesIsoDatesAndRefusesAnythingElseSayingTheFormat) {
  const auto d = parse_digest_date("2026-03-29");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(*d, (LocalDate{2026, 3, 29}));
  for (const char* bad :
       {"29/03/2026", "2026-02-30", "2026-3-29", "2026-03-29x", "", "yesterday"}) {
    const auto r = parse_digest_date(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().kind, ErrorKind::kInvalidInput);
    EXPECT_NE(r.error().message.find("YYYY-MM-DD"), std::string::npos) << r.error().message;
  }
}

TEST(DigestDates, ParsesClockTimesAndRefusesAnythingElseSayingTheFormat) {
  EXPECT_EQ(*parse_clock_time("07:30"), 450);
  EXPECT_EQ(*parse_clock_time("00:00"), 0);
  EXPECT_EQ(*parse_clock_time("23:59"), 1439);
  for (const char* bad : {"7:30", "24:00", "07:60", "0730", "07:3a", ""}) {
    const auto r = parse_clock_time(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_NE(r.error().message.find("HH:MM"), std::string::npos) << r.error().message;
  }
}

TEST(DigestDates, AddsDaysAcrossMonthAndYearEnds) {
  EXPECT_EQ(add_days({2026, 3, 1}, -1), (LocalDate{2026, 2, 28}));
  EXPECT_EQ(add_days({2026, 12, 31}, 1), (LocalDate{2027, 1, 1}));
  EXPECT_EQ(add_days({2024, 2, 28}, 1), (LocalDate{2024, 2, 29}));
  EXPECT_EQ(iso_date({2026, 3, 9}), "2026-03-09");
  EXPECT_EQ(local_date_of(kTuesday0730), kTuesday);
}

TEST(DigestWindow, CoversTheTwentyFourHoursBeforeTheDigestTime) {
  const TimeSpan w = digest_window(kTuesday, kDigestMinute);
  EXPECT_EQ(w.start, kMonday0730);
  EXPECT_EQ(w.end, kTuesday0730);
}

TEST(DigestWindow, IsTwentyThreeHoursOnTheSpringDaylightSavingDay) {
  const TimeSpan w = digest_window({2026, 3, 29}, kDigestMinute);
  EXPECT_EQ(w.start, 1774679400);  // 2026-03-28 07:30 CET = 06:30Z
  EXPECT_EQ(w.end, 1774762200);    // 2026-03-29 07:30 CEST = 05:30Z
  EXPECT_EQ(w.end - w.start, 23 * 3600);
}

TEST(DigestWindow, IsTwentyFiveHoursOnTheAutumnDaylightSavingDay) {
  const TimeSpan w = digest_window({2026, 10, 25}, kDigestMinute);
  EXPECT_EQ(w.start, 1792819800);  // 2026-10-24 07:30 CEST = 05:30Z
  EXPECT_EQ(w.end, 1792909800);    // 2026-10-25 07:30 CET = 06:30Z
  EXPECT_EQ(w.end - w.start, 25 * 3600);
}

TEST(DigestWindow, ADigestTimeInTheSkippedHourMeansTheMomentTheClocksJump) {
  const TimeSpan w = digest_window({2026, 3, 29}, 2 * 60 + 30);
  EXPECT_EQ(w.end, 1774746000);  // 03:00 CEST = 01:00Z
}

TEST(DigestPeriod, WeeksAndChartDaysAreConsecutiveDigestWindows) {
  const DigestPeriod p = digest_period({2026, 3, 31}, kDigestMinute);
  EXPECT_EQ(p.day, digest_window({2026, 3, 31}, kDigestMinute));
  EXPECT_EQ(p.last_week.end, p.day.end);
  EXPECT_EQ(p.last_week.start, digest_window({2026, 3, 25}, kDigestMinute).start);
  EXPECT_EQ(p.last_week.end - p.last_week.start, 7 * 24 * 3600 - 3600);  // holds the DST day
  EXPECT_EQ(p.previous_week.end, p.last_week.start);
  EXPECT_EQ(p.previous_week.start, digest_window({2026, 3, 18}, kDigestMinute).start);
  ASSERT_EQ(p.chart.size(), 30u);
  EXPECT_EQ(p.chart.front().first, (LocalDate{2026, 3, 2}));
  EXPECT_EQ(p.chart.back().first, (LocalDate{2026, 3, 31}));
  for (std::size_t i = 1; i < p.chart.size(); ++i) {
    EXPECT_EQ(p.chart[i].second.start, p.chart[i - 1].second.end) << i;
  }
  EXPECT_EQ(p.range.start, p.chart.front().second.start);
  EXPECT_EQ(p.range.end, p.day.end);
  EXPECT_EQ(p.coverage_at, local(3, 31, 20, 0));
}

// ---- durations ----

TEST(DurationStats, MedianAndNinetiethPercentileInterpolateBetweenRanksBesideTheLongest) {
  const DurationStats none = duration_stats({});
  EXPECT_EQ(none.count, 0);
  EXPECT_FALSE(none.median_seconds);
  EXPECT_FALSE(none.p90_seconds);
  EXPECT_FALSE(none.max_seconds);
  const DurationStats one = duration_stats({600});
  EXPECT_EQ(*one.median_seconds, 600);
  EXPECT_EQ(*one.p90_seconds, 600);
  EXPECT_EQ(*one.max_seconds, 600);
  const DurationStats four = duration_stats({240, 60, 180, 120});
  EXPECT_EQ(four.count, 4);
  EXPECT_EQ(*four.median_seconds, 150);
  EXPECT_EQ(*four.p90_seconds, 222);  // rank 2.7: 180 + 0.7 * 60
  EXPECT_EQ(*four.max_seconds, 240);
  std::vector<std::int64_t> ten;
  for (int i = 1; i <= 10; ++i) ten.push_back(i * 100);
  const DurationStats tens = duration_stats(ten);
  EXPECT_EQ(*tens.median_seconds, 550);
  EXPECT_EQ(*tens.p90_seconds, 910);
}

// ---- calls ----

TEST(DigestCalls, CountsEachEventInsideTheWindowWithTheStartIncludedAndTheEndExcluded) {
  DigestData data;
  data.calls = {
      call_row(1, "limburg", kMonday0730),                   // opened at the very start
      call_row(2, "limburg", kTuesday0730),                  // at the end: tomorrow's
      call_row(3, "limburg", kMonday0730 - 1),               // before
      call_row(4, "limburg", kMonday0730 - 3600, CallState::kMatched, kMonday0730 + 3600),
      call_row(5, "limburg", local(11, 23, 10, 0), CallState::kClosed, local(11, 23, 12, 0)),
      call_row(6, "limburg", local(11, 23, 10, 0), CallState::kCancelled, local(11, 23, 11, 0)),
      call_row(7, "limburg", local(11, 22, 10, 0), CallState::kExpired, local(11, 23, 10, 0)),
      call_row(8, "limburg", local(11, 23, 11, 0), CallState::kMatched, kTuesday0730),  // after
  };
  const CallFigures f = digest_of(data).flanders.day.calls;
  EXPECT_EQ(f.opened, 4);  // 1, 5, 6, 8
  EXPECT_EQ(f.matched, 1);
  EXPECT_EQ(f.closed_unmatched, 1);
  EXPECT_EQ(f.cancelled, 1);
  EXPECT_EQ(f.expired, 1);
  EXPECT_EQ(f.time_to_match.count, 1);
  EXPECT_EQ(*f.time_to_match.median_seconds, 2 * 3600);
}

TEST(DigestCalls, TimeToFirstYesCountsCallsWhoseFirstYesCameInTheWindow) {
  DigestData data;
  DigestCallRow a = call_row(1, "limburg", local(11, 23, 10, 0));
  a.first_yes_at = a.created_at + 5 * 60;
  DigestCallRow b = call_row(2, "limburg", local(11, 22, 23, 0));  // opened the day before
  b.first_yes_at = local(11, 23, 8, 0);                            // 9 hours later, in window
  DigestCallRow c = call_row(3, "limburg", local(11, 24, 7, 0));
  c.first_yes_at = local(11, 24, 7, 45);  // after the digest time: tomorrow's
  DigestCallRow d = call_row(4, "limburg", local(11, 23, 12, 0));  // no yes yet
  data.calls = {a, b, c, d};
  const DurationStats s = digest_of(data).flanders.day.calls.time_to_first_yes;
  EXPECT_EQ(s.count, 2);
  EXPECT_EQ(*s.median_seconds, (5 * 60 + 9 * 3600) / 2);
  EXPECT_EQ(*s.p90_seconds, 5 * 60 + (9 * 3600 - 5 * 60) * 9 / 10);
}

TEST(DigestCalls, CountsCallsOpenedOutsideTheServiceOfficeHoursIncludingHolidays) {
  DigestSettings settings = test_settings();
  settings.services[1].office_hours = {{0, 8 * 60, 22 * 60}};  // limburg: Mondays 08:00-22:00
  DigestData data;
  data.calls = {
      call_row(1, "antwerpen", local(11, 23, 10, 0)),  // Monday 10:00: inside 09-17
      call_row(2, "antwerpen", local(11, 23, 20, 0)),  // Monday 20:00: outside
      call_row(3, "antwerpen", local(11, 24, 7, 0)),   // Tuesday 07:00: outside
      call_row(4, "limburg", local(11, 23, 20, 0)),    // inside limburg's own hours
      call_row(5, "unknown-service", local(11, 23, 8, 0)),  // default hours: outside
  };
  const Digest d = digest_of(data, settings);
  EXPECT_EQ(d.flanders.day.calls.opened_outside_office_hours, 3);
  EXPECT_EQ(d.services[0].day.calls.opened_outside_office_hours, 2);  // antwerpen
  EXPECT_EQ(d.services[1].day.calls.opened_outside_office_hours, 0);  // limburg

  DigestData holiday;  // 11 November (Armistice) 2026 is a Wednesday: a public holiday
  holiday.calls = {call_row(1, "antwerpen", local(11, 11, 10, 0))};
  EXPECT_EQ(digest_of(holiday, test_settings(), {2026, 11, 12})
                .flanders.day.calls.opened_outside_office_hours,
            1);
}

TEST(DigestAnswers, AddsTheAnswersToTheCallsOpenedInTheWindow) {
  DigestData data;
  DigestCallRow a = call_row(1, "limburg", local(11, 23, 10, 0));
  a.recipients = 10;
  a.yes = 2;
  a.maybe = 1;
  a.no = 3;
  DigestCallRow b = call_row(2, "antwerpen", local(11, 23, 18, 0));
  b.recipients = 5;
  b.yes = 1;
  DigestCallRow old = call_row(3, "limburg", local(11, 22, 10, 0));  // opened before
  old.recipients = 7;
  old.no = 7;
  data.calls = {a, b, old};
  const Digest d = digest_of(data);
  const AnswerFigures& f = d.flanders.day.answers;
  EXPECT_EQ(f.sent, 15);
  EXPECT_EQ(f.yes, 3);
  EXPECT_EQ(f.maybe, 1);
  EXPECT_EQ(f.no, 3);
  EXPECT_EQ(f.none, 8);
  EXPECT_EQ(d.services[1].day.answers.sent, 10);  // limburg
}

// ---- families ----

TEST(DigestFamilies, CountsActivePausedOptedOutNewAndLeavingPerService) {
  DigestData data;
  data.families = {
      family_row("F1", "limburg", kHasselt),
      family_row("F2", "limburg", kHasselt, local(11, 23, 9, 0)),       // new
      family_row("F3", "antwerpen", kGent, local(11, 24, 8, 0)),        // after the window
      family_row("F4", "antwerpen", kGent),
      family_row("F5", "antwerpen", kGent),
  };
  data.families[0].family.paused_until = kTuesday0730 + 3600;  // paused beyond the digest
  data.families[3].family.paused_until = kTuesday0730;         // pause over at digest time
  data.families[4].family.opted_in = false;
  data.departures = {{local(11, 23, 12, 0), "F5", "antwerpen"},
                     {local(11, 23, 13, 0), "F5", "antwerpen"},  // twice: one family
                     {local(11, 23, 14, 0), "F9", ""},           // gone since
                     {local(11, 22, 14, 0), "F1", "limburg"}};   // the day before
  const Digest d = digest_of(data);
  EXPECT_EQ(d.flanders.families.active, 3);
  EXPECT_EQ(d.flanders.families.paused, 1);
  EXPECT_EQ(d.flanders.families.opted_out, 1);
  EXPECT_EQ(d.flanders.day.new_families, 1);
  EXPECT_EQ(d.flanders.day.leaving_families, 2);
  const ScopeDigest& antwerpen = d.services[0];
  EXPECT_EQ(antwerpen.families.active, 2);
  EXPECT_EQ(antwerpen.families.opted_out, 1);
  EXPECT_EQ(antwerpen.day.leaving_families, 1);
  EXPECT_EQ(antwerpen.day.new_families, 0);
  const ScopeDigest& limburg = d.services[1];
  EXPECT_EQ(limburg.families.paused, 1);
  EXPECT_EQ(limburg.day.new_families, 1);
  EXPECT_EQ(limburg.last_week.leaving_families, 1);
}

// ---- messages ----

TEST(DigestMessages, CountsOutcomesPerChannelWithFailoversAsFailuresAndCancellationsApart) {
  const UnixTime m = local(11, 23, 10, 0);
  DigestData data;
  data.messages = {
      {m, Channel::kSms, "limburg", MessageOutcome::kSent, 4},
      {m, Channel::kSms, "limburg", MessageOutcome::kDelivered, 3},
      {m, Channel::kSms, "limburg", MessageOutcome::kFailed, 2},
      {m, Channel::kSms, "antwerpen", MessageOutcome::kFailover, 1},
      {m, Channel::kSms, "limburg", MessageOutcome::kCancelled, 5},
      {m, Channel::kTelegram, "limburg", MessageOutcome::kPending, 6},
      {kTuesday0730, Channel::kSms, "limburg", MessageOutcome::kSent, 100},  // tomorrow's
      {kMonday0730, Channel::kSignal, "", MessageOutcome::kSent, 1},          // first minute
  };
  const Digest d = digest_of(data);
  const PeriodFigures& day = d.flanders.day;
  ASSERT_EQ(day.channels.size(), 3u);
  const ChannelFigures& sms = day.channels[0];
  EXPECT_EQ(sms.channel, Channel::kSms);
  EXPECT_EQ(sms.queued, 15);
  EXPECT_EQ(sms.sent, 7);
  EXPECT_EQ(sms.delivered, 3);
  EXPECT_EQ(sms.failed, 3);
  EXPECT_EQ(sms.failovers, 1);
  EXPECT_EQ(sms.cancelled, 5);
  EXPECT_EQ(sms.pending, 0);
  EXPECT_EQ(day.channels[1].channel, Channel::kTelegram);
  EXPECT_EQ(day.channels[1].pending, 6);
  EXPECT_EQ(day.channels[2].channel, Channel::kSignal);
  EXPECT_EQ(day.messages.queued, 22);
  EXPECT_EQ(day.messages.sent, 8);
  const ScopeDigest& limburg = d.services[1];
  EXPECT_EQ(limburg.day.messages.queued, 20);
  EXPECT_EQ(limburg.day.messages.failovers, 0);
  EXPECT_EQ(d.services[0].day.messages.failovers, 1);
}

// ---- coverage ----

TEST(DigestCoverage, ReportsAreasWithPlacesWhereTooFewFamiliesAreAvailableTonight) {
  DigestData data;
  data.families = {family_row("F1", "oost-vlaanderen", kGent),
                   family_row("F2", "oost-vlaanderen", kGent),
                   family_row("F3", "antwerpen", kMariakerke),
                   family_row("F4", "limburg", kHasselt)};
  const Digest d = digest_of(data);
  const std::vector<CoverageGap>& gaps = d.flanders.coverage_gaps;
  ASSERT_EQ(gaps.size(), 2u);  // Gent is covered by three families; Liège is not Flemish
  EXPECT_EQ(gaps[0].area, "86");
  EXPECT_EQ(gaps[0].name, "Koksijde");  // from the area names
  EXPECT_EQ(gaps[0].places, 2);
  EXPECT_EQ(gaps[0].places_short, 2);
  EXPECT_EQ(gaps[0].fewest_families, 0);
  EXPECT_EQ(gaps[0].fewest_place, "Veurne");
  EXPECT_EQ(gaps[1].area, "35");
  EXPECT_EQ(gaps[1].name, "Hasselt");  // not listed: the first place of the lowest postcode
  EXPECT_EQ(gaps[1].fewest_families, 1);
  // A service sees the areas of its province; families of every service count.
  EXPECT_TRUE(d.services[0].coverage_gaps.empty());     // antwerpen
  ASSERT_EQ(d.services[1].coverage_gaps.size(), 1u);    // limburg
  EXPECT_EQ(d.services[1].coverage_gaps[0].area, "35");
  EXPECT_TRUE(d.services[2].coverage_gaps.empty());     // oost-vlaanderen
  ASSERT_EQ(d.services[3].coverage_gaps.size(), 1u);    // west-vlaanderen
  EXPECT_EQ(d.services[3].coverage_gaps[0].area, "86");
}

TEST(DigestCoverage, CountsOnlyFamiliesAvailableAtEightTonightWithinTheirOwnDistance) {
  DigestData data;
  data.families = {family_row("F1", "oost-vlaanderen", kGent),
                   family_row("F2", "oost-vlaanderen", kGent),
                   family_row("F3", "oost-vlaanderen", kGent),
                   family_row("F4", "oost-vlaanderen", kGent),
                   family_row("F5", "oost-vlaanderen", kGent),
                   family_row("F6", "oost-vlaanderen", kGent)};
  data.families[0].family.opted_in = false;
  data.families[1].family.paused_until = local(11, 25, 0, 0);            // paused tonight
  data.families[2].family.availability = {{1, 9 * 60, 17 * 60}};        // Tuesdays 9-17
  data.families[3].family.max_distance_km = 1;                          // Mariakerke is 3 km off
  data.families[4].family.availability = {{1, 18 * 60, 22 * 60}};       // Tuesdays 18-22: yes
  const Digest d = digest_of(data);
  ASSERT_FALSE(d.flanders.coverage_gaps.empty());
  const CoverageGap& gent = d.flanders.coverage_gaps.back();  // the best covered gap
  EXPECT_EQ(gent.area, "90");
  EXPECT_EQ(gent.places, 2);
  EXPECT_EQ(gent.places_short, 1);  // Gent itself has F4, F5 and F6
  EXPECT_EQ(gent.fewest_place, "Mariakerke");
  EXPECT_EQ(gent.fewest_families, 2);  // F5 and F6 (F4 will not travel 3 km)

  DigestSettings two = test_settings();
  two.coverage_min_families = 2;
  const Digest d2 = digest_of(data, two);
  for (const CoverageGap& g : d2.flanders.coverage_gaps) EXPECT_NE(g.area, "90");
}

// ---- scopes, weeks, chart, empty days ----

TEST(DigestScopes, ReportsEveryConfiguredServiceOrOnlyTheChosenOne) {
  DigestData data;
  data.calls = {call_row(1, "limburg", local(11, 23, 10, 0)),
                call_row(2, "antwerpen", local(11, 23, 11, 0))};
  const Digest all = digest_of(data);
  ASSERT_EQ(all.services.size(), 5u);
  EXPECT_EQ(all.services[1].service_id, "limburg");
  EXPECT_EQ(all.services[1].service_name, "Pleegzorg Limburg");
  EXPECT_EQ(all.services[1].day.calls.opened, 1);
  EXPECT_EQ(all.flanders.day.calls.opened, 2);
  EXPECT_TRUE(all.flanders.service_id.empty());

  DigestSettings one = test_settings();
  one.only_service = "limburg";
  const Digest limburg = digest_of(data, one);
  ASSERT_EQ(limburg.services.size(), 1u);
  EXPECT_EQ(limburg.services[0].service_id, "limburg");
  EXPECT_EQ(limburg.flanders.day.calls.opened, 2);
  EXPECT_TRUE(limburg.own_service_first);
  EXPECT_FALSE(all.own_service_first);
}

TEST(DigestWeeks, ComparesTheLastSevenDaysWithTheSevenBefore) {
  DigestData data;
  data.calls = {
      call_row(1, "limburg", local(11, 23, 10, 0), CallState::kMatched, local(11, 23, 11, 0)),
      call_row(2, "limburg", local(11, 18, 10, 0), CallState::kMatched, local(11, 18, 13, 0)),
      call_row(3, "limburg", local(11, 17, 10, 0)),  // last week's first day (from 17/11 07:30)
      call_row(4, "limburg", local(11, 17, 7, 0)),   // the week before
      call_row(5, "limburg", local(11, 10, 7, 45)),  // the week before's first minutes
      call_row(6, "limburg", local(11, 10, 7, 0)),   // before both
  };
  const Digest d = digest_of(data);
  EXPECT_EQ(d.flanders.last_week.calls.opened, 3);
  EXPECT_EQ(d.flanders.last_week.calls.matched, 2);
  EXPECT_EQ(*d.flanders.last_week.calls.time_to_match.median_seconds, 2 * 3600);
  EXPECT_EQ(d.flanders.previous_week.calls.opened, 2);
  EXPECT_EQ(d.flanders.previous_week.calls.matched, 0);
}

TEST(DigestChart, GivesThirtyDaysOfCallsAndMedianTimeToMatch) {
  DigestData data;
  data.calls = {
      call_row(1, "limburg", local(11, 23, 10, 0), CallState::kMatched, local(11, 23, 10, 30)),
      call_row(2, "limburg", local(11, 23, 12, 0), CallState::kMatched, local(11, 23, 13, 30)),
      call_row(3, "limburg", local(10, 25, 8, 0)),  // the first chart day: 25/10 07:30 - 26/10
      call_row(4, "limburg", local(10, 25, 7, 0)),  // before the chart
  };
  const std::vector<ChartDay>& chart = digest_of(data).flanders.chart;
  ASSERT_EQ(chart.size(), 30u);
  EXPECT_EQ(chart.front().date, (LocalDate{2026, 10, 26}));
  EXPECT_EQ(chart.front().opened, 1);
  EXPECT_EQ(chart.back().date, kTuesday);
  EXPECT_EQ(chart.back().opened, 2);
  EXPECT_EQ(chart.back().matched, 2);
  EXPECT_EQ(*chart.back().median_time_to_match_seconds, 60 * 60);
  EXPECT_FALSE(chart[10].median_time_to_match_seconds);
  int total = 0;
  for (const ChartDay& day : chart) total += day.opened;
  EXPECT_EQ(total, 3);
}

TEST(DigestEmpty, AnEmptyDatabaseGivesZerosNoCallsAndEveryFlemishAreaAsAGap) {
  const Digest d = digest_of(DigestData{});
  EXPECT_TRUE(d.no_calls);
  EXPECT_TRUE(d.flanders.day.calls.quiet());
  EXPECT_EQ(d.flanders.day.answers.sent, 0);
  EXPECT_EQ(d.flanders.families.active, 0);
  EXPECT_TRUE(d.flanders.day.channels.empty());
  EXPECT_EQ(d.flanders.coverage_gaps.size(), 3u);  // 90, 86, 35
  EXPECT_FALSE(d.flanders.day.calls.time_to_match.median_seconds);
}

TEST(DigestDaylightSaving, CountsCallsByWallClockOnTheShortAndTheLongDay) {
  DigestData spring;
  spring.calls = {call_row(1, "limburg", 1774678500),   // 28/03 07:15 CET: before the window
                  call_row(2, "limburg", 1774761300)};  // 29/03 07:15 CEST: inside
  const Digest s = digest_of(spring, test_settings(), {2026, 3, 29});
  EXPECT_EQ(s.flanders.day.calls.opened, 1);
  EXPECT_EQ(s.flanders.day.span.end - s.flanders.day.span.start, 23 * 3600);

  DigestData autumn;
  autumn.calls = {call_row(1, "limburg", 1792821600),   // 24/10 08:00 CEST: inside
                  call_row(2, "limburg", 1792908000)};  // 25/10 07:00 CET: inside
  const Digest a = digest_of(autumn, test_settings(), {2026, 10, 25});
  EXPECT_EQ(a.flanders.day.calls.opened, 2);
  EXPECT_EQ(a.flanders.day.span.end - a.flanders.day.span.start, 25 * 3600);
}

// ---- services and area names ----

TEST(DigestServices, ResolvesAServiceByIdOrNameAndListsTheIdsOtherwise) {
  const std::vector<ServiceConfig> services = default_services();
  EXPECT_EQ(*resolve_service(services, "limburg"), "limburg");
  EXPECT_EQ(*resolve_service(services, "pleegzorg limburg"), "limburg");
  const auto bad = resolve_service(services, "gent");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(bad.error().message.find("unknown service 'gent'"), std::string::npos);
  EXPECT_NE(bad.error().message.find("oost-vlaanderen"), std::string::npos);
}

TEST(DigestAreaNames, ParsesTheFileAndRefusesBadLinesNamingThem) {
  const auto names = parse_area_names("area,place\n90,Gent\n86,Koksijde\n");
  ASSERT_TRUE(names.ok()) << names.error().message;
  EXPECT_EQ(names->at("86"), "Koksijde");
  EXPECT_FALSE(parse_area_names("zone,name\n90,Gent\n").ok());
  const auto bad = parse_area_names("area,place\n90,Gent\n9,Eeklo\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("line 3"), std::string::npos) << bad.error().message;
  EXPECT_FALSE(parse_area_names("area,place\n90,Gent\n90,Gentbrugge\n").ok());
  EXPECT_FALSE(parse_area_names("area,place\n90,\n").ok());
}

TEST(DigestAreaNames, TheShippedFileNamesEveryFlemishAreaAfterOneOfItsPlaces) {
  const auto names = parse_area_names(read_source_file("config/postcode-areas.csv"));
  ASSERT_TRUE(names.ok()) << names.error().message;
  const Postcodes* postcodes = &test_data::shipped_postcodes();
  std::map<std::string, bool> found;
  for (const Place& p : postcodes->places()) {
    if (p.region != "VLG" && p.region != "BRU") continue;
    const std::string area = p.postcode.substr(0, 2);
    const auto it = names->find(area);
    ASSERT_NE(it, names->end()) << "area " << area << " has no name";
    std::string a = it->second;
    std::string b = p.name;
    for (char& c : a) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (char& c : b) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    found[area] = found[area] || a == b;
  }
  for (const auto& [area, ok] : found) EXPECT_TRUE(ok) << names->at(area) << " is not in " << area;
  EXPECT_EQ(found.size(), names->size());
}

// ---- rendering ----

Digest busy_digest() {
  DigestData data;
  DigestCallRow a = call_row(1, "limburg", local(11, 23, 10, 0), CallState::kMatched,
                             local(11, 23, 11, 20));
  a.first_yes_at = local(11, 23, 10, 12);
  a.recipients = 4;
  a.yes = 1;
  a.maybe = 1;
  a.no = 1;
  data.calls = {a, call_row(2, "limburg", local(11, 23, 20, 0), CallState::kExpired,
                            local(11, 24, 7, 0))};
  data.families = {family_row("F1", "limburg", kHasselt)};
  data.messages = {{local(11, 23, 10, 0), Channel::kSms, "limburg", MessageOutcome::kDelivered, 4},
                   {local(11, 23, 10, 1), Channel::kSms, "limburg", MessageOutcome::kFailover, 1}};
  return digest_of(data);
}

TEST(DigestText, ShowsEveryFigureInDutch) {
  const auto text = render_digest_text(busy_digest(), load_templates(), Language::kNl);
  ASSERT_TRUE(text.ok()) << text.error().message;
  for (const char* part :
       {"Noodbel dagoverzicht 24/11/2026: van 23/11 07:30 tot 24/11 07:30 (24 uur)",
        "=== Heel Vlaanderen ===", "=== Pleegzorg Limburg ===",
        "Oproepen: 2 nieuw (1 buiten de kantooruren). Afgerond: 1 met een gezin, 0 gesloten "
        "zonder gezin, 0 geannuleerd, 1 verlopen.",
        "Eerste ja na 12 min (1 oproep).", "Gezin gevonden na 1 u 20 min (1 oproep).",
        "De nieuwe oproepen gingen naar 4 gezinnen: 1 ja, 1 misschien, 1 nee, 1 nog geen "
        "antwoord.",
        "Gezinnen: 1 actief, 0 gepauzeerd, 0 afgemeld. Sinds gisteren: 0 nieuw, 0 afgemeld.",
        "sms: 4 verstuurd (waarvan 4 bevestigd ontvangen), 1 mislukt (1 opnieuw via een ander "
        "kanaal), 0 nog te versturen",
        "Te weinig gezinnen vanavond om 20:00 (minder dan 3 beschikbaar binnen 30 km):",
        "regio Koksijde (86xx): in 2 van de 2 deelgemeenten, het minst in",
        "Laatste 7 dagen, vergeleken met de 7 dagen ervoor:",
        "nieuwe oproepen: 2 (de week ervoor: 0)",
        "de helft van de oproepen had een gezin binnen: 1 u 20 min (de week ervoor: –)"}) {
    EXPECT_NE(text->find(part), std::string::npos) << "missing: " << part << "\n" << *text;
  }
}

// The words a supervisor should never have to decode.
TEST(DigestText, SaysNothingOnlyAStatisticianReadsInAnyLanguage) {
  const Templates t = load_templates();
  Digest d = busy_digest();
  for (ScopeDigest* s : {&d.flanders, &d.services[1]}) {
    s->day.calls.time_to_first_yes = duration_stats({60, 600, 7200});
  }
  for (const Language lang : {Language::kNl, Language::kFr, Language::kEn}) {
    const auto text = render_digest_text(d, t, lang);
    ASSERT_TRUE(text.ok()) << text.error().message;
    const auto html = render_digest_html(d, t, lang, "{{title}}{{heading}}{{body}}");
    ASSERT_TRUE(html.ok()) << html.error().message;
    for (const std::string* out : {&*text, &*html}) {
      for (const char* word : {"percentiel", "percentile", "centile", "mediaan", "median",
                               "médiane", "90e", "90th", "gematcht", "plaatsen", " (0)",
                               " (1)", " (2)", "1 oproepen", "1 calls", "1 appels"}) {
        EXPECT_EQ(out->find(word), std::string::npos)
            << to_string(lang) << ": \"" << word << "\" in\n" << *out;
      }
    }
  }
}

TEST(DigestText, GivesHalfAndTheSlowestForSeveralCallsAndOneTimeForOne) {
  const Templates t = load_templates();
  const auto several = render_digest_times(t, Language::kNl, duration_stats({60, 600, 7200}),
                                           "digest_first_yes");
  ASSERT_TRUE(several.ok()) << several.error().message;
  EXPECT_EQ(*several,
            "Eerste ja: bij de helft van de 3 oproepen binnen 10 min, bij de traagste na 2 u.");
  const auto one = render_digest_times(t, Language::kEn, duration_stats({600}), "digest_match");
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(*one, "Family found after 10 min (1 call).");
  const auto none = render_digest_times(t, Language::kFr, duration_stats({}), "digest_match");
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(*none, "Aucune famille trouvée pendant cette période.");
}

TEST(DigestText, CountsTakeTheRightPluralInEveryLanguage) {
  const Templates t = load_templates();
  DigestData data;
  DigestCallRow a = call_row(1, "limburg", local(11, 23, 10, 0));
  a.recipients = 1;
  data.calls = {a};
  const Digest d = digest_of(data);
  const std::map<Language, std::vector<std::string>> expected{
      {Language::kNl, {"De nieuwe oproepen gingen naar 1 gezin:", "(0 gezinnen)"}},
      {Language::kFr, {"Les nouveaux appels ont été envoyés à 1 famille :", "(0 famille)",
                       "1 nouveau (0 hors"}},
      {Language::kEn, {"The new calls were sent to 1 family:", "(0 families)"}}};
  for (const auto& [lang, parts] : expected) {
    const auto text = render_digest_text(d, t, lang);
    ASSERT_TRUE(text.ok()) << text.error().message;
    for (const std::string& part : parts) {
      EXPECT_NE(text->find(part), std::string::npos) << "missing: " << part << "\n" << *text;
    }
  }
}

TEST(DigestText, AChosenServiceComesBeforeFlanders) {
  const Templates t = load_templates();
  DigestSettings one = test_settings();
  one.only_service = "limburg";
  const auto text = render_digest_text(digest_of(DigestData{}, one), t, Language::kNl);
  ASSERT_TRUE(text.ok());
  const auto limburg = text->find("=== Pleegzorg Limburg ===");
  const auto flanders = text->find("=== Heel Vlaanderen ===");
  ASSERT_NE(limburg, std::string::npos);
  ASSERT_NE(flanders, std::string::npos);
  EXPECT_LT(limburg, flanders);
  const auto all = render_digest_text(digest_of(DigestData{}), t, Language::kNl);
  ASSERT_TRUE(all.ok());
  EXPECT_LT(all->find("=== Heel Vlaanderen ==="), all->find("=== Pleegzorg Limburg ==="));
  const auto html = render_digest_html(digest_of(DigestData{}, one), t, Language::kNl,
                                       "{{body}}");
  ASSERT_TRUE(html.ok());
  EXPECT_LT(html->find("<h2>Pleegzorg Limburg</h2>"), html->find("<h2>Heel Vlaanderen</h2>"));
}

TEST(DigestText, SaysSoWhenThereWereNoCallsInEveryLanguage) {
  const Templates t = load_templates();
  const Digest d = digest_of(DigestData{}, test_settings(), {2026, 10, 25});
  const std::map<Language, std::string> expected{
      {Language::kNl, "Geen crisisoproepen in deze 25 uur."},
      {Language::kFr, "Aucun appel de crise pendant ces 25 heures."},
      {Language::kEn, "No crisis calls in these 25 hours."}};
  for (const auto& [lang, line] : expected) {
    const auto text = render_digest_text(d, t, lang);
    ASSERT_TRUE(text.ok()) << text.error().message;
    EXPECT_NE(text->find(line), std::string::npos) << *text;
    EXPECT_EQ(text->find("Tijd tot"), std::string::npos) << *text;
  }
}

TEST(DigestText, ListsAtMostTheGivenNumberOfGapsThenHowManyMore) {
  const auto text = render_digest_text(digest_of(DigestData{}), load_templates(), Language::kEn, 1);
  ASSERT_TRUE(text.ok());
  EXPECT_NE(text->find("... and 2 more areas"), std::string::npos) << *text;
}

TEST(DigestText, AMissingTemplateIsAnErrorNotAHalfDigest) {
  const Templates empty = Templates::from_map({});
  const auto text = render_digest_text(busy_digest(), empty, Language::kNl);
  ASSERT_FALSE(text.ok());
}

TEST(DigestHtml, IsOneSelfContainedPageWithAChartReadableOnAPhone) {
  const std::string page = read_source_file("templates/web/digest.html");
  const auto html = render_digest_html(busy_digest(), load_templates(), Language::kNl, page);
  ASSERT_TRUE(html.ok()) << html.error().message;
  EXPECT_NE(html->find("<html lang=\"nl\">"), std::string::npos);
  EXPECT_NE(html->find("name=\"viewport\""), std::string::npos);
  EXPECT_NE(html->find("max-width"), std::string::npos);
  EXPECT_NE(html->find("<svg"), std::string::npos);
  EXPECT_NE(html->find("<rect"), std::string::npos);
  EXPECT_NE(html->find("<title>Noodbel dagoverzicht 24/11/2026</title>"), std::string::npos);
  EXPECT_NE(html->find("Pleegzorg Limburg"), std::string::npos);
  EXPECT_EQ(html->find("{{"), std::string::npos);
  // No external assets: no scripts, stylesheets, images or fonts fetched from anywhere.
  for (const char* external : {"<script", "<link rel=\"stylesheet\"", "<img", "@import", "url("}) {
    EXPECT_EQ(html->find(external), std::string::npos) << external;
  }
  const std::regex remote_ref(R"((src|href)\s*=\s*"(https?:)?//)");
  EXPECT_FALSE(std::regex_search(*html, remote_ref));
  // 30 bars per scope: Flanders and five services.
  std::size_t bars = 0;
  for (std::size_t at = html->find("<rect"); at != std::string::npos;
       at = html->find("<rect", at + 1)) {
    ++bars;
  }
  EXPECT_EQ(bars, 6u * 30u);
}

TEST(DigestHtml, OpensWithThePeriodAndEachScopeWithItsKeyFiguresInWords) {
  const auto html = render_digest_html(busy_digest(), load_templates(), Language::kNl,
                                       "<h1>{{heading}}</h1>{{body}}");
  ASSERT_TRUE(html.ok()) << html.error().message;
  EXPECT_NE(html->find("<h1>Noodbel dagoverzicht 24/11/2026</h1>"), std::string::npos) << *html;
  EXPECT_NE(html->find("<p class=\"period\">Van 23/11 07:30 tot 24/11 07:30 (24 uur).</p>"),
            std::string::npos);
  for (const char* tile : {"<b>2</b> <span>nieuwe oproepen</span>",
                           "<b>1</b> <span>oproep met een gezin</span>",
                           "<b>1</b> <span>oproep zonder gezin</span>",
                           "<b>1</b> <span>gezin actief</span>"}) {
    EXPECT_NE(html->find(tile), std::string::npos) << tile << "\n" << *html;
  }
  const auto fr = render_digest_html(busy_digest(), load_templates(), Language::kFr, "{{body}}");
  ASSERT_TRUE(fr.ok());
  EXPECT_NE(fr->find("<b>0</b> <span>appel avec une famille</span>"), std::string::npos) << *fr;
}

TEST(DigestText, WholeHoursAreWrittenWithoutZeroMinutes) {
  const Templates t = load_templates();
  EXPECT_EQ(*render_digest_duration(t, Language::kNl, 7200), "2 u");
  EXPECT_EQ(*render_digest_duration(t, Language::kNl, 7260), "2 u 1 min");
  EXPECT_EQ(*render_digest_duration(t, Language::kEn, 600), "10 min");
  EXPECT_EQ(*render_digest_duration(t, Language::kFr, std::nullopt), "–");
}

TEST(DigestHtml, EscapesValuesAndRefusesASkeletonWithoutBody) {
  DigestSettings settings = test_settings();
  settings.services[1].name = "Pleegzorg <Limburg> & co";
  const Digest d = digest_of(DigestData{}, settings);
  const Templates t = load_templates();
  const auto html = render_digest_html(d, t, Language::kEn, "<p>{{title}}</p>{{body}}");
  ASSERT_TRUE(html.ok()) << html.error().message;
  EXPECT_NE(html->find("Pleegzorg &lt;Limburg&gt; &amp; co"), std::string::npos);
  EXPECT_EQ(html->find("<Limburg>"), std::string::npos);
  const auto bad = render_digest_html(d, t, Language::kEn, "<html></html>");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("{{body}}"), std::string::npos);
}

TEST(DigestJson, HasStableKeysWithTimesInBrusselsAndDurationsInSeconds) {
  const nlohmann::ordered_json j = digest_json(busy_digest());
  EXPECT_EQ(j["date"], "2026-11-24");
  EXPECT_EQ(j["digest_time"], "07:30");
  EXPECT_EQ(j["from"], "2026-11-23T07:30:00+01:00");
  EXPECT_EQ(j["to"], "2026-11-24T07:30:00+01:00");
  EXPECT_EQ(j["from_unix"], kMonday0730);
  EXPECT_EQ(j["hours"], 24);
  EXPECT_EQ(j["coverage"]["at"], "2026-11-24T20:00:00+01:00");
  EXPECT_EQ(j["coverage"]["radius_km"], 30);
  EXPECT_EQ(j["coverage"]["min_families"], 3);
  EXPECT_EQ(j["no_calls"], false);
  const auto& day = j["flanders"]["day"];
  EXPECT_TRUE(j["flanders"]["service"].is_null());
  EXPECT_EQ(day["calls"]["opened"], 2);
  EXPECT_EQ(day["calls"]["opened_outside_office_hours"], 1);
  EXPECT_EQ(day["calls"]["matched"], 1);
  EXPECT_EQ(day["calls"]["expired"], 1);
  EXPECT_EQ(day["time_to_match"]["median_seconds"], 80 * 60);
  EXPECT_EQ(day["time_to_first_yes"]["count"], 1);
  EXPECT_EQ(day["time_to_match"]["max_seconds"], 80 * 60);
  EXPECT_EQ(day["answers"]["none"], 1);
  EXPECT_EQ(day["messages"]["total"]["channel"], "all");
  EXPECT_EQ(day["messages"]["channels"][0]["channel"], "sms");
  EXPECT_EQ(day["messages"]["channels"][0]["failovers"], 1);
  EXPECT_EQ(j["flanders"]["last_7_days"]["calls"]["opened"], 2);
  EXPECT_TRUE(j["flanders"]["previous_7_days"]["time_to_match"]["median_seconds"].is_null());
  EXPECT_EQ(j["flanders"]["families"]["active"], 1);
  EXPECT_EQ(j["flanders"]["coverage_gaps"][0]["area"], "86");
  EXPECT_EQ(j["flanders"]["days"].size(), 30u);
  EXPECT_EQ(j["flanders"]["days"][29]["date"], "2026-11-24");
  EXPECT_EQ(j["services"].size(), 5u);
  EXPECT_EQ(j["services"][1]["service"], "limburg");
  std::vector<std::string> keys;
  for (const auto& [key, value] : j.items()) keys.push_back(key);
  EXPECT_EQ(keys, (std::vector<std::string>{"date", "digest_time", "from", "to", "from_unix",
                                            "to_unix", "hours", "coverage", "no_calls",
                                            "flanders", "services"}));
}

TEST(DigestJson, ShowsTheSummerOffsetAndTheShortDay) {
  const nlohmann::ordered_json j =
      digest_json(digest_of(DigestData{}, test_settings(), {2026, 3, 29}));
  EXPECT_EQ(j["from"], "2026-03-28T07:30:00+01:00");
  EXPECT_EQ(j["to"], "2026-03-29T07:30:00+02:00");
  EXPECT_EQ(j["hours"], 23);
  EXPECT_EQ(j["no_calls"], true);
  const std::string text = render_digest_json(digest_of(DigestData{}));
  EXPECT_EQ(text.back(), '\n');
  const nlohmann::json parsed = nlohmann::json::parse(text);
  EXPECT_EQ(parsed["hours"], 24);
}

}  // namespace
}  // namespace noodbel
