// /kies, /bevestig, /volgende: picking a family in two steps, and /golf, /dringend,
// /verleng: the caseworker's choices when no yes comes or a call is about to expire.
#include <gtest/gtest.h>

#include <string>

#include "bot/commands_fixture.h"

namespace noodbel {
namespace {

class Pick : public Commands {
 protected:
  // A call with F1 yes (rank 1 or 2 by time), F2 yes, F3 maybe.
  std::string call_with_answers() {
    const std::string code = open();
    answer(code, "F1", Answer::kYes);
    answer(code, "F2", Answer::kYes);
    answer(code, "F3", Answer::kMaybe);
    return code;
  }
  Call call(const std::string& code) const {
    for (auto it = repo_.call_rows.rbegin(); it != repo_.call_rows.rend(); ++it) {
      if (it->code == code) return *it;
    }
    throw std::logic_error("no call " + code);
  }
  std::size_t sent_to(const std::string& id) const { return repo_.outbox_for(id).size(); }
};

TEST_F(Pick, ChoosingTellsOnlyTheChosenFamilyAndKeepsTheCallOpen) {
  const std::string code = call_with_answers();
  const std::size_t f2 = sent_to("F2");
  const std::size_t f3 = sent_to("F3");
  run("/kies " + code + " F1");
  const Call c = call(code);
  EXPECT_EQ(c.state, CallState::kOpen);
  EXPECT_EQ(c.chosen_family, "F1");
  EXPECT_EQ(c.chosen_by, "C1");
  EXPECT_EQ(c.chosen_at, now_);
  EXPECT_TRUE(contains(last_text("F1"), "belt jullie nu")) << last_text("F1");
  EXPECT_EQ(sent_to("F2"), f2);
  EXPECT_EQ(sent_to("F3"), f3);
  EXPECT_TRUE(contains(last_text("C1"), "de andere gezinnen wachten nog")) << last_text("C1");
  EXPECT_TRUE(contains(last_text("C1"), "/bevestig " + code)) << last_text("C1");
  ASSERT_EQ(repo_.choice_rows.size(), 1u);
  EXPECT_EQ(repo_.choice_rows[0].outcome, ChoiceOutcome::kChosen);
}

TEST_F(Pick, AFamilyCanBeChosenByRankIdOrAUniquePartOfItsName) {
  const std::string code = call_with_answers();
  run("/kies " + code + " 3");
  EXPECT_EQ(call(code).chosen_family, "F3");  // the maybe ranks last
  run("/kies " + code + " f2");
  EXPECT_EQ(call(code).chosen_family, "F2");
  Family renamed = *repo_.family("F1");
  renamed.display_name = "Gezin Peëters";
  repo_.upsert_family(renamed);
  run("/kies " + code + " peeters");
  EXPECT_EQ(call(code).chosen_family, "F1");
}

TEST_F(Pick, ChoosingAnotherFamilyPassesTheFirstOneKindly) {
  const std::string code = call_with_answers();
  run("/kies " + code + " F1");
  run("/kies " + code + " F2");
  EXPECT_EQ(call(code).chosen_family, "F2");
  EXPECT_TRUE(contains(last_text("F1"), "toch een ander gezin")) << last_text("F1");
  EXPECT_TRUE(contains(last_text("F1"), "Bedankt dat jullie klaarstonden")) << last_text("F1");
  EXPECT_TRUE(contains(last_text("C1"), "Gezin F1 krijgt een vriendelijk bericht")) << last_text("C1");
  ASSERT_EQ(repo_.choice_rows.size(), 2u);
  EXPECT_EQ(repo_.choice_rows[0].outcome, ChoiceOutcome::kPassed);
}

TEST_F(Pick, ConfirmMatchesAndOnlyThenThanksTheOthers) {
  const std::string code = call_with_answers();
  run("/kies " + code + " F1");
  const std::size_t f3 = sent_to("F3");
  run("/bevestig " + code);
  const Call c = call(code);
  EXPECT_EQ(c.state, CallState::kMatched);
  EXPECT_EQ(c.matched_family, "F1");
  EXPECT_TRUE(contains(last_text("F1"), "Bevestigd")) << last_text("F1");
  EXPECT_TRUE(contains(last_text("F2"), "is er een gezin gevonden")) << last_text("F2");
  EXPECT_EQ(sent_to("F3"), f3 + 1);
  EXPECT_TRUE(contains(last_text("C1"), "2 andere gezinnen kregen een bedankje")) << last_text("C1");
  EXPECT_EQ(repo_.choice_rows.back().outcome, ChoiceOutcome::kConfirmed);
}

TEST_F(Pick, NextPassesTheChosenFamilyAndChoosesTheNextOnTheBoard) {
  const std::string code = call_with_answers();
  run("/kies " + code + " 1");
  const std::string first = *call(code).chosen_family;
  run("/volgende " + code);
  const Call c = call(code);
  ASSERT_TRUE(c.chosen_family.has_value());
  EXPECT_NE(*c.chosen_family, first);
  EXPECT_TRUE(contains(last_text(first), "toch een ander gezin")) << last_text(first);
  EXPECT_TRUE(contains(last_text(*c.chosen_family), "belt jullie nu"));
  run("/volgende " + code);
  run("/volgende " + code);  // nobody is left: the call stays open without a choice
  EXPECT_FALSE(call(code).chosen_family.has_value());
  EXPECT_TRUE(contains(last_text("C1"), "geen volgend gezin")) << last_text("C1");
  EXPECT_EQ(call(code).state, CallState::kOpen);
}

TEST_F(Pick, AFamilyPassedOverIsNotThankedTwiceWhenTheCallIsMatched) {
  const std::string code = call_with_answers();
  run("/kies " + code + " F1");
  run("/kies " + code + " F2");
  const std::size_t f1 = sent_to("F1");
  run("/bevestig " + code);
  EXPECT_EQ(sent_to("F1"), f1);
}

TEST_F(Pick, ConfirmAndNextWithoutAChoiceSayWhatToDoAndChangeNothing) {
  const std::string code = call_with_answers();
  for (const std::string command : {"/bevestig ", "/volgende "}) {
    run(command + code);
    EXPECT_TRUE(contains(last_text("C1"), "nog geen gezin gekozen")) << last_text("C1");
    EXPECT_TRUE(contains(last_rejection(), "err_nothing_chosen"));
  }
  EXPECT_EQ(call(code).state, CallState::kOpen);
  EXPECT_TRUE(repo_.choice_rows.empty());
}

TEST_F(Pick, ErrorsNameTheCandidatesByRankAndName) {
  const std::string code = call_with_answers();
  run("/kies " + code + " 7");
  EXPECT_TRUE(contains(last_text("C1"), "geen nummer 7")) << last_text("C1");
  EXPECT_TRUE(contains(last_text("C1"), "1. Gezin F")) << last_text("C1");
  run("/kies " + code + " Janssens");
  EXPECT_TRUE(contains(last_text("C1"), "\"Janssens\"")) << last_text("C1");
  EXPECT_TRUE(contains(last_text("C1"), "3. Gezin F3 (F3)")) << last_text("C1");
  run("/kies " + code + " gezin");
  EXPECT_TRUE(contains(last_rejection(), "err_pick_ambiguous"));
  EXPECT_FALSE(call(code).chosen_family.has_value());
}

TEST_F(Pick, AFamilyThatSaidNoOrStopCannotBeChosen) {
  const std::string code = call_with_answers();
  answer(code, "F2", Answer::kNo);
  run("/kies " + code + " F2");
  EXPECT_TRUE(contains(last_text("C1"), "Gezin F2 (F2) heeft geen ja of misschien")) << last_text("C1");
  Family stopped = *repo_.family("F3");
  stopped.opted_in = false;
  repo_.upsert_family(stopped);
  run("/kies " + code + " F3");
  EXPECT_TRUE(contains(last_text("C1"), "afgemeld met STOP")) << last_text("C1");
  EXPECT_FALSE(call(code).chosen_family.has_value());
}

TEST_F(Pick, OtherServicesMayNotChooseConfirmOrMoveOn) {
  const std::string code = call_with_answers();
  run("/kies " + code + " F1");
  for (const std::string command : {"/kies ", "/bevestig ", "/volgende "}) {
    run(command + code + " F2", "C2");
    EXPECT_TRUE(contains(last_text("C2"), "is van Pleegzorg Oost-Vlaanderen")) << last_text("C2");
  }
  EXPECT_EQ(call(code).chosen_family, "F1");
  EXPECT_EQ(call(code).state, CallState::kOpen);
}

TEST_F(Pick, ClosingWithAChosenFamilyTellsItAndEndsTheChoice) {
  const std::string code = call_with_answers();
  run("/kies " + code + " F1");
  run("/sluit " + code);
  EXPECT_EQ(call(code).state, CallState::kClosed);
  EXPECT_TRUE(contains(last_text("F1"), "is afgesloten")) << last_text("F1");
  EXPECT_EQ(repo_.choice_rows.back().outcome, ChoiceOutcome::kPassed);
}

TEST_F(Pick, BoardWithoutACodeShowsTheOnlyOpenCallOfTheService) {
  run("/bord");
  EXPECT_TRUE(contains(last_text("C1"), "geen open oproep")) << last_text("C1");
  const std::string code = call_with_answers();
  run("/bord");
  EXPECT_TRUE(contains(last_text("C1"), code + " (open)")) << last_text("C1");
  run("/bord", "C2");  // Antwerpen has no open call of its own
  EXPECT_TRUE(contains(last_text("C2"), "geen open oproep")) << last_text("C2");
  open();
  run("/bord");
  EXPECT_TRUE(contains(last_text("C1"), "Open oproepen (2)")) << last_text("C1");
}

TEST_F(Pick, TheBoardPagesFiveRowsAtATime) {
  for (int i = 4; i <= 8; ++i) {
    Family f = *repo_.family("F1");
    f.id = "F" + std::to_string(i);
    f.display_name = "Gezin " + f.id;
    repo_.upsert_family(f);
  }
  const std::string code = open();
  for (int i = 1; i <= 8; ++i) answer(code, "F" + std::to_string(i), Answer::kYes);
  run("/bord " + code);
  EXPECT_TRUE(contains(last_text("C1"), "5. ")) << last_text("C1");
  EXPECT_FALSE(contains(last_text("C1"), "6. ")) << last_text("C1");
  EXPECT_TRUE(contains(last_text("C1"), "Nog 3 met ja of misschien: /bord " + code + " 2"))
      << last_text("C1");
  run("/bord " + code + " 2");
  EXPECT_TRUE(contains(last_text("C1"), "8. ")) << last_text("C1");
  EXPECT_FALSE(contains(last_text("C1"), "\n1. ")) << last_text("C1");
  run("/bord " + code + " twee");
  EXPECT_TRUE(contains(last_rejection(), "err_board_page"));
}

TEST_F(Pick, WaveSendsMoreFamiliesNowAndSaysHowFarItWent) {
  config_.calls.wave_size = 1;
  const std::string code = open();
  EXPECT_EQ(repo_.recipients(call(code).id).size(), 1u);
  run("/golf " + code);
  EXPECT_EQ(repo_.recipients(call(code).id).size(), 2u);
  EXPECT_TRUE(contains(last_text("C1"), "nog 1 gezin gevraagd (ronde 2")) << last_text("C1");
  run("/golf " + code + " 5");
  EXPECT_EQ(repo_.recipients(call(code).id).size(), 3u);
  run("/golf " + code);
  EXPECT_TRUE(contains(last_text("C1"), "geen andere beschikbare gezinnen")) << last_text("C1");
  run("/golf " + code + " 0");
  EXPECT_TRUE(contains(last_text("C1"), "geen getal van 1 tot 500")) << last_text("C1");
}

TEST_F(Pick, UrgentAsksEveryEligibleFamilyAtOnce) {
  config_.calls.wave_size = 1;
  const std::string code = open();
  run("/dringend " + code);
  EXPECT_TRUE(call(code).urgent);
  EXPECT_EQ(repo_.recipients(call(code).id).size(), 3u);
  EXPECT_EQ(repo_.audits("call.urgent").size(), 1u);
}

TEST_F(Pick, WaveAndUrgentWaitWhileAFamilyIsChosen) {
  config_.calls.wave_size = 1;
  const std::string code = open();
  answer(code, "F1", Answer::kYes);
  answer(code, "F2", Answer::kYes);
  run("/kies " + code + " F1");
  const std::size_t before = repo_.recipient_rows.size();
  run("/dringend " + code);
  EXPECT_TRUE(contains(last_rejection(), "err_call_chosen"));
  run("/golf " + code);
  EXPECT_EQ(repo_.recipient_rows.size(), before);
  EXPECT_FALSE(call(code).urgent);
}

TEST_F(Pick, ExtendPushesTheExpiryFromNowOrFromTheCurrentExpiry) {
  const std::string code = open();
  const UnixTime first = *call(code).expires_at;
  EXPECT_EQ(first, now_ + 24 * 3600);
  run("/verleng " + code + " 12");
  EXPECT_EQ(call(code).expires_at, first + 12 * 3600);
  EXPECT_TRUE(contains(last_text("C1"), "blijft open tot")) << last_text("C1");
  run("/verleng " + code);
  EXPECT_EQ(call(code).expires_at, first + 36 * 3600);
  run("/verleng " + code + " 9999");
  EXPECT_TRUE(contains(last_rejection(), "err_bad_number"));
  EXPECT_EQ(call(code).expires_at, first + 36 * 3600);
}

}  // namespace
}  // namespace noodbel
