#include "bot/commands.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

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

class Commands : public ::testing::Test {
 protected:
  Commands()
      : postcodes_(Postcodes::from_places(
            {{"9000", "Gent", "Oost-Vlaanderen", "VLG", {51.05, 3.71667}},
             {"9820", "Merelbeke", "Oost-Vlaanderen", "VLG", {50.99, 3.75}}})),
        templates_(load_templates()) {
    config_.services = default_services();
    repo_.upsert_caseworker({"C1", "oost-vlaanderen", "An", {{Channel::kTelegram, "11"}},
                             Role::kCaseworker, Language::kNl});
    repo_.upsert_caseworker({"C2", "antwerpen", "Jan", {{Channel::kSignal, "+32470999999"}},
                             Role::kCaseworker, Language::kNl});
    repo_.upsert_caseworker({"C3", "oost-vlaanderen", "Claire", {{Channel::kTelegram, "33"}},
                             Role::kCaseworker, Language::kFr});
    for (const char* id : {"F1", "F2", "F3"}) {
      Family f;
      f.id = id;
      f.display_name = std::string("Gezin ") + id;
      f.contacts = {{Channel::kSms, std::string("+3247000000") + id[1]}};
      f.home = {50.99, 3.75};
      f.languages = {Language::kNl};
      repo_.upsert_family(f);
    }
  }

  void run(const std::string& text, const std::string& caseworker = "C1") {
    const Caseworker cw = *repo_.caseworker(caseworker);
    const Contact& c = cw.contacts.front();
    handle_command(cw,
                   {c.channel, c.address, "m" + std::to_string(++sequence_), text, now_,
                    std::nullopt},
                   postcodes_, Outbox(config_, templates_, repo_, now_), 42);
  }
  std::string last_text(const std::string& id) const {
    const auto items = repo_.outbox_for(id);
    return items.empty() ? "" : items.back().message.text;
  }
  std::string open() {
    run("/crisis leeftijd=4 postcode=9000 taal=nl Korte toelichting");
    return repo_.call_rows.back().code;
  }
  void answer(const std::string& code, const std::string& family, Answer a) {
    repo_.upsert_response({repo_.call_by_code(code)->id, family, a, "", now_});
  }
  std::string last_rejection() const {
    const auto r = repo_.audits("command.rejected");
    return r.empty() ? "" : r.back().detail;
  }

  void TearDown() override {
    for (const OutboxItem& item : repo_.outbox) {
      EXPECT_FALSE(contains(item.message.text, "{")) << item.message.text;
    }
    EXPECT_TRUE(repo_.audits("template.error").empty());
  }

  Config config_;
  Postcodes postcodes_;
  Templates templates_;
  MemoryRepository repo_;
  UnixTime now_ = kMonday10h;
  int sequence_ = 0;
};

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

TEST_F(Commands, CrisisErrorsUseTheTemplateOfTheirReason) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"postcode=9000", "err_crisis_missing_age"},
      {"leeftijd=4", "err_crisis_missing_place"},
      {"leeftijd=4 postcode=1234", "err_crisis_bad_place"},
      {"leeftijd=4 postcode=9000 taal=xx", "err_crisis_bad_language"},
      {"leeftijd=4 postcode=9000 duur=eeuwig", "err_crisis_bad_duration"},
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
                 postcodes_, Outbox(config_, minimal, repo_, now_), 1);
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
}

TEST_F(Commands, AMalformedCodeIsExplainedWithAnExample) {
  run("/bord 42");
  EXPECT_TRUE(contains(last_text("C1"), "42 is geen oproepcode")) << last_text("C1");
  EXPECT_TRUE(contains(last_text("C1"), "/bord K42")) << last_text("C1");
}

TEST_F(Commands, EnglishAliasesWorkAndTheCaseworkerLanguageIsUsed) {
  const std::string code = open();
  run("/board " + code, "C3");
  EXPECT_TRUE(contains(last_text("C3"), "Tableau " + code)) << last_text("C3");
}

TEST_F(Commands, AnyCaseworkerMayReadABoardButOnlyTheOwningServiceMayChangeTheCall) {
  const std::string code = open();
  answer(code, "F1", Answer::kYes);
  run("/bord " + code, "C2");
  EXPECT_TRUE(contains(last_text("C2"), "Bord " + code)) << last_text("C2");
  for (const char* command : {"/sluit ", "/annuleer ", "/kies "}) {
    run(std::string(command) + code + " F1", "C2");
    EXPECT_TRUE(contains(last_text("C2"), "is van Pleegzorg Oost-Vlaanderen")) << last_text("C2");
  }
  EXPECT_EQ(repo_.call_rows.back().state, CallState::kOpen);
  run("/sluit " + code, "C3");  // same service, other caseworker
  EXPECT_EQ(repo_.call_rows.back().state, CallState::kClosed);
}

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
  EXPECT_TRUE(contains(last_text("F1"), "is afgesloten")) << last_text("F1");
  EXPECT_TRUE(contains(last_text("F2"), "is afgesloten")) << last_text("F2");
  EXPECT_EQ(repo_.outbox_for("F3").size(), f3_before);
  EXPECT_TRUE(contains(last_text("C1"), "is gesloten")) << last_text("C1");
  EXPECT_TRUE(contains(last_text("C1"), ": 2.")) << last_text("C1");
  const auto audit = repo_.audits("call.close");
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_FALSE(contains(audit.front().detail, "thuis"));
}

TEST_F(Commands, CancelMarksTheCallCancelled) {
  const std::string code = open();
  run("/annuleer " + code);
  EXPECT_EQ(repo_.call_rows.back().state, CallState::kCancelled);
  EXPECT_TRUE(contains(last_text("C1"), "is geannuleerd")) << last_text("C1");
  EXPECT_EQ(repo_.audits("call.cancel").size(), 1u);
}

TEST_F(Commands, AClosedCallCannotBeClosedOrPickedAgain) {
  const std::string code = open();
  answer(code, "F1", Answer::kYes);
  run("/sluit " + code);
  run("/kies " + code + " F1");
  EXPECT_TRUE(contains(last_text("C1"), "niet meer open (gesloten)")) << last_text("C1");
  EXPECT_EQ(repo_.call_rows.back().state, CallState::kClosed);
}

TEST_F(Commands, PickWithoutFamilyShowsAnExample) {
  const std::string code = open();
  run("/kies " + code);
  EXPECT_TRUE(contains(last_text("C1"), "/kies K42 F0012")) << last_text("C1");
  EXPECT_TRUE(contains(last_rejection(), "err_missing_family"));
}

TEST_F(Commands, PickOfAFamilyThatNeverAnsweredListsNobodyYet) {
  const std::string code = open();
  run("/kies " + code + " F9");
  EXPECT_TRUE(contains(last_text("C1"), "nog niemand")) << last_text("C1");
  EXPECT_EQ(repo_.call_rows.back().state, CallState::kOpen);
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

TEST_F(Commands, HelpListsTheCommands) {
  run("/help");
  EXPECT_TRUE(contains(last_text("C1"), "/crisis")) << last_text("C1");
  EXPECT_TRUE(contains(last_text("C1"), "/sluit")) << last_text("C1");
  EXPECT_EQ(repo_.audits("command.help").front().actor, "C1");
}

}  // namespace
}  // namespace noodbel
