// Signal against a stub of signal-cli's HTTP daemon (tests/support/signal_cli_stub.py) on
// loopback: JSON-RPC sends with per-recipient failures, the SSE event stream in odd
// chunks, reconnects with Last-Event-ID after a dropped stream or a store failure.
#include <chrono>
#include <mutex>
#include <vector>

#include <gtest/gtest.h>

#include "adapters/http/client.h"
#include "adapters/signal/signal_listener.h"
#include "adapters/signal/signal_sender.h"
#include "signal_cli_stub.h"

namespace noodbel::signal_cli {
namespace {

using testing_support::eventually;
using testing_support::SignalCliStub;

OutboxItem to(const std::string& number, std::optional<std::string> reply_to = std::nullopt) {
  OutboxItem i;
  i.id = 1;
  i.message.channel = Channel::kSignal;
  i.message.address = number;
  i.message.text = "Noodoproep K42";
  i.message.reply_to = std::move(reply_to);
  return i;
}

TEST(SignalStub, SenderSendsAndSortsPerRecipientFailures) {
  SignalCliStub stub;
  ASSERT_NE(stub.port(), 0);
  auto http = make_http_client();
  SignalSender sender(*http, stub.url());

  const SendResult ok = sender.send(to("+32470000001", "sig:+32470000001:1631458508784"));
  ASSERT_EQ(ok.kind, SendResult::Kind::kSent) << ok.error;
  EXPECT_EQ(ok.provider_message_id, "1700000000000");

  stub.fail({{"recipient", "+32470000002"}, {"type", "UNREGISTERED_FAILURE"}});
  const SendResult gone = sender.send(to("+32470000002"));
  EXPECT_EQ(gone.kind, SendResult::Kind::kPermanent);
  EXPECT_NE(gone.error.find("unregistered"), std::string::npos);

  stub.fail({{"recipient", "+32470000003"}, {"type", "RATE_LIMIT_FAILURE"}, {"retryAfterSeconds", 9}});
  const SendResult slow = sender.send(to("+32470000003"));
  EXPECT_EQ(slow.kind, SendResult::Kind::kTemporary);
  EXPECT_EQ(slow.retry_after_seconds, 9);

  stub.fail({{"recipient", "+32470000004"}, {"http", 500}});
  EXPECT_EQ(sender.send(to("+32470000004")).kind, SendResult::Kind::kTemporary);
  EXPECT_EQ(sender.send(to("+32470000004")).kind, SendResult::Kind::kSent);  // failure used up

  const auto sends = stub.sends();
  ASSERT_EQ(sends.size(), 5u);
  EXPECT_EQ(sends[0]["recipient"][0], "+32470000001");
  EXPECT_EQ(sends[0]["message"], "Noodoproep K42");
  EXPECT_EQ(sends[0]["quoteTimestamp"], 1631458508784);
  EXPECT_EQ(sends[0]["quoteAuthor"], "+32470000001");
  EXPECT_FALSE(sends[1].contains("quoteTimestamp"));
}

TEST(SignalStub, SenderReportsADaemonThatIsNotThereAsTemporary) {
  auto http = make_http_client();
  SignalSender sender(*http, "http://127.0.0.1:1");
  const SendResult r = sender.send(to("+32470000001"));
  EXPECT_EQ(r.kind, SendResult::Kind::kTemporary);
  EXPECT_NE(r.error.find("unreachable"), std::string::npos);
}

// Collects what the listener delivers; the pipeline's answer can be scripted.
class Inbox {
 public:
  Result<InboundOutcome> deliver(const InboundMessage& m) {
    const std::lock_guard lock(mutex_);
    if (fail_next_) {
      fail_next_ = false;
      ++refused_;
      return Error::Unavailable("database is locked");
    }
    messages_.push_back(m);
    return InboundOutcome::kHandled;
  }
  void fail_next() {
    const std::lock_guard lock(mutex_);
    fail_next_ = true;
  }
  std::vector<InboundMessage> messages() const {
    const std::lock_guard lock(mutex_);
    return messages_;
  }
  int refused() const {
    const std::lock_guard lock(mutex_);
    return refused_;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<InboundMessage> messages_;
  bool fail_next_ = false;
  int refused_ = 0;
};

class SignalStream : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NE(stub_.port(), 0);
    ListenerOptions options;
    options.rpc_url = stub_.url();
    options.backoff_min = std::chrono::milliseconds(10);
    options.backoff_max = std::chrono::milliseconds(50);
    listener_ = std::make_unique<SignalListener>(
        options, clock_, [this](const InboundMessage& m) { return inbox_.deliver(m); },
        [] { return Ok(); }, &metrics_);
    listener_->start();
    ASSERT_TRUE(eventually([this] { return listener_->connected(); }));
  }

  std::size_t received() const { return inbox_.messages().size(); }

  SignalCliStub stub_;
  ManualClock clock_{1'800'000'000};
  MetricsRegistry metrics_;
  Inbox inbox_;
  std::unique_ptr<SignalListener> listener_;
};

TEST_F(SignalStream, DeliversTextsSentInTinyChunksAndSkipsReceipts) {
  stub_.push_text("+32470000001", 1631458508784, "ja hoor", 1700000000000, /*split=*/3);
  stub_.push({{"envelope", {{"sourceNumber", "+32470000001"}, {"timestamp", 5},
                            {"receiptMessage", {{"isDelivery", true}}}}}});
  stub_.push_text("+32470000002", 1631458508999, "nee sorry", std::nullopt, /*split=*/1);
  ASSERT_TRUE(eventually([this] { return received() == 2; })) << received();
  const auto got = inbox_.messages();
  EXPECT_EQ(got[0].address, "+32470000001");
  EXPECT_EQ(got[0].text, "ja hoor");
  EXPECT_EQ(got[0].reply_to, "1700000000000");
  EXPECT_EQ(got[0].provider_id, "sig:+32470000001:1631458508784");
  EXPECT_EQ(got[1].text, "nee sorry");
  EXPECT_EQ(metrics_.value("noodbel_signal_events_ignored_total", {{"reason", "not_a_text"}}), 1);
}

TEST_F(SignalStream, ReconnectsAfterTheStreamDropsAndAsksForWhatItMissed) {
  stub_.push_text("+32470000001", 1001, "eerste");
  ASSERT_TRUE(eventually([this] { return received() == 1; }));
  stub_.drop_streams();
  ASSERT_TRUE(eventually([this] { return stub_.state()["connects"] == 2 && listener_->connected(); }));
  EXPECT_EQ(stub_.state()["last_event_ids"][1], "1");  // Last-Event-ID of the first event
  EXPECT_GE(listener_->reconnects(), 1);
  EXPECT_GE(metrics_.value("noodbel_signal_stream_reconnects_total"), 1);
  stub_.push_text("+32470000001", 1002, "tweede");
  ASSERT_TRUE(eventually([this] { return received() == 2; }));
  EXPECT_EQ(inbox_.messages()[1].text, "tweede");
}

TEST_F(SignalStream, AMessageTheStoreRefusedComesAgainAfterReconnecting) {
  stub_.push_text("+32470000001", 1001, "eerste");
  ASSERT_TRUE(eventually([this] { return received() == 1; }));
  inbox_.fail_next();
  stub_.push_text("+32470000001", 1002, "tweede");
  ASSERT_TRUE(eventually([this] { return received() == 2; }));
  EXPECT_EQ(inbox_.refused(), 1);
  EXPECT_EQ(inbox_.messages()[1].text, "tweede");
  const auto ids = stub_.state()["last_event_ids"];
  ASSERT_GE(ids.size(), 2u);
  EXPECT_EQ(ids[1], "1");  // replay from after the last stored event
}

TEST_F(SignalStream, StopEndsAnOpenStreamPromptly) {
  const auto started = std::chrono::steady_clock::now();
  listener_->stop();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(2));
  EXPECT_FALSE(listener_->connected());
  EXPECT_TRUE(eventually([this] { return stub_.state()["open_streams"] == 0; }));
}

TEST(SignalStub, EventStreamReportsANon200Answer) {
  SignalCliStub stub;
  ASSERT_NE(stub.port(), 0);
  EventStreamRequest request;
  request.url = stub.url() + "/api/v1/nothing";
  const Status s = read_event_stream(request, {});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind, ErrorKind::kUnavailable);
  EXPECT_NE(s.error().message.find("HTTP 404"), std::string::npos) << s.error().message;
}

}  // namespace
}  // namespace noodbel::signal_cli
