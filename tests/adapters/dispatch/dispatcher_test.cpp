#include "adapters/dispatch/dispatcher.h"

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "adapters/dispatch/dispatcher_options.h"
#include "fake_sender.h"
#include "store/store.h"
#include "support/store/must.h"
#include "support/store/wall_clock.h"

namespace noodbel {

using ::noodbel::testing_support::must;
namespace {

constexpr UnixTime kStart = 1'760'000'000;

using testing_support::FakeSender;
using testing_support::FakeSenderState;

class DispatcherTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::Store::open(":memory:", ::noodbel::testing_support::wall_clock());
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    store_ = std::move(opened).value();
  }

  Dispatcher& make(DispatcherOptions options = {}, Channel channel = Channel::kSandbox) {
    if (!options.rate_now) options.rate_now = [this] { return clock_.now() * 1000; };
    dispatcher_ = std::make_unique<Dispatcher>(
        *store_, clock_, options, [this](Channel c, const std::string& status) {
          const std::lock_guard lock(observed_mu_);
          observed_.emplace_back(c, status);
        });
    dispatcher_->add_channel(std::make_unique<FakeSender>(channel, sender_));
    return *dispatcher_;
  }

  std::int64_t enqueue(const std::string& recipient, int priority = 5,
                       Channel channel = Channel::kSandbox, std::string text = "hallo") {
    OutboundMessage m;
    m.recipient_id = recipient;
    m.channel = channel;
    m.address = recipient;
    m.text = std::move(text);
    m.priority = priority;
    std::int64_t id = 0;
    const Status s = store_->transaction([&](Repository& repo) -> Status {
      id = repo.enqueue(m, clock_.now());
      return Ok();
    });
    EXPECT_TRUE(s.ok());
    return id;
  }

  OutboxItem row(const std::string& recipient) {
    const auto rows = must(store_->outbox_for(recipient, 10));
    EXPECT_EQ(rows.size(), 1u);
    return rows.empty() ? OutboxItem{} : rows.front();
  }

  void script(std::vector<SendResult> results) {
    const std::lock_guard lock(sender_->mu);
    for (auto& r : results) sender_->script.push_back(std::move(r));
  }

  std::size_t send_calls() {
    const std::lock_guard lock(sender_->mu);
    return sender_->sent.size();
  }

  std::unique_ptr<store::Store> store_;
  ManualClock clock_{kStart};
  std::shared_ptr<FakeSenderState> sender_ = std::make_shared<FakeSenderState>();
  std::mutex observed_mu_;
  std::vector<std::pair<Channel, std::string>> observed_;
  std::unique_ptr<Dispatcher> dispatcher_;  // last: destroyed (and stopped) first
};

TEST_F(DispatcherTest, SentMessageIsMarkedSentAndObserved) {
  Dispatcher& d = make();
  enqueue("F0001");
  EXPECT_EQ(d.run_once(Channel::kSandbox), 1);
  const OutboxItem item = row("F0001");
  EXPECT_EQ(item.state, OutboxState::kSent);
  EXPECT_EQ(item.attempts, 1);
  ASSERT_EQ(send_calls(), 1u);
  EXPECT_EQ(sender_->sent[0].message.text, "hallo");
  EXPECT_EQ(observed_, (std::vector<std::pair<Channel, std::string>>{{Channel::kSandbox, "sent"}}));
  EXPECT_EQ(d.run_once(Channel::kSandbox), 0);  // nothing left
}

TEST_F(DispatcherTest, AChannelWithAClaimDelayTakesItsRowsOnlyThatLongAfterTheyAreDue) {
  DispatcherOptions options;
  options.claim_delay_seconds[Channel::kSlash] = 5;
  Dispatcher& d = make(options, Channel::kSlash);
  enqueue("U012ABC", 5, Channel::kSlash);
  EXPECT_EQ(d.run_once(Channel::kSlash), 0);
  clock_.advance(4);
  EXPECT_EQ(d.run_once(Channel::kSlash), 0);
  EXPECT_EQ(row("U012ABC").state, OutboxState::kPending) << "left for the HTTP response";
  clock_.advance(1);
  EXPECT_EQ(d.run_once(Channel::kSlash), 1);
  EXPECT_EQ(row("U012ABC").state, OutboxState::kSent);
}

TEST_F(DispatcherTest, TemporaryFailureHonoursRetryAfterThenSucceeds) {
  Dispatcher& d = make();
  script({SendResult::temporary("429 too many requests", 120)});
  enqueue("F0001");
  EXPECT_EQ(d.run_once(Channel::kSandbox), 1);
  OutboxItem item = row("F0001");
  EXPECT_EQ(item.state, OutboxState::kPending);
  EXPECT_EQ(item.next_attempt_at, kStart + 120);
  EXPECT_EQ(item.last_error, "429 too many requests");

  clock_.advance(119);
  EXPECT_EQ(d.run_once(Channel::kSandbox), 0);  // not due yet
  clock_.advance(1);
  EXPECT_EQ(d.run_once(Channel::kSandbox), 1);
  item = row("F0001");
  EXPECT_EQ(item.state, OutboxState::kSent);
  EXPECT_EQ(item.attempts, 2);
  EXPECT_EQ(send_calls(), 2u);
  ASSERT_EQ(observed_.size(), 2u);
  EXPECT_EQ(observed_[0].second, "retry");
  EXPECT_EQ(observed_[1].second, "sent");
}

TEST_F(DispatcherTest, TemporaryFailureWithoutHintBacksOffExponentially) {
  Dispatcher& d = make();
  script({SendResult::temporary("timeout"), SendResult::temporary("timeout"),
          SendResult::temporary("timeout")});
  enqueue("F0001");
  std::vector<std::int64_t> delays;
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(d.run_once(Channel::kSandbox), 1);
    const OutboxItem item = row("F0001");
    delays.push_back(item.next_attempt_at - clock_.now());
    clock_.set(item.next_attempt_at);
  }
  EXPECT_EQ(delays, (std::vector<std::int64_t>{5, 10, 20}));
  EXPECT_EQ(d.run_once(Channel::kSandbox), 1);
  EXPECT_EQ(row("F0001").state, OutboxState::kSent);
}

TEST_F(DispatcherTest, BackoffDoublesFromFiveSecondsAndIsCappedAtFifteenMinutes) {
  Dispatcher& d = make();
  EXPECT_EQ(d.backoff_seconds(1), 5);
  EXPECT_EQ(d.backoff_seconds(2), 10);
  EXPECT_EQ(d.backoff_seconds(8), 640);
  EXPECT_EQ(d.backoff_seconds(9), 900);
  EXPECT_EQ(d.backoff_seconds(1000), 900);
}

TEST_F(DispatcherTest, PermanentFailureIsMarkedFailedAndNotRetried) {
  Dispatcher& d = make();
  script({SendResult::permanent("number does not exist")});
  enqueue("F0001");
  EXPECT_EQ(d.run_once(Channel::kSandbox), 1);
  const OutboxItem item = row("F0001");
  EXPECT_EQ(item.state, OutboxState::kFailed);
  EXPECT_EQ(item.last_error, "number does not exist");
  clock_.advance(24 * 3600);
  EXPECT_EQ(d.run_once(Channel::kSandbox), 0);
  EXPECT_EQ(send_calls(), 1u);
  ASSERT_EQ(observed_.size(), 1u);
  EXPECT_EQ(observed_[0].second, "failed");
}

TEST_F(DispatcherTest, TemporaryFailureBecomesFailedAfterMaxAttempts) {
  DispatcherOptions options;
  options.max_attempts = 3;
  Dispatcher& d = make(options);
  script({SendResult::temporary("busy"), SendResult::temporary("busy"),
          SendResult::temporary("busy"), SendResult::temporary("busy")});
  enqueue("F0001");
  for (int i = 0; i < 3; ++i) {
    ASSERT_EQ(d.run_once(Channel::kSandbox), 1);
    clock_.advance(3600);
  }
  const OutboxItem item = row("F0001");
  EXPECT_EQ(item.state, OutboxState::kFailed);
  EXPECT_EQ(item.attempts, 3);
  EXPECT_NE(item.last_error.find("gave up after 3 attempts: busy"), std::string::npos);
  EXPECT_EQ(d.run_once(Channel::kSandbox), 0);
  EXPECT_EQ(send_calls(), 3u);
}

TEST_F(DispatcherTest, SendsInPriorityOrderThenAge) {
  Dispatcher& d = make();
  enqueue("F0005", 5);
  clock_.advance(1);
  enqueue("F0000", 0);
  clock_.advance(1);
  enqueue("F0003", 3);
  enqueue("F0003b", 3);
  EXPECT_EQ(d.run_once(Channel::kSandbox), 4);
  std::vector<std::string> order;
  for (const auto& item : sender_->sent) order.push_back(item.message.recipient_id);
  EXPECT_EQ(order, (std::vector<std::string>{"F0000", "F0003", "F0003b", "F0005"}));
}

TEST_F(DispatcherTest, ChannelWithoutSenderIsLeftUntouched) {
  Dispatcher& d = make();
  enqueue("F0001", 5, Channel::kSms);
  EXPECT_EQ(d.run_once(Channel::kSms), 0);
  EXPECT_EQ(d.run_once(Channel::kSandbox), 0);  // the sms row is not the sandbox's
  const OutboxItem item = row("F0001");
  EXPECT_EQ(item.state, OutboxState::kPending);
  EXPECT_EQ(item.attempts, 0);
  EXPECT_EQ(send_calls(), 0u);
}

TEST_F(DispatcherTest, SenderThatThrowsIsTreatedAsTemporary) {
  Dispatcher& d = make();
  sender_->throw_next = true;
  enqueue("F0001");
  EXPECT_EQ(d.run_once(Channel::kSandbox), 1);
  const OutboxItem item = row("F0001");
  EXPECT_EQ(item.state, OutboxState::kPending);
  EXPECT_NE(item.last_error.find("socket exploded"), std::string::npos);
  EXPECT_EQ(item.next_attempt_at, kStart + 5);
}

TEST_F(DispatcherTest, StopDuringABatchReturnsUnsentRowsToPending) {
  Dispatcher& d = make();
  sender_->on_send = [&d] { d.stop(); };
  enqueue("F0001");
  enqueue("F0002");
  EXPECT_EQ(d.run_once(Channel::kSandbox), 1);
  EXPECT_EQ(row("F0001").state, OutboxState::kSent);
  const OutboxItem left = row("F0002");
  EXPECT_EQ(left.state, OutboxState::kPending);
  EXPECT_EQ(left.next_attempt_at, kStart);
  EXPECT_EQ(send_calls(), 1u);
}

TEST_F(DispatcherTest, WorkerSendsAfterNotifyAndStopJoins) {
  DispatcherOptions options;
  options.poll_interval = std::chrono::hours(1);  // only notify() can wake the worker
  Dispatcher& d = make(options);
  d.start();
  enqueue("F0001");
  d.notify();
  {
    std::unique_lock lock(sender_->mu);
    ASSERT_TRUE(sender_->cv.wait_for(lock, std::chrono::seconds(10),
                                     [&] { return !sender_->sent.empty(); }));
  }
  d.stop();  // returns although the poll interval is an hour
  EXPECT_EQ(row("F0001").state, OutboxState::kSent);
}

TEST_F(DispatcherTest, NotifyWithNoWorkerWaitingSignalsNobody) {
  DispatcherOptions options;
  options.poll_interval = std::chrono::hours(1);
  Dispatcher& d = make(options);
  for (int i = 0; i < 10; ++i) d.notify();  // before start(): no worker waits
  EXPECT_EQ(d.wakeups(), 0u);
  d.start();
  enqueue("F0001");
  // Once the worker has found nothing and waits, a notify() signals it (exactly then).
  for (int i = 0; i < 1000 && d.wakeups() == 0; ++i) {
    d.notify();
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_GE(d.wakeups(), 1u);
  d.stop();
  EXPECT_EQ(row("F0001").state, OutboxState::kSent);
}

TEST_F(DispatcherTest, NoMessageWaitsForThePollWhenNotifiesComeFasterThanTheWorker) {
  DispatcherOptions options;
  options.poll_interval = std::chrono::hours(1);  // only notify() can wake the worker
  Dispatcher& d = make(options);
  d.start();
  constexpr std::size_t kMessages = 200;
  std::thread other([&] {
    for (std::size_t i = 0; i < kMessages / 2; ++i) {
      enqueue("G" + std::to_string(i));
      d.notify();
    }
  });
  for (std::size_t i = 0; i < kMessages / 2; ++i) {
    enqueue("F" + std::to_string(i));
    d.notify();
    if (i % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(300));
  }
  other.join();
  {
    std::unique_lock lock(sender_->mu);
    ASSERT_TRUE(sender_->cv.wait_for(lock, std::chrono::seconds(20),
                                     [&] { return sender_->sent.size() >= kMessages; }));
  }
  d.stop();  // with an hour between polls, every message went out on a notify()
}

DispatcherOptions telegram_rates() {
  DispatcherOptions options;
  options.rates[Channel::kTelegram] = {25, 1};
  return options;
}

TEST_F(DispatcherTest, SendsNoMoreThanTheOverallRateAndTheRestWaitsUnclaimed) {
  Dispatcher& d = make(telegram_rates(), Channel::kTelegram);
  for (int i = 0; i < 30; ++i) enqueue("F" + std::to_string(100 + i), 5, Channel::kTelegram);
  EXPECT_EQ(d.run_once(Channel::kTelegram), 25);
  EXPECT_EQ(d.run_once(Channel::kTelegram), 0);  // no token left this second
  EXPECT_EQ(must(store_->outbox_counts()).pending, 5);
  EXPECT_EQ(row("F129").attempts, 0);  // waiting for a token is no attempt
  clock_.advance(1);
  EXPECT_EQ(d.run_once(Channel::kTelegram), 5);
  EXPECT_EQ(send_calls(), 30u);
}

TEST_F(DispatcherTest, AChatThatHadItsMessageWaitsASecondWithoutHoldingUpOthers) {
  Dispatcher& d = make(telegram_rates(), Channel::kTelegram);
  const auto to_chat = [&](const std::string& recipient, const std::string& chat) {
    OutboundMessage m{recipient, Channel::kTelegram, chat, recipient, 5, std::nullopt};
    ASSERT_TRUE(store_->transaction([&](Repository& repo) -> Status {
      repo.enqueue(m, clock_.now());
      return Ok();
    }).ok());
  };
  to_chat("A1", "chat-a");
  to_chat("A2", "chat-a");
  to_chat("A3", "chat-a");
  to_chat("B1", "chat-b");
  EXPECT_EQ(d.run_once(Channel::kTelegram), 2);
  EXPECT_EQ(sender_->recipients(), (std::vector<std::string>{"A1", "B1"}));
  const OutboxItem waiting = row("A2");
  EXPECT_EQ(waiting.state, OutboxState::kPending);
  EXPECT_EQ(waiting.attempts, 0);
  EXPECT_EQ(waiting.next_attempt_at, kStart + 1);
  EXPECT_EQ(d.run_once(Channel::kTelegram), 0);  // nothing due before the chat's next second
  clock_.advance(1);
  EXPECT_EQ(d.run_once(Channel::kTelegram), 1);
  clock_.advance(1);
  EXPECT_EQ(d.run_once(Channel::kTelegram), 1);
  EXPECT_EQ(sender_->recipients(), (std::vector<std::string>{"A1", "B1", "A2", "A3"}));
}

TEST_F(DispatcherTest, CrisisCallsGoFirstAndTheirRowsKeepTheNearestFamilyFirst) {
  Dispatcher& d = make();
  enqueue("C001", 2);  // an older notice
  clock_.advance(5);
  // One wave: the engine enqueues a call's rows in distance order, in one transaction.
  ASSERT_TRUE(store_->transaction([&](Repository& repo) -> Status {
    for (const char* family : {"F0009", "F0002", "F0005"}) {
      repo.enqueue({family, Channel::kSandbox, family, "oproep", 0, 7}, clock_.now());
    }
    return Ok();
  }).ok());
  EXPECT_EQ(d.run_once(Channel::kSandbox), 4);
  EXPECT_EQ(sender_->recipients(), (std::vector<std::string>{"F0009", "F0002", "F0005", "C001"}));
}

TEST_F(DispatcherTest, RetryDelaysWithJitterComeEarlierButNeverBeforeTheFloor) {
  DispatcherOptions options;
  options.backoff_jitter_percent = 20;
  Dispatcher& d = make(options);
  for (int i = 0; i < 20; ++i) {
    script({SendResult::temporary("timeout")});
    enqueue("F" + std::to_string(200 + i));
  }
  EXPECT_EQ(d.run_once(Channel::kSandbox), 20);
  bool spread = false;
  for (int i = 0; i < 20; ++i) {
    const std::int64_t delay = row("F" + std::to_string(200 + i)).next_attempt_at - kStart;
    EXPECT_GE(delay, 4);  // 5 s at most 20 % earlier
    EXPECT_LE(delay, 5);
    spread = spread || delay != 5;
  }
  EXPECT_TRUE(spread);
}

TEST_F(DispatcherTest, StopInterruptsAWorkerWaitingForAToken) {
  DispatcherOptions options;
  options.rates[Channel::kSandbox] = {0.001, 0};  // the next token only after 1000 s
  options.poll_interval = std::chrono::hours(1);
  Dispatcher& d = make(options);
  enqueue("F0001");
  enqueue("F0002");
  d.start();
  {
    std::unique_lock lock(sender_->mu);
    ASSERT_TRUE(sender_->cv.wait_for(lock, std::chrono::seconds(10),
                                     [&] { return !sender_->sent.empty(); }));
  }
  d.stop();  // returns although the worker waits 1000 s for its token
  EXPECT_EQ(row("F0001").state, OutboxState::kSent);
  const OutboxItem left = row("F0002");
  EXPECT_EQ(left.state, OutboxState::kPending);
  EXPECT_EQ(left.attempts, 0);
  EXPECT_EQ(send_calls(), 1u);
}

TEST_F(DispatcherTest, ARetryAfterHintPausesTheWholeChannelAndTheRestWaitsUnsent) {
  Dispatcher& d = make();
  script({SendResult::temporary("telegram 429: Too Many Requests", 30)});
  enqueue("F0001");
  enqueue("F0002");
  EXPECT_EQ(d.run_once(Channel::kSandbox), 1);
  EXPECT_EQ(send_calls(), 1u);
  const OutboxItem held = row("F0002");
  EXPECT_EQ(held.state, OutboxState::kPending);
  EXPECT_EQ(held.attempts, 0);
  EXPECT_EQ(d.run_once(Channel::kSandbox), 0);  // paused, although F0002 is due
  clock_.advance(29);
  EXPECT_EQ(d.run_once(Channel::kSandbox), 0);
  clock_.advance(1);
  EXPECT_EQ(d.run_once(Channel::kSandbox), 2);
  EXPECT_EQ(row("F0001").state, OutboxState::kSent);
  EXPECT_EQ(row("F0002").state, OutboxState::kSent);
}

}  // namespace
}  // namespace noodbel
