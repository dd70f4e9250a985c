// Failover: a message whose channel gave up goes to the person's next contact, in one
// transaction with the failed row, audited, observed, and counted by the digest.
#include "adapters/dispatch/failover.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "adapters/dispatch/dispatcher.h"
#include "fake_sender.h"
#include "store/store.h"
#include "support/store/must.h"
#include "support/store/wall_clock.h"

namespace noodbel {

using ::noodbel::testing_support::must;
namespace {

using testing_support::FakeSender;
using testing_support::FakeSenderState;

constexpr UnixTime kStart = 1'760'000'000;

const Contact kSms{Channel::kSms, "+32470000001"};
const Contact kTelegram{Channel::kTelegram, "7001"};
const Contact kSignal{Channel::kSignal, "+32470000002"};

bool any_channel(Channel) { return true; }

TEST(NextContact, IsTheFollowingContactInPreferenceOrder) {
  EXPECT_EQ(next_contact({kSms, kTelegram, kSignal}, kSms, any_channel), kTelegram);
  EXPECT_EQ(next_contact({kSms, kTelegram, kSignal}, kTelegram, any_channel), kSignal);
  EXPECT_FALSE(next_contact({kSms, kTelegram, kSignal}, kSignal, any_channel));
  EXPECT_FALSE(next_contact({}, kSms, any_channel));
}

TEST(NextContact, SkipsContactsWhoseChannelHasNoSender) {
  const auto no_telegram = [](Channel c) { return c != Channel::kTelegram; };
  EXPECT_EQ(next_contact({kSms, kTelegram, kSignal}, kSms, no_telegram), kSignal);
  EXPECT_FALSE(next_contact({kSms, kTelegram}, kSms, no_telegram));
}

TEST(NextContact, AContactNoLongerListedFallsBackToTheFirstOtherOne) {
  const Contact old_number{Channel::kSms, "+32470999999"};
  EXPECT_EQ(next_contact({kSms, kTelegram}, old_number, any_channel), kSms);
}

TEST(FailoverError, NamesTheNextChannelAndTheReason) {
  EXPECT_EQ(failover_error(Channel::kTelegram, "twilio HTTP 400 code 21610: unsubscribed"),
            "failover to telegram: twilio HTTP 400 code 21610: unsubscribed");
}

class FailoverTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::Store::open(":memory:", ::noodbel::testing_support::wall_clock());
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    store_ = std::move(opened).value();
  }

  Dispatcher& make(DispatcherOptions options = {}) {
    options.rate_now = [this] { return clock_.now() * 1000; };
    dispatcher_ = std::make_unique<Dispatcher>(
        *store_, clock_, options,
        [this](Channel c, const std::string& status) { observed_.emplace_back(c, status); });
    dispatcher_->add_channel(std::make_unique<FakeSender>(Channel::kSms, sms_));
    dispatcher_->add_channel(std::make_unique<FakeSender>(Channel::kTelegram, telegram_));
    return *dispatcher_;
  }

  void add_family(const std::string& id, std::vector<Contact> contacts) {
    Family f;
    f.id = id;
    f.service = "oost-vlaanderen";
    f.display_name = "Familie " + id;
    f.postcode = "9000";
    f.contacts = std::move(contacts);
    ASSERT_TRUE(store_->transaction([&](Repository& repo) -> Status {
      repo.upsert_family(f);
      return Ok();
    }).ok());
  }

  std::int64_t enqueue_call(const std::string& family, const Contact& to) {
    std::int64_t id = 0;
    EXPECT_TRUE(store_->transaction([&](Repository& repo) -> Status {
      id = repo.enqueue({family, to.channel, to.address, "Crisisoproep K42 – “ja”?", 0, 42},
                        clock_.now());
      return Ok();
    }).ok());
    return id;
  }

  std::vector<OutboxItem> rows(const std::string& recipient) {
    return must(store_->outbox_for(recipient, 10));
  }

  std::unique_ptr<store::Store> store_;
  ManualClock clock_{kStart};
  std::shared_ptr<FakeSenderState> sms_ = std::make_shared<FakeSenderState>();
  std::shared_ptr<FakeSenderState> telegram_ = std::make_shared<FakeSenderState>();
  std::vector<std::pair<Channel, std::string>> observed_;
  std::unique_ptr<Dispatcher> dispatcher_;  // last: destroyed (and stopped) first
};

TEST_F(FailoverTest, APermanentErrorHandsTheMessageToTheNextContact) {
  Dispatcher& d = make();
  add_family("F0001", {kSms, kTelegram});
  enqueue_call("F0001", kSms);
  sms_->add({SendResult::permanent("twilio HTTP 400 code 21610: unsubscribed")});
  EXPECT_EQ(d.run_once(Channel::kSms), 1);

  const auto after = rows("F0001");
  ASSERT_EQ(after.size(), 2u);
  EXPECT_EQ(after[0].state, OutboxState::kFailed);
  EXPECT_EQ(after[0].last_error, "failover to telegram: twilio HTTP 400 code 21610: unsubscribed");
  const OutboxItem& moved = after[1];
  EXPECT_EQ(moved.state, OutboxState::kPending);
  EXPECT_EQ(moved.message.channel, Channel::kTelegram);
  EXPECT_EQ(moved.message.address, "7001");
  EXPECT_EQ(moved.message.text, after[0].message.text);
  EXPECT_EQ(moved.message.priority, 0);
  EXPECT_EQ(moved.message.call_id, 42);
  EXPECT_EQ(moved.attempts, 0);
  EXPECT_EQ(observed_, (std::vector<std::pair<Channel, std::string>>{{Channel::kSms, "failover"}}));

  const auto audit = must(store_->audit_log(5));
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(audit[0].action, "outbound.failover");
  EXPECT_NE(audit[0].detail.find("to=F0001 from=sms next=telegram"), std::string::npos)
      << audit[0].detail;
  EXPECT_EQ(audit[0].detail.find("+3247"), std::string::npos) << "no phone numbers in the audit";

  EXPECT_EQ(d.run_once(Channel::kTelegram), 1);
  ASSERT_EQ(telegram_->calls(), 1u);
  EXPECT_EQ(telegram_->sent[0].message.address, "7001");
  EXPECT_EQ(rows("F0001")[1].state, OutboxState::kSent);

  // The board's delivery column shows the newest row: sent on Telegram.
  std::vector<DeliveryStatus> statuses;
  ASSERT_TRUE(store_->transaction([&](Repository& repo) -> Status {
    statuses = repo.delivery_statuses(42);
    return Ok();
  }).ok());
  ASSERT_EQ(statuses.size(), 1u);
  EXPECT_EQ(statuses[0].channel, Channel::kTelegram);
  EXPECT_EQ(statuses[0].state, OutboxState::kSent);
}

TEST_F(FailoverTest, AfterNTemporaryFailuresTheNextContactGetsIt) {
  DispatcherOptions options;
  options.failover_after_attempts = 3;
  Dispatcher& d = make(options);
  add_family("F0001", {kSms, kTelegram});
  enqueue_call("F0001", kSms);
  sms_->add({SendResult::temporary("twilio HTTP 503"), SendResult::temporary("twilio HTTP 503"),
             SendResult::temporary("twilio HTTP 503")});
  for (int attempt = 1; attempt <= 2; ++attempt) {
    ASSERT_EQ(d.run_once(Channel::kSms), 1);
    const auto now = rows("F0001");
    ASSERT_EQ(now.size(), 1u) << "attempt " << attempt;
    EXPECT_EQ(now[0].state, OutboxState::kPending);
    clock_.set(now[0].next_attempt_at);
  }
  ASSERT_EQ(d.run_once(Channel::kSms), 1);
  const auto after = rows("F0001");
  ASSERT_EQ(after.size(), 2u);
  EXPECT_EQ(after[0].state, OutboxState::kFailed);
  EXPECT_EQ(after[0].attempts, 3);
  EXPECT_EQ(after[0].last_error, "failover to telegram: twilio HTTP 503");
  EXPECT_EQ(after[1].message.channel, Channel::kTelegram);
  EXPECT_EQ(observed_.back().second, "failover");
  EXPECT_EQ(d.run_once(Channel::kTelegram), 1);
}

TEST_F(FailoverTest, WithoutANextContactAPermanentErrorJustFails) {
  Dispatcher& d = make();
  add_family("F0001", {kSms, kSignal});  // Signal has no sender here: skipped
  enqueue_call("F0001", kSms);
  sms_->add({SendResult::permanent("twilio HTTP 400 code 21211: invalid number")});
  EXPECT_EQ(d.run_once(Channel::kSms), 1);
  const auto after = rows("F0001");
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].state, OutboxState::kFailed);
  EXPECT_EQ(after[0].last_error, "twilio HTTP 400 code 21211: invalid number");
  EXPECT_EQ(observed_.back().second, "failed");
  EXPECT_TRUE(must(store_->audit_log(5)).empty() ||
              must(store_->audit_log(5))[0].action != "outbound.failover");
}

TEST_F(FailoverTest, WithoutANextContactTemporaryFailuresKeepRetryingUntilMaxAttempts) {
  DispatcherOptions options;
  options.failover_after_attempts = 1;
  options.max_attempts = 2;
  Dispatcher& d = make(options);
  add_family("F0001", {kSms});
  enqueue_call("F0001", kSms);
  sms_->add({SendResult::temporary("timeout"), SendResult::temporary("timeout")});
  ASSERT_EQ(d.run_once(Channel::kSms), 1);
  EXPECT_EQ(rows("F0001")[0].state, OutboxState::kPending);
  EXPECT_EQ(observed_.back().second, "retry");
  clock_.advance(3600);
  ASSERT_EQ(d.run_once(Channel::kSms), 1);
  const auto after = rows("F0001");
  ASSERT_EQ(after.size(), 1u);
  EXPECT_EQ(after[0].state, OutboxState::kFailed);
  EXPECT_EQ(after[0].last_error, "gave up after 2 attempts: timeout");
}

TEST_F(FailoverTest, TheLastContactFailingEndsTheChainWithoutLooping) {
  Dispatcher& d = make();
  add_family("F0001", {kSms, kTelegram});
  enqueue_call("F0001", kSms);
  sms_->add({SendResult::permanent("21610")});
  telegram_->add({SendResult::permanent("telegram 403: bot was blocked by the user")});
  EXPECT_EQ(d.run_once(Channel::kSms), 1);
  EXPECT_EQ(d.run_once(Channel::kTelegram), 1);
  EXPECT_EQ(d.run_once(Channel::kSms), 0);
  const auto after = rows("F0001");
  ASSERT_EQ(after.size(), 2u);
  EXPECT_EQ(after[1].state, OutboxState::kFailed);
  EXPECT_EQ(after[1].last_error, "telegram 403: bot was blocked by the user");
}

TEST_F(FailoverTest, ACaseworkerFailsOverToo) {
  Dispatcher& d = make();
  Caseworker c;
  c.id = "C001";
  c.service = "oost-vlaanderen";
  c.name = "An";
  c.contacts = {kTelegram, kSms};
  ASSERT_TRUE(store_->transaction([&](Repository& repo) -> Status {
    repo.upsert_caseworker(c);
    repo.enqueue({"C001", Channel::kTelegram, "7001", "Bord K42", 1, 42}, clock_.now());
    return Ok();
  }).ok());
  telegram_->add({SendResult::permanent("telegram 403: bot was blocked by the user")});
  EXPECT_EQ(d.run_once(Channel::kTelegram), 1);
  const auto after = rows("C001");
  ASSERT_EQ(after.size(), 2u);
  EXPECT_EQ(after[1].message.channel, Channel::kSms);
  EXPECT_EQ(after[1].message.priority, 1);
}

TEST_F(FailoverTest, TheDigestCountsTheFailoverAsAFailureAndAFailover) {
  Dispatcher& d = make();
  add_family("F0001", {kSms, kTelegram});
  enqueue_call("F0001", kSms);
  sms_->add({SendResult::permanent("21610")});
  ASSERT_EQ(d.run_once(Channel::kSms), 1);
  ASSERT_EQ(d.run_once(Channel::kTelegram), 1);
  const auto data = store_->digest_data(kStart - 3600, kStart + 3600);
  ASSERT_TRUE(data.ok()) << data.error().message;
  int failovers = 0;
  int sent = 0;
  for (const DigestMessageCount& m : data->messages) {
    if (m.outcome == MessageOutcome::kFailover && m.channel == Channel::kSms) failovers += m.count;
    if (m.outcome == MessageOutcome::kSent && m.channel == Channel::kTelegram) sent += m.count;
  }
  EXPECT_EQ(failovers, 1);
  EXPECT_EQ(sent, 1);
}

}  // namespace
}  // namespace noodbel
