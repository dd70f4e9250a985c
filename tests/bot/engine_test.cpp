// The first end-to-end crisis call through Engine::handle and Engine::tick, with an
// in-memory repository, the real templates and a manual clock.
#include "bot/engine.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "bot/local_time.h"
#include "bot/outbound.h"
#include "bot/reply_parser.h"
#include "support/memory_repository.h"

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
  Result<Templates> t = Templates::load(NOODBEL_SOURCE_DIR "/templates");
  if (!t) throw std::runtime_error(t.error().message);
  return std::move(t).value();
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
        engine_(config_, postcodes_, templates_, clock_) {
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

  Config config_;
  Postcodes postcodes_;
  Templates templates_;
  ManualClock clock_;
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
  EXPECT_TRUE(contains(last_text_to("F0003"), "We noteren JA voor " + code));
  EXPECT_TRUE(contains(last_text_to("F0002"), "NON pour " + code));
  EXPECT_TRUE(contains(last_text_to("F0001"), "We noteren JA voor " + code));
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
  EXPECT_FALSE(contains(board, "F0002")) << board;
  EXPECT_TRUE(contains(board, "Gezin F0003")) << board;
  EXPECT_TRUE(contains(board, "ja: 2, misschien: 0, nee: 1, nog geen antwoord: 0")) << board;
}

TEST_F(EngineScenario, PickingAFamilyTellsTheCaseworkerTheChosenFamilyAndTheOthers) {
  const std::string code = open_standard_call();
  from_family("F0003", "ja");
  from_family("F0001", "ja");
  from_family("F0002", "peut-etre, seulement a partir de 18h");
  from_caseworker("/kies " + code + " f0001");

  const Call& call = repo_.call_rows.front();
  EXPECT_EQ(call.state, CallState::kMatched);
  EXPECT_EQ(call.matched_family, "F0001");
  EXPECT_EQ(call.closed_at, kMonday10h);
  const std::string done = last_text_to("C001");
  EXPECT_TRUE(contains(done, "Gezin F0001")) << done;
  EXPECT_TRUE(contains(done, phone_of("F0001"))) << done;
  EXPECT_TRUE(contains(last_text_to("F0001"), "Jullie zijn gekozen")) << last_text_to("F0001");
  EXPECT_TRUE(contains(last_text_to("F0001"), "Pleegzorg Oost-Vlaanderen"));
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
  from_family("F0001", "ja " + code);

  EXPECT_FALSE(response_of("F0001"));
  EXPECT_TRUE(contains(last_text_to("F0001"), "is al afgesloten")) << last_text_to("F0001");
  from_family("F0002", "oui");  // no code, no open call left
  EXPECT_FALSE(response_of("F0002"));
  EXPECT_TRUE(contains(last_text_to("F0002"), "Aucun appel")) << last_text_to("F0002");
}

TEST_F(EngineScenario, UnknownCommandAnswersWithTheCommandList) {
  from_caseworker("/foo bar");
  const std::string text = last_text_to("C001");
  EXPECT_TRUE(contains(text, "/foo")) << text;
  EXPECT_TRUE(contains(text, "/crisis")) << text;
  EXPECT_TRUE(contains(text, "/kies K42 F0012")) << text;
}

TEST_F(EngineScenario, BoardWithoutCodeExplainsWhatIsMissing) {
  from_caseworker("/bord");
  EXPECT_TRUE(contains(last_text_to("C001"), "Geef de code van de oproep mee, bv. /bord K42"))
      << last_text_to("C001");
  EXPECT_EQ(repo_.audits("command.rejected").size(), 1u);
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
  EXPECT_TRUE(contains(text, "F0002 heeft geen ja of misschien")) << text;
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

TEST_F(EngineScenario, UnknownSenderGetsNothingAndIsAuditedMasked) {
  EXPECT_EQ(engine_.handle({Channel::kSms, "+32499123456", "x1", "ja", clock_.now(), std::nullopt},
                           repo_),
            HandleOutcome::kUnknownSender);
  EXPECT_TRUE(repo_.outbox.empty());
  const auto audits = repo_.audits("inbound.unknown_sender");
  ASSERT_EQ(audits.size(), 1u);
  EXPECT_FALSE(contains(audits.front().detail, "+32499123456")) << audits.front().detail;
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

TEST_F(EngineScenario, AFamilyThatSaysStopIsNotReachedByTheNextCall) {
  from_family("F0003", "stop");
  EXPECT_TRUE(contains(last_text_to("F0003"), "geen oproepen van Noodbel meer"));
  open_standard_call();
  EXPECT_EQ(texts_to("F0003").size(), 1u);  // only the confirmation
  EXPECT_FALSE(repo_.family("F0003")->opted_in);
}

// --- the template files themselves ---

constexpr Language kAllLanguages[] = {Language::kNl, Language::kFr, Language::kEn};

std::set<std::string> placeholders(const std::string& text) {
  std::set<std::string> out;
  const std::string unescaped = std::regex_replace(text, std::regex("\\{\\{|\\}\\}"), "");
  const std::regex placeholder("\\{([a-z_]+)\\}");
  for (auto it = std::sregex_iterator(unescaped.begin(), unescaped.end(), placeholder);
       it != std::sregex_iterator(); ++it) {
    out.insert((*it)[1]);
  }
  return out;
}

// Code points of a UTF-8 text (the texts are valid UTF-8).
std::vector<char32_t> code_points(const std::string& s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : c & (0x3F >> (n - 1));
    for (int k = 1; k < n && i + k < s.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    out.push_back(cp);
    i += static_cast<std::size_t>(n);
  }
  return out;
}

// Septets of a text in the GSM 03.38 alphabet; -1 when a character is outside it.
int gsm7_septets(const std::string& text) {
  static const std::u32string basic =
      U"@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ"
      U" !\"#¤%&'()*+,-./0123456789:;<=>?"
      U"¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
  static const std::u32string extension = U"^{}\\[~]|€";
  int septets = 0;
  for (char32_t c : code_points(text)) {
    if (basic.find(c) != std::u32string::npos) {
      septets += 1;
    } else if (extension.find(c) != std::u32string::npos) {
      septets += 2;
    } else {
      return -1;
    }
  }
  return septets;
}

// Templates sent to families by SMS, and the pieces rendered into them.
const std::vector<std::string> kFamilyTemplates = {
    "call_offer", "call_line", "which_call", "err_unknown_code", "no_open_call",
    "call_already_filled", "ack_yes", "ack_no", "ack_maybe", "stopped", "started", "paused",
    "err_pause_date", "resumed", "err_distance", "distance_set", "status_active",
    "status_paused", "status_stopped", "family_help", "call_closed_family", "picked_family",
    "not_picked_family", "and", "age_year", "age_years", "age_month", "age_months", "lang_nl",
    "lang_fr", "lang_en", "lang_any", "duration_hour", "duration_hours", "duration_day",
    "duration_days", "duration_week", "duration_weeks", "from_now", "note_none"};

// The raw text of templates/<lang>/<name>.txt.
std::string template_file(Language lang, const std::string& name) {
  std::ifstream in(std::string(NOODBEL_SOURCE_DIR "/templates/") + std::string(to_string(lang)) +
                   "/" + name + ".txt");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(TemplateFiles, EveryTemplateExistsInEveryLanguageWithTheSamePlaceholders) {
  const Templates templates = load_templates();
  std::set<std::string> names;
  for (Language lang : kAllLanguages) {
    for (const std::string& n : templates.names(lang)) names.insert(n);
  }
  ASSERT_GT(names.size(), 60u);
  for (const std::string& name : names) {
    const std::set<std::string> dutch = placeholders(template_file(Language::kNl, name));
    for (Language lang : kAllLanguages) {
      EXPECT_TRUE(templates.has(lang, name)) << name << " missing in " << to_string(lang);
      EXPECT_EQ(placeholders(template_file(lang, name)), dutch) << name << " " << to_string(lang);
    }
  }
}

TEST(TemplateFiles, FamilyTextsUseOnlyTheGsmAlphabet) {
  for (const std::string& name : kFamilyTemplates) {
    for (Language lang : kAllLanguages) {
      const std::string text = template_file(lang, name);
      ASSERT_FALSE(text.empty()) << name << " " << to_string(lang);
      EXPECT_GE(gsm7_septets(text), 0) << name << " " << to_string(lang) << ": " << text;
    }
  }
}

TEST(TemplateFiles, ACallOfferWithTypicalValuesFitsInTwoSmsParts) {
  const Templates templates = load_templates();
  Call call;
  call.code = "K42";
  call.ages_months = {48, 84};
  call.place = "Sint-Niklaas";
  call.languages = {Language::kNl, Language::kFr};
  call.duration_hours = 72;
  call.needed_from = kMonday10h + 8 * 3600 + 30 * 60;
  call.note = "Broer en zus, rustig, gaan graag naar school, hebben een knuffel mee.";
  for (Language lang : kAllLanguages) {
    Result<TemplateArgs> args = call_args(templates, lang, call, kMonday10h);
    ASSERT_TRUE(args.ok()) << args.error().message;
    args->emplace_back("distance_km", "23");
    const Result<std::string> text = templates.render(lang, "call_offer", *args);
    ASSERT_TRUE(text.ok()) << text.error().message;
    const int septets = gsm7_septets(*text);
    EXPECT_GE(septets, 0) << *text;
    EXPECT_LE(septets, 306) << *text;
    EXPECT_NE(text->find("24/11 18:30"), std::string::npos) << *text;
  }
}

TEST(TemplateFiles, AgesDurationsAndLanguagesReadNaturally) {
  const Templates t = load_templates();
  EXPECT_EQ(*render_ages(t, Language::kNl, {48}), "4 jaar");
  EXPECT_EQ(*render_ages(t, Language::kNl, {3}), "3 maanden");
  EXPECT_EQ(*render_ages(t, Language::kNl, {1}), "1 maand");
  EXPECT_EQ(*render_ages(t, Language::kNl, {48, 84}), "4 en 7 jaar");
  EXPECT_EQ(*render_ages(t, Language::kNl, {3, 48}), "3 maanden en 4 jaar");
  EXPECT_EQ(*render_ages(t, Language::kNl, {18}), "18 maanden");
  EXPECT_EQ(*render_ages(t, Language::kNl, {24, 36, 60}), "2, 3 en 5 jaar");
  EXPECT_EQ(*render_ages(t, Language::kFr, {12}), "1 an");
  EXPECT_EQ(*render_ages(t, Language::kFr, {48, 84}), "4 et 7 ans");
  EXPECT_EQ(*render_ages(t, Language::kEn, {3}), "3 months");
  EXPECT_EQ(*render_duration(t, Language::kNl, 72), "3 dagen");
  EXPECT_EQ(*render_duration(t, Language::kNl, 12), "12 uur");
  EXPECT_EQ(*render_duration(t, Language::kEn, 168), "1 week");
  EXPECT_EQ(*render_duration(t, Language::kFr, 24), "1 jour");
  EXPECT_EQ(*render_languages(t, Language::kNl, {Language::kNl, Language::kFr}),
            "Nederlands en Frans");
  EXPECT_EQ(*render_languages(t, Language::kEn, {}), "no preference");
  EXPECT_EQ(*render_from(t, Language::kNl, kMonday10h, kMonday10h), "nu");
  EXPECT_EQ(*render_from(t, Language::kNl, kMonday10h + 3600, kMonday10h), "24/11 11:00");
}

}  // namespace
}  // namespace noodbel
