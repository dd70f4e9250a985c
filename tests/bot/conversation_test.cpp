#include "bot/conversation.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "bot/local_time.h"
#include "support/memory_repository.h"

namespace noodbel {
namespace {

constexpr UnixTime kMonday10h = 1763974800;  // 2025-11-24 10:00 Europe/Brussels

Templates load_templates() {
  Result<Templates> t = Templates::load(NOODBEL_SOURCE_DIR "/templates");
  if (!t) throw std::runtime_error(t.error().message);
  return std::move(t).value();
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class Conversation : public ::testing::Test {
 protected:
  Conversation() : templates_(load_templates()) {
    Family f;
    f.id = "F1";
    f.contacts = {{Channel::kSms, "+32470000001"}, {Channel::kTelegram, "555"}};
    f.languages = {Language::kNl};
    repo_.upsert_family(f);
    f.id = "F2";
    f.contacts = {{Channel::kSms, "+32470000002"}};
    f.preferred_language = Language::kFr;
    repo_.upsert_family(f);
  }

  // Inserts an open call (or one in `state`) sent to the given families.
  Call add_call(const std::string& code, std::vector<std::string> sent_to,
                CallState state = CallState::kOpen, std::string place = "Gent") {
    Call c;
    c.code = code;
    c.ages_months = {48};
    c.place = std::move(place);
    c.duration_hours = 72;
    c.needed_from = kMonday10h;
    c.created_at = kMonday10h + static_cast<UnixTime>(repo_.call_rows.size());
    c.state = state;
    c.id = repo_.insert_call(c);
    for (const std::string& id : sent_to) repo_.add_recipient({c.id, id, 5, 1, kMonday10h});
    return c;
  }

  void say(const std::string& family_id, const std::string& text,
           Channel channel = Channel::kSms) {
    const Family f = *repo_.family(family_id);
    const std::string address = channel == Channel::kSms ? f.contacts.front().address : "555";
    handle_family_message(
        f, {channel, address, "p" + std::to_string(++sequence_), text, now_, std::nullopt},
        Outbox(config_, templates_, repo_, now_));
  }
  std::string last_text(const std::string& id) const {
    const auto items = repo_.outbox_for(id);
    return items.empty() ? "" : items.back().message.text;
  }
  std::vector<Response> responses() const { return repo_.response_rows; }

  void TearDown() override {
    for (const OutboxItem& item : repo_.outbox) {
      EXPECT_FALSE(contains(item.message.text, "{")) << item.message.text;
    }
    EXPECT_TRUE(repo_.audits("template.error").empty());
  }

  Config config_;
  Templates templates_;
  MemoryRepository repo_;
  UnixTime now_ = kMonday10h + 600;
  int sequence_ = 0;
};

TEST_F(Conversation, AYesWithoutCodeGoesToTheOnlyOpenCall) {
  const Call call = add_call("K42", {"F1"});
  add_call("B12", {"F1"}, CallState::kMatched);
  say("F1", "ja hoor");
  ASSERT_EQ(responses().size(), 1u);
  EXPECT_EQ(responses()[0].call_id, call.id);
  EXPECT_EQ(responses()[0].answer, Answer::kYes);
  EXPECT_EQ(responses()[0].answered_at, now_);
  EXPECT_TRUE(contains(last_text("F1"), "We noteren JA voor K42")) << last_text("F1");
  EXPECT_EQ(repo_.outbox.back().message.priority, kPriorityReply);
  EXPECT_EQ(repo_.audits("response.record").front().actor, "F1");
}

TEST_F(Conversation, AMaybeKeepsItsCondition) {
  add_call("K42", {"F1"});
  say("F1", "misschien, pas vanaf 18u");
  ASSERT_EQ(responses().size(), 1u);
  EXPECT_EQ(responses()[0].answer, Answer::kMaybe);
  EXPECT_FALSE(responses()[0].note.empty());
  EXPECT_TRUE(contains(last_text("F1"), "MISSCHIEN voor K42")) << last_text("F1");
}

TEST_F(Conversation, ANewAnswerReplacesTheEarlierOne) {
  add_call("K42", {"F1"});
  say("F1", "ja");
  say("F1", "nee K42");
  ASSERT_EQ(responses().size(), 1u);
  EXPECT_EQ(responses()[0].answer, Answer::kNo);
}

TEST_F(Conversation, AnExplicitCodeChoosesAmongSeveralOpenCalls) {
  add_call("K42", {"F1"});
  const Call second = add_call("B17", {"F1"});
  say("F1", "ja B17");
  ASSERT_EQ(responses().size(), 1u);
  EXPECT_EQ(responses()[0].call_id, second.id);
}

TEST_F(Conversation, SeveralOpenCallsWithoutCodeAsksWhichOneAndRecordsNothing) {
  add_call("K42", {"F1"}, CallState::kOpen, "Gent");
  add_call("B17", {"F1"}, CallState::kOpen, "Aalst");
  say("F1", "ja");
  EXPECT_TRUE(responses().empty());
  const std::string text = last_text("F1");
  EXPECT_TRUE(contains(text, "K42: 4 jaar, Gent")) << text;
  EXPECT_TRUE(contains(text, "B17: 4 jaar, Aalst")) << text;
  EXPECT_TRUE(contains(text, "JA B17")) << text;  // the newest as example
}

TEST_F(Conversation, NoOpenCallSaysSo) {
  say("F1", "ja");
  EXPECT_TRUE(responses().empty());
  EXPECT_TRUE(contains(last_text("F1"), "geen oproep open")) << last_text("F1");
}

TEST_F(Conversation, ACodeThisFamilyWasNotSentIsRefused) {
  add_call("K42", {"F2"});
  say("F1", "ja K42");
  say("F1", "ja Z99");
  EXPECT_TRUE(responses().empty());
  EXPECT_TRUE(contains(last_text("F1"), "Oproep Z99 vinden we niet")) << last_text("F1");
  EXPECT_EQ(repo_.audits("reply.unknown_code").size(), 2u);
}

TEST_F(Conversation, AnAnswerToAFilledCallIsNotRecorded) {
  add_call("K42", {"F2"}, CallState::kMatched);
  say("F2", "oui K42");
  EXPECT_TRUE(responses().empty());
  EXPECT_TRUE(contains(last_text("F2"), "L'appel K42 est déjà fermé")) << last_text("F2");
}

TEST_F(Conversation, TheReplyGoesBackOnTheChannelTheFamilyWroteFrom) {
  add_call("K42", {"F1"});
  say("F1", "ja", Channel::kTelegram);
  EXPECT_EQ(repo_.outbox.back().message.channel, Channel::kTelegram);
  EXPECT_EQ(repo_.outbox.back().message.address, "555");
}

TEST_F(Conversation, StopOptsOutAndStartOptsBackIn) {
  say("F1", "STOP");
  EXPECT_FALSE(repo_.family("F1")->opted_in);
  EXPECT_TRUE(contains(last_text("F1"), "STOP") || contains(last_text("F1"), "START"));
  EXPECT_EQ(repo_.audits("family.stop").size(), 1u);
  say("F1", "start");
  EXPECT_TRUE(repo_.family("F1")->opted_in);
  EXPECT_TRUE(contains(last_text("F1"), "Welkom terug")) << last_text("F1");
  EXPECT_EQ(repo_.audits("family.start").size(), 1u);
}

TEST_F(Conversation, PauseWithoutDateLastsAWeekAndResumeEndsIt) {
  say("F1", "pauze");
  const auto until = repo_.family("F1")->paused_until;
  ASSERT_TRUE(until);
  EXPECT_EQ(*until, local_midnight(now_, kDefaultPauseDays + 1));
  EXPECT_TRUE(contains(last_text("F1"), "tot en met 01/12")) << last_text("F1");
  say("F1", "hervat");
  EXPECT_FALSE(repo_.family("F1")->paused_until);
  EXPECT_EQ(repo_.audits("family.resume").size(), 1u);
}

TEST_F(Conversation, PauseUntilADateLastsThroughThatDay) {
  say("F1", "pauze tot 5/12/2025");
  EXPECT_EQ(repo_.family("F1")->paused_until, from_local(2025, 12, 6, 0));
  EXPECT_TRUE(contains(last_text("F1"), "05/12")) << last_text("F1");
}

TEST_F(Conversation, PauseUntilAPastDateIsRefusedAndChangesNothing) {
  say("F1", "pauze tot 1/11/2025");
  EXPECT_FALSE(repo_.family("F1")->paused_until);
  EXPECT_TRUE(contains(last_text("F1"), "verleden")) << last_text("F1");
}

TEST_F(Conversation, DistanceSetsTheMaximumWithinLimits) {
  say("F1", "afstand 45");
  EXPECT_EQ(repo_.family("F1")->max_distance_km, 45);
  EXPECT_TRUE(contains(last_text("F1"), "45 km")) << last_text("F1");
  say("F1", "afstand 900");
  EXPECT_EQ(repo_.family("F1")->max_distance_km, 45);
  EXPECT_TRUE(contains(last_text("F1"), "tussen 1 en 250 km")) << last_text("F1");
}

TEST_F(Conversation, StatusTellsTheFamilyHowItStands) {
  add_call("K42", {"F1"});
  say("F1", "status");
  EXPECT_TRUE(contains(last_text("F1"), "tot 30 km")) << last_text("F1");
  EXPECT_TRUE(contains(last_text("F1"), "Open oproepen voor jullie: 1")) << last_text("F1");
  say("F1", "pauze");
  say("F1", "status");
  EXPECT_TRUE(contains(last_text("F1"), "op pauze")) << last_text("F1");
}

TEST_F(Conversation, HelpAndGibberishGetTheFamilyHelp) {
  say("F1", "help");
  EXPECT_TRUE(contains(last_text("F1"), "Noodbel verstaat")) << last_text("F1");
  say("F2", "blabla");
  EXPECT_TRUE(contains(last_text("F2"), "Noodbel comprend")) << last_text("F2");
  EXPECT_EQ(repo_.outbox.size(), 2u);
}

}  // namespace
}  // namespace noodbel
