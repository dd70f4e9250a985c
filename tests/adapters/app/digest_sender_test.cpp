// The scheduled daily digest as the Service scheduler drives it: a ManualClock, a real
// Store file, the shipped templates and a fake Links port.
#include "adapters/app/digest_sender.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "bot/postcodes.h"
#include "bot/templates.h"
#include "store/store.h"
#include "store/temp_db.h"
#include "support/shipped_data.h"
#include "support/store/fault_injecting_store.h"
#include "support/store/must.h"
#include "support/store/wall_clock.h"

namespace noodbel {

using ::noodbel::testing_support::must;
namespace {

using store::testing_support::TempDbPath;

constexpr UnixTime kNov23At0730 = 1'795'415'400;  // 2026-11-23 07:30 Europe/Brussels (CET)
constexpr std::int64_t kDay = 24 * 3600;

class FakeLinks final : public Links {
 public:
  std::string board_url(const Call& call, std::string_view, UnixTime) const override {
    return fmt::format("https://noodbel.test/board/{}", call.code);
  }
  std::string digest_url(std::string_view date, std::string_view service,
                         UnixTime now) const override {
    return fmt::format("https://noodbel.test/digest/{}?service={}&made={}", date, service, now);
  }
  int board_link_hours() const override { return 12; }
};

Caseworker person(std::string id, std::string service, Role role, Channel channel,
                  Language lang = Language::kNl) {
  Caseworker c;
  c.id = id;
  c.service = std::move(service);
  c.name = "Person " + id;
  c.role = role;
  c.language = lang;
  c.contacts = {{channel, channel == Channel::kSms ? "+32470000" + id.substr(1) : "tg" + id}};
  return c;
}

// Everything a Service holds for the digest, rebuilt from the same database file on demand
// (a "restart").
class DigestSenderTest : public ::testing::Test {
 protected:
  DigestSenderTest()
      : postcodes_(test_data::shipped_postcodes()),
        templates_(test_data::shipped_templates()) {
    config_.core.services = default_services();
    config_.digest.minute_of_day = 7 * 60 + 30;
    start();
    const Status s = store_->transaction([](Repository& repo) -> Status {
      repo.upsert_caseworker(person("C101", "limburg", Role::kSupervisor, Channel::kTelegram));
      repo.upsert_caseworker(
          person("C102", "limburg", Role::kSupervisor, Channel::kSms, Language::kFr));
      repo.upsert_caseworker(person("C103", "limburg", Role::kCaseworker, Channel::kTelegram));
      repo.upsert_caseworker(person("C201", "antwerpen", Role::kSupervisor, Channel::kTelegram));
      return Ok();
    });
    EXPECT_TRUE(s.ok());
  }

  void start() {
    sender_.reset();
    source_.reset();
    store_.reset();
    store_ = store::Store::open(path_.db(), ::noodbel::testing_support::wall_clock()).value();
    source_ = std::make_unique<DigestSource>(config_.digest, config_.core, postcodes_, *store_,
                                             std::map<std::string, std::string>{}, "{{body}}");
    sender_ = std::make_unique<DigestSender>(config_, templates_, *source_, *store_, clock_, links_);
  }

  std::vector<OutboxItem> outbox(const std::string& id) {
    return must(store_->outbox_for(id, 100));
  }

  TempDbPath path_;
  Config config_;
  Postcodes postcodes_;
  Templates templates_;
  ManualClock clock_{kNov23At0730 - 60};
  FakeLinks links_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<DigestSource> source_;
  std::unique_ptr<DigestSender> sender_;
};

TEST_F(DigestSenderTest, NothingIsSentAMinuteBeforeTheDigestTime) {
  const DigestRunReport r = sender_->run_due();
  EXPECT_EQ(r.sent + r.skipped + r.failed + r.messages, 0);
  EXPECT_TRUE(outbox("C101").empty());
  EXPECT_EQ(must(store_->outbox_counts()).pending, 0);
}

TEST_F(DigestSenderTest, AtTheDigestTimeEachSupervisorGetsOneMessageOnTheirFirstContact) {
  clock_.set(kNov23At0730);
  const DigestRunReport r = sender_->run_due();
  EXPECT_EQ(r.sent, static_cast<int>(config_.core.services.size()));  // every service recorded
  EXPECT_EQ(r.messages, 3);
  EXPECT_EQ(r.failed, 0);
  const auto c101 = outbox("C101");
  ASSERT_EQ(c101.size(), 1u);
  EXPECT_EQ(c101[0].message.channel, Channel::kTelegram);
  EXPECT_EQ(c101[0].message.address, "tgC101");
  EXPECT_NE(c101[0].message.text.find("Noodbel dagoverzicht 23/11/2026"), std::string::npos)
      << c101[0].message.text;
  EXPECT_NE(c101[0].message.text.find(
                "https://noodbel.test/digest/2026-11-23?service=limburg&made=1795415400"),
            std::string::npos)
      << c101[0].message.text;
  const auto c201 = outbox("C201");
  ASSERT_EQ(c201.size(), 1u);
  EXPECT_NE(c201[0].message.text.find("service=antwerpen"), std::string::npos);
  EXPECT_TRUE(outbox("C103").empty()) << "a caseworker who is not a supervisor gets nothing";
}

TEST_F(DigestSenderTest, TheTextIsInTheSupervisorsLanguage) {
  clock_.set(kNov23At0730);
  (void)sender_->run_due();
  const auto c102 = outbox("C102");
  ASSERT_EQ(c102.size(), 1u);
  EXPECT_EQ(c102[0].message.channel, Channel::kSms);
  EXPECT_NE(c102[0].message.text.find("Noodbel, résumé du 23/11/2026"), std::string::npos)
      << c102[0].message.text;
}

TEST_F(DigestSenderTest, ASecondTickSendsNothing) {
  clock_.set(kNov23At0730);
  (void)sender_->run_due();
  clock_.advance(30);
  const DigestRunReport r = sender_->run_due();
  EXPECT_EQ(r.sent + r.skipped + r.failed + r.messages, 0);
  EXPECT_EQ(outbox("C101").size(), 1u);
}

TEST_F(DigestSenderTest, ARestartWithTheSameDatabaseSendsNothing) {
  clock_.set(kNov23At0730);
  (void)sender_->run_due();
  start();
  clock_.advance(3600);
  const DigestRunReport r = sender_->run_due();
  EXPECT_EQ(r.sent + r.messages, 0);
  EXPECT_EQ(outbox("C101").size(), 1u);
  EXPECT_EQ(outbox("C201").size(), 1u);
}

TEST_F(DigestSenderTest, AfterThreeDaysDowntimeTheThreeMissedDigestsAreSentOnce) {
  clock_.set(kNov23At0730);
  (void)sender_->run_due();
  start();  // down from 23/11 07:31 until 26/11 08:00
  clock_.set(kNov23At0730 + 3 * kDay + 30 * 60);
  const DigestRunReport r = sender_->run_due();
  EXPECT_EQ(r.messages, 3 * 3);
  const auto c101 = outbox("C101");
  ASSERT_EQ(c101.size(), 4u);
  std::vector<std::string> dates;
  for (const OutboxItem& item : c101) {
    for (const char* date : {"2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26"}) {
      if (item.message.text.find(std::string("digest/") + date) != std::string::npos) {
        dates.push_back(date);
      }
    }
  }
  std::sort(dates.begin(), dates.end());
  EXPECT_EQ(dates, (std::vector<std::string>{"2026-11-23", "2026-11-24", "2026-11-25",
                                             "2026-11-26"}));
  start();
  clock_.advance(60);
  EXPECT_EQ(sender_->run_due().messages, 0);
  EXPECT_EQ(outbox("C101").size(), 4u);
}

TEST_F(DigestSenderTest, AFreshDatabaseAfterTheDigestTimeGetsOnlyTodaysDigest) {
  clock_.set(kNov23At0730 + 5 * 3600);
  const DigestRunReport r = sender_->run_due();
  EXPECT_EQ(r.messages, 3);
  ASSERT_EQ(outbox("C101").size(), 1u);
  EXPECT_NE(outbox("C101")[0].message.text.find("digest/2026-11-23"), std::string::npos);
}

TEST_F(DigestSenderTest, EachRunIsAuditedWithoutTheMessageText) {
  clock_.set(kNov23At0730);
  (void)sender_->run_due();
  int limburg = 0;
  for (const AuditEntry& e : must(store_->audit_log(50))) {
    if (e.action != "digest.sent") continue;
    EXPECT_EQ(e.actor, "system");
    EXPECT_EQ(e.detail.find("https://"), std::string::npos);
    if (e.detail == "date=2026-11-23 service=limburg supervisors=2 messages=2") ++limburg;
  }
  EXPECT_EQ(limburg, 1);
}

TEST_F(DigestSenderTest, WhenTheFiguresCannotBeReadNothingIsSentAndTheNextTickSendsThem) {
  testing_support::FaultInjectingStore reads(*store_);
  const DigestSource failing(config_.digest, config_.core, postcodes_, reads, {}, "{{body}}");
  DigestSender sender(config_, templates_, failing, *store_, clock_, links_);
  const int services = static_cast<int>(config_.core.services.size());
  clock_.set(kNov23At0730);
  reads.set_plan({.fail_always = true, .disk_full = true});
  const DigestRunReport r = sender.run_due();
  EXPECT_EQ(r.failed, services);
  EXPECT_EQ(r.sent + r.skipped + r.messages, 0);
  EXPECT_EQ(reads.failures(), services);
  EXPECT_EQ(must(store_->outbox_counts()).pending, 0) << "no digest of empty figures";
  reads.clear();
  clock_.advance(60);
  const DigestRunReport retry = sender.run_due();
  EXPECT_EQ(retry.sent, services) << "no run was recorded, so each is retried";
  EXPECT_EQ(retry.messages, 3);
  EXPECT_EQ(outbox("C101").size(), 1u);
}

TEST_F(DigestSenderTest, WhenTheStoreCannotBeWrittenNothingIsSentOrRecorded) {
  testing_support::FaultInjectingStore writes(*store_);
  DigestSender sender(config_, templates_, *source_, writes, clock_, links_);
  clock_.set(kNov23At0730);
  writes.set_plan({.fail_always = true, .writes_only = true});
  const DigestRunReport r = sender.run_due();
  EXPECT_GE(r.failed, 1);
  EXPECT_EQ(r.sent + r.skipped + r.messages, 0);
  EXPECT_EQ(must(store_->outbox_counts()).pending, 0);
  writes.clear();
  EXPECT_EQ(sender.run_due().messages, 3);
}

TEST_F(DigestSenderTest, AServiceWhoseDigestWasRecordedByAnotherProcessGetsNothingMore) {
  clock_.set(kNov23At0730);
  auto other = store::Store::open(path_.db(), ::noodbel::testing_support::wall_clock()).value();
  const Status s = other->transaction([](Repository& repo) -> Status {
    EXPECT_TRUE(repo.record_digest_run("2026-11-23", "limburg", kNov23At0730));
    return Ok();
  });
  ASSERT_TRUE(s.ok());
  const DigestRunReport r = sender_->run_due();
  EXPECT_EQ(r.messages, 1);  // antwerpen's supervisor only
  EXPECT_TRUE(outbox("C101").empty());
  EXPECT_EQ(outbox("C201").size(), 1u);
}

}  // namespace
}  // namespace noodbel
