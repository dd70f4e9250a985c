// The inbound limits through Engine::handle: one generic reply a day to an unknown
// sender, and the per-minute limit of a family; plus the hash and window helpers.
#include "bot/throttle.h"

#include <gtest/gtest.h>

#include <string>

#include "bot/engine.h"
#include "support/fake_hasher.h"
#include "support/fake_random.h"
#include "support/memory_repository.h"
#include "support/reply_parser.h"
#include "support/shipped_data.h"

namespace noodbel {
namespace {

constexpr UnixTime kMonday10h = 1763974800;  // 2025-11-24 10:00 Europe/Brussels
constexpr char kStranger[] = "+32499123456";

Templates load_templates() {
  return test_data::shipped_templates();
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(Fnv1a64, MatchesTheReferenceValues) {
  EXPECT_EQ(fnv1a_64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(fnv1a_64("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(fnv1a_64("foobar"), 0x85944171f73967e8ULL);
}

TEST(SenderKey, IsSixteenHexDigitsPerChannelAndAddressWithoutTheAddress) {
  const std::string key = sender_key(Channel::kSms, kStranger);
  EXPECT_EQ(key.size(), 16u);
  EXPECT_EQ(key.find_first_not_of("0123456789abcdef"), std::string::npos) << key;
  EXPECT_EQ(key, sender_key(Channel::kSms, kStranger));
  EXPECT_NE(key, sender_key(Channel::kSignal, kStranger));
  EXPECT_NE(key, sender_key(Channel::kSms, "+32499123457"));
  EXPECT_FALSE(contains(key, "499123456"));
}

TEST(MinuteWindow, StartsOnTheMinute) {
  EXPECT_EQ(minute_window(kMonday10h), kMonday10h);
  EXPECT_EQ(minute_window(kMonday10h + 59), kMonday10h);
  EXPECT_EQ(minute_window(kMonday10h + 60), kMonday10h + 60);
}

TEST(ThrottleVerdict, ActsUpToTheLimitThenNoticesOnceThenStaysSilent) {
  EXPECT_EQ(throttle_verdict(1), ThrottleVerdict::kAct);
  EXPECT_EQ(throttle_verdict(kFamilyMessagesPerMinute), ThrottleVerdict::kAct);
  EXPECT_EQ(throttle_verdict(kFamilyMessagesPerMinute + 1), ThrottleVerdict::kNotice);
  EXPECT_EQ(throttle_verdict(kFamilyMessagesPerMinute + 2), ThrottleVerdict::kSilent);
}

class InboundLimits : public ::testing::Test {
 protected:
  InboundLimits()
      : postcodes_(Postcodes::from_places({})),
        templates_(load_templates()),
        clock_(kMonday10h),
        guard_(test_data::guard_with({}, {})),
        engine_(config_, postcodes_, templates_, {clock_, random_, hasher_}, guard_,
                test_data::shipped_reply_parser()) {
    Family f;
    f.id = "F1";
    f.contacts = {{Channel::kSms, "+32470000001"}};
    repo_.upsert_family(f);
    f.id = "F2";
    f.contacts = {{Channel::kSms, "+32470000002"}};
    repo_.upsert_family(f);
  }

  HandleOutcome from(const std::string& address, const std::string& text,
                     Channel channel = Channel::kSms) {
    return engine_.handle({channel, address, "m" + std::to_string(++sequence_), text,
                           clock_.now(), std::nullopt},
                          repo_);
  }
  std::size_t replies_to_stranger() const {
    std::size_t n = 0;
    for (const OutboxItem& item : repo_.outbox) n += item.message.address == kStranger ? 1 : 0;
    return n;
  }

  CoreConfig config_;
  Postcodes postcodes_;
  Templates templates_;
  ManualClock clock_;
  FakeRandom random_{42};
  FakeHasher hasher_;
  AnonymizationGuard guard_;
  Engine engine_;
  MemoryRepository repo_;
  int sequence_ = 0;
};

TEST_F(InboundLimits, AnUnknownSenderGetsOneGenericReplyOnItsOwnChannel) {
  EXPECT_EQ(from(kStranger, "ja"), HandleOutcome::kUnknownSender);
  ASSERT_EQ(repo_.outbox.size(), 1u);
  const OutboundMessage& reply = repo_.outbox.front().message;
  EXPECT_EQ(reply.recipient_id, "");
  EXPECT_EQ(reply.channel, Channel::kSms);
  EXPECT_EQ(reply.address, kStranger);
  EXPECT_EQ(reply.priority, kPriorityReply);
  EXPECT_TRUE(contains(reply.text, "We kennen dit nummer niet")) << reply.text;
  EXPECT_TRUE(repo_.response_rows.empty());
}

TEST_F(InboundLimits, AnUnknownSenderGetsNothingMoreWithin24Hours) {
  from(kStranger, "ja");
  clock_.advance(3600);
  EXPECT_EQ(from(kStranger, "hallo?"), HandleOutcome::kUnknownSender);
  clock_.advance(kUnknownSenderWindowSeconds - 3600 - 1);
  from(kStranger, "STOP");
  EXPECT_EQ(replies_to_stranger(), 1u);
  EXPECT_EQ(repo_.audits("inbound.unknown_sender").size(), 1u);
  clock_.advance(1);  // 24 hours after the first message
  from(kStranger, "ja");
  EXPECT_EQ(replies_to_stranger(), 2u);
}

TEST_F(InboundLimits, UnknownSendersAreCountedApartPerChannelAndAddress) {
  from(kStranger, "ja");
  from("+32499000000", "ja");
  from(kStranger, "ja", Channel::kSignal);
  EXPECT_EQ(repo_.outbox.size(), 3u);
  EXPECT_EQ(repo_.outbox.back().message.channel, Channel::kSignal);
}

TEST_F(InboundLimits, AnUnknownSenderIsStoredOnlyAsAHashedCounter) {
  from(kStranger, "ja");
  from(kStranger, "ja");
  ASSERT_EQ(repo_.unknown_senders.size(), 1u);
  const auto& [key, window] = *repo_.unknown_senders.begin();
  EXPECT_EQ(key.second, sender_key(Channel::kSms, kStranger));
  EXPECT_EQ(window.count, 2);
  for (const AuditEntry& e : repo_.audit_log) {
    EXPECT_FALSE(contains(e.detail, "499")) << e.detail;
    EXPECT_FALSE(contains(e.detail, "ja")) << e.detail;
  }
}

TEST_F(InboundLimits, TheGenericReplyIsInTheDefaultLanguage) {
  config_.default_language = Language::kFr;
  from(kStranger, "oui");
  ASSERT_EQ(repo_.outbox.size(), 1u);
  EXPECT_TRUE(contains(repo_.outbox.front().message.text, "Ce numéro nous est inconnu"))
      << repo_.outbox.front().message.text;
}

TEST_F(InboundLimits, AFamilyOverTheLimitIsThrottledButEveryMessageIsRemembered) {
  for (int i = 0; i < 30; ++i) EXPECT_EQ(from("+32470000001", "status"), HandleOutcome::kHandled);
  EXPECT_EQ(repo_.inbox.size(), 30u);  // deduplicated and kept, acted on or not
  EXPECT_EQ(repo_.outbox_for("F1").size(), 21u);  // 20 answers and one notice
  EXPECT_TRUE(contains(repo_.outbox_for("F1").back().message.text, "meer dan 20"));
  from("+32470000002", "status");
  EXPECT_EQ(repo_.outbox_for("F2").size(), 1u);
  clock_.advance(60);
  from("+32470000001", "status");
  EXPECT_EQ(repo_.outbox_for("F1").size(), 22u);
}

}  // namespace
}  // namespace noodbel
