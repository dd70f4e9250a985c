#include "bot/commands.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "bot/board.h"
#include "bot/commands_fixture.h"
#include "bot/offer_length.h"
#include "support/memory_repository.h"
#include "support/shipped_data.h"

namespace noodbel {
namespace {

TEST(ParseCommand, KnowsDutchWordsAndEnglishAliases) {
  EXPECT_EQ(parse_command("/crisis leeftijd=4").kind, CommandKind::kCrisis);
  EXPECT_EQ(parse_command("/new age=4").kind, CommandKind::kCrisis);
  EXPECT_EQ(parse_command("/bord K42").kind, CommandKind::kBoard);
  EXPECT_EQ(parse_command("/board K42").kind, CommandKind::kBoard);
  EXPECT_EQ(parse_command("/oproepen").kind, CommandKind::kCalls);
  EXPECT_EQ(parse_command("/calls").kind, CommandKind::kCalls);
  EXPECT_EQ(parse_command("/sluit K42").kind, CommandKind::kClose);
  EXPECT_EQ(parse_command("/close K42").kind, CommandKind::kClose);
  EXPECT_EQ(parse_command("/annuleer K42").kind, CommandKind::kCancel);
  EXPECT_EQ(parse_command("/cancel K42").kind, CommandKind::kCancel);
  EXPECT_EQ(parse_command("/kies K42 F1").kind, CommandKind::kPick);
  EXPECT_EQ(parse_command("/pick K42 F1").kind, CommandKind::kPick);
  EXPECT_EQ(parse_command("/bevestig K42").kind, CommandKind::kConfirm);
  EXPECT_EQ(parse_command("/confirm K42").kind, CommandKind::kConfirm);
  EXPECT_EQ(parse_command("/volgende K42").kind, CommandKind::kNext);
  EXPECT_EQ(parse_command("/next K42").kind, CommandKind::kNext);
  EXPECT_EQ(parse_command("/golf K42").kind, CommandKind::kWave);
  EXPECT_EQ(parse_command("/wave K42").kind, CommandKind::kWave);
  EXPECT_EQ(parse_command("/dringend K42").kind, CommandKind::kUrgent);
  EXPECT_EQ(parse_command("/urgent K42").kind, CommandKind::kUrgent);
  EXPECT_EQ(parse_command("/verleng K42").kind, CommandKind::kExtend);
  EXPECT_EQ(parse_command("/extend K42").kind, CommandKind::kExtend);
  EXPECT_EQ(parse_command("/gezin F1").kind, CommandKind::kFamily);
  EXPECT_EQ(parse_command("/family F1").kind, CommandKind::kFamily);
  EXPECT_EQ(parse_command("/gezinnen 9000").kind, CommandKind::kFamilies);
  EXPECT_EQ(parse_command("/families 9000").kind, CommandKind::kFamilies);
  EXPECT_EQ(parse_command("/help").kind, CommandKind::kHelp);
  EXPECT_EQ(parse_command("/foo").kind, CommandKind::kUnknown);
}

TEST(ParseCommand, SplitsWordAndArgumentsToleratingCaseBotNameAndMissingSlash) {
  const ParsedCommand c = parse_command("  /BORD@noodbel_bot   K42  extra ");
  EXPECT_EQ(c.kind, CommandKind::kBoard);
  EXPECT_EQ(c.word, "bord");
  EXPECT_EQ(c.args, "K42  extra");
  EXPECT_EQ(parse_command("kies K42 F1").kind, CommandKind::kPick);
  EXPECT_EQ(parse_command("").kind, CommandKind::kUnknown);
}

// ---- /crisis ----

TEST_F(Commands, CrisisRepliesToTheChannelTheCaseworkerUsed) {
  const std::string code = open();
  EXPECT_EQ(repo_.outbox.back().message.channel, Channel::kTelegram);
  EXPECT_EQ(repo_.outbox.back().message.address, "11");
  EXPECT_EQ(repo_.recipient_rows.size(), 3u);
  EXPECT_TRUE(contains(last_text("C1"), code));
}

TEST_F(Commands, TheRequestedWaveSizeAndUrgentDecideHowManyFamiliesTheFirstWaveReaches) {
  config_.calls.wave_size = 1;
  run("/crisis leeftijd=4 postcode=9000 Korte toelichting");
  EXPECT_EQ(repo_.recipients(repo_.call_rows.back().id).size(), 1u);
  run("/crisis leeftijd=4 postcode=9000 golf=2 Korte toelichting");
  EXPECT_EQ(repo_.recipients(repo_.call_rows.back().id).size(), 2u);
  run("/crisis leeftijd=4 postcode=9000 urgent Korte toelichting");
  EXPECT_TRUE(repo_.call_rows.back().urgent);
  EXPECT_EQ(repo_.recipients(repo_.call_rows.back().id).size(), 3u);
  EXPECT_TRUE(contains(last_text("C1"), "Verstuurd naar 3 van de 3")) << last_text("C1");
}

TEST_F(Commands, TheRequestedWaveSizeIsStoredWithTheCall) {
  run("/crisis leeftijd=4 postcode=9000 golf=2 Korte toelichting");
  EXPECT_EQ(repo_.call_rows.back().wave_size, 2);
  EXPECT_TRUE(contains(repo_.audits("call.open").back().detail, "wave_size=2"));
  run("/crisis leeftijd=4 postcode=9000 Korte toelichting");
  EXPECT_EQ(repo_.call_rows.back().wave_size, std::nullopt);
}

TEST_F(Commands, TheServiceWaveSizeOverridesTheGeneralOne) {
  config_.calls.wave_size = 10;
  service("oost-vlaanderen").wave_size = 2;
  open();
  EXPECT_EQ(repo_.recipients(repo_.call_rows.back().id).size(), 2u);
}

TEST_F(Commands, ANoteThatNamesTheChildIsRefusedWithTheFindingAndStoresNothing) {
  run("/crisis leeftijd=4 postcode=9000 Emma is erg bang");
  EXPECT_TRUE(repo_.call_rows.empty());
  EXPECT_TRUE(repo_.recipient_rows.empty());
  ASSERT_EQ(repo_.outbox.size(), 1u);
  const std::string text = last_text("C1");
  EXPECT_TRUE(contains(text, "niet verstuurd")) << text;
  EXPECT_TRUE(contains(text, "'Emma'")) << text;
  EXPECT_TRUE(contains(text, "het meisje")) << text;
  EXPECT_EQ(last_rejection(), "command=crisis error=guard_refused kinds=name");
  EXPECT_TRUE(repo_.audits("call.open").empty());
}

TEST_F(Commands, ARefusalNamesEveryKindFoundButTheAuditNeverHoldsTheText) {
  run("/crisis leeftijd=4 postcode=9000 Emma, bel mama op 0470 12 34 56");
  EXPECT_TRUE(repo_.call_rows.empty());
  const std::string text = last_text("C1");
  EXPECT_TRUE(contains(text, "0470 12 34 56")) << text;
  EXPECT_TRUE(contains(last_rejection(), "phone")) << last_rejection();
  for (const AuditEntry& e : repo_.audit_log) {
    EXPECT_FALSE(contains(e.detail, "0470")) << e.detail;
    EXPECT_FALSE(contains(e.detail, "Emma")) << e.detail;
  }
}

TEST_F(Commands, ARefusalInFrenchUsesTheFrenchTemplates) {
  run("/new age=4 postcode=9000 Emma a peur", "C3");
  EXPECT_TRUE(repo_.call_rows.empty());
  EXPECT_TRUE(contains(last_text("C3"), "Emma")) << last_text("C3");
  EXPECT_FALSE(contains(last_text("C3"), "niet verstuurd")) << last_text("C3");
}

TEST_F(Commands, CrisisErrorsUseTheTemplateOfTheirReason) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"postcode=9000", "err_crisis_missing_age"},
      {"leeftijd=4", "err_crisis_missing_place"},
      {"leeftijd=4 postcode=1234", "err_crisis_bad_place"},
      {"leeftijd=4 postcode=9000 taal=xx", "err_crisis_bad_language"},
      {"leeftijd=4 postcode=9000 duur=eeuwig", "err_crisis_bad_duration"},
      {"leeftijd=4 postcode=9000 golf=0", "err_crisis_bad_wave"},
      {"leeftijd=4 postcode=9000 kleur=blauw", "err_crisis_unknown_key"},
  };
  for (const auto& [args, expected] : cases) {
    run("/crisis " + args);
    EXPECT_TRUE(contains(last_rejection(), expected)) << args << " -> " << last_rejection();
  }
  EXPECT_TRUE(repo_.call_rows.empty());
  EXPECT_EQ(repo_.outbox_for("C1").size(), cases.size());
  EXPECT_TRUE(contains(last_text("C1"), "kleur")) << last_text("C1");
}

TEST_F(Commands, CrisisErrorWithoutAReasonTemplateFallsBackToTheGenericOne) {
  const Templates minimal = Templates::from_map(
      {{{Language::kNl, "err_crisis_generic"}, "Fout: {detail}. Voorbeeld: {example}"},
       {{Language::kNl, "usage_crisis"}, "/crisis leeftijd=4 postcode=9000"}});
  const Caseworker cw = *repo_.caseworker("C1");
  handle_command(cw, {Channel::kTelegram, "11", "x", "/crisis postcode=9000", now_, std::nullopt},
                 {postcodes_, guard_, random_, hasher_}, Outbox(config_, minimal, repo_, now_));
  const std::string text = last_text("C1");
  EXPECT_TRUE(contains(text, "Fout: crisis.missing_age")) << text;
  EXPECT_TRUE(contains(text, "Voorbeeld: /crisis leeftijd=4 postcode=9000")) << text;
}

TEST_F(Commands, ReportsWhenEveryCallCodeIsTaken) {
  for (char letter : std::string("ABCDEFGHJKLMNPQRSTUVWXYZ")) {
    for (int n = 0; n < 100; ++n) {
      Call c;
      c.code = std::string(1, letter) + (n < 10 ? "0" : "") + std::to_string(n);
      repo_.call_rows.push_back(c);
    }
  }
  run("/crisis leeftijd=4 postcode=9000 Korte toelichting");
  EXPECT_EQ(repo_.call_rows.size(), 2400u);
  EXPECT_TRUE(contains(last_text("C1"), "geen vrije oproepcode")) << last_text("C1");
  EXPECT_TRUE(contains(last_rejection(), "err_no_free_code"));
}

// ---- office hours in the confirmation ----

TEST_F(Commands, ACallOpenedInOfficeHoursSaysMatchingHappensNow) {
  open();
  EXPECT_TRUE(contains(last_text("C1"), "Binnen de kantooruren (tot 17:00)")) << last_text("C1");
}

TEST_F(Commands, ACallOpenedInTheEveningSaysThePermanenceIsStaffedUntil21) {
  now_ = kMonday18h;
  open();
  EXPECT_EQ(repo_.recipient_rows.size(), 3u);  // published at once all the same
  EXPECT_TRUE(contains(last_text("C1"), "bemand tot 21:00")) << last_text("C1");
}

TEST_F(Commands, ACallOpenedAtNightIsPublishedAndNamesWhenMatchingResumes) {
  now_ = kMonday22h;
  open();
  EXPECT_EQ(repo_.recipient_rows.size(), 3u);
  // The caseworker reads what the families read: one truth about time.
  EXPECT_TRUE(contains(last_text("C1"), "De gezinnen lezen: \"Jullie horen uiterlijk morgen "
                                        "(dinsdag) 09:00 of jullie gekozen zijn.\""))
      << last_text("C1");
  EXPECT_TRUE(contains(last_text("F1"), "Beslissing uiterlijk morgen (dinsdag) 09:00."))
      << last_text("F1");
  EXPECT_TRUE(contains(last_text("C1"), "kies dan gerust al met /kies")) << last_text("C1");
}

TEST_F(Commands, ANextWorkingDayServiceNamesMondayOnASaturday) {
  service("oost-vlaanderen").after_hours = AfterHours::kNextWorkingDay;
  now_ = kSaturday10h;
  open();
  EXPECT_EQ(repo_.recipient_rows.size(), 3u);
  EXPECT_TRUE(contains(last_text("C1"), "kiest op de volgende werkdag")) << last_text("C1");
  EXPECT_TRUE(contains(last_text("C1"), "uiterlijk maandag 01/12 09:00")) << last_text("C1");
}

TEST_F(Commands, AServiceWithoutOfficeHoursSaysSo) {
  service("oost-vlaanderen").office_hours.clear();
  service("oost-vlaanderen").staffed_hours.clear();
  open();
  EXPECT_TRUE(contains(last_text("C1"), "geen kantooruren ingesteld")) << last_text("C1");
}

TEST_F(Commands, TheConfirmationIsInTheCaseworkersLanguage) {
  now_ = kMonday22h;
  run("/new age=4 postcode=9000 Court", "C3");
  EXPECT_TRUE(contains(last_text("C3"), "au plus tard demain (mardi) 09:00")) << last_text("C3");
}

// ---- /bord, /oproepen ----

TEST_F(Commands, AMalformedCodeIsExplainedWithAnExample) {
  run("/bord 42");
  EXPECT_TRUE(contains(last_text("C1"), "42 is geen oproepcode")) << last_text("C1");
  EXPECT_TRUE(contains(last_text("C1"), "/bord K42")) << last_text("C1");
  EXPECT_TRUE(contains(last_rejection(), "err_bad_code"));
}

TEST_F(Commands, EnglishAliasesWorkAndTheCaseworkerLanguageIsUsed) {
  const std::string code = open();
  run("/board " + code, "C3");
  EXPECT_TRUE(contains(last_text("C3"), code + " (ouvert)")) << last_text("C3");
  EXPECT_TRUE(contains(last_text("C3"), "Oui 0, peut-être 0")) << last_text("C3");
}

TEST_F(Commands, TheTextBoardIsShortPlainAndNamesEveryoneWhoHasNotAnswered) {
  const std::string code = open();
  answer(code, "F1", Answer::kMaybe, "pas vanaf 18u");
  answer(code, "F2", Answer::kYes);
  for (OutboxItem& item : repo_.outbox) {
    if (item.message.recipient_id == "F1") item.state = OutboxState::kDelivered;
  }
  run("/bord " + code);
  const std::string text = last_text("C1");
  EXPECT_TRUE(contains(text, code + " (open): 4 jaar, Gent")) << text;
  EXPECT_TRUE(contains(text, "Ja 1, misschien 1, nee 0, nog geen antwoord 1 (gevraagd: 3, "
                             "afgeleverd: 1)."))
      << text;
  EXPECT_TRUE(contains(text, "1. Gezin F2 (F2): JA, 7 km")) << text;
  EXPECT_TRUE(contains(text, "2. Gezin F1 (F1): MISSCHIEN, 7 km, (zie bericht)")) << text;
  EXPECT_TRUE(contains(text, "Nog geen antwoord (1): Gezin F3")) << text;
  EXPECT_TRUE(contains(text, "Kiezen: /kies " + code + " 1")) << text;
  for (const char* jargon : {"golf", "score", "+15", "-20"}) {
    EXPECT_FALSE(contains(text, jargon)) << jargon << " in " << text;
  }
  EXPECT_EQ(repo_.audits("board.view").back().detail, "code=" + code + " entries=2");
}

TEST_F(Commands, TheBoardCountsRecentPlacementsButNotThisCall) {
  Call old;
  old.code = "A01";
  old.state = CallState::kMatched;
  old.matched_family = "F2";
  old.closed_at = now_ - 10 * 86400;
  repo_.insert_call(old);
  const std::string code = open();
  answer(code, "F2", Answer::kYes);
  const auto placements = [&] {
    const Call call = *repo_.call_by_code(code);
    return build_board(call, load_board_facts(repo_, call, now_), config_.board)
        .entries.front()
        .recent_placements;
  };
  EXPECT_EQ(placements(), 1);
  run("/kies " + code + " F2");
  run("/bevestig " + code);
  EXPECT_EQ(repo_.call_by_code(code)->state, CallState::kMatched);
  EXPECT_EQ(placements(), 1);
}

TEST_F(Commands, AnyCaseworkerMayReadABoardButOnlyTheOwningServiceMayChangeTheCall) {
  const std::string code = open();
  answer(code, "F1", Answer::kYes);
  run("/bord " + code, "C2");
  EXPECT_TRUE(contains(last_text("C2"), code + " (open)")) << last_text("C2");
  for (const char* command : {"/sluit ", "/annuleer ", "/kies "}) {
    run(std::string(command) + code + " F1", "C2");
    EXPECT_TRUE(contains(last_text("C2"), "is van Pleegzorg Oost-Vlaanderen")) << last_text("C2");
  }
  EXPECT_EQ(repo_.call_rows.back().state, CallState::kOpen);
  run("/sluit " + code, "C3");  // same service, other caseworker
  EXPECT_EQ(repo_.call_rows.back().state, CallState::kClosed);
  EXPECT_EQ(repo_.call_rows.back().closed_by, "C3");
  EXPECT_EQ(repo_.audits("call.close").back().actor, "C3");
}

TEST_F(Commands, CallsListsEveryOpenCallWithItsYesCount) {
  run("/oproepen");
  EXPECT_TRUE(contains(last_text("C1"), "geen oproepen open")) << last_text("C1");
  const std::string code = open();
  answer(code, "F1", Answer::kYes);
  run("/calls");
  const std::string text = last_text("C1");
  EXPECT_TRUE(contains(text, "Open oproepen (1):")) << text;
  EXPECT_TRUE(contains(text, code + ": 4 jaar, Gent - 1 ja, 0 misschien, 3 verstuurd")) << text;
}

// ---- /sluit, /annuleer, /kies ----

TEST_F(Commands, CloseTellsTheWillingFamiliesAndConfirms) {
  const std::string code = open();
  answer(code, "F1", Answer::kYes);
  answer(code, "F2", Answer::kMaybe);
  answer(code, "F3", Answer::kNo);
  const std::size_t f3_before = repo_.outbox_for("F3").size();
  run("/sluit " + code + " kind kan toch thuis blijven");
  const Call call = repo_.call_rows.back();
  EXPECT_EQ(call.state, CallState::kClosed);
  EXPECT_EQ(call.closed_at, now_);
  EXPECT_EQ(call.closed_by, "C1");
  EXPECT_TRUE(contains(last_text("F1"), "is afgesloten")) << last_text("F1");
  EXPECT_TRUE(contains(last_text("F2"), "is afgesloten")) << last_text("F2");
  EXPECT_EQ(repo_.outbox_for("F3").size(), f3_before);
  EXPECT_TRUE(contains(last_text("C1"), "is gesloten")) << last_text("C1");
  EXPECT_TRUE(contains(last_text("C1"), "2 gezinnen met ja of misschien kregen een bericht"))
      << last_text("C1");
  const auto audit = repo_.audits("call.close");
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit.front().actor, "C1");
  EXPECT_FALSE(contains(audit.front().detail, "thuis"));
}

TEST_F(Commands, CancelMarksTheCallCancelledByTheCaseworker) {
  const std::string code = open();
  run("/annuleer " + code);
  EXPECT_EQ(repo_.call_rows.back().state, CallState::kCancelled);
  EXPECT_EQ(repo_.call_rows.back().closed_by, "C1");
  EXPECT_TRUE(contains(last_text("C1"), "is geannuleerd")) << last_text("C1");
  EXPECT_EQ(repo_.audits("call.cancel").size(), 1u);
}

TEST_F(Commands, CloseAndCancelWithoutACodeShowAnExample) {
  run("/sluit");
  EXPECT_TRUE(contains(last_text("C1"), "/sluit K42 reden")) << last_text("C1");
  run("/annuleer");
  EXPECT_TRUE(contains(last_text("C1"), "/annuleer K42 reden")) << last_text("C1");
  EXPECT_EQ(repo_.audits("command.rejected").size(), 2u);
}

TEST_F(Commands, AClosedCallCannotBeClosedOrPickedAgain) {
  const std::string code = open();
  answer(code, "F1", Answer::kYes);
  run("/sluit " + code);
  run("/kies " + code + " F1");
  EXPECT_TRUE(contains(last_text("C1"), "niet meer open (gesloten)")) << last_text("C1");
  EXPECT_EQ(repo_.call_rows.back().state, CallState::kClosed);
}

TEST_F(Commands, PickChoosesWithNameAndPhoneAndConfirmRecordsWhoMatched) {
  const std::string code = open();
  answer(code, "F2", Answer::kYes);
  run("/kies " + code + " F2", "C3");
  EXPECT_EQ(repo_.call_rows.back().state, CallState::kOpen);
  EXPECT_EQ(repo_.call_rows.back().chosen_family, "F2");
  EXPECT_TRUE(contains(last_text("C3"), "Gezin F2")) << last_text("C3");
  EXPECT_TRUE(contains(last_text("C3"), "0470 00 00 02")) << last_text("C3");
  run("/bevestig " + code, "C3");
  const Call call = repo_.call_rows.back();
  EXPECT_EQ(call.state, CallState::kMatched);
  EXPECT_EQ(call.matched_family, "F2");
  EXPECT_EQ(call.closed_by, "C3");
  EXPECT_EQ(repo_.audits("call.match").back().actor, "C3");
}

TEST_F(Commands, PickOfAFamilyWithoutAPhoneSaysNoNumberIsKnown) {
  Family f = *repo_.family("F1");
  f.contacts = {{Channel::kTelegram, "555"}};
  repo_.upsert_family(f);
  const std::string code = open();
  answer(code, "F1", Answer::kYes);
  run("/kies " + code + " F1");
  EXPECT_TRUE(contains(last_text("C1"), "geen telefoonnummer gekend")) << last_text("C1");
  EXPECT_FALSE(contains(last_text("C1"), "555")) << last_text("C1");
}

TEST_F(Commands, PickWithoutFamilyShowsAnExample) {
  const std::string code = open();
  run("/kies " + code);
  EXPECT_TRUE(contains(last_text("C1"), "/kies K42 1")) << last_text("C1");
  EXPECT_TRUE(contains(last_rejection(), "err_missing_family"));
}

TEST_F(Commands, PickOfAFamilyThatNeverAnsweredListsNobodyYet) {
  const std::string code = open();
  run("/kies " + code + " F9");
  EXPECT_TRUE(contains(last_text("C1"), "nog niemand")) << last_text("C1");
  EXPECT_EQ(repo_.call_rows.back().state, CallState::kOpen);
}

// ---- /gezin ----

TEST_F(Commands, FamilyShowsTheProfileWithChannelsButNoNumbers) {
  Family f = *repo_.family("F1");
  f.contacts.push_back({Channel::kTelegram, "123456"});
  f.max_children = 2;
  f.min_age_months = 6;
  f.max_age_months = 10 * 12;
  f.languages = {Language::kNl, Language::kFr};
  f.availability = {{4, 18 * 60, 1440}, {0, 18 * 60, 1440}};
  repo_.upsert_family(f);
  run("/gezin f1");
  const std::string text = last_text("C1");
  EXPECT_TRUE(contains(text, "Gezin F1: Gezin F1 (Pleegzorg Oost-Vlaanderen)")) << text;
  EXPECT_TRUE(contains(text, "9820 Merelbeke; rijdt tot 30 km")) << text;
  EXPECT_TRUE(contains(text, "tot 2 kinderen op van 6 maanden tot 10 jaar")) << text;
  EXPECT_TRUE(contains(text, "Nederlands en Frans")) << text;
  EXPECT_TRUE(contains(text, "maandag 18:00-24:00, vrijdag 18:00-24:00")) << text;
  EXPECT_TRUE(contains(text, "Status: actief")) << text;
  EXPECT_TRUE(contains(text, "Kanalen: sms, telegram")) << text;
  EXPECT_FALSE(contains(text, "+32470")) << text;
  EXPECT_FALSE(contains(text, "123456")) << text;
  EXPECT_TRUE(contains(text, "Open oproepen: geen")) << text;
  EXPECT_EQ(repo_.audits("family.view").back().actor, "C1");
  EXPECT_EQ(repo_.audits("family.view").back().detail, "family=F1");
}

TEST_F(Commands, FamilyListsItsAnswersToOpenCalls) {
  const std::string first = open();
  const std::string second = open();
  answer(first, "F1", Answer::kMaybe, "pas vanaf 18u");
  run("/family F1");
  const std::string text = last_text("C1");
  EXPECT_TRUE(contains(text, first + " (Gent): MISSCHIEN om 10:00 (pas vanaf 18u)")) << text;
  EXPECT_TRUE(contains(text, second + " (Gent): nog geen antwoord")) << text;
}

TEST_F(Commands, FamilyShowsPausedAndStoppedFamilies) {
  Family paused = *repo_.family("F1");
  paused.paused_until = now_ + 2 * 86400;
  repo_.upsert_family(paused);
  Family stopped = *repo_.family("F2");
  stopped.opted_in = false;
  repo_.upsert_family(stopped);
  run("/gezin F1");
  EXPECT_TRUE(contains(last_text("C1"), "gepauzeerd tot 26/11 10:00")) << last_text("C1");
  run("/gezin F2");
  EXPECT_TRUE(contains(last_text("C1"), "afgemeld (STOP)")) << last_text("C1");
}

TEST_F(Commands, FamilyWithoutAnIdOrWithAnUnknownIdExplainsWithAnExample) {
  run("/gezin");
  EXPECT_TRUE(contains(last_text("C1"), "bv. /gezin F0012")) << last_text("C1");
  EXPECT_TRUE(contains(last_rejection(), "err_missing_family_id"));
  run("/gezin F99");
  EXPECT_TRUE(contains(last_text("C1"), "Er is geen gezin F99")) << last_text("C1");
  EXPECT_TRUE(contains(last_rejection(), "err_unknown_family"));
  run("/family", "C3");
  EXPECT_TRUE(contains(last_text("C3"), "/family F0012")) << last_text("C3");
}

// ---- /gezinnen ----

TEST_F(Commands, FamiliesCountsAvailableFamiliesPerRadiusNowAndTonight) {
  Family evening = *repo_.family("F3");
  evening.availability = {{0, 19 * 60, 1440}};  // Monday from 19:00
  repo_.upsert_family(evening);
  Family paused = *repo_.family("F2");
  paused.paused_until = now_ + 86400;
  repo_.upsert_family(paused);
  Family near = *repo_.family("F1");
  near.id = "F4";
  near.home = {51.05, 3.72};  // in Gent
  repo_.upsert_family(near);
  run("/gezinnen 9000");
  const std::string text = last_text("C1");
  EXPECT_TRUE(contains(text, "rond 9000 Gent (nu / vanavond 20:00)")) << text;
  EXPECT_TRUE(contains(text, "binnen 10 km: 2 / 3")) << text;  // F1, F4 now; F3 tonight
  EXPECT_TRUE(contains(text, "binnen 50 km: 2 / 3")) << text;
  EXPECT_EQ(repo_.audits("families.count").back().actor, "C1");
}

TEST_F(Commands, FamiliesCountsOnlyFamiliesWhoseOwnRangeReachesThePlace) {
  Family f = *repo_.family("F1");
  f.max_distance_km = 5;  // Merelbeke to Gent is about 7 km
  repo_.upsert_family(f);
  run("/families Gent");
  EXPECT_TRUE(contains(last_text("C1"), "binnen 10 km: 2 / 2")) << last_text("C1");
}

TEST_F(Commands, FamiliesAcceptsPostcodeEqualsToo) {
  run("/gezinnen postcode=9000");
  EXPECT_TRUE(contains(last_text("C1"), "rond 9000 Gent")) << last_text("C1");
}

TEST_F(Commands, FamiliesWithoutAPlaceOrWithAnUnknownOneExplainsWithAnExample) {
  run("/gezinnen");
  EXPECT_TRUE(contains(last_text("C1"), "bv. /gezinnen 9000")) << last_text("C1");
  EXPECT_TRUE(contains(last_rejection(), "err_families_missing_place"));
  run("/gezinnen Nergensdorp");
  EXPECT_TRUE(contains(last_text("C1"), "'Nergensdorp' ken ik niet")) << last_text("C1");
  EXPECT_TRUE(contains(last_rejection(), "err_families_bad_place"));
}

TEST_F(Commands, FamiliesAfterEightInTheEveningCountsTonightAsNow) {
  now_ = kMonday22h;
  run("/gezinnen 9000");
  EXPECT_TRUE(contains(last_text("C1"), "vanavond 22:00")) << last_text("C1");
  EXPECT_TRUE(contains(last_text("C1"), "binnen 10 km: 3 / 3")) << last_text("C1");
}

// ---- /crisis refusals: every problem at once, places asked back, long notes ----

// The commands over the shipped postcode, place and municipality files.
class CommandsInBelgium : public Commands {
 protected:
  CommandsInBelgium() { postcodes_ = test_data::shipped_postcodes(); }
  // The reply's last line: the corrected command to copy.
  std::string last_line(const std::string& id) const {
    const std::string text = last_text(id);
    return text.substr(text.rfind('\n') + 1);
  }
  // Nothing about a call was stored: no call, no recipient, one reply.
  void expect_nothing_stored() const {
    EXPECT_TRUE(repo_.call_rows.empty());
    EXPECT_TRUE(repo_.recipient_rows.empty());
    EXPECT_EQ(repo_.outbox.size(), 1u);
    EXPECT_TRUE(repo_.audits("call.open").empty());
  }
};

TEST_F(CommandsInBelgium, EveryWrongFieldIsNamedAtOnceWithACorrectedExampleToCopy) {
  run("/crisis leeftijd=vier gemeente=Oudenaerde taal=de Korte toelichting");
  expect_nothing_stored();
  const std::string text = last_text("C1");
  EXPECT_TRUE(contains(text, "De oproep is niet geopend")) << text;
  EXPECT_TRUE(contains(text, "Leeftijd 'vier' klopt niet")) << text;
  EXPECT_TRUE(contains(text, "'Oudenaerde' ken ik niet. Bedoel je:")) << text;
  EXPECT_TRUE(contains(text, "Oudenaarde (9700, Oost-Vlaanderen): typ postcode=9700")) << text;
  EXPECT_TRUE(contains(text, "Taal 'de' ken ik niet")) << text;
  EXPECT_TRUE(contains(text, "pas de voorbeeldwaarde aan bij leeftijd, gemeente, taal")) << text;
  EXPECT_EQ(last_line("C1"), "/crisis leeftijd=4 gemeente=9700 taal=nl Korte toelichting");
  EXPECT_EQ(last_rejection(),
            "command=crisis error=err_crisis_bad_age,err_crisis_bad_place,err_crisis_bad_language");
}

TEST_F(CommandsInBelgium, MissingFieldsAreAddedToTheExampleInFront) {
  run("/new lang=en Sister and brother");
  expect_nothing_stored();
  const std::string text = last_text("C1");
  EXPECT_TRUE(contains(text, "De leeftijd ontbreekt")) << text;
  EXPECT_TRUE(contains(text, "De plaats ontbreekt")) << text;
  EXPECT_EQ(last_line("C1"), "/new age=4 postcode=9000 lang=en Sister and brother");
}

TEST_F(CommandsInBelgium, AalstIsAskedBackWithBothPlacesAndHowToTypeEach) {
  run("/crisis leeftijd=4 gemeente=Aalst Korte toelichting");
  expect_nothing_stored();
  const std::string text = last_text("C1");
  EXPECT_TRUE(contains(text, "'Aalst' kan meer dan één plaats zijn")) << text;
  EXPECT_TRUE(contains(text, "Aalst (9300, Oost-Vlaanderen): typ postcode=9300")) << text;
  EXPECT_TRUE(contains(text, "Aalst (3800, deelgemeente van Sint-Truiden): typ postcode=3800 Aalst"))
      << text;
  EXPECT_EQ(last_line("C1"), "/crisis leeftijd=4 gemeente=9300 Korte toelichting");
  EXPECT_EQ(last_rejection(), "command=crisis error=err_crisis_ambiguous_place");
}

TEST_F(CommandsInBelgium, BeverenAndTieltAreAskedBackToo) {
  run("/crisis leeftijd=4 gemeente=Beveren");
  std::string text = last_text("C1");
  EXPECT_TRUE(contains(text, "Beveren (9120, deelgemeente van Beveren-Kruibeke-Zwijndrecht): typ postcode=9120"))
      << text;
  EXPECT_TRUE(contains(text, "Beveren (8800, deelgemeente van Roeselare): typ postcode=8800 Beveren"))
      << text;
  EXPECT_TRUE(contains(text, "Beveren (8791, deelgemeente van Waregem)")) << text;
  run("/crisis leeftijd=4 gemeente=Tielt");
  text = last_text("C1");
  EXPECT_TRUE(contains(text, "Tielt (8700, West-Vlaanderen): typ postcode=8700")) << text;
  EXPECT_TRUE(contains(text, "Tielt (3390, deelgemeente van Tielt-Winge): typ postcode=3390 Tielt"))
      << text;
  EXPECT_TRUE(repo_.call_rows.empty());
}

TEST_F(CommandsInBelgium, TheWayToTypeACandidateOpensTheCallThere) {
  run("/crisis leeftijd=4 postcode=3800 Aalst Korte toelichting");
  ASSERT_EQ(repo_.call_rows.size(), 1u);
  EXPECT_EQ(repo_.call_rows.back().place, "Aalst");
  EXPECT_EQ(repo_.call_rows.back().postcode, "3800");
  EXPECT_EQ(repo_.call_rows.back().note, "Korte toelichting");
}

TEST_F(CommandsInBelgium, AMergedMunicipalityOrAForeignNameOpensTheCall) {
  run("/crisis leeftijd=4 gemeente=Pelt Korte toelichting");
  ASSERT_EQ(repo_.call_rows.size(), 1u);
  EXPECT_EQ(repo_.call_rows.back().place, "Pelt");
  EXPECT_EQ(repo_.call_rows.back().postcode, "3910");
  run("/new age=4 place=Ghent Short note", "C3");
  ASSERT_EQ(repo_.call_rows.size(), 2u);
  EXPECT_EQ(repo_.call_rows.back().postcode, "9000");
}

TEST_F(CommandsInBelgium, AFrenchCaseworkerIsAskedBackInFrench) {
  run("/new age=4 place=Aalst", "C3");
  const std::string text = last_text("C3");
  EXPECT_TRUE(contains(text, "« Aalst » peut désigner plusieurs lieux")) << text;
  EXPECT_TRUE(contains(text, "Aalst (9300, Flandre-Orientale) : tapez postcode=9300")) << text;
  EXPECT_TRUE(contains(text, "Aalst (3800, section de Sint-Truiden)")) << text;
  EXPECT_TRUE(contains(text, "Commande corrigée à copier")) << text;
  EXPECT_TRUE(repo_.call_rows.empty());
}

TEST_F(CommandsInBelgium, ANoteTooLongForTwoSmsSaysHowManyCharactersToCut) {
  std::string note;
  while (note.size() < 400) note += "rustig kind dat graag buiten speelt ";
  note.pop_back();
  const std::string args = "leeftijd=4 postcode=9000 ";
  Call probe;
  probe.ages_months = {48};
  probe.place = "Gent";
  probe.languages = {Language::kNl};
  probe.duration_hours = 72;
  probe.needed_from = now_;
  probe.note = note;
  const std::optional<OfferOverflow> over = offer_overflow(templates_, probe, now_);
  ASSERT_TRUE(over.has_value());
  run("/crisis " + args + note);
  expect_nothing_stored();
  EXPECT_TRUE(contains(last_text("C1"), "- Je notitie is " + std::to_string(over->over) +
                                            " tekens te lang voor 2 sms'en; maak ze korter."))
      << last_text("C1");
  EXPECT_EQ(last_rejection(), "command=crisis error=err_crisis_note_too_long");
  // Cut by exactly that much, it goes out.
  std::string shorter = note.substr(0, note.size() - static_cast<std::size_t>(over->over));
  while (!shorter.empty() && shorter.back() == ' ') shorter.pop_back();
  run("/crisis " + args + shorter);
  EXPECT_EQ(repo_.call_rows.size(), 1u) << last_text("C1");
}

TEST_F(CommandsInBelgium, AnIdentifyingNoteAndAWrongFieldAreRefusedTogether) {
  run("/crisis leeftijd=vier postcode=9000 Emma is erg bang");
  expect_nothing_stored();
  const std::string text = last_text("C1");
  EXPECT_TRUE(contains(text, "'Emma'")) << text;
  EXPECT_TRUE(contains(text, "Leeftijd 'vier' klopt niet")) << text;
  EXPECT_EQ(last_line("C1"), "/crisis leeftijd=4 postcode=9000 \xE2\x80\xA6 is erg bang");
  EXPECT_EQ(last_rejection(), "command=crisis error=err_crisis_bad_age guard_refused kinds=name");
}

TEST_F(CommandsInBelgium, FamiliesAsksBackOnAnAmbiguousOrMisspeltPlace) {
  run("/gezinnen Aalst");
  std::string text = last_text("C1");
  EXPECT_TRUE(contains(text, "Aalst (9300, Oost-Vlaanderen): typ /gezinnen 9300")) << text;
  EXPECT_TRUE(contains(text, "typ /gezinnen 3800 Aalst")) << text;
  EXPECT_TRUE(contains(last_rejection(), "err_families_ambiguous_place"));
  run("/gezinnen Oudenaerde");
  text = last_text("C1");
  EXPECT_TRUE(contains(text, "Bedoel je:")) << text;
  EXPECT_TRUE(contains(text, "typ /gezinnen 9700")) << text;
  EXPECT_TRUE(contains(last_rejection(), "err_families_bad_place_suggest"));
  run("/gezinnen Pelt");
  EXPECT_TRUE(contains(last_text("C1"), "Pelt")) << last_text("C1");
  run("/gezinnen 3800 Aalst");
  EXPECT_TRUE(contains(last_text("C1"), "3800 Aalst")) << last_text("C1");
}

// ---- help and audit ----

TEST_F(Commands, HelpListsEveryCommand) {
  run("/help");
  for (const char* command : {"/crisis", "/oproepen", "/bord", "/kies", "/bevestig", "/volgende",
                              "/golf", "/dringend", "/verleng", "/sluit", "/annuleer", "/gezin ",
                              "/gezinnen"}) {
    EXPECT_TRUE(contains(last_text("C1"), command)) << command;
  }
  EXPECT_EQ(repo_.audits("command.help").front().actor, "C1");
}

TEST_F(Commands, AnUnknownCommandListsTheCommandsAndIsAudited) {
  run("/verwijder K42");
  EXPECT_TRUE(contains(last_text("C1"), "/verwijder")) << last_text("C1");
  EXPECT_TRUE(contains(last_text("C1"), "/gezinnen 9000")) << last_text("C1");
  EXPECT_EQ(repo_.audits("command.unknown").back().detail, "command=verwijder");
}

TEST_F(Commands, EveryCommandIsAuditedUnderTheCaseworker) {
  const std::string code = open();
  answer(code, "F1", Answer::kYes);
  const std::vector<std::string> commands = {"/oproepen", "/bord " + code, "/gezin F1",
                                             "/gezinnen 9000", "/help", "/bord", "/onbekend",
                                             "/kies " + code + " F1", "/volgende " + code,
                                             "/golf " + code, "/verleng " + code,
                                             "/dringend " + code, "/bevestig " + code};
  for (const std::string& command : commands) {
    const std::size_t before = repo_.audit_log.size();
    run(command);
    ASSERT_GT(repo_.audit_log.size(), before) << command;
    EXPECT_EQ(repo_.audit_log.back().actor, "C1") << command;
  }
}

}  // namespace
}  // namespace noodbel
