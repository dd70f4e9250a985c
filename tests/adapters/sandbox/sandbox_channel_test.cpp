#include "adapters/sandbox/sandbox_channel.h"

#include <gtest/gtest.h>

namespace noodbel {
namespace {

OutboxItem outbound(const std::string& to, const std::string& text) {
  OutboxItem item;
  item.id = 1;
  item.message.channel = Channel::kSandbox;
  item.message.recipient_id = to;
  item.message.address = to;
  item.message.text = text;
  return item;
}

InboundMessage inbound(const std::string& from, const std::string& text, UnixTime at) {
  InboundMessage m;
  m.channel = Channel::kSandbox;
  m.address = from;
  m.text = text;
  m.received_at = at;
  return m;
}

TEST(SandboxChannel, SendAppendsAnOutMessageAndReportsSent) {
  ManualClock clock(1000);
  SandboxChannel channel(clock);
  EXPECT_EQ(channel.channel(), Channel::kSandbox);
  const SendResult r = channel.send(outbound("F0001", "Nieuwe oproep K42"));
  EXPECT_EQ(r.kind, SendResult::Kind::kSent);
  EXPECT_EQ(r.provider_message_id, "sb-out-1");
  const auto log = channel.messages_since(0);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].seq, 1);
  EXPECT_EQ(log[0].person_id, "F0001");
  EXPECT_EQ(log[0].direction, "out");
  EXPECT_EQ(log[0].text, "Nieuwe oproep K42");
  EXPECT_EQ(log[0].at, 1000);
}

TEST(SandboxChannel, MessagesSinceReturnsBothDirectionsAfterTheGivenSeq) {
  ManualClock clock(1000);
  SandboxChannel channel(clock);
  (void)channel.send(outbound("F0001", "oproep"));
  EXPECT_EQ(channel.record_inbound(inbound("F0001", "ja", 1005)), 2);
  (void)channel.send(outbound("F0001", "bedankt"));
  const auto after_one = channel.messages_since(1);
  ASSERT_EQ(after_one.size(), 2u);
  EXPECT_EQ(after_one[0].direction, "in");
  EXPECT_EQ(after_one[0].at, 1005);
  EXPECT_EQ(after_one[1].text, "bedankt");
  EXPECT_TRUE(channel.messages_since(3).empty());
  EXPECT_EQ(channel.messages_since(0, 2).size(), 2u);  // limit
  EXPECT_EQ(channel.last_seq(), 3);
}

TEST(SandboxChannel, LogIsBoundedAndDropsTheOldest) {
  ManualClock clock(1000);
  SandboxChannel channel(clock, 3);
  for (int i = 0; i < 5; ++i) (void)channel.send(outbound("F0001", std::to_string(i)));
  const auto log = channel.messages_since(0);
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log.front().seq, 3);
  EXPECT_EQ(log.back().text, "4");
}

TEST(SandboxChannel, EraseRemovesOneMessage) {
  ManualClock clock(1000);
  SandboxChannel channel(clock);
  const auto seq = channel.record_inbound(inbound("F0001", "ja", 1000));
  (void)channel.send(outbound("F0001", "ok"));
  EXPECT_TRUE(channel.erase(seq));
  EXPECT_FALSE(channel.erase(seq));
  const auto log = channel.messages_since(0);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].direction, "out");
}

}  // namespace
}  // namespace noodbel
