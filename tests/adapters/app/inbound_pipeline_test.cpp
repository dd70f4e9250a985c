// InboundPipeline with the real Engine (shipped templates, lexicon and guard) and a real
// Store on ":memory:" behind the fault-injecting double (tests/support/store/
// fault_injecting_store.h): what a message stores, what a duplicate and an unknown sender
// store, and that a failed transaction stores nothing, wakes nobody and is stored once when
// the provider retries after the store is back.
#include "adapters/app/inbound_pipeline.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "store/sqlite.h"
#include "store/store.h"
#include "support/fake_hasher.h"
#include "support/fake_random.h"
#include "support/reply_parser.h"
#include "support/shipped_data.h"
#include "support/store/fault_injecting_store.h"
#include "support/store/must.h"

namespace noodbel {
namespace {

using store::Database;
using store::Query;
using testing_support::FaultInjectingStore;
using testing_support::FaultPlan;
using testing_support::must;

constexpr UnixTime kNow = 1763974800;  // 2025-11-24 10:00 Europe/Brussels, a Monday
constexpr const char* kFamilyPhone = "+32470000001";

// The rows of the tables one inbound message can write to.
struct StoredRows {
  std::int64_t inbox = -1;
  std::int64_t answers = -1;
  std::int64_t outbox = -1;
  std::int64_t audit = -1;
  bool operator==(const StoredRows&) const = default;
};

std::ostream& operator<<(std::ostream& out, const StoredRows& r) {
  return out << "{inbox " << r.inbox << ", answers " << r.answers << ", outbox " << r.outbox
             << ", audit " << r.audit << "}";
}

class InboundPipelineTest : public ::testing::Test {
 protected:
  InboundPipelineTest() {
    config_.services = default_services();
    seed();
    open_call();
    commits_ = 0;
  }

  void seed() {
    ASSERT_TRUE(store_
                    ->transaction([](Repository& repo) -> Status {
                      repo.upsert_caseworker({"C001",
                                              "oost-vlaanderen",
                                              "An Peeters",
                                              {{Channel::kTelegram, "1001"}},
                                              Role::kCaseworker,
                                              Language::kNl});
                      Family f;
                      f.id = "F0001";
                      f.service = "oost-vlaanderen";
                      f.display_name = "Gezin Claes";
                      f.contacts = {{Channel::kSms, kFamilyPhone}};
                      f.postcode = "9000";
                      f.home = test_data::shipped_postcodes().by_postcode("9000")->point;
                      f.languages = {Language::kNl};
                      repo.upsert_family(f);
                      return Ok();
                    })
                    .ok());
  }

  // The caseworker opens a call through the pipeline; F0001 is asked.
  void open_call() {
    const InboundMessage crisis{
        Channel::kTelegram, "1001", "t1", "/crisis leeftijd=4 postcode=9000 taal=nl duur=3d", kNow,
        std::nullopt};
    ASSERT_EQ(must(pipeline_.deliver(crisis)), InboundOutcome::kHandled);
    ASSERT_TRUE(store_
                    ->transaction([this](Repository& repo) -> Status {
                      const std::vector<Call> open = repo.open_calls();
                      EXPECT_EQ(open.size(), 1u);
                      if (!open.empty()) call_ = open.front();
                      return Ok();
                    })
                    .ok());
    ASSERT_FALSE(call_.code.empty());
  }

  // F0001's yes to the open call, as the SMS provider hands it over.
  InboundMessage family_yes() const {
    return {Channel::kSms, kFamilyPhone, "sms-1", "ja " + call_.code, clock_.now(), std::nullopt};
  }

  StoredRows rows() {
    StoredRows r;
    EXPECT_TRUE(store_
                    ->with_database([&](Database& db) -> Status {
                      Query q = db.query(
                          "SELECT (SELECT COUNT(*) FROM inbox), (SELECT COUNT(*) FROM responses),"
                          " (SELECT COUNT(*) FROM outbox), (SELECT COUNT(*) FROM audit_log)");
                      q->step();
                      r = {q->int64(0), q->int64(1), q->int64(2), q->int64(3)};
                      return Ok();
                    })
                    .ok());
    return r;
  }

  std::vector<Response> answers() {
    std::vector<Response> out;
    EXPECT_TRUE(store_
                    ->transaction([&](Repository& repo) -> Status {
                      out = repo.responses(call_.id);
                      return Ok();
                    })
                    .ok());
    return out;
  }

  // Refused while `plan` holds: an Unavailable error with `message`, nothing stored, nobody
  // woken. Then the store is back and the provider's retry is handled and stored once.
  void expect_refused_then_stored_once(const FaultPlan& plan, std::string_view message) {
    const StoredRows before = rows();
    faults_.set_plan(plan);
    const Result<InboundOutcome> refused = pipeline_.deliver(family_yes());
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().kind, ErrorKind::kUnavailable);
    EXPECT_EQ(refused.error().message, message);
    EXPECT_EQ(rows(), before) << "nothing stored";
    EXPECT_TRUE(answers().empty());
    EXPECT_EQ(commits_, 0) << "the dispatcher is not woken";

    faults_.clear();
    EXPECT_EQ(must(pipeline_.deliver(family_yes())), InboundOutcome::kHandled)
        << "the retry is not taken for a duplicate";
    EXPECT_EQ(pipeline_.deliver(family_yes()).value(), InboundOutcome::kDuplicate);
    EXPECT_EQ(rows().inbox, before.inbox + 1) << "stored exactly once";
    EXPECT_EQ(answers().size(), 1u);
    EXPECT_EQ(commits_, 1);
  }

  CoreConfig config_;
  ManualClock clock_{kNow};
  FakeRandom random_{42};
  FakeHasher hasher_;
  Engine engine_{config_,
                 test_data::shipped_postcodes(),
                 test_data::shipped_templates(),
                 {clock_, random_, hasher_},
                 test_data::shipped_guard(),
                 test_data::shipped_reply_parser()};
  std::unique_ptr<store::Store> store_ = must(store::Store::open(":memory:", clock_));
  FaultInjectingStore faults_{*store_};
  int commits_ = 0;  // calls of on_commit
  InboundPipeline pipeline_{faults_, engine_, [this] { ++commits_; }};
  Call call_;
};

TEST_F(InboundPipelineTest,
       AFamilysReplyToAnOpenCallIsStoredWithItsRepliesAndWakesTheDispatcherOnce) {
  const StoredRows before = rows();
  const std::int64_t pending_before = must(store_->outbox_counts()).pending;
  clock_.advance(60);
  EXPECT_EQ(must(pipeline_.deliver(family_yes())), InboundOutcome::kHandled);
  EXPECT_EQ(commits_, 1);
  const std::vector<Response> stored = answers();
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].family_id, "F0001");
  EXPECT_EQ(stored[0].answer, Answer::kYes);
  EXPECT_EQ(stored[0].answered_at, kNow + 60);
  EXPECT_EQ(stored[0].text, "ja " + call_.code);
  const StoredRows after = rows();
  EXPECT_EQ(after.inbox, before.inbox + 1);
  EXPECT_EQ(after.answers, before.answers + 1);
  EXPECT_GT(must(store_->outbox_counts()).pending, pending_before) << "replies queued";
  const std::vector<OutboxItem> to_family = must(store_->outbox_for("F0001", 10));
  ASSERT_FALSE(to_family.empty());
  EXPECT_EQ(to_family.back().state, OutboxState::kPending);
  EXPECT_EQ(to_family.back().message.address, kFamilyPhone) << "the acknowledgement";
}

TEST_F(InboundPipelineTest, TheSameMessageAgainIsADuplicateAndStoresNothingNew) {
  ASSERT_EQ(must(pipeline_.deliver(family_yes())), InboundOutcome::kHandled);
  const StoredRows before = rows();
  EXPECT_EQ(must(pipeline_.deliver(family_yes())), InboundOutcome::kDuplicate);
  EXPECT_EQ(rows(), before);
  EXPECT_EQ(commits_, 1) << "a duplicate wakes nobody";
  InboundMessage other_channel = family_yes();
  other_channel.channel = Channel::kSandbox;
  other_channel.address = "F0001";
  EXPECT_NE(must(pipeline_.deliver(other_channel)), InboundOutcome::kDuplicate)
      << "the same provider id on another channel is another message";
}

TEST_F(InboundPipelineTest, AnUnknownSenderGetsOneGenericReplyAndIsAuditedOnly) {
  const StoredRows before = rows();
  const InboundMessage stranger{Channel::kSms, "+32499123456", "sms-9", "ja", kNow, std::nullopt};
  EXPECT_EQ(must(pipeline_.deliver(stranger)), InboundOutcome::kUnknownSender);
  EXPECT_EQ(commits_, 1) << "the generic reply is queued: the dispatcher is woken";
  const StoredRows after = rows();
  EXPECT_EQ(after.inbox, before.inbox + 1);
  EXPECT_EQ(after.answers, before.answers);
  EXPECT_EQ(after.outbox, before.outbox + 1) << "one generic reply";
  const std::vector<AuditEntry> audit = must(store_->audit_log(1));
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0].action, "inbound.unknown_sender");
  EXPECT_TRUE(answers().empty());
}

TEST_F(InboundPipelineTest, AFailedTransactionStoresNothingAndTheProvidersRetryIsStoredOnce) {
  expect_refused_then_stored_once({.fail_next = 1}, testing_support::kIoErrorMessage);
}

TEST_F(InboundPipelineTest, WhileWritesFailEveryRetryIsRefusedAndNothingIsStored) {
  const StoredRows before = rows();
  faults_.set_plan({.fail_always = true, .writes_only = true});
  for (int attempt = 0; attempt < 3; ++attempt) {
    const Result<InboundOutcome> refused = pipeline_.deliver(family_yes());
    ASSERT_FALSE(refused.ok()) << attempt;
    EXPECT_EQ(refused.error().kind, ErrorKind::kUnavailable);
  }
  EXPECT_EQ(rows(), before);
  EXPECT_EQ(commits_, 0);
  expect_refused_then_stored_once({.fail_always = true, .writes_only = true},
                                  testing_support::kIoErrorMessage);
}

TEST_F(InboundPipelineTest, AFullDiskIsReportedAsUnavailableAndStoresNothing) {
  expect_refused_then_stored_once({.fail_next = 1, .disk_full = true},
                                  testing_support::kDiskFullMessage);
}

TEST_F(InboundPipelineTest, FailingTheNextTwoTransactionsRefusesTwoDeliveriesThenStoresOne) {
  const StoredRows before = rows();
  faults_.set_plan({.fail_next = 2});
  EXPECT_FALSE(pipeline_.deliver(family_yes()).ok());
  EXPECT_FALSE(pipeline_.deliver(family_yes()).ok());
  EXPECT_EQ(rows(), before);
  EXPECT_EQ(must(pipeline_.deliver(family_yes())), InboundOutcome::kHandled)
      << "the third passes without clearing the plan";
  EXPECT_EQ(must(pipeline_.deliver(family_yes())), InboundOutcome::kDuplicate);
  EXPECT_EQ(rows().inbox, before.inbox + 1);
  EXPECT_EQ(answers().size(), 1u);
  EXPECT_EQ(commits_, 1);
}

}  // namespace
}  // namespace noodbel
