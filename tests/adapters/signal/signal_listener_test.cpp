// SignalListener without a network: the reconnect backoff and what one event does.
#include "adapters/signal/signal_listener.h"

#include <vector>

#include <gtest/gtest.h>

namespace noodbel::signal_cli {
namespace {

using std::chrono::milliseconds;

constexpr const char* kText =
    R"({"envelope":{"sourceNumber":"+32470000001","timestamp":1631458508784,)"
    R"("dataMessage":{"timestamp":1631458508784,"message":"ja"}},"account":"+32470999999"})";

SseEvent receive(std::string data) { return SseEvent{"receive", std::move(data), "1"}; }

TEST(SignalReconnect, DoublesFromTheMinimumUpToTheMaximum) {
  EXPECT_EQ(reconnect_delay(1, milliseconds(1000), milliseconds(60000), 0.0), milliseconds(1000));
  EXPECT_EQ(reconnect_delay(2, milliseconds(1000), milliseconds(60000), 0.0), milliseconds(2000));
  EXPECT_EQ(reconnect_delay(4, milliseconds(1000), milliseconds(60000), 0.0), milliseconds(8000));
  EXPECT_EQ(reconnect_delay(7, milliseconds(1000), milliseconds(60000), 0.0), milliseconds(60000));
  EXPECT_EQ(reconnect_delay(1000, milliseconds(1000), milliseconds(60000), 0.0), milliseconds(60000));
}

TEST(SignalReconnect, AddsAtMostTwentyPercentJitter) {
  EXPECT_EQ(reconnect_delay(2, milliseconds(1000), milliseconds(60000), 0.5), milliseconds(2200));
  EXPECT_LE(reconnect_delay(9, milliseconds(1000), milliseconds(60000), 0.999), milliseconds(72000));
  EXPECT_GE(reconnect_delay(9, milliseconds(1000), milliseconds(60000), 0.999), milliseconds(71000));
}

class ListenerHandle : public ::testing::Test {
 protected:
  SignalListener make(Result<InboundOutcome> outcome) {
    return SignalListener(
        ListenerOptions{}, clock_,
        [this, outcome](const InboundMessage& m) {
          delivered_.push_back(m);
          return outcome;
        },
        {}, &metrics_);
  }
  ManualClock clock_{1'800'000'000};
  MetricsRegistry metrics_;
  std::vector<InboundMessage> delivered_;
};

TEST_F(ListenerHandle, DeliversATextMessage) {
  SignalListener listener = make(InboundOutcome::kHandled);
  EXPECT_TRUE(listener.handle(receive(kText)));
  ASSERT_EQ(delivered_.size(), 1u);
  EXPECT_EQ(delivered_[0].text, "ja");
  EXPECT_EQ(delivered_[0].received_at, 1'800'000'000);
}

TEST_F(ListenerHandle, ReportsAMessageThePipelineCouldNotStore) {
  SignalListener listener = make(Error::Unavailable("database is locked"));
  EXPECT_FALSE(listener.handle(receive(kText)));
  EXPECT_EQ(delivered_.size(), 1u);
}

TEST_F(ListenerHandle, SkipsOtherEventTypesReceiptsAndGarbage) {
  SignalListener listener = make(InboundOutcome::kHandled);
  EXPECT_TRUE(listener.handle(SseEvent{"message", kText, ""}));
  EXPECT_TRUE(listener.handle(receive(R"({"envelope":{"sourceNumber":"+32470000001","timestamp":1,)"
                                      R"("receiptMessage":{"isDelivery":true}}})")));
  EXPECT_TRUE(listener.handle(receive("not json")));
  EXPECT_TRUE(delivered_.empty());
  EXPECT_EQ(metrics_.value("noodbel_signal_events_ignored_total", {{"reason", "malformed"}}), 1);
  EXPECT_EQ(metrics_.value("noodbel_signal_events_ignored_total", {{"reason", "not_a_text"}}), 1);
}

}  // namespace
}  // namespace noodbel::signal_cli
