// The first end-to-end crisis call through Engine::handle and Engine::tick, with an
// in-memory repository, the real templates and a manual clock.
#include "bot/engine.h"
#include "bot/phone.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "bot/outbound.h"
#include "support/fake_hasher.h"
#include "support/fake_random.h"
#include "support/memory_repository.h"
#include "support/reply_parser.h"
#include "support/shipped_data.h"

namespace noodbel {
namespace {

constexpr UnixTime kMonday10h = 1763974800;  // 2025-11-24 10:00 Europe/Brussels

std::vector<Place> test_places() {
  return {{"9000", "Gent", "Oost-Vlaanderen", "VLG", {51.05, 3.71667}},
          {"9820", "Merelbeke", "Oost-Vlaanderen", "VLG", {50.99, 3.75}},
          {"9300", "Aalst", "Oost-Vlaanderen", "VLG", {50.94, 4.04}},
          {"2000", "Antwerpen", "Antwerpen", "VLG", {51.218, 4.4136}},
          {"8000", "Brugge", "West-Vlaanderen", "VLG", {51.2089, 3.2242}}};
}

Templates load_templates() {
  return test_data::shipped_templates();
}

std::string phone_of(const std::string& family_id) {
  return "+3247000" + family_id.substr(1);  // F0001 -> +32470000001
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class EngineScenario : public ::testing::Test {
 protected:
  EngineScenario()
      : postcodes_(Postcodes::from_places(test_places())),
        templates_(load_templates()),
        clock_(kMonday10h),
        guard_(test_data::guard_with({"Emma", "Lucas"}, {"Gent", "Aalst"})),
        engine_(config_, postcodes_, templates_, {clock_, random_, hasher_}, guard_,
                test_data::shipped_reply_parser()) {
    config_.services = default_services();
    config_.calls.wave_size = 3;
    repo_.upsert_caseworker({"C001", "oost-vlaanderen", "An Peeters",
                             {{Channel::kTelegram, "1001"}}, Role::kCaseworker, Language::kNl});
    repo_.upsert_caseworker({"C002", "antwerpen", "Jan Jacobs",
                             {{Channel::kTelegram, "1002"}}, Role::kCaseworker, Language::kNl});
    add_family("F0001", "9820", 30);                      // ~7 km
    add_family("F0002", "9300", 30, Language::kFr);       // ~25 km, French
    add_family("F0003", "9000", 20);                      // 0 km
    add_family("F0004", "2000", 30);                      // too far (~52 km)
    add_family("F0005", "9000", 30).paused_until = kMonday10h + 86400;
    add_family("F0006", "9000", 30).opted_in = false;
    add_family("F0007", "9000", 30).max_age_months = 24;  // babies only
    add_family("F0008", "8000", 50);                      // ~37 km: second wave
    for (const Family& f : families_) repo_.upsert_family(f);
  }

  Family& add_family(const std::string& id, const std::string& postcode, int max_km,
                     Language lang = Language::kNl) {
    Family f;
    f.id = id;
    f.service = "oost-vlaanderen";
    f.display_name = "Gezin " + id;
    f.contacts = {{Channel::kSms, phone_of(id)}};
    f.postcode = postcode;
    f.home = postcodes_.by_postcode(postcode)->point;
    f.max_distance_km = max_km;
    f.languages = {lang};
    f.preferred_language = lang;
    families_.push_back(f);
    return families_.back();
  }

  void from_caseworker(const std::string& text, const std::string& address = "1001") {
    engine_.handle({Channel::kTelegram, address, "t" + std::to_string(++sequence_), text,
                    clock_.now(), std::nullopt},
                   repo_);
  }
  void from_family(const std::string& id, const std::string& text) {
    engine_.handle(
        {Channel::kSms, phone_of(id), "s" + std::to_string(++sequence_), text, clock_.now(),
         std::nullopt},
        repo_);
  }

  std::vector<std::string> texts_to(const std::string& id) const {
    std::vector<std::string> out;
    for (const OutboxItem& item : repo_.outbox_for(id)) out.push_back(item.message.text);
    return out;
  }
  std::string last_text_to(const std::string& id) const {
    const auto texts = texts_to(id);
    return texts.empty() ? "" : texts.back();
  }
  // Opens the standard call and returns its code.
  std::string open_standard_call() {
    from_caseworker("/crisis leeftijd=4 postcode=9000 taal=nl duur=3d Korte toelichting");
    EXPECT_EQ(repo_.call_rows.size(), 1u);
    return repo_.call_rows.empty() ? "" : repo_.call_rows.back().code;
  }
  std::optional<Response> response_of(const std::string& family_id) const {
    for (const Response& r : repo_.response_rows) {
      if (r.family_id == family_id) return r;
    }
    return std::nullopt;
  }

  void TearDown() override {
    for (const OutboxItem& item : repo_.outbox) {
      EXPECT_FALSE(contains(item.message.text, "{")) << item.message.text;
      EXPECT_FALSE(contains(item.message.text, "}")) << item.message.text;
    }
    EXPECT_TRUE(repo_.audits("template.error").empty());
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
  std::vector<Family> families_;
  int sequence_ = 0;
};

TEST_F(EngineScenario, CrisisCommandOpensACallAndReachesTheNearestEligibleFamilies) {
  const std::string code = open_standard_call();
  ASSERT_TRUE(is_call_code(code)) << code;
  const Call& call = repo_.call_rows.front();
  EXPECT_EQ(call.state, CallState::kOpen);
  EXPECT_EQ(call.service, "oost-vlaanderen");
  EXPECT_EQ(call.caseworker_id, "C001");
  EXPECT_EQ(call.ages_months, std::vector<int>{48});
  EXPECT_EQ(call.place, "Gent");

  const std::vector<Recipient> wave = repo_.recipients(call.id);
  ASSERT_EQ(wave.size(), 3u);
  EXPECT_EQ(wave[0].family_id, "F0003");
  EXPECT_EQ(wave[1].family_id, "F0001");
  EXPECT_EQ(wave[2].family_id, "F0002");
  for (const Recipient& r : wave) EXPECT_EQ(r.wave, 1);

  for (const char* id : {"F0004", "F0005", "F0006", "F0007", "F0008"}) {
    EXPECT_TRUE(texts_to(id).empty()) << id;
  }
  const std::string offer = last_text_to("F0003");
  EXPECT_TRUE(contains(offer, "JA " + code)) << offer;
  EXPECT_TRUE(contains(offer, "NEE " + code)) << offer;
  EXPECT_TRUE(contains(offer, "4 jaar")) << offer;
  EXPECT_TRUE(contains(offer, "Gent")) << offer;
  EXPECT_TRUE(contains(offer, "3 dagen")) << offer;
  EXPECT_TRUE(contains(offer, "Korte toelichting")) << offer;
  EXPECT_LE(offer.size(), 306u);
  const OutboxItem first = repo_.outbox_for("F0003").front();
  EXPECT_EQ(first.message.priority, 0);
  EXPECT_EQ(first.message.call_id, call.id);
  EXPECT_EQ(first.message.channel, Channel::kSms);
  EXPECT_EQ(first.message.address, phone_of("F0003"));

  const std::string french = last_text_to("F0002");
  EXPECT_TRUE(contains(french, "OUI " + code)) << french;
  EXPECT_TRUE(contains(french, "4 ans")) << french;

  const std::string opened = last_text_to("C001");
  EXPECT_TRUE(contains(opened, code)) << opened;
  EXPECT_TRUE(contains(opened, "Verstuurd naar 3 van de 4 beschikbare gezinnen")) << opened;
  EXPECT_EQ(repo_.outbox_for("C001").front().message.address, "1001");
  ASSERT_EQ(repo_.audits("call.open").size(), 1u);
  EXPECT_EQ(repo_.audits("call.open").front().actor, "C001");
  EXPECT_FALSE(contains(repo_.audits("call.open").front().detail, "toelichting"));
}

TEST_F(EngineScenario, FamiliesAnswerAndEveryAnswerIsRecordedAndAcknowledged) {
  const std::string code = open_standard_call();
  from_family("F0003", "ja");
  from_family("F0002", "nee");
  from_family("F0001", "ja " + code);

  ASSERT_TRUE(response_of("F0003"));
  EXPECT_EQ(response_of("F0003")->answer, Answer::kYes);
  EXPECT_EQ(response_of("F0003")->answered_at, kMonday10h);
  EXPECT_EQ(response_of("F0002")->answer, Answer::kNo);
  EXPECT_EQ(response_of("F0001")->answer, Answer::kYes);
  EXPECT_TRUE(contains(last_text_to("F0003"), "We noteren: JA voor " + code));
  EXPECT_TRUE(contains(last_text_to("F0002"), "NON pour " + code));
  EXPECT_TRUE(contains(last_text_to("F0001"), "We noteren: JA voor " + code));
  EXPECT_EQ(repo_.audits("response.record").size(), 3u);
}

TEST_F(EngineScenario, BoardListsTheYesAnswersRankedByDistance) {
  const std::string code = open_standard_call();
  from_family("F0001", "ja");  // 7 km, answers first
  from_family("F0002", "nee");
  from_family("F0003", "ja");  // 0 km
  from_caseworker("/bord " + code);

  const std::string board = last_text_to("C001");
  const auto first = board.find("F0003");
  const auto second = board.find("F0001");
  ASSERT_NE(first, std::string::npos) << board;
  ASSERT_NE(second, std::string::npos) << board;
  EXPECT_LT(first, second) << board;
  EXPECT_TRUE(contains(board, "1. Gezin F0003 (F0003): JA, 0 km")) << board;
  EXPECT_TRUE(contains(board, "Ja 2, misschien 0, nee 1, nog geen antwoord 0")) << board;
  EXPECT_TRUE(contains(board, "Nee (1): Gezin F0002: \"nee\"")) << board;  // named, not ranked
}

TEST_F(EngineScenario, PickingAndConfirmingTellsTheChosenFamilyFirstAndOnlyThenTheOthers) {
  const std::string code = open_standard_call();
  from_family("F0003", "ja");
  from_family("F0001", "ja");
  from_family("F0002", "peut-etre, seulement a partir de 18h");
  const std::size_t to_f0003 = texts_to("F0003").size();
  from_caseworker("/kies " + code + " f0001");

  EXPECT_EQ(repo_.call_rows.front().state, CallState::kOpen);
  EXPECT_EQ(repo_.call_rows.front().chosen_family, "F0001");
  const std::string chosen = last_text_to("C001");
  EXPECT_TRUE(contains(chosen, "Gezin F0001")) << chosen;
  EXPECT_TRUE(contains(chosen, display_phone(phone_of("F0001")))) << chosen;
  EXPECT_TRUE(contains(last_text_to("F0001"), "Jullie zijn gekozen")) << last_text_to("F0001");
  EXPECT_TRUE(contains(last_text_to("F0001"), "Pleegzorg Oost-Vlaanderen"));
  EXPECT_EQ(texts_to("F0003").size(), to_f0003);  // nobody else is released yet

  from_caseworker("/bevestig " + code);
  const Call& call = repo_.call_rows.front();
  EXPECT_EQ(call.state, CallState::kMatched);
  EXPECT_EQ(call.matched_family, "F0001");
  EXPECT_EQ(call.closed_at, kMonday10h);
  EXPECT_TRUE(contains(last_text_to("F0001"), "Bevestigd")) << last_text_to("F0001");
  EXPECT_TRUE(contains(last_text_to("F0003"), "er een gezin gevonden")) << last_text_to("F0003");
  EXPECT_TRUE(contains(last_text_to("F0002"), "Une famille a été trouvée"))
      << last_text_to("F0002");
  EXPECT_TRUE(texts_to("F0008").empty());
  ASSERT_EQ(repo_.audits("call.match").size(), 1u);
  EXPECT_EQ(repo_.audits("call.match").front().actor, "C001");
}

TEST_F(EngineScenario, AnAnswerAfterTheMatchIsToldTheCallIsFilledAndNotRecorded) {
  const std::string code = open_standard_call();
  from_family("F0003", "ja");
  from_caseworker("/kies " + code + " F0003");
  from_caseworker("/bevestig " + code);
  from_family("F0001", "ja " + code);

  EXPECT_FALSE(response_of("F0001"));
  EXPECT_TRUE(contains(last_text_to("F0001"), "is al afgesloten")) << last_text_to("F0001");
  from_family("F0002", "oui");  // no code, no open call left: its only recent call is meant
  EXPECT_FALSE(response_of("F0002"));
  EXPECT_TRUE(contains(last_text_to("F0002"), "est déjà fermé")) << last_text_to("F0002");
}

TEST_F(EngineScenario, UnknownCommandAnswersWithTheCommandList) {
  from_caseworker("/foo bar");
  const std::string text = last_text_to("C001");
  EXPECT_TRUE(contains(text, "/foo")) << text;
  EXPECT_TRUE(contains(text, "/crisis")) << text;
  EXPECT_TRUE(contains(text, "/kies K42 1")) << text;
}

TEST_F(EngineScenario, BoardWithoutCodeAndNoOpenCallSaysHowToOpenOrViewOne) {
  from_caseworker("/bord");
  EXPECT_TRUE(contains(last_text_to("C001"), "geen open oproep")) << last_text_to("C001");
  EXPECT_TRUE(contains(last_text_to("C001"), "/bord K42")) << last_text_to("C001");
}

TEST_F(EngineScenario, BoardOfAnUnknownCodeSaysNoSuchCall) {
  open_standard_call();
  const std::string code = repo_.call_rows.front().code == "Z99" ? "Y98" : "Z99";
  from_caseworker("/bord " + code);
  EXPECT_TRUE(contains(last_text_to("C001"), "geen oproep met code " + code))
      << last_text_to("C001");
}

TEST_F(EngineScenario, PickingAFamilyThatSaidNoIsRefusedAndChangesNothing) {
  const std::string code = open_standard_call();
  from_family("F0003", "ja");
  from_family("F0002", "nee");
  const std::size_t outbox_before = repo_.outbox.size();
  from_caseworker("/kies " + code + " F0002");

  EXPECT_EQ(repo_.call_rows.front().state, CallState::kOpen);
  EXPECT_EQ(repo_.outbox.size(), outbox_before + 1);  // only the error
  const std::string text = last_text_to("C001");
  EXPECT_TRUE(contains(text, "(F0002) heeft geen ja of misschien")) << text;
  EXPECT_TRUE(contains(text, "F0003")) << text;
}

TEST_F(EngineScenario, AFamilyAnsweringWithACodeItWasNotSentIsToldSo) {
  const std::string code = open_standard_call();
  const std::string other = code == "Z99" ? "Y98" : "Z99";
  from_family("F0003", "ja " + other);
  EXPECT_FALSE(response_of("F0003"));
  EXPECT_TRUE(contains(last_text_to("F0003"), "Oproep " + other + " vinden we niet"));
  // F0008 exists but was not sent this call (second wave), even with the real code.
  from_family("F0008", "ja " + code);
  EXPECT_FALSE(response_of("F0008"));
  EXPECT_TRUE(contains(last_text_to("F0008"), "Oproep " + code + " vinden we niet"));
}

TEST_F(EngineScenario, UnknownSenderGetsOneGenericReplyAndIsAuditedWithoutItsAddress) {
  EXPECT_EQ(engine_.handle({Channel::kSms, "+32499123456", "x1", "ja", clock_.now(), std::nullopt},
                           repo_),
            HandleOutcome::kUnknownSender);
  ASSERT_EQ(repo_.outbox.size(), 1u);  // the generic reply; more in throttle_test.cpp
  EXPECT_EQ(repo_.outbox.front().message.address, "+32499123456");
  const auto audits = repo_.audits("inbound.unknown_sender");
  ASSERT_EQ(audits.size(), 1u);
  EXPECT_FALSE(contains(audits.front().detail, "+32499")) << audits.front().detail;
  EXPECT_TRUE(contains(audits.front().detail, "sms")) << audits.front().detail;
}

TEST_F(EngineScenario, ADuplicateProviderMessageIsHandledOnce) {
  const InboundMessage m{Channel::kTelegram, "1001", "same", "/help", clock_.now(), std::nullopt};
  EXPECT_EQ(engine_.handle(m, repo_), HandleOutcome::kHandled);
  EXPECT_EQ(engine_.handle(m, repo_), HandleOutcome::kDuplicate);
  EXPECT_EQ(texts_to("C001").size(), 1u);
}

TEST_F(EngineScenario, ACallWithoutEligibleFamiliesStillOpensAndSaysSoClearly) {
  from_caseworker("/crisis leeftijd=4,7 postcode=9000 taal=nl Broer en zus");  // max 1 child
  ASSERT_EQ(repo_.call_rows.size(), 1u);
  EXPECT_EQ(repo_.call_rows.front().state, CallState::kOpen);
  EXPECT_TRUE(repo_.recipient_rows.empty());
  EXPECT_TRUE(contains(last_text_to("C001"), "GEEN beschikbaar gezin")) << last_text_to("C001");
}

TEST_F(EngineScenario, ABadCrisisRequestGetsTheReasonTemplateAndStoresNothing) {
  from_caseworker("/crisis leeftijd=abc postcode=9000");
  EXPECT_TRUE(repo_.call_rows.empty());
  EXPECT_TRUE(repo_.recipient_rows.empty());
  const std::string text = last_text_to("C001");
  EXPECT_TRUE(contains(text, "abc")) << text;
  EXPECT_TRUE(contains(text, "leeftijd=")) << text;
  ASSERT_EQ(repo_.audits("command.rejected").size(), 1u);
  EXPECT_TRUE(contains(repo_.audits("command.rejected").front().detail, "err_crisis_bad_age"));
}

TEST_F(EngineScenario, TickSendsTheNextWaveAfterTheIntervalAndExpiresOldCalls) {
  const std::string code = open_standard_call();
  clock_.advance(14 * 60);
  engine_.tick(repo_);
  EXPECT_TRUE(texts_to("F0008").empty());
  clock_.advance(60);
  engine_.tick(repo_);
  ASSERT_EQ(texts_to("F0008").size(), 1u);
  EXPECT_TRUE(contains(last_text_to("F0008"), "JA " + code));
  EXPECT_EQ(repo_.recipients(repo_.call_rows.front().id).back().wave, 2);

  from_family("F0008", "ja");
  clock_.set(kMonday10h + 24 * 3600);
  engine_.tick(repo_);
  EXPECT_EQ(repo_.call_rows.front().state, CallState::kExpired);
  EXPECT_TRUE(contains(last_text_to("C001"), "is verlopen")) << last_text_to("C001");
  EXPECT_TRUE(contains(last_text_to("F0008"), "is afgesloten")) << last_text_to("F0008");
}

TEST_F(EngineScenario, ACallWhoseNoteNamesTheChildIsRefusedAndReachesNoFamily) {
  from_caseworker("/crisis leeftijd=4 postcode=9000 Lucas (4) moet vandaag weg, bel 0470 12 34 56");
  EXPECT_TRUE(repo_.call_rows.empty());
  EXPECT_TRUE(repo_.recipient_rows.empty());
  for (const Family& f : families_) EXPECT_TRUE(texts_to(f.id).empty()) << f.id;
  const std::string text = last_text_to("C001");
  EXPECT_TRUE(contains(text, "niet verstuurd")) << text;
  EXPECT_TRUE(contains(text, "'Lucas'")) << text;
  EXPECT_TRUE(contains(text, "'0470 12 34 56'")) << text;
  // Rephrased, the same call goes out.
  from_caseworker("/crisis leeftijd=4 postcode=9000 De jongen moet vandaag weg");
  ASSERT_EQ(repo_.call_rows.size(), 1u);
  EXPECT_EQ(repo_.recipients(repo_.call_rows.front().id).size(), 3u);
}

TEST_F(EngineScenario, LaterWavesUseTheWaveSizeGivenWithTheCall) {
  from_caseworker("/crisis leeftijd=4 postcode=9000 golf=1 Korte toelichting");
  const Call call = repo_.call_rows.front();
  EXPECT_EQ(call.wave_size, 1);
  EXPECT_EQ(repo_.recipients(call.id).size(), 1u);
  clock_.advance(15 * 60);
  engine_.tick(repo_);
  const auto sent = repo_.recipients(call.id);
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(sent.back().family_id, "F0001");
  EXPECT_EQ(sent.back().wave, 2);
}

TEST_F(EngineScenario, EveryEndOfACallIsStoredWithWhoEndedIt) {
  const std::string code = open_standard_call();
  from_family("F0003", "ja");
  from_caseworker("/kies " + code + " F0003");
  EXPECT_EQ(repo_.call_rows.front().chosen_by, "C001");
  from_caseworker("/bevestig " + code);
  EXPECT_EQ(repo_.call_rows.front().closed_by, "C001");
  from_caseworker("/crisis leeftijd=4 postcode=9000 Korte toelichting");
  clock_.advance(24 * 3600);
  engine_.tick(repo_);
  EXPECT_EQ(repo_.call_rows.back().state, CallState::kExpired);
  EXPECT_EQ(repo_.call_rows.back().closed_by, "system");
  EXPECT_EQ(repo_.audits("call.expire").back().actor, "system");
}

TEST_F(EngineScenario, AFamilyThatSaysStopIsNotReachedByTheNextCall) {
  from_family("F0003", "stop");
  EXPECT_TRUE(contains(last_text_to("F0003"), "geen oproepen van Noodbel meer"));
  open_standard_call();
  EXPECT_EQ(texts_to("F0003").size(), 1u);  // only the confirmation
  EXPECT_FALSE(repo_.family("F0003")->opted_in);
}

// The template files themselves are checked in templates_catalog_test.cpp.

}  // namespace
}  // namespace noodbel
