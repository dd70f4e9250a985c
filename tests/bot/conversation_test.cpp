#include "bot/conversation.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "bot/answer_binding.h"
#include "bot/board.h"
#include "bot/local_time.h"
#include "bot/self_service.h"
#include "support/memory_repository.h"
#include "support/reply_parser.h"
#include "support/shipped_data.h"

namespace noodbel {
namespace {

constexpr UnixTime kMonday10h = 1763974800;  // 2025-11-24 10:00 Europe/Brussels

Templates load_templates() {
  return test_data::shipped_templates();
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class Conversation : public ::testing::Test {
 protected:
  Conversation() : templates_(load_templates()) {
    Family f;
    f.id = "F1";
    f.display_name = "Gezin Peeters";
    f.contacts = {{Channel::kSms, "+32470000001"}, {Channel::kTelegram, "555"}};
    f.languages = {Language::kNl};
    repo_.upsert_family(f);
    f.id = "F2";
    f.display_name = "Famille Dubois";
    f.contacts = {{Channel::kSms, "+32470000002"}};
    f.preferred_language = Language::kFr;
    repo_.upsert_family(f);
    repo_.upsert_caseworker({"C1", "oost-vlaanderen", "An", {{Channel::kTelegram, "1001"}},
                             Role::kCaseworker, Language::kNl});
    repo_.upsert_caseworker({"C2", "antwerpen", "Jan", {{Channel::kTelegram, "1002"}},
                             Role::kCaseworker, Language::kEn});
  }

  // Inserts a call (open unless `state` says otherwise) of caseworker C1, sent to the
  // given families an hour ago.
  Call add_call(const std::string& code, std::vector<std::string> sent_to,
                CallState state = CallState::kOpen, std::string place = "Gent",
                std::string caseworker = "C1") {
    Call c;
    c.code = code;
    c.caseworker_id = std::move(caseworker);
    c.ages_months = {48};
    c.place = std::move(place);
    c.duration_hours = 72;
    c.needed_from = kMonday10h;
    c.created_at = kMonday10h + static_cast<UnixTime>(repo_.call_rows.size());
    c.state = state;
    c.id = repo_.insert_call(c);
    for (const std::string& id : sent_to) {
      repo_.add_recipient({c.id, id, 5.0 * static_cast<double>(id.back() - '0'), 1,
                           now_ - 3600});
    }
    return c;
  }

  void say(const std::string& family_id, const std::string& text,
           Channel channel = Channel::kSms, std::optional<std::string> reply_to = std::nullopt) {
    const Family f = *repo_.family(family_id);
    const std::string address = channel == Channel::kSms ? f.contacts.front().address : "555";
    handle_family_message(
        f, {channel, address, "p" + std::to_string(++sequence_), text, now_, reply_to},
        test_data::shipped_reply_parser(), Outbox(config_, templates_, repo_, now_));
  }
  std::string last_text(const std::string& id) const {
    const auto items = repo_.outbox_for(id);
    return items.empty() ? "" : items.back().message.text;
  }
  std::optional<Response> response_of(const std::string& family_id, std::int64_t call_id) const {
    for (const Response& r : repo_.response_rows) {
      if (r.family_id == family_id && r.call_id == call_id) return r;
    }
    return std::nullopt;
  }
  // A message the dispatcher sent to F1 on Telegram, known to the provider as `provider_id`.
  void sent_on_telegram(std::optional<std::int64_t> call_id, const std::string& provider_id) {
    const std::int64_t id =
        repo_.enqueue({"F1", Channel::kTelegram, "555", "bericht", 0, call_id}, now_);
    repo_.mark_sent(id, provider_id);
  }

  void TearDown() override {
    for (const OutboxItem& item : repo_.outbox) {
      EXPECT_FALSE(contains(item.message.text, "{")) << item.message.text;
    }
    EXPECT_TRUE(repo_.audits("template.error").empty());
  }

  CoreConfig config_;
  Templates templates_;
  MemoryRepository repo_;
  UnixTime now_ = kMonday10h + 600;
  int sequence_ = 0;
};

// --- tying an answer to its call ---

TEST_F(Conversation, AYesWithoutCodeGoesToTheOnlyOpenCall) {
  const Call call = add_call("K42", {"F1"});
  add_call("B12", {"F1"}, CallState::kMatched);
  say("F1", "ja hoor");
  ASSERT_EQ(repo_.response_rows.size(), 1u);
  EXPECT_EQ(repo_.response_rows[0].call_id, call.id);
  EXPECT_EQ(repo_.response_rows[0].answer, Answer::kYes);
  EXPECT_EQ(repo_.response_rows[0].answered_at, now_);
  EXPECT_TRUE(contains(last_text("F1"), "We noteren: JA voor K42")) << last_text("F1");
  EXPECT_EQ(repo_.outbox_for("F1").back().message.priority, kPriorityReply);
  EXPECT_EQ(repo_.outbox_for("F1").back().message.call_id, call.id);
  EXPECT_EQ(repo_.audits("response.record").front().actor, "F1");
}

TEST_F(Conversation, AMaybeKeepsItsConditionAndTheFamilysWords) {
  add_call("K42", {"F1"});
  say("F1", "misschien, pas vanaf 18u");
  ASSERT_EQ(repo_.response_rows.size(), 1u);
  const Response& r = repo_.response_rows[0];
  EXPECT_EQ(r.answer, Answer::kMaybe);
  EXPECT_EQ(r.text, "misschien, pas vanaf 18u");
  ASSERT_EQ(r.conditions.size(), 1u);
  EXPECT_EQ(r.conditions[0].kind, ConditionKind::kFrom);
  EXPECT_TRUE(contains(last_text("F1"), "MISSCHIEN voor K42, vanaf 18:00 vandaag (maandag)"))
      << last_text("F1");
}

// --- the caseworker's night: words kept, conditions understood, questions kept ---

TEST_F(Conversation, AYesWithAConditionIsAYesAndTheAckSaysWhatWasUnderstoodWithItsDay) {
  const Call call = add_call("K42", {"F1"});
  say("F1", "ja maar pas vanaf 18u");
  const std::optional<Response> r = response_of("F1", call.id);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->answer, Answer::kYes);
  EXPECT_EQ(r->text, "ja maar pas vanaf 18u");
  ASSERT_EQ(r->conditions.size(), 1u);
  EXPECT_EQ(r->conditions[0].from_minute, 18 * 60);
  EXPECT_TRUE(contains(last_text("F1"), "We noteren: JA voor K42, vanaf 18:00 vandaag (maandag)."))
      << last_text("F1");
  EXPECT_FALSE(contains(last_text("F1"), "MISSCHIEN")) << last_text("F1");
}

TEST_F(Conversation, EveryConditionIsRepeatedAndUnknownWordsPointToTheMessage) {
  const Call call = add_call("K42", {"F1"});
  say("F1", "ja voor 1 nacht, bel eerst even");
  const std::optional<Response> r = response_of("F1", call.id);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->answer, Answer::kYes);
  EXPECT_EQ(r->conditions.size(), 2u);
  EXPECT_TRUE(contains(last_text("F1"), "JA voor K42, voor max. 1 nacht, eerst bellen."))
      << last_text("F1");
}

TEST_F(Conversation, TheAckSaysWhenTheFamilyHearsWhetherItIsChosen) {
  config_.services = default_services();
  add_call("K42", {"F1"});
  say("F1", "ja");  // Monday 10:10: the office is open
  EXPECT_TRUE(contains(last_text("F1"), "Jullie horen het meteen als jullie gekozen zijn"))
      << last_text("F1");
  now_ = kMonday10h - 8 * 3600;  // Monday 02:00
  add_call("B17", {"F2"});
  say("F2", "oui");
  EXPECT_TRUE(contains(last_text("F2"), "au plus tard aujourd'hui (lundi) 09:00"))
      << last_text("F2");
}

TEST_F(Conversation, AChangedAnswerRemembersWhatItReplaced) {
  const Call call = add_call("K42", {"F1"});
  say("F1", "ja");
  say("F1", "sorry, toch nee");
  const std::optional<Response> r = response_of("F1", call.id);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->answer, Answer::kNo);
  EXPECT_EQ(r->previous, Answer::kYes);
  EXPECT_EQ(r->text, "sorry, toch nee");
  EXPECT_TRUE(r->conditions.empty());
}

TEST_F(Conversation, AQuestionIsForwardedAndKeptForTheBoard) {
  const Call call = add_call("K42", {"F1"});
  say("F1", "hoe oud is het kindje precies?");
  const std::vector<FamilyQuestion> q = repo_.questions(call.id);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, QuestionKind::kQuestion);
  EXPECT_EQ(q[0].text, "hoe oud is het kindje precies?");
  EXPECT_TRUE(contains(last_text("C1"), "hoe oud is het kindje precies?")) << last_text("C1");
}

TEST_F(Conversation, ARequestToBeCalledReachesTheCaseworkerWithThePhoneNumber) {
  const Call call = add_call("K42", {"F1"});
  say("F1", "ik ben aan het werk, bel later");
  const std::vector<FamilyQuestion> q = repo_.questions(call.id);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].kind, QuestionKind::kCallMe);
  EXPECT_TRUE(contains(last_text("C1"), "vraagt om gebeld te worden over K42")) << last_text("C1");
  EXPECT_TRUE(contains(last_text("C1"), "0470 00 00 01")) << last_text("C1");
  EXPECT_TRUE(contains(last_text("F1"), "om jullie te bellen")) << last_text("F1");
  EXPECT_TRUE(repo_.response_rows.empty());
}

TEST_F(Conversation, TheChosenFamilyChangingItsAnswerIsToldToTheCaseworkerAtOnce) {
  Call call = add_call("K42", {"F1", "F2"});
  say("F1", "ja");
  call = *repo_.call_by_id(call.id);
  call.chosen_family = "F1";
  call.chosen_at = now_;
  repo_.update_call(call);
  say("F1", "nee, toch niet");
  EXPECT_TRUE(contains(last_text("C1"), "antwoordt nu NEE")) << last_text("C1");
}

TEST_F(Conversation, AnExplicitCodeChoosesAmongSeveralOpenCalls) {
  add_call("K42", {"F1"});
  const Call second = add_call("B17", {"F1"});
  say("F1", "ja b17");
  ASSERT_EQ(repo_.response_rows.size(), 1u);
  EXPECT_EQ(repo_.response_rows[0].call_id, second.id);
}

TEST_F(Conversation, AReplyQuotingACallOfferIsTiedToThatCall) {
  const Call first = add_call("K42", {"F1"});
  add_call("B17", {"F1"});
  sent_on_telegram(first.id, "tg-77");
  say("F1", "ja", Channel::kTelegram, "tg-77");
  ASSERT_EQ(repo_.response_rows.size(), 1u);
  EXPECT_EQ(repo_.response_rows[0].call_id, first.id);
  EXPECT_TRUE(contains(last_text("F1"), "JA voor K42")) << last_text("F1");
}

TEST_F(Conversation, AReplyQuotingTheAcknowledgementChangesThatCallsAnswer) {
  const Call first = add_call("K42", {"F1"});
  add_call("B17", {"F1"});
  say("F1", "ja K42", Channel::kTelegram);
  repo_.mark_sent(repo_.outbox.back().id, "tg-88");  // the acknowledgement carries K42
  say("F1", "toch niet", Channel::kTelegram, "tg-88");
  ASSERT_EQ(repo_.response_rows.size(), 1u);
  EXPECT_EQ(repo_.response_rows[0].call_id, first.id);
  EXPECT_EQ(repo_.response_rows[0].answer, Answer::kNo);
}

TEST_F(Conversation, AnExplicitCodeWinsOverAQuote) {
  const Call first = add_call("K42", {"F1"});
  const Call second = add_call("B17", {"F1"});
  sent_on_telegram(first.id, "tg-1");
  say("F1", "ja B17", Channel::kTelegram, "tg-1");
  ASSERT_EQ(repo_.response_rows.size(), 1u);
  EXPECT_EQ(repo_.response_rows[0].call_id, second.id);
}

TEST_F(Conversation, AQuoteOfAMessageWithoutCallOrOfAnotherFamilysCallIsIgnored) {
  add_call("K42", {"F1"});
  add_call("B17", {"F1"});
  const Call others = add_call("C33", {"F2"});
  sent_on_telegram(std::nullopt, "tg-plain");
  sent_on_telegram(others.id, "tg-other");
  say("F1", "ja", Channel::kTelegram, "tg-plain");
  say("F1", "ja", Channel::kTelegram, "tg-other");
  say("F1", "ja", Channel::kTelegram, "tg-unknown");
  EXPECT_TRUE(repo_.response_rows.empty());
  EXPECT_EQ(repo_.audits("reply.which_call").size(), 3u);
}

TEST_F(Conversation, SeveralOpenCallsWithoutCodeAsksWhichOneAndRecordsNothing) {
  add_call("K42", {"F1"}, CallState::kOpen, "Gent");
  add_call("B17", {"F1"}, CallState::kOpen, "Aalst");
  say("F1", "ja");
  EXPECT_TRUE(repo_.response_rows.empty());
  const std::string text = last_text("F1");
  EXPECT_TRUE(contains(text, "K42: 4 jaar, Gent")) << text;
  EXPECT_TRUE(contains(text, "B17: 4 jaar, Aalst")) << text;
  EXPECT_TRUE(contains(text, "JA B17")) << text;  // the newest as example
}

TEST_F(Conversation, NoOpenCallSaysSoKindly) {
  say("F1", "ja");
  EXPECT_TRUE(repo_.response_rows.empty());
  EXPECT_TRUE(contains(last_text("F1"), "geen oproep open")) << last_text("F1");
  EXPECT_TRUE(contains(last_text("F1"), "Bedankt")) << last_text("F1");
}

TEST_F(Conversation, ACodeThisFamilyWasNotSentIsRefused) {
  add_call("K42", {"F2"});
  say("F1", "ja K42");
  say("F1", "ja Z99");
  EXPECT_TRUE(repo_.response_rows.empty());
  EXPECT_TRUE(contains(last_text("F1"), "Oproep Z99 vinden we niet")) << last_text("F1");
  EXPECT_EQ(repo_.audits("reply.unknown_code").size(), 2u);
}

TEST_F(Conversation, TheReplyGoesBackOnTheChannelTheFamilyWroteFrom) {
  add_call("K42", {"F1"});
  say("F1", "ja", Channel::kTelegram);
  EXPECT_EQ(repo_.outbox_for("F1").back().message.channel, Channel::kTelegram);
  EXPECT_EQ(repo_.outbox_for("F1").back().message.address, "555");
}

// --- changing an answer ---

TEST_F(Conversation, TochNietReplacesAYesAndSaysTheAnswerChanged) {
  const Call call = add_call("K42", {"F1"});
  say("F1", "ja");
  say("F1", "toch niet");
  ASSERT_EQ(repo_.response_rows.size(), 1u);
  EXPECT_EQ(response_of("F1", call.id)->answer, Answer::kNo);
  EXPECT_TRUE(contains(last_text("F1"), "Aangepast: we noteren nu NEE voor K42"))
      << last_text("F1");
  ASSERT_EQ(repo_.audits("response.change").size(), 1u);
  EXPECT_TRUE(contains(repo_.audits("response.change")[0].detail, "previous=yes"));
}

TEST_F(Conversation, TochWelOrANewYesWithTheCodeTurnsANoIntoAYes) {
  const Call call = add_call("K42", {"F1"});
  add_call("B17", {"F1"});
  say("F1", "nee K42");
  say("F1", "toch wel K42");
  EXPECT_EQ(response_of("F1", call.id)->answer, Answer::kYes);
  EXPECT_TRUE(contains(last_text("F1"), "nu JA voor K42")) << last_text("F1");
  say("F1", "nee k42");
  EXPECT_EQ(response_of("F1", call.id)->answer, Answer::kNo);
}

TEST_F(Conversation, ARepeatedAnswerIsAcknowledgedAsUsual) {
  add_call("K42", {"F1"});
  say("F1", "ja");
  say("F1", "ja hoor");
  EXPECT_TRUE(contains(last_text("F1"), "We noteren: JA voor K42")) << last_text("F1");
  EXPECT_EQ(repo_.audits("response.record").size(), 2u);
  EXPECT_TRUE(repo_.audits("response.change").empty());
}

TEST_F(Conversation, AChangedAnswerReranksTheBoard) {
  const Call call = add_call("K42", {"F1", "F2"});
  say("F1", "ja");
  say("F2", "oui");
  const auto board = [&] {
    return build_board(call, load_board_facts(repo_, call, now_), BoardConfig{});
  };
  ASSERT_EQ(board().entries.size(), 2u);
  EXPECT_EQ(board().entries.front().family_id, "F1");  // nearer
  say("F1", "toch niet");
  ASSERT_EQ(board().entries.size(), 1u);
  EXPECT_EQ(board().entries.front().family_id, "F2");
  EXPECT_EQ(board().counts.no, 1);
}

TEST_F(Conversation, APickedFamilyChangingItsAnswerIsRecordedAndItsCaseworkerToldAtOnce) {
  Call call = add_call("K42", {"F1", "F2"});
  say("F1", "ja");
  call.state = CallState::kMatched;
  call.matched_family = "F1";
  call.closed_at = now_;
  repo_.update_call(call);
  const std::size_t before = repo_.outbox_for("C1").size();  // the first-yes notice
  say("F1", "toch niet, de baby is ziek");

  EXPECT_EQ(response_of("F1", call.id)->answer, Answer::kNo);
  const auto to_caseworker = repo_.outbox_for("C1");
  ASSERT_EQ(to_caseworker.size(), before + 1);
  const OutboxItem& change = to_caseworker.back();
  const std::string notice = change.message.text;
  EXPECT_TRUE(contains(notice, "F1")) << notice;
  EXPECT_TRUE(contains(notice, "Gezin Peeters")) << notice;
  EXPECT_TRUE(contains(notice, "K42")) << notice;
  EXPECT_TRUE(contains(notice, "NEE")) << notice;
  EXPECT_TRUE(contains(notice, "de baby is ziek")) << notice;
  EXPECT_EQ(change.message.call_id, call.id);
  EXPECT_EQ(change.message.address, "1001");
  EXPECT_TRUE(contains(last_text("F1"), "doorgegeven aan de consulent")) << last_text("F1");
  EXPECT_EQ(repo_.audits("response.change_after_pick").size(), 1u);
}

TEST_F(Conversation, APickedFamilyRepeatingItsAnswerOnlyGetsAReminder) {
  Call call = add_call("K42", {"F1"});
  say("F1", "ja");
  call.state = CallState::kMatched;
  call.matched_family = "F1";
  repo_.update_call(call);
  const std::size_t before = repo_.outbox_for("C1").size();  // the first-yes notice
  say("F1", "ja K42");
  EXPECT_EQ(repo_.outbox_for("C1").size(), before);
  EXPECT_TRUE(contains(last_text("F1"), "Jullie zijn gekozen voor oproep K42"))
      << last_text("F1");
}

// --- late answers ---

TEST_F(Conversation, AnAnswerWithCodeToAFilledCallIsNotRecorded) {
  add_call("K42", {"F2"}, CallState::kMatched);
  say("F2", "oui K42");
  EXPECT_TRUE(repo_.response_rows.empty());
  EXPECT_TRUE(contains(last_text("F2"), "L'appel K42 est déjà fermé")) << last_text("F2");
}

TEST_F(Conversation, ALateAnswerWithoutCodeToTheOnlyRecentCallSaysItIsFilled) {
  Call call = add_call("K42", {"F1", "F2"});
  call.state = CallState::kMatched;
  call.matched_family = "F2";
  repo_.update_call(call);
  say("F1", "ja hoor");
  EXPECT_TRUE(repo_.response_rows.empty());
  EXPECT_TRUE(contains(last_text("F1"), "Oproep K42 is al afgesloten")) << last_text("F1");
  EXPECT_TRUE(repo_.outbox_for("C1").empty());
  EXPECT_EQ(repo_.audits("reply.call_not_open").size(), 1u);
}

TEST_F(Conversation, ALateAnswerToACancelledCallSaysItIsClosedWithoutClaimingASolution) {
  add_call("K42", {"F1"}, CallState::kCancelled);
  say("F1", "ja");
  EXPECT_TRUE(repo_.response_rows.empty());
  EXPECT_TRUE(contains(last_text("F1"), "Oproep K42 is afgesloten")) << last_text("F1");
  EXPECT_FALSE(contains(last_text("F1"), "oplossing")) << last_text("F1");
}

TEST_F(Conversation, AClosedCallSentMoreThan48HoursAgoIsNotGuessed) {
  const Call call = add_call("K42", {}, CallState::kClosed);
  repo_.add_recipient({call.id, "F1", 5, 1, now_ - kRecentCallSeconds - 1});
  say("F1", "ja");
  EXPECT_TRUE(contains(last_text("F1"), "geen oproep open")) << last_text("F1");
}

TEST_F(Conversation, TwoRecentClosedCallsAreNotGuessedEither) {
  add_call("K42", {"F1"}, CallState::kClosed);
  add_call("B17", {"F1"}, CallState::kMatched);
  say("F1", "nee");
  EXPECT_TRUE(repo_.response_rows.empty());
  EXPECT_TRUE(contains(last_text("F1"), "geen oproep open")) << last_text("F1");
}

// --- messages the bot does not understand ---

TEST_F(Conversation, AQuestionWithAnOpenCallIsForwardedToItsCaseworker) {
  add_call("K42", {"F1"});
  say("F1", "Hoe laat moeten we er zijn?");
  const auto to_caseworker = repo_.outbox_for("C1");
  ASSERT_EQ(to_caseworker.size(), 1u);
  const std::string text = to_caseworker.front().message.text;
  EXPECT_TRUE(contains(text, "F1")) << text;
  EXPECT_TRUE(contains(text, "K42")) << text;
  EXPECT_TRUE(contains(text, "Hoe laat moeten we er zijn?")) << text;
  EXPECT_EQ(to_caseworker.front().message.priority, kPriorityNotice);
  EXPECT_TRUE(contains(last_text("F1"), "doorgegeven aan Pleegzorg (K42)"))
      << last_text("F1");
  EXPECT_TRUE(repo_.response_rows.empty());
  ASSERT_EQ(repo_.audits("family.forward").size(), 1u);
  EXPECT_FALSE(contains(repo_.audits("family.forward")[0].detail, "Hoe laat"));
}

TEST_F(Conversation, AQuestionAboutCallsOfTwoCaseworkersReachesBothInTheirLanguage) {
  add_call("K42", {"F1"}, CallState::kOpen, "Gent", "C1");
  add_call("B17", {"F1"}, CallState::kOpen, "Aalst", "C2");
  say("F1", "wie is dit eigenlijk?");
  EXPECT_TRUE(contains(last_text("C1"), "K42")) << last_text("C1");
  EXPECT_TRUE(contains(last_text("C2"), "Message from family F1")) << last_text("C2");
  EXPECT_TRUE(contains(last_text("C2"), "B17")) << last_text("C2");
  EXPECT_TRUE(contains(last_text("F1"), "K42, B17")) << last_text("F1");
}

TEST_F(Conversation, AVeryLongQuestionIsCutBeforeItIsForwarded) {
  add_call("K42", {"F1"});
  say("F1", "vraag " + std::string(3000, 'x'));
  const std::string text = last_text("C1");
  EXPECT_LT(text.size(), 1400u);
  EXPECT_TRUE(contains(text, "xxx...")) << text.substr(0, 80);
}

TEST_F(Conversation, AQuestionWithoutOpenCallGetsTheHelpText) {
  say("F1", "hallo, wat is dit?");
  EXPECT_TRUE(contains(last_text("F1"), "Noodbel verstaat")) << last_text("F1");
  EXPECT_TRUE(repo_.outbox_for("C1").empty());
  EXPECT_TRUE(repo_.audits("family.forward").empty());
}

TEST_F(Conversation, APickedFamilysQuestionAfterTheMatchReachesTheCaseworker) {
  Call call = add_call("K42", {"F1"});
  call.state = CallState::kMatched;
  call.matched_family = "F1";
  repo_.update_call(call);
  say("F1", "we zijn onderweg, welk adres?");
  EXPECT_TRUE(contains(last_text("C1"), "we zijn onderweg")) << last_text("C1");
}

// --- self-service ---

TEST_F(Conversation, StopOptsOutCancelsPendingMessagesAndWithdrawsOpenAnswers) {
  const Call call = add_call("K42", {"F1"});
  say("F1", "ja");
  const std::int64_t pending = repo_.enqueue({"F1", Channel::kSms, "+32470000001", "oproep", 0,
                                              call.id}, now_);
  const std::int64_t other = repo_.enqueue({"F2", Channel::kSms, "+32470000002", "oproep", 0,
                                            call.id}, now_);
  say("F1", "STOP");

  EXPECT_FALSE(repo_.family("F1")->opted_in);
  for (const OutboxItem& item : repo_.outbox) {
    if (item.id == pending) {
      EXPECT_EQ(item.state, OutboxState::kFailed);
      EXPECT_EQ(item.last_error, kOptOutReason);
    }
    if (item.id == other) {
      EXPECT_EQ(item.state, OutboxState::kPending);
    }
  }
  const OutboxItem confirmation = repo_.outbox.back();
  EXPECT_EQ(confirmation.message.recipient_id, "F1");
  EXPECT_EQ(confirmation.state, OutboxState::kPending);
  EXPECT_TRUE(contains(confirmation.message.text, "geen oproepen van Noodbel meer"));
  EXPECT_EQ(response_of("F1", call.id)->answer, Answer::kNo);
  ASSERT_EQ(repo_.audits("family.stop").size(), 1u);
  EXPECT_TRUE(contains(repo_.audits("family.stop")[0].detail, "withdrawn=K42"));
}

TEST_F(Conversation, AfterStopNothingIsSentUntilStart) {
  add_call("K42", {"F1"});
  say("F1", "stop");
  const std::size_t after_stop = repo_.outbox.size();
  for (const char* text : {"ja", "status", "stop", "afstand 40", "hoe zit het?"}) {
    say("F1", text);
  }
  EXPECT_EQ(repo_.outbox.size(), after_stop);
  EXPECT_EQ(repo_.family("F1")->max_distance_km, 30);
  EXPECT_EQ(repo_.audits("inbound.opted_out").size(), 5u);
  say("F1", "start");
  EXPECT_TRUE(repo_.family("F1")->opted_in);
  EXPECT_TRUE(contains(last_text("F1"), "Welkom terug")) << last_text("F1");
  EXPECT_EQ(repo_.audits("family.start").size(), 1u);
}

// Carriers require HELP to be answered even after STOP: the help text, which says START
// brings the calls back; nothing else changes.
TEST_F(Conversation, HelpIsAnsweredAfterStopAndSaysHowToComeBack) {
  add_call("K42", {"F1"});
  say("F1", "JA K42");
  say("F1", "STOP");
  const std::size_t after_stop = repo_.outbox_for("F1").size();
  const Family stopped = *repo_.family("F1");
  std::size_t answered = 0;
  for (const char* word : {"HELP", "hulp", "Help?"}) {
    say("F1", word);
    EXPECT_EQ(repo_.outbox_for("F1").size(), after_stop + ++answered) << word;
    EXPECT_TRUE(contains(last_text("F1"), "Noodbel verstaat")) << word << ": " << last_text("F1");
    EXPECT_TRUE(contains(last_text("F1"), "START: weer oproepen krijgen")) << last_text("F1");
  }
  say("F2", "STOP");
  say("F2", "aide");
  EXPECT_TRUE(contains(last_text("F2"), "Noodbel comprend")) << last_text("F2");
  EXPECT_TRUE(contains(last_text("F2"), "START")) << last_text("F2");
  EXPECT_FALSE(repo_.family("F1")->opted_in);
  EXPECT_EQ(repo_.family("F1")->max_distance_km, stopped.max_distance_km);
  EXPECT_EQ(response_of("F1", repo_.call_by_code("K42")->id)->answer, Answer::kNo);
  EXPECT_EQ(repo_.audits("family.help").size(), 4u);
  EXPECT_EQ(repo_.audits("inbound.opted_out").size(), 4u);
  EXPECT_TRUE(repo_.audits("family.start").empty());
}

TEST_F(Conversation, HelpAfterStopStaysWithinThePerMinuteLimit) {
  say("F1", "STOP");
  for (int i = 0; i < 30; ++i) say("F1", "help");
  EXPECT_EQ(repo_.audits("family.help").size(), 19u) << "20 a minute, STOP included";
  EXPECT_TRUE(repo_.audits("inbound.throttled").empty()) << "no notice to a family that said STOP";
}

TEST_F(Conversation, CarriersOptOutWordsStopToo) {
  for (const char* word : {"STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "ARRET", "arrêt"}) {
    Family f = *repo_.family("F2");
    f.opted_in = true;
    repo_.upsert_family(f);
    say("F2", word);
    EXPECT_FALSE(repo_.family("F2")->opted_in) << word;
    EXPECT_TRUE(contains(last_text("F2"), "Vous ne recevrez plus")) << word;
  }
}

TEST_F(Conversation, PauseWithoutDateLastsAWeekAndBeschikbaarEndsIt) {
  say("F1", "pauze");
  const auto until = repo_.family("F1")->paused_until;
  ASSERT_TRUE(until);
  EXPECT_EQ(*until, local_midnight(now_, kDefaultPauseDays + 1));
  EXPECT_TRUE(contains(last_text("F1"), "tot en met 01/12")) << last_text("F1");
  EXPECT_EQ(repo_.audits("family.pause").size(), 1u);
  say("F1", "BESCHIKBAAR");
  EXPECT_FALSE(repo_.family("F1")->paused_until);
  EXPECT_TRUE(contains(last_text("F1"), "weer oproepen")) << last_text("F1");
  EXPECT_EQ(repo_.audits("family.resume").size(), 1u);
}

TEST_F(Conversation, PauseUntilADateLastsThroughThatDay) {
  say("F1", "pauze tot 5/12/2025");
  EXPECT_EQ(repo_.family("F1")->paused_until, from_local(2025, 12, 6, 0));
  EXPECT_TRUE(contains(last_text("F1"), "05/12")) << last_text("F1");
}

TEST_F(Conversation, PauseUntilADateWithoutYearTakesTheNextOne) {
  say("F1", "op vakantie tot 3/1");
  EXPECT_EQ(repo_.family("F1")->paused_until, from_local(2026, 1, 4, 0));
}

TEST_F(Conversation, PauseForASpanCountsFromToday) {
  say("F2", "pause 2 semaines");
  EXPECT_EQ(repo_.family("F2")->paused_until, from_local(2025, 12, 9, 0));
  EXPECT_TRUE(contains(last_text("F2"), "08/12")) << last_text("F2");
}

TEST_F(Conversation, PauseUntilAPastDateIsRefusedAndChangesNothing) {
  say("F1", "pauze tot 1/11/2025");
  EXPECT_FALSE(repo_.family("F1")->paused_until);
  EXPECT_TRUE(contains(last_text("F1"), "al voorbij")) << last_text("F1");
  EXPECT_TRUE(contains(last_text("F1"), "01/11/2025")) << last_text("F1");
  EXPECT_TRUE(repo_.audits("family.pause").empty());
}

TEST_F(Conversation, PauseLongerThanAYearIsRefusedAndChangesNothing) {
  say("F1", "pauze tot 5/1/2030");
  EXPECT_FALSE(repo_.family("F1")->paused_until);
  EXPECT_TRUE(contains(last_text("F1"), "te lang")) << last_text("F1");
  EXPECT_TRUE(contains(last_text("F1"), "05/01/2030")) << last_text("F1");
}

TEST_F(Conversation, DistanceSetsTheMaximumWithinFiveTo200Km) {
  say("F1", "afstand 45");
  EXPECT_EQ(repo_.family("F1")->max_distance_km, 45);
  EXPECT_TRUE(contains(last_text("F1"), "45 km")) << last_text("F1");
  EXPECT_EQ(repo_.audits("family.distance").size(), 1u);
  say("F1", "max 5 km");
  EXPECT_EQ(repo_.family("F1")->max_distance_km, 5);
  say("F1", "afstand 200");
  EXPECT_EQ(repo_.family("F1")->max_distance_km, 200);
}

TEST_F(Conversation, DistanceOutsideTheLimitsIsAClearErrorAndChangesNothing) {
  say("F1", "afstand 300");
  EXPECT_EQ(repo_.family("F1")->max_distance_km, 30);
  EXPECT_TRUE(contains(last_text("F1"), "300 km kan niet")) << last_text("F1");
  EXPECT_TRUE(contains(last_text("F1"), "tussen 5 en 200 km")) << last_text("F1");
  say("F1", "afstand 4");
  EXPECT_EQ(repo_.family("F1")->max_distance_km, 30);
  say("F1", "afstand");
  EXPECT_EQ(repo_.family("F1")->max_distance_km, 30);
  EXPECT_TRUE(contains(last_text("F1"), "aantal km")) << last_text("F1");
  EXPECT_EQ(repo_.audits("family.distance_refused").size(), 3u);
  EXPECT_TRUE(repo_.audits("family.distance").empty());
}

TEST_F(Conversation, StatusTellsTheFamilyItsOwnSettings) {
  add_call("K42", {"F1"});
  say("F1", "status");
  EXPECT_TRUE(contains(last_text("F1"), "tot 30 km")) << last_text("F1");
  EXPECT_TRUE(contains(last_text("F1"), "Er staat nu 1 oproep voor jullie open")) << last_text("F1");
  say("F1", "pauze");
  say("F1", "status");
  EXPECT_TRUE(contains(last_text("F1"), "pauze loopt tot en met 01/12")) << last_text("F1");
}

TEST_F(Conversation, HelpListsEverythingInTheFamilysLanguage) {
  say("F1", "help");
  const std::string nl = last_text("F1");
  for (const char* word : {"JA", "NEE", "MISSCHIEN", "TOCH NIET", "PAUZE", "BESCHIKBAAR",
                           "AFSTAND", "5-200", "STATUS", "STOP", "START"}) {
    EXPECT_TRUE(contains(nl, word)) << word << " missing in " << nl;
  }
  say("F2", "aide");
  EXPECT_TRUE(contains(last_text("F2"), "Noodbel comprend")) << last_text("F2");
  EXPECT_TRUE(contains(last_text("F2"), "DISPONIBLE")) << last_text("F2");
  EXPECT_EQ(repo_.audits("family.help").size(), 2u);
}

// --- the per-minute limit ---

TEST_F(Conversation, MoreThan20MessagesAMinuteGetOneNoticeAndAreNotActedOn) {
  add_call("K42", {"F1"});
  for (int i = 0; i < 20; ++i) say("F1", "status");
  EXPECT_EQ(repo_.outbox_for("F1").size(), 20u);
  say("F1", "ja");
  EXPECT_TRUE(contains(last_text("F1"), "meer dan 20 berichten")) << last_text("F1");
  for (int i = 0; i < 5; ++i) say("F1", "ja");
  EXPECT_EQ(repo_.outbox_for("F1").size(), 21u);
  EXPECT_TRUE(repo_.response_rows.empty());
  EXPECT_EQ(repo_.audits("inbound.throttled").size(), 1u);
  say("F2", "statut");  // another family is not held up
  EXPECT_EQ(repo_.outbox_for("F2").size(), 1u);
  now_ += 60;
  say("F1", "ja");
  EXPECT_EQ(repo_.response_rows.size(), 1u);
}

TEST_F(Conversation, StopIsActedOnEvenOverTheLimit) {
  for (int i = 0; i < 25; ++i) say("F1", "hallo");
  say("F1", "STOP");
  EXPECT_FALSE(repo_.family("F1")->opted_in);
  EXPECT_TRUE(contains(last_text("F1"), "geen oproepen van Noodbel meer")) << last_text("F1");
}

}  // namespace
}  // namespace noodbel
