#include "bot/waves.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/memory_repository.h"
#include "support/shipped_data.h"

namespace noodbel {
namespace {

constexpr UnixTime kMonday10h = 1763974800;  // 2025-11-24 10:00 Europe/Brussels
constexpr GeoPoint kGent{51.05, 3.71667};

Templates load_templates() {
  return test_data::shipped_templates();
}

std::vector<Candidate> candidates(int n) {
  std::vector<Candidate> out;
  for (int i = 1; i <= n; ++i) out.push_back({"F" + std::to_string(i), double(i), true});
  return out;
}

Recipient sent(const std::string& id, int wave, UnixTime at) { return {1, id, 1, wave, at}; }

Call open_call(UnixTime created = kMonday10h) {
  Call c;
  c.id = 1;
  c.code = "K42";
  c.caseworker_id = "C001";
  c.ages_months = {48};
  c.place = "Gent";
  c.location = kGent;
  c.languages = {Language::kNl};
  c.duration_hours = 72;
  c.needed_from = created;
  c.created_at = created;
  return c;
}

TEST(Waves, UsesTheRequestedWaveSizeOnlyWhenPositive) {
  CallsConfig calls;
  calls.wave_size = 10;
  EXPECT_EQ(wave_size_for(calls, 4), 4);
  EXPECT_EQ(wave_size_for(calls, std::nullopt), 10);
  EXPECT_EQ(wave_size_for(calls, 0), 10);
}

TEST(Waves, NextWaveTakesTheNearestFamiliesNotYetSent) {
  const auto wave = next_wave(candidates(6), {sent("F1", 1, 0), sent("F3", 1, 0)}, 3, false);
  ASSERT_EQ(wave.size(), 3u);
  EXPECT_EQ(wave[0].family_id, "F2");
  EXPECT_EQ(wave[1].family_id, "F4");
  EXPECT_EQ(wave[2].family_id, "F5");
}

TEST(Waves, AnUrgentCallGoesToEveryRemainingFamilyAtOnce) {
  EXPECT_EQ(next_wave(candidates(25), {sent("F1", 1, 0)}, 3, true).size(), 24u);
}

TEST(Waves, KnowsTheLastWaveAndWhenItWentOut) {
  const Call call = open_call();
  EXPECT_EQ(last_wave({}), 0);
  EXPECT_EQ(last_wave_at(call, {}), kMonday10h);
  const std::vector<Recipient> r = {sent("F1", 1, kMonday10h), sent("F2", 2, kMonday10h + 900)};
  EXPECT_EQ(last_wave(r), 2);
  EXPECT_EQ(last_wave_at(call, r), kMonday10h + 900);
}

TEST(Waves, ANextWaveIsDueAfterTheIntervalWhileTooFewSaidYes) {
  CallsConfig calls;
  calls.wave_interval_minutes = 15;
  calls.stop_after_yes = 2;
  const Call call = open_call();
  const std::vector<Recipient> r = {sent("F1", 1, kMonday10h), sent("F2", 1, kMonday10h)};
  const Response yes{1, "F1", Answer::kYes, "", kMonday10h, {}, {}, {}};
  const Response yes2{1, "F2", Answer::kYes, "", kMonday10h, {}, {}, {}};
  EXPECT_FALSE(wave_due(call, r, {}, calls, kMonday10h + 899));
  EXPECT_TRUE(wave_due(call, r, {}, calls, kMonday10h + 900));
  EXPECT_TRUE(wave_due(call, r, {yes}, calls, kMonday10h + 900));
  EXPECT_FALSE(wave_due(call, r, {yes, yes2}, calls, kMonday10h + 900));
  Call matched = call;
  matched.state = CallState::kMatched;
  EXPECT_FALSE(wave_due(matched, r, {}, calls, kMonday10h + 900));
}

TEST(Waves, ACallExpiresAfterExpiryHours) {
  CallsConfig calls;
  calls.expiry_hours = 24;
  EXPECT_FALSE(is_expired(open_call(), calls, kMonday10h + 24 * 3600 - 1));
  EXPECT_TRUE(is_expired(open_call(), calls, kMonday10h + 24 * 3600));
}

class WaveWork : public ::testing::Test {
 protected:
  WaveWork() : templates_(load_templates()) {
    config_.calls.wave_size = 2;
    config_.calls.stop_after_yes = 1;
    repo_.upsert_caseworker({"C001", "oost-vlaanderen", "An", {{Channel::kTelegram, "1001"}},
                             Role::kCaseworker, Language::kNl});
    for (int i = 1; i <= 4; ++i) {
      Family f;
      f.id = "F" + std::to_string(i);
      f.home = {kGent.lat + 0.01 * i, kGent.lon};  // F1 nearest
      f.contacts = {{Channel::kSms, "+3247000000" + std::to_string(i)}};
      f.languages = {Language::kNl};
      repo_.upsert_family(f);
    }
  }
  Outbox out(UnixTime now) const { return Outbox(config_, templates_, repo_, now); }
  Call insert_call(bool urgent = false, std::optional<int> wave_size = std::nullopt) {
    Call c = open_call();
    c.urgent = urgent;
    c.wave_size = wave_size;
    c.service = "oost-vlaanderen";
    c.id = repo_.insert_call(c);
    return c;
  }
  std::vector<std::string> recipients(const Call& c) {
    std::vector<std::string> ids;
    for (const Recipient& r : repo_.recipients(c.id)) ids.push_back(r.family_id);
    return ids;
  }

  CoreConfig config_;
  Templates templates_;
  mutable MemoryRepository repo_;
};

TEST_F(WaveWork, SendWaveRecordsRecipientsAndQueuesTheOfferFirst) {
  const Call call = insert_call();
  const auto wave = eligible_families(call, repo_.families(), kMonday10h);
  const int reached = send_wave(call, next_wave(wave, {}, 2, false), 1, repo_.families(),
                                out(kMonday10h));
  EXPECT_EQ(reached, 2);
  EXPECT_EQ(recipients(call), (std::vector<std::string>{"F1", "F2"}));
  ASSERT_EQ(repo_.outbox.size(), 2u);
  EXPECT_EQ(repo_.outbox[0].message.priority, kPriorityCall);
  EXPECT_EQ(repo_.outbox[0].message.call_id, call.id);
  EXPECT_EQ(repo_.outbox[0].message.channel, Channel::kSms);
  EXPECT_EQ(repo_.outbox[0].message.text.find('{'), std::string::npos);
}

TEST_F(WaveWork, SandboxModeSendsEveryMessageToTheSandboxOfThePerson) {
  config_.sandbox.enabled = true;
  const Call call = insert_call();
  const auto wave = eligible_families(call, repo_.families(), kMonday10h);
  (void)send_wave(call, next_wave(wave, {}, 1, false), 1, repo_.families(), out(kMonday10h));
  ASSERT_EQ(repo_.outbox.size(), 1u);
  EXPECT_EQ(repo_.outbox[0].message.channel, Channel::kSandbox);
  EXPECT_EQ(repo_.outbox[0].message.address, "F1");
}

TEST_F(WaveWork, AFamilyWithoutContactIsNotRecordedAsReachedAndIsAudited) {
  Family f = *repo_.family("F1");
  f.contacts.clear();
  repo_.upsert_family(f);
  const Call call = insert_call();
  const auto wave = eligible_families(call, repo_.families(), kMonday10h);
  EXPECT_EQ(send_wave(call, next_wave(wave, {}, 2, false), 1, repo_.families(), out(kMonday10h)),
            1);
  EXPECT_EQ(recipients(call), std::vector<std::string>{"F2"});
  EXPECT_EQ(repo_.audits("outbound.no_contact").size(), 1u);
}

TEST_F(WaveWork, ScheduledWorkWidensTheCircleUntilEnoughYes) {
  const Call call = insert_call();
  run_scheduled(out(kMonday10h + 15 * 60));  // no recipients yet: wave 1 = F1, F2
  EXPECT_EQ(recipients(call), (std::vector<std::string>{"F1", "F2"}));
  run_scheduled(out(kMonday10h + 20 * 60));  // too early for wave 2
  EXPECT_EQ(recipients(call).size(), 2u);
  run_scheduled(out(kMonday10h + 30 * 60));
  EXPECT_EQ(recipients(call), (std::vector<std::string>{"F1", "F2", "F3", "F4"}));
  EXPECT_EQ(repo_.recipients(call.id).back().wave, 2);
  EXPECT_EQ(repo_.audits("call.wave").size(), 2u);
}

TEST_F(WaveWork, ScheduledWorkStopsWideningAfterEnoughYes) {
  const Call call = insert_call();
  run_scheduled(out(kMonday10h + 15 * 60));
  repo_.upsert_response({call.id, "F1", Answer::kYes, "", kMonday10h + 16 * 60, {}, {}, {}});
  run_scheduled(out(kMonday10h + 60 * 60));
  EXPECT_EQ(recipients(call).size(), 2u);
}

TEST_F(WaveWork, ExpiryClosesTheCallAndTellsCaseworkerAndWillingFamilies) {
  const Call call = insert_call();
  run_scheduled(out(kMonday10h + 15 * 60));
  repo_.upsert_response({call.id, "F1", Answer::kYes, "", kMonday10h + 16 * 60, {}, {}, {}});
  repo_.upsert_response({call.id, "F2", Answer::kNo, "", kMonday10h + 16 * 60, {}, {}, {}});
  const std::size_t before = repo_.outbox.size();
  run_scheduled(out(kMonday10h + 24 * 3600));

  const Call expired = *repo_.call_by_id(call.id);
  EXPECT_EQ(expired.state, CallState::kExpired);
  EXPECT_EQ(expired.closed_at, kMonday10h + 24 * 3600);
  EXPECT_EQ(expired.closed_by, "system");
  ASSERT_EQ(repo_.outbox.size(), before + 2);
  EXPECT_EQ(repo_.outbox_for("F1").back().message.text.find("is afgesloten") != std::string::npos,
            true);
  EXPECT_NE(repo_.outbox_for("C001").back().message.text.find("verlopen"), std::string::npos);
  EXPECT_EQ(repo_.audits("call.expire").size(), 1u);
  EXPECT_FALSE(repo_.code_in_use("K42", kMonday10h + 9 * 86400, 7 * 86400));
}

TEST_F(WaveWork, EndingACallSkipsTheKeptFamilyAndFamiliesThatStopped) {
  const Call call = insert_call();
  for (const char* id : {"F1", "F2", "F3"}) {
    repo_.upsert_response({call.id, id, Answer::kYes, "", kMonday10h, {}, {}, {}});
  }
  Family stopped = *repo_.family("F3");
  stopped.opted_in = false;
  repo_.upsert_family(stopped);
  const Call ended = end_call(call, CallState::kClosed, "C002", out(kMonday10h + 60), "F1");
  EXPECT_EQ(ended.state, CallState::kClosed);
  EXPECT_EQ(ended.closed_by, "C002");
  EXPECT_EQ(repo_.call_by_id(call.id)->state, CallState::kClosed);
  EXPECT_EQ(repo_.call_by_id(call.id)->closed_by, "C002");
  EXPECT_TRUE(repo_.outbox_for("F1").empty());
  EXPECT_EQ(repo_.outbox_for("F2").size(), 1u);
  EXPECT_TRUE(repo_.outbox_for("F3").empty());
}

TEST_F(WaveWork, LaterWavesKeepTheWaveSizeStoredWithTheCall) {
  const Call call = insert_call(false, 1);
  run_scheduled(out(kMonday10h + 15 * 60));
  EXPECT_EQ(recipients(call), std::vector<std::string>{"F1"});
  run_scheduled(out(kMonday10h + 30 * 60));
  EXPECT_EQ(recipients(call), (std::vector<std::string>{"F1", "F2"}));
  EXPECT_EQ(repo_.recipients(call.id).back().wave, 2);
}

TEST_F(WaveWork, LaterWavesUseTheServicesOwnWaveSettings) {
  config_.services = default_services();
  for (ServiceConfig& s : config_.services) {
    if (s.id == "oost-vlaanderen") {
      s.wave_size = 3;
      s.wave_interval_minutes = 5;
    }
  }
  const Call call = insert_call();
  run_scheduled(out(kMonday10h + 5 * 60));
  EXPECT_EQ(recipients(call).size(), 3u);
}

TEST_F(WaveWork, AnUrgentCallReachesEveryEligibleFamilyInOneWave) {
  const Call call = insert_call(true);
  run_scheduled(out(kMonday10h + 15 * 60));
  EXPECT_EQ(recipients(call).size(), 4u);
  for (const Recipient& r : repo_.recipients(call.id)) EXPECT_EQ(r.wave, 1);
}

TEST_F(WaveWork, TheOfferIsInEachFamilysLanguage) {
  Family f = *repo_.family("F2");
  f.preferred_language = Language::kFr;
  repo_.upsert_family(f);
  const Call call = insert_call();
  const auto wave = eligible_families(call, repo_.families(), kMonday10h);
  (void)send_wave(call, next_wave(wave, {}, 2, false), 1, repo_.families(), out(kMonday10h));
  EXPECT_NE(repo_.outbox_for("F1").back().message.text.find("JA K42"), std::string::npos);
  EXPECT_NE(repo_.outbox_for("F2").back().message.text.find("OUI K42"), std::string::npos);
}

TEST(CallsForService, AppliesTheServicesOverridesOnly) {
  CoreConfig config;
  config.calls.wave_size = 10;
  config.calls.stop_after_yes = 3;
  config.services = default_services();
  config.services[0].wave_size = 4;
  const CallsConfig own = calls_for_service(config, config.services[0].id);
  EXPECT_EQ(own.wave_size, 4);
  EXPECT_EQ(own.stop_after_yes, 3);
  EXPECT_EQ(calls_for_service(config, "elders").wave_size, 10);
  EXPECT_EQ(find_service(config, "elders"), nullptr);
  EXPECT_EQ(find_service(config, "limburg")->name, "Pleegzorg Limburg");
}

}  // namespace
}  // namespace noodbel
