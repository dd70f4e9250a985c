// Store::digest_data (store/digest_queries.h) on a real database built through the
// Repository, and every digest figure computed from what it reads, including the
// daylight-saving days and an empty database.
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>

#include "bot/digest.h"
#include "bot/digest_render.h"
#include "bot/local_time.h"
#include "store/sqlite.h"
#include "store/store.h"
#include "support/shipped_data.h"
#include "support/store/must.h"
#include "support/store/wall_clock.h"
#include "temp_db.h"

namespace noodbel::store {

using ::noodbel::testing_support::must;
namespace {

using testing_support::TempDbPath;

constexpr int kDigestMinute = 7 * 60 + 30;
constexpr LocalDate kTuesday{2026, 11, 24};  // window: Monday 23/11 07:30 - Tuesday 07:30
constexpr GeoPoint kGent{51.05, 3.72};
constexpr GeoPoint kHasselt{50.93, 5.34};

UnixTime local(int month, int day, int hour, int minute) {
  return from_local(2026, month, day, hour * 60 + minute);
}

const Postcodes& postcodes() { return test_data::shipped_postcodes(); }

Templates load_templates() {
  return test_data::shipped_templates();
}

class DigestQueries : public ::testing::Test {
 protected:
  DigestQueries() {
    auto opened = Store::open(path_.db(), ::noodbel::testing_support::wall_clock());
    if (!opened.ok()) throw std::runtime_error(opened.error().message);
    store_ = std::move(opened).value();
  }

  void run(const std::function<void(Repository&)>& fn) {
    const Status s = store_->transaction([&](Repository& repo) -> Status {
      fn(repo);
      return Ok();
    });
    if (!s.ok()) throw std::runtime_error(s.error().message);
  }

  // A family registered at `created` (the store stamps the wall clock; the test sets it).
  void add_family(const std::string& id, const std::string& service, GeoPoint home,
                  UnixTime created, bool opted_in = true,
                  std::optional<UnixTime> paused_until = std::nullopt) {
    Family f;
    f.id = id;
    f.service = service;
    f.display_name = "Gezin " + id;
    f.contacts = {{Channel::kSms, "+3247000" + std::to_string(1000 + families_++)}};
    f.postcode = "9000";
    f.home = home;
    f.languages = {Language::kNl};
    f.opted_in = opted_in;
    f.paused_until = paused_until;
    run([&](Repository& repo) { repo.upsert_family(f); });
    Database db(path_.db());
    db.query("UPDATE families SET created_at = ?1 WHERE id = ?2")->bind_all(created, id).run();
  }

  void add_caseworker(const std::string& id, const std::string& service) {
    Caseworker c;
    c.id = id;
    c.service = service;
    c.name = "Consulent " + id;
    c.contacts = {{Channel::kTelegram, "7000" + id}};
    run([&](Repository& repo) { repo.upsert_caseworker(c); });
  }

  std::int64_t open_call(const std::string& service, UnixTime created) {
    Call c;
    c.code = "K" + std::to_string(++calls_);
    c.service = service;
    c.caseworker_id = "C1";
    c.ages_months = {48};
    c.postcode = "9000";
    c.place = "Gent";
    c.location = kGent;
    c.duration_hours = 24;
    c.needed_from = created;
    c.created_at = created;
    std::int64_t id = 0;
    run([&](Repository& repo) { id = repo.insert_call(c); });
    return id;
  }

  void end_call(std::int64_t id, CallState state, UnixTime at,
                std::optional<std::string> family = std::nullopt) {
    run([&](Repository& repo) {
      Call c = *repo.call_by_id(id);
      c.state = state;
      c.closed_at = at;
      c.matched_family = std::move(family);
      c.closed_by = "C1";
      repo.update_call(c);
    });
  }

  void send(std::int64_t call, const std::string& family, UnixTime at) {
    run([&](Repository& repo) { repo.add_recipient({call, family, 3.0, 1, at}); });
  }

  void answer(std::int64_t call, const std::string& family, Answer a, UnixTime at) {
    run([&](Repository& repo) { repo.upsert_response({call, family, a, "", at, {}, {}, {}}); });
  }

  std::int64_t message(const std::string& to, Channel channel, UnixTime at,
                       std::optional<std::int64_t> call = std::nullopt) {
    std::int64_t id = 0;
    run([&](Repository& repo) {
      id = repo.enqueue({to, channel, "+32470000001", "tekst", 5, call}, at);
    });
    return id;
  }

  DigestData data_for(LocalDate date) {
    const DigestPeriod p = digest_period(date, kDigestMinute);
    Result<DigestData> data = store_->digest_data(p.range.start, p.range.end);
    if (!data.ok()) throw std::runtime_error(data.error().message);
    return std::move(data).value();
  }

  Digest digest_for(LocalDate date, std::optional<std::string> only = std::nullopt) {
    DigestSettings settings;
    settings.services = default_services();
    settings.only_service = std::move(only);
    settings.area_names = {{"90", "Gent"}, {"86", "Koksijde"}};
    return build_digest(data_for(date), digest_period(date, kDigestMinute), settings,
                        postcodes());
  }

  TempDbPath path_;
  std::unique_ptr<Store> store_;
  int calls_ = 0;
  int families_ = 0;
};

TEST_F(DigestQueries, AnEmptyDatabaseGivesNoRowsAndADigestThatSaysThereWereNoCalls) {
  const DigestData data = data_for(kTuesday);
  EXPECT_TRUE(data.calls.empty());
  EXPECT_TRUE(data.families.empty());
  EXPECT_TRUE(data.departures.empty());
  EXPECT_TRUE(data.messages.empty());
  const Digest d = digest_for(kTuesday);
  EXPECT_TRUE(d.no_calls);
  EXPECT_EQ(d.flanders.families.active, 0);
  const auto text = render_digest_text(d, load_templates(), Language::kNl);
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_NE(text->find("Geen crisisoproepen in deze 24 uur."), std::string::npos) << *text;
  EXPECT_NE(text->find("Geen berichten verstuurd."), std::string::npos) << *text;
}

TEST_F(DigestQueries, ReadsTheCallsAliveInTheRangeWithTheAnswersReceivedBeforeItsEnd) {
  const DigestPeriod p = digest_period(kTuesday, kDigestMinute);
  const std::int64_t gone = open_call("limburg", p.range.start - 7200);
  end_call(gone, CallState::kCancelled, p.range.start - 3600);  // ended before the range
  const std::int64_t early = open_call("limburg", p.range.start - 7200);
  end_call(early, CallState::kExpired, p.range.start + 60);     // ended inside
  const std::int64_t call = open_call("antwerpen", local(11, 23, 10, 0));
  open_call("antwerpen", p.range.end);                           // opened at the end
  for (const char* f : {"F1", "F2", "F3", "F4", "F5"}) send(call, f, local(11, 23, 10, 0));
  answer(call, "F1", Answer::kNo, local(11, 23, 10, 5));
  answer(call, "F2", Answer::kYes, local(11, 23, 10, 20));
  answer(call, "F3", Answer::kYes, local(11, 23, 10, 10));
  answer(call, "F4", Answer::kMaybe, local(11, 23, 10, 30));
  answer(call, "F5", Answer::kYes, p.range.end + 60);  // after the digest time

  const DigestData data = data_for(kTuesday);
  ASSERT_EQ(data.calls.size(), 2u);
  EXPECT_EQ(data.calls[0].id, early);
  EXPECT_EQ(data.calls[0].state, CallState::kExpired);
  EXPECT_EQ(*data.calls[0].closed_at, p.range.start + 60);
  const DigestCallRow& row = data.calls[1];
  EXPECT_EQ(row.id, call);
  EXPECT_EQ(row.service, "antwerpen");
  EXPECT_EQ(row.state, CallState::kOpen);
  EXPECT_FALSE(row.closed_at);
  EXPECT_EQ(row.recipients, 5);
  EXPECT_EQ(row.yes, 2);
  EXPECT_EQ(row.maybe, 1);
  EXPECT_EQ(row.no, 1);
  EXPECT_EQ(*row.first_yes_at, local(11, 23, 10, 10));
}

TEST_F(DigestQueries, EveryFigureOfTheDayComesOutOfTheRealStore) {
  add_caseworker("C1", "limburg");
  add_family("F1", "limburg", kHasselt, local(11, 1, 9, 0));
  add_family("F2", "limburg", kHasselt, local(11, 23, 9, 0));  // new
  add_family("F3", "oost-vlaanderen", kGent, local(11, 1, 9, 0), true, local(11, 30, 0, 0));
  add_family("F4", "oost-vlaanderen", kGent, local(11, 1, 9, 0), false);
  run([&](Repository& repo) {
    repo.audit({local(11, 23, 15, 0), "F4", "family.stop", "cancelled=0 withdrawn="});
    repo.audit({local(11, 23, 15, 5), "F4", "family.status", ""});
    repo.audit({local(11, 22, 15, 0), "F9", "family.stop", ""});  // before the window
  });

  const std::int64_t matched = open_call("limburg", local(11, 23, 10, 0));  // office hours
  send(matched, "F1", local(11, 23, 10, 0));
  send(matched, "F2", local(11, 23, 10, 0));
  answer(matched, "F1", Answer::kYes, local(11, 23, 10, 6));
  answer(matched, "F2", Answer::kNo, local(11, 23, 10, 8));
  end_call(matched, CallState::kMatched, local(11, 23, 10, 40), "F1");
  const std::int64_t closed = open_call("limburg", local(11, 23, 19, 0));   // evening
  end_call(closed, CallState::kClosed, local(11, 23, 21, 0));
  const std::int64_t cancelled = open_call("oost-vlaanderen", local(11, 24, 6, 0));  // night
  end_call(cancelled, CallState::kCancelled, local(11, 24, 6, 30));
  const std::int64_t expired = open_call("oost-vlaanderen", local(11, 22, 7, 0));  // day before
  end_call(expired, CallState::kExpired, local(11, 23, 8, 0));

  const std::int64_t sms1 = message("F1", Channel::kSms, local(11, 23, 10, 0), matched);
  const std::int64_t sms2 = message("F2", Channel::kSms, local(11, 23, 10, 0), matched);
  const std::int64_t sms3 = message("F2", Channel::kSms, local(11, 23, 10, 1), matched);
  const std::int64_t tg = message("C1", Channel::kTelegram, local(11, 23, 10, 41));
  message("F3", Channel::kSignal, local(11, 23, 11, 0));  // stays pending
  EXPECT_TRUE(store_->mark_sent(sms1, "p1", local(11, 23, 10, 0)).ok());
  EXPECT_TRUE(
      store_
          ->mark_failed(sms2, "failover: 21610 unsubscribed, sent to signal", local(11, 23, 10, 1))
          .ok());
  EXPECT_TRUE(store_->mark_failed(sms3, "permanent: invalid number", local(11, 23, 10, 2)).ok());
  EXPECT_TRUE(store_->mark_sent(tg, "p2", local(11, 23, 10, 41)).ok());
  message("F4", Channel::kSms, local(11, 23, 14, 0));
  run([&](Repository& repo) { repo.cancel_pending_for("F4", "cancelled: family opted out", 0); });

  const Digest d = digest_for(kTuesday);
  const PeriodFigures& day = d.flanders.day;
  EXPECT_FALSE(d.no_calls);
  EXPECT_EQ(day.calls.opened, 3);
  EXPECT_EQ(day.calls.opened_outside_office_hours, 2);
  EXPECT_EQ(day.calls.matched, 1);
  EXPECT_EQ(day.calls.closed_unmatched, 1);
  EXPECT_EQ(day.calls.cancelled, 1);
  EXPECT_EQ(day.calls.expired, 1);
  EXPECT_EQ(*day.calls.time_to_first_yes.median_seconds, 6 * 60);
  EXPECT_EQ(*day.calls.time_to_match.median_seconds, 40 * 60);
  EXPECT_EQ(*day.calls.time_to_match.p90_seconds, 40 * 60);
  EXPECT_EQ(day.answers.sent, 2);
  EXPECT_EQ(day.answers.yes, 1);
  EXPECT_EQ(day.answers.no, 1);
  EXPECT_EQ(day.answers.none, 0);
  EXPECT_EQ(d.flanders.families.active, 2);
  EXPECT_EQ(d.flanders.families.paused, 1);
  EXPECT_EQ(d.flanders.families.opted_out, 1);
  EXPECT_EQ(day.new_families, 1);
  EXPECT_EQ(day.leaving_families, 1);

  ASSERT_EQ(day.channels.size(), 3u);  // sms, telegram, signal
  const ChannelFigures& sms = day.channels[0];
  EXPECT_EQ(sms.channel, Channel::kSms);
  EXPECT_EQ(sms.queued, 4);
  EXPECT_EQ(sms.sent, 1);
  EXPECT_EQ(sms.failed, 2);
  EXPECT_EQ(sms.failovers, 1);
  EXPECT_EQ(sms.cancelled, 1);
  EXPECT_EQ(day.channels[1].channel, Channel::kTelegram);
  EXPECT_EQ(day.channels[1].sent, 1);
  EXPECT_EQ(day.channels[2].channel, Channel::kSignal);
  EXPECT_EQ(day.channels[2].pending, 1);

  // Per service: limburg has the matched and closed calls, its caseworker's message and its
  // families' messages about its call; oost-vlaanderen the rest.
  const ScopeDigest& limburg = d.services[1];
  EXPECT_EQ(limburg.service_id, "limburg");
  EXPECT_EQ(limburg.day.calls.opened, 2);
  EXPECT_EQ(limburg.day.calls.opened_outside_office_hours, 1);
  EXPECT_EQ(limburg.day.calls.matched, 1);
  EXPECT_EQ(limburg.day.messages.queued, 4);
  EXPECT_EQ(limburg.families.active, 2);
  EXPECT_EQ(limburg.day.leaving_families, 0);
  const ScopeDigest& oost = d.services[2];
  EXPECT_EQ(oost.day.calls.cancelled, 1);
  EXPECT_EQ(oost.day.calls.expired, 1);
  EXPECT_EQ(oost.day.messages.queued, 2);
  EXPECT_EQ(oost.day.leaving_families, 1);
  EXPECT_EQ(oost.families.paused, 1);

  // Coverage tonight on the real postcode table: F3 is paused and F4 opted out, so only the
  // two families in Hasselt count (fewer than 3 everywhere), and only within 30 km of it.
  EXPECT_EQ(d.flanders.coverage_gaps.size(), 46u);  // every Flemish and Brussels area
  std::map<std::string, CoverageGap> gaps;
  for (const CoverageGap& g : d.flanders.coverage_gaps) gaps[g.area] = g;
  EXPECT_EQ(gaps["90"].name, "Gent");
  EXPECT_EQ(gaps["90"].fewest_families, 0);
  EXPECT_EQ(gaps["35"].places, 31);
  EXPECT_EQ(gaps["35"].places_short, 31);
  EXPECT_EQ(gaps["35"].fewest_families, 2);  // all of 35xx lies within 30 km of Hasselt
  EXPECT_EQ(gaps["36"].fewest_families, 0);  // parts of 36xx lie further
  std::set<std::string> limburg_areas;
  for (const CoverageGap& g : d.services[1].coverage_gaps) limburg_areas.insert(g.area);
  EXPECT_EQ(limburg_areas, (std::set<std::string>{"35", "36", "37", "38", "39"}));

  // The week and the chart see the same events.
  EXPECT_EQ(d.flanders.last_week.calls.opened, 4);
  EXPECT_EQ(d.flanders.chart.back().opened, 3);
  EXPECT_EQ(*d.flanders.chart.back().median_time_to_match_seconds, 40 * 60);
}

TEST_F(DigestQueries, OutboxRowsAreCountedPerMinuteAndAttributedToAService) {
  add_caseworker("C1", "limburg");
  add_family("F1", "antwerpen", kGent, local(11, 1, 9, 0));
  const std::int64_t call = open_call("limburg", local(11, 23, 10, 0));
  message("F1", Channel::kSms, local(11, 23, 10, 0) + 5, call);   // the call's service
  message("F1", Channel::kSms, local(11, 23, 10, 0) + 59, call);  // same minute
  message("F1", Channel::kSms, local(11, 23, 10, 1));              // the family's service
  message("C1", Channel::kSms, local(11, 23, 10, 1));              // the caseworker's
  message("", Channel::kSandbox, local(11, 23, 10, 2));            // an unknown sender
  const DigestData data = data_for(kTuesday);
  ASSERT_EQ(data.messages.size(), 4u);
  EXPECT_EQ(data.messages[0].minute, local(11, 23, 10, 0));
  EXPECT_EQ(data.messages[0].service, "limburg");
  EXPECT_EQ(data.messages[0].count, 2);
  EXPECT_EQ(data.messages[0].outcome, MessageOutcome::kPending);
  EXPECT_EQ(data.messages[1].service, "antwerpen");
  EXPECT_EQ(data.messages[2].service, "limburg");
  EXPECT_EQ(data.messages[3].service, "");
  EXPECT_EQ(data.messages[3].channel, Channel::kSandbox);
}

TEST_F(DigestQueries, DeparturesNameTheServiceOfFamiliesStillRegistered) {
  add_family("F1", "antwerpen", kGent, local(11, 1, 9, 0), false);
  run([&](Repository& repo) {
    repo.audit({local(11, 23, 12, 0), "F1", "family.stop", ""});
    repo.audit({local(11, 23, 13, 0), "F8", "family.stop", ""});
  });
  const DigestData data = data_for(kTuesday);
  ASSERT_EQ(data.departures.size(), 2u);
  EXPECT_EQ(data.departures[0].family_id, "F1");
  EXPECT_EQ(data.departures[0].service, "antwerpen");
  EXPECT_EQ(data.departures[1].service, "");
}

TEST_F(DigestQueries, TheSpringDaylightSavingDayIsTwentyThreeHoursOfWallClock) {
  add_caseworker("C1", "limburg");
  open_call("limburg", 1774678500);  // 28/03 07:15 CET: the day before
  open_call("limburg", 1774679400);  // 28/03 07:30 CET: the first minute
  open_call("limburg", 1774761300);  // 29/03 07:15 CEST: inside
  open_call("limburg", 1774762200);  // 29/03 07:30 CEST: the next digest's
  message("C1", Channel::kSms, 1774679400 - 1);
  message("C1", Channel::kSms, 1774762200 - 1);
  const Digest d = digest_for({2026, 3, 29});
  EXPECT_EQ(d.flanders.day.span.end - d.flanders.day.span.start, 23 * 3600);
  EXPECT_EQ(d.flanders.day.calls.opened, 2);
  EXPECT_EQ(d.flanders.day.messages.queued, 1);
  const auto json = digest_json(d);
  EXPECT_EQ(json["to"], "2026-03-29T07:30:00+02:00");
}

TEST_F(DigestQueries, TheAutumnDaylightSavingDayIsTwentyFiveHoursOfWallClock) {
  add_caseworker("C1", "limburg");
  open_call("limburg", 1792819800 - 60);  // 24/10 07:29 CEST: the day before
  open_call("limburg", 1792821600);       // 24/10 08:00 CEST: inside (not in a plain 24 h)
  open_call("limburg", from_local(2026, 10, 25, 2 * 60 + 30) + 3600);  // 02:30 CET, 2nd time
  open_call("limburg", 1792908000);       // 25/10 07:00 CET: inside
  open_call("limburg", 1792909800);       // 25/10 07:30 CET: the next digest's
  const std::int64_t matched = open_call("limburg", 1792821600 + 60);
  end_call(matched, CallState::kMatched, 1792908000 + 60);
  const Digest d = digest_for({2026, 10, 25});
  EXPECT_EQ(d.flanders.day.span.end - d.flanders.day.span.start, 25 * 3600);
  EXPECT_EQ(d.flanders.day.calls.opened, 4);
  EXPECT_EQ(d.flanders.day.calls.matched, 1);
  EXPECT_EQ(*d.flanders.day.calls.time_to_match.median_seconds, 1792908000 - 1792821600);
  EXPECT_EQ(d.flanders.chart.back().date, (LocalDate{2026, 10, 25}));
  EXPECT_EQ(d.flanders.chart.back().opened, 4);
}

TEST_F(DigestQueries, ADigestDayWithoutCallsSaysSoButStillCountsFamilies) {
  add_family("F1", "limburg", kHasselt, local(11, 1, 9, 0));
  const std::int64_t old = open_call("limburg", local(11, 20, 10, 0));
  end_call(old, CallState::kMatched, local(11, 20, 11, 0));
  const Digest d = digest_for(kTuesday);
  EXPECT_TRUE(d.no_calls);
  EXPECT_EQ(d.flanders.families.active, 1);
  EXPECT_EQ(d.flanders.last_week.calls.matched, 1);
  const auto text = render_digest_text(d, load_templates(), Language::kEn);
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_NE(text->find("No crisis calls in these 24 hours."), std::string::npos) << *text;
  EXPECT_NE(text->find("Families: 1 active"), std::string::npos) << *text;
  EXPECT_NE(text->find("new calls: 1 (week before: 0)"), std::string::npos) << *text;
}

TEST_F(DigestQueries, ReadingIsRefusedInsideATransactionInsteadOfDeadlocking) {
  Result<DigestData> inner = Error::Internal("not run");
  const Status outer = store_->transaction([&](Repository&) -> Status {
    inner = store_->digest_data(0, 1);
    return Ok();
  });
  EXPECT_TRUE(outer.ok());
  ASSERT_FALSE(inner.ok());
  EXPECT_EQ(inner.error().kind, ErrorKind::kInternal);
}

TEST_F(DigestQueries, ReadingChangesNothing) {
  add_family("F1", "limburg", kHasselt, local(11, 1, 9, 0));
  open_call("limburg", local(11, 23, 10, 0));
  const std::int64_t before = must(store_->count_calls(CallState::kOpen));
  const auto audit_before = must(store_->audit_log(100)).size();
  (void)data_for(kTuesday);
  EXPECT_EQ(must(store_->count_calls(CallState::kOpen)), before);
  EXPECT_EQ(must(store_->audit_log(100)).size(), audit_before);
  // The snapshot is closed: a write transaction still works afterwards.
  EXPECT_NO_THROW(open_call("limburg", local(11, 23, 11, 0)));
}

}  // namespace
}  // namespace noodbel::store
