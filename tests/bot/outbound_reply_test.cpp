// Outbox::reply quotes the message it answers (OutboundMessage::reply_to) on the channel
// that message came from, so Signal can send quoteTimestamp; other messages quote nothing.
#include "bot/outbound.h"

#include <gtest/gtest.h>

#include "support/memory_repository.h"
#include "support/shipped_data.h"

namespace noodbel {
namespace {

constexpr UnixTime kNow = 1763974800;

Templates load_templates() {
  return test_data::shipped_templates();
}

class OutboxReply : public ::testing::Test {
 protected:
  const Templates templates_ = load_templates();
  CoreConfig config_;
  MemoryRepository repo_;
  const Addressee family_{"F1", {{Channel::kSignal, "+32470000001"}}, Language::kNl};
  const InboundMessage in_{Channel::kSignal, "+32470000001", "sig:+32470000001:1631458508784",
                           "ja", kNow, std::nullopt};
};

TEST_F(OutboxReply, AReplyQuotesTheInboundMessageOnItsChannel) {
  ASSERT_TRUE(Outbox(config_, templates_, repo_, kNow).reply(family_, in_, "no_open_call", {}));
  ASSERT_EQ(repo_.outbox.size(), 1u);
  EXPECT_EQ(repo_.outbox[0].message.channel, Channel::kSignal);
  EXPECT_EQ(repo_.outbox[0].message.reply_to, "sig:+32470000001:1631458508784");
}

TEST_F(OutboxReply, MessagesTheBotStartsQuoteNothing) {
  ASSERT_TRUE(Outbox(config_, templates_, repo_, kNow).send(family_, "no_open_call", {}));
  ASSERT_EQ(repo_.outbox.size(), 1u);
  EXPECT_FALSE(repo_.outbox[0].message.reply_to);
}

TEST_F(OutboxReply, ASandboxReplyQuotesNothing) {
  config_.sandbox.enabled = true;
  ASSERT_TRUE(Outbox(config_, templates_, repo_, kNow).reply(family_, in_, "no_open_call", {}));
  ASSERT_EQ(repo_.outbox.size(), 1u);
  EXPECT_EQ(repo_.outbox[0].message.channel, Channel::kSandbox);
  EXPECT_FALSE(repo_.outbox[0].message.reply_to);
}

}  // namespace
}  // namespace noodbel
