// What the caseworker who opened a call hears without asking: the first yes at once with
// the pick command, later answers gathered, a wave without a yes, expiry coming, a pick
// waiting for confirmation, and the decision time the families were told.
#include "bot/call_notices.h"

#include <gtest/gtest.h>

#include <string>

#include "bot/commands_fixture.h"
#include "bot/conversation.h"
#include "bot/waves.h"
#include "support/reply_parser.h"

namespace noodbel {
namespace {

class Notices : public Commands {
 protected:
  void say(const std::string& family_id, const std::string& text) {
    const Family f = *repo_.family(family_id);
    handle_family_message(f,
                          {Channel::kSms, f.contacts.front().address,
                           "s" + std::to_string(++sequence_), text, now_, std::nullopt},
                          test_data::shipped_reply_parser(),
                          Outbox(config_, templates_, repo_, now_));
  }
  void tick() { run_scheduled(Outbox(config_, templates_, repo_, now_)); }
  std::size_t to_caseworker() const { return repo_.outbox_for("C1").size(); }
  const OutboxItem& last_to_caseworker() const { return repo_.outbox.back(); }
};

TEST_F(Notices, TheFirstYesIsPushedAtOnceWithTheExactPickCommand) {
  const std::string code = open();
  now_ += 120;
  say("F2", "Ja hoor, wij kunnen");
  const std::vector<OutboxItem> items = repo_.outbox_for("C1");
  const OutboxItem& push = items.back();
  EXPECT_TRUE(contains(push.message.text, code + ": eerste JA!")) << push.message.text;
  EXPECT_TRUE(contains(push.message.text, "1. Gezin F2 (F2)")) << push.message.text;
  EXPECT_TRUE(contains(push.message.text, "\"Ja hoor, wij kunnen\"")) << push.message.text;
  EXPECT_TRUE(contains(push.message.text, "/kies " + code + " 1")) << push.message.text;
  EXPECT_EQ(push.message.priority, kPriorityAlert);
  EXPECT_EQ(push.message.call_id, repo_.call_by_code(code)->id);
  EXPECT_EQ(repo_.notice_rows.size(), 1u);
}

TEST_F(Notices, AMaybeCountsAsAFirstAnswerButAPlainNoIsNotPushed) {
  open();
  const std::size_t before = to_caseworker();
  say("F1", "nee sorry");
  EXPECT_EQ(to_caseworker(), before);
  say("F3", "misschien");
  EXPECT_EQ(to_caseworker(), before + 1);
  EXPECT_TRUE(contains(repo_.outbox_for("C1").back().message.text, "eerste MISSCHIEN"));
}

TEST_F(Notices, LaterAnswersAreGatheredIntoOneUpdateWithTheTopThree) {
  config_.calls.answers_notice_minutes = 5;
  const std::string code = open();
  say("F2", "ja");
  const std::size_t after_first = to_caseworker();
  now_ += 60;
  say("F1", "ja");
  now_ += 60;
  say("F3", "misschien");
  tick();
  EXPECT_EQ(to_caseworker(), after_first);  // not yet: the first push is 2 minutes old
  now_ += 180;
  tick();
  ASSERT_EQ(to_caseworker(), after_first + 1);
  const std::string text = repo_.outbox_for("C1").back().message.text;
  EXPECT_TRUE(contains(text, code + ": 2 nieuwe antwoorden")) << text;
  EXPECT_TRUE(contains(text, "Nu 2 ja en 1 misschien")) << text;
  EXPECT_TRUE(contains(text, "1. Gezin F")) << text;
  EXPECT_TRUE(contains(text, "3. Gezin F3 (F3): MISSCHIEN")) << text;
  tick();
  now_ += 600;
  tick();
  EXPECT_EQ(to_caseworker(), after_first + 1);  // nothing new, nothing sent
}

TEST_F(Notices, AnAnswerAfterTheIntervalIsPushedAtOnce) {
  config_.calls.answers_notice_minutes = 5;
  const std::string code = open();
  say("F2", "ja");
  const std::size_t after_first = to_caseworker();
  now_ += 301;
  say("F1", "ja");
  ASSERT_EQ(to_caseworker(), after_first + 1);
  EXPECT_TRUE(contains(repo_.outbox_for("C1").back().message.text, "1 nieuw antwoord"));
}

TEST_F(Notices, AWithdrawnYesIsAnUpdateToo) {
  const std::string code = open();
  say("F2", "ja");
  const std::size_t after_first = to_caseworker();
  now_ += 400;
  say("F2", "toch nee, sorry");
  ASSERT_EQ(to_caseworker(), after_first + 1);
  EXPECT_TRUE(contains(repo_.outbox_for("C1").back().message.text, "geen ja of misschien meer"));
}

TEST_F(Notices, AWaveWithoutAYesTellsTheCaseworkerWithTheChoicesOnce) {
  config_.calls.wave_size = 1;
  config_.calls.wave_interval_minutes = 15;
  const std::string code = open();
  say("F1", "misschien");
  const std::size_t before = to_caseworker();
  now_ += 15 * 60;
  tick();
  EXPECT_EQ(repo_.recipients(repo_.call_by_code(code)->id).size(), 2u);
  ASSERT_EQ(to_caseworker(), before + 1);
  const std::string text = repo_.outbox_for("C1").back().message.text;
  EXPECT_TRUE(contains(text, "de eerste 1 gezin van deze ronde zeiden nog geen ja")) << text;
  EXPECT_TRUE(contains(text, "/dringend " + code)) << text;
  EXPECT_TRUE(contains(text, "/sluit " + code)) << text;
  EXPECT_EQ(repo_.outbox_for("C1").back().message.priority, kPriorityAlert);
  tick();
  EXPECT_EQ(to_caseworker(), before + 1);
}

TEST_F(Notices, AWaveWithAYesGoesOnWithoutANotice) {
  config_.calls.wave_size = 1;
  config_.calls.stop_after_yes = 3;
  open();
  say("F1", "ja");
  const std::size_t before = to_caseworker();
  now_ += 15 * 60;
  tick();
  EXPECT_EQ(repo_.recipient_rows.size(), 2u);
  EXPECT_EQ(to_caseworker(), before);
}

TEST_F(Notices, WhenEveryFamilyWasAskedWithoutAYesTheLastNoticeSaysSo) {
  const std::string code = open();  // all three families in the first wave
  now_ += 15 * 60;
  tick();
  const std::string text = repo_.outbox_for("C1").back().message.text;
  EXPECT_TRUE(contains(text, "alle 3 beschikbare gezinnen kregen de oproep")) << text;
  EXPECT_TRUE(contains(text, "/verleng " + code)) << text;
}

TEST_F(Notices, ExpiryIsAnnouncedOnceAnHourBeforeWithTheChoices) {
  const std::string code = open();
  now_ += 22 * 3600;
  tick();
  const std::size_t after_waves = to_caseworker();  // after the wave-end notice
  now_ += 3600 + 60;
  tick();
  ASSERT_EQ(to_caseworker(), after_waves + 1);
  const std::string text = repo_.outbox_for("C1").back().message.text;
  EXPECT_TRUE(contains(text, code + " verloopt vandaag (dinsdag) om 10:00")) << text;
  EXPECT_TRUE(contains(text, "/verleng " + code + " (+24 uur)")) << text;
  tick();
  EXPECT_EQ(to_caseworker(), after_waves + 1);
}

TEST_F(Notices, AnExtendedCallIsAnnouncedAgainBeforeItsNewExpiry) {
  const std::string code = open();
  now_ += 23 * 3600 + 60;
  tick();
  const std::size_t warned = to_caseworker();
  run("/verleng " + code + " 2");  // now open until 26 hours after opening
  now_ += 2 * 3600 + 30 * 60;      // 25h31 after opening: within the hour before
  tick();
  EXPECT_TRUE(contains(repo_.outbox_for("C1").back().message.text, "verloopt"));
  EXPECT_GT(to_caseworker(), warned + 1);
}

TEST_F(Notices, AChosenFamilyNotConfirmedIsRemindedAndTheCallDoesNotExpire) {
  config_.calls.confirm_reminder_minutes = 20;
  const std::string code = open();
  say("F1", "ja");
  run("/kies " + code + " F1");
  const std::size_t chosen = to_caseworker();
  now_ += 19 * 60;
  tick();
  EXPECT_EQ(to_caseworker(), chosen);
  now_ += 60;
  tick();
  ASSERT_EQ(to_caseworker(), chosen + 1);
  const std::string text = repo_.outbox_for("C1").back().message.text;
  EXPECT_TRUE(contains(text, "Gezin F1 (F1) is 20 min geleden gekozen")) << text;
  EXPECT_TRUE(contains(text, "/bevestig " + code)) << text;
  tick();
  EXPECT_EQ(to_caseworker(), chosen + 1);
  now_ += 2 * 24 * 3600;
  tick();
  EXPECT_EQ(repo_.call_by_code(code)->state, CallState::kOpen);
}

TEST_F(Notices, AtTheDecisionTimeTheFamiliesWereToldTheCaseworkerIsReminded) {
  now_ = kMonday10h - (8 * 3600 + 20 * 60);  // Monday 01:40: nobody matches until 09:00
  const std::string code = open();
  EXPECT_TRUE(contains(last_text("F1"), "Beslissing uiterlijk vandaag (maandag) 09:00."))
      << last_text("F1");
  say("F1", "ja");
  now_ = kMonday10h - 3600 - 60;  // 08:59
  tick();
  const std::size_t before = to_caseworker();
  now_ += 60;
  tick();
  ASSERT_GT(to_caseworker(), before);
  bool reminded = false;
  for (const OutboxItem& item : repo_.outbox_for("C1")) {
    reminded = reminded || contains(item.message.text, "Het is 09:00: de gezinnen van " + code);
  }
  EXPECT_TRUE(reminded);
}

}  // namespace
}  // namespace noodbel
