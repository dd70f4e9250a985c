// Telegram linking: link codes, "/start CODE" through Engine::handle and the caseworker
// command /koppel, with an in-memory repository, the real templates and a manual clock.
#include "bot/linking.h"

#include <gtest/gtest.h>

#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "bot/commands.h"
#include "bot/engine.h"
#include "support/fake_hasher.h"
#include "support/fake_random.h"
#include "support/memory_repository.h"
#include "support/reply_parser.h"
#include "support/shipped_data.h"

namespace noodbel {
namespace {

constexpr UnixTime kMonday10h = 1763974800;  // 2025-11-24 10:00 Europe/Brussels
constexpr std::string_view kCode = "AB3DEF7G";

Templates load_templates() {
  return test_data::shipped_templates();
}

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

// --- codes ---

TEST(LinkCode, RandomCodesHaveEightCharactersOfTheUnambiguousAlphabet) {
  const FakeRandom random(7);
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const Result<std::string> code = random_link_code(random);
    ASSERT_TRUE(code.ok());
    ASSERT_EQ(code->size(), kLinkCodeLength);
    for (const char ch : *code) {
      EXPECT_NE(kLinkCodeAlphabet.find(ch), std::string_view::npos) << *code;
    }
    seen.insert(*code);
  }
  EXPECT_EQ(seen.size(), 200u);
}

TEST(LinkCode, RandomCodeIsUnavailableWhenTheGeneratorFails) {
  FakeRandom random(7);
  random.fail_from_now_on();
  const Result<std::string> code = random_link_code(random);
  ASSERT_FALSE(code.ok());
  EXPECT_EQ(code.error().kind, ErrorKind::kUnavailable);
}

TEST(LinkCode, AlphabetLeavesOutLookAlikes) {
  for (const char ch : std::string_view("0O1IL")) {
    EXPECT_EQ(kLinkCodeAlphabet.find(ch), std::string_view::npos) << ch;
  }
  EXPECT_EQ(kLinkCodeAlphabet.size(), 31u);
}

TEST(LinkCode, NormalizingAcceptsAnyCaseSpacesAndDashes) {
  EXPECT_EQ(normalize_link_code("AB3DEF7G"), "AB3DEF7G");
  EXPECT_EQ(normalize_link_code("ab3def7g"), "AB3DEF7G");
  EXPECT_EQ(normalize_link_code("ab3d-ef7g"), "AB3DEF7G");
  EXPECT_EQ(normalize_link_code(" AB3D EF7G "), "AB3DEF7G");
}

TEST(LinkCode, NormalizingRefusesWrongLengthsAndCharacters) {
  EXPECT_EQ(normalize_link_code(""), std::nullopt);
  EXPECT_EQ(normalize_link_code("AB3DEF7"), std::nullopt);
  EXPECT_EQ(normalize_link_code("AB3DEF7GH"), std::nullopt);
  EXPECT_EQ(normalize_link_code("AB3DEF70"), std::nullopt);  // zero
  EXPECT_EQ(normalize_link_code("AB3DEFOG"), std::nullopt);  // letter O
  EXPECT_EQ(normalize_link_code("AB3DEF7!"), std::nullopt);
  EXPECT_EQ(normalize_link_code("AB3DÉF7G"), std::nullopt);
}

// The real SHA-256 is tested with its adapter (tests/adapters/crypto).
TEST(LinkCode, HashIsTheHashersDigestOfTheCode) {
  const FakeHasher hasher;
  EXPECT_EQ(link_code_hash(hasher, kCode), hasher.sha256_hex(kCode));
  EXPECT_EQ(link_code_hash(hasher, kCode).size(), 64u);
  EXPECT_NE(link_code_hash(hasher, "AB3DEF7G"), link_code_hash(hasher, "AB3DEF7H"));
}

TEST(LinkCode, DeepLinkNeedsTheBotUsername) {
  EXPECT_EQ(telegram_deep_link("noodbel_bot", kCode), "https://t.me/noodbel_bot?start=AB3DEF7G");
  EXPECT_EQ(telegram_deep_link("", kCode), "");
}

TEST(StartArgument, ReadsTheCodeAfterStartInAnyCaseAndWithTheBotName) {
  EXPECT_EQ(start_argument("/start AB3DEF7G"), "AB3DEF7G");
  EXPECT_EQ(start_argument("/START ab3def7g"), "ab3def7g");
  EXPECT_EQ(start_argument("/start@noodbel_bot AB3DEF7G"), "AB3DEF7G");
  EXPECT_EQ(start_argument("/start"), "");
  EXPECT_EQ(start_argument("  /start   "), "");
}

TEST(StartArgument, IgnoresTextThatIsNotAStartCommand) {
  EXPECT_EQ(start_argument("start AB3DEF7G"), std::nullopt);  // the family's "start" intent
  EXPECT_EQ(start_argument("/started"), std::nullopt);
  EXPECT_EQ(start_argument("/stop"), std::nullopt);
  EXPECT_EQ(start_argument(""), std::nullopt);
}

// --- issuing and redeeming through the engine ---

class Linking : public ::testing::Test {
 protected:
  Linking()
      : postcodes_(
            Postcodes::from_places({{"9000", "Gent", "Oost-Vlaanderen", "VLG", {51.05, 3.71667}},
                                    {"2000", "Antwerpen", "Antwerpen", "VLG", {51.218, 4.4136}}})),
        templates_(load_templates()),
        clock_(kMonday10h),
        guard_(test_data::guard_with({"Emma"}, {"Gent"})),
        engine_(config_, postcodes_, templates_, {clock_, random_, hasher_}, guard_,
                test_data::shipped_reply_parser()) {
    config_.services = default_services();
    config_.telegram_bot_username = "noodbel_test_bot";
    repo_.upsert_caseworker({"C001", "oost-vlaanderen", "An Peeters",
                             {{Channel::kTelegram, "1001"}}, Role::kCaseworker, Language::kNl});
    repo_.upsert_caseworker({"C002", "antwerpen", "Jan Jacobs",
                             {{Channel::kTelegram, "1002"}}, Role::kCaseworker, Language::kNl});
    add_family("F0001", "oost-vlaanderen", "9000", Language::kFr);
    add_family("F0002", "oost-vlaanderen", "9000", Language::kNl).contacts.push_back(
        {Channel::kTelegram, "7002"});
    add_family("F0003", "antwerpen", "2000", Language::kEn);
  }

  Family& add_family(const std::string& id, const std::string& service,
                     const std::string& postcode, Language lang) {
    Family f;
    f.id = id;
    f.service = service;
    f.display_name = "Gezin " + id;
    f.contacts = {{Channel::kSms, "+3247000" + id.substr(1)}};
    f.postcode = postcode;
    f.home = postcodes_.by_postcode(postcode)->point;
    f.languages = {lang};
    f.preferred_language = lang;
    repo_.upsert_family(f);
    return repo_.family_rows.back();
  }

  HandleOutcome from_chat(const std::string& chat, const std::string& text) {
    return engine_.handle({Channel::kTelegram, chat, "u" + std::to_string(++sequence_), text,
                           clock_.now(), std::nullopt},
                          repo_);
  }
  // Stores kCode (or `code`) for the family, as the CLI does.
  void issue(const std::string& family_id, std::string_view code = kCode) {
    ASSERT_TRUE(issue_link_code(repo_, hasher_, family_id, "admin", code, clock_.now()).ok());
  }
  std::string render(Language lang, std::string_view name, const TemplateArgs& args = {}) {
    Result<std::string> r = templates_.render(lang, name, args);
    if (!r) throw std::runtime_error(r.error().message);
    return *r;
  }
  // The newest message to a chat (any recipient id), or "".
  std::string last_text_to_chat(const std::string& chat) const {
    std::string text;
    for (const OutboxItem& item : repo_.outbox) {
      if (item.message.channel == Channel::kTelegram && item.message.address == chat) {
        text = item.message.text;
      }
    }
    return text;
  }
  int messages_to_chat(const std::string& chat) const {
    int n = 0;
    for (const OutboxItem& item : repo_.outbox) {
      n += item.message.channel == Channel::kTelegram && item.message.address == chat ? 1 : 0;
    }
    return n;
  }
  std::vector<Contact> contacts_of(const std::string& id) { return repo_.family(id)->contacts; }
  bool code_used(std::string_view code = kCode) {
    const std::optional<LinkCode> c = repo_.link_code(link_code_hash(hasher_, code));
    return c && c->used_at.has_value();
  }

  void TearDown() override {
    for (const OutboxItem& item : repo_.outbox) {
      EXPECT_FALSE(contains(item.message.text, "{")) << item.message.text;
    }
    for (const AuditEntry& a : repo_.audit_log) {
      EXPECT_FALSE(contains(a.detail, "+3247")) << a.detail;  // no phone numbers
      EXPECT_FALSE(contains(a.detail, kCode)) << a.detail;    // never the code
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
  int sequence_ = 0;
};

TEST_F(Linking, IssuingForAnUnknownFamilyIsRefusedAndStoresNothing) {
  const Result<IssuedLinkCode> r = issue_link_code(repo_, hasher_, "F0099", "admin", kCode, clock_.now());
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, ErrorKind::kNotFound);
  EXPECT_TRUE(contains(r.error().message, "F0099"));
  EXPECT_TRUE(repo_.link_code_rows.empty());
}

TEST_F(Linking, IssuedCodeIsStoredOnlyAsAHashValidForSevenDays) {
  const Result<IssuedLinkCode> r =
      issue_link_code(repo_, hasher_, "F0001", "C001", "ab3d-ef7g", kMonday10h);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->code, kCode);
  EXPECT_EQ(r->expires_at, kMonday10h + 7 * 24 * 3600);
  ASSERT_EQ(repo_.link_code_rows.size(), 1u);
  EXPECT_EQ(repo_.link_code_rows[0].code_hash, link_code_hash(hasher_, kCode));
  EXPECT_EQ(repo_.link_code_rows[0].family_id, "F0001");
  ASSERT_EQ(repo_.audits("family.link_code").size(), 1u);
  EXPECT_EQ(repo_.audits("family.link_code")[0].actor, "C001");
}

TEST_F(Linking, ValidCodeMakesTheChatTheFirstContactAndAnswersInTheFamilysLanguage) {
  issue("F0001");
  EXPECT_EQ(from_chat("7001", "/start AB3DEF7G"), HandleOutcome::kHandled);
  const std::vector<Contact> expected{{Channel::kTelegram, "7001"}, {Channel::kSms, "+32470000001"}};
  EXPECT_EQ(contacts_of("F0001"), expected);
  EXPECT_TRUE(code_used());
  EXPECT_EQ(last_text_to_chat("7001"),
            render(Language::kFr, "link_done", {{"service", "Pleegzorg Oost-Vlaanderen"}}));
  ASSERT_EQ(repo_.outbox_for("F0001").size(), 1u);
  EXPECT_EQ(repo_.outbox_for("F0001")[0].message.address, "7001");
  ASSERT_EQ(repo_.audits("family.link").size(), 1u);
  EXPECT_EQ(repo_.audits("family.link")[0].actor, "F0001");
  EXPECT_EQ(repo_.sender_by_contact(Channel::kTelegram, "7001").id, "F0001");
}

TEST_F(Linking, CodeIsAcceptedInAnyCaseAndWithTheBotName) {
  issue("F0001");
  from_chat("7001", "/START@noodbel_test_bot ab3d-ef7g");
  EXPECT_EQ(contacts_of("F0001").front(), (Contact{Channel::kTelegram, "7001"}));
  EXPECT_TRUE(code_used());
}

TEST_F(Linking, ExpiredCodeIsRefusedWithAClearAnswerAndNothingStored) {
  issue("F0001");
  clock_.advance(7 * 24 * 3600);
  from_chat("7001", "/start AB3DEF7G");
  EXPECT_EQ(contacts_of("F0001").size(), 1u);
  EXPECT_FALSE(code_used());
  EXPECT_EQ(last_text_to_chat("7001"), render(Language::kFr, "link_expired_code"));
  EXPECT_TRUE(repo_.outbox_for("F0001").empty());
}

TEST_F(Linking, UsedCodeIsRefusedForASecondChat) {
  issue("F0001");
  from_chat("7001", "/start AB3DEF7G");
  from_chat("7009", "/start AB3DEF7G");
  EXPECT_EQ(last_text_to_chat("7009"), render(Language::kFr, "link_used_code"));
  EXPECT_EQ(contacts_of("F0001").front(), (Contact{Channel::kTelegram, "7001"}));
  EXPECT_EQ(contacts_of("F0001").size(), 2u);
}

TEST_F(Linking, WrongOrMalformedCodesGetTheWrongCodeAnswerAndStoreNothing) {
  issue("F0001");
  for (const std::string text : {"/start ZZZZZZZZ", "/start 12345", "/start AB3DEF7G extra"}) {
    from_chat("7001", text);
    EXPECT_EQ(last_text_to_chat("7001"), render(Language::kNl, "link_wrong_code")) << text;
  }
  EXPECT_EQ(contacts_of("F0001").size(), 1u);
  EXPECT_FALSE(code_used());
  EXPECT_EQ(repo_.audits("family.link_refused").size(), 3u);
}

TEST_F(Linking, OlderCodeStopsWorkingWhenANewOneIsIssued) {
  issue("F0001", "AB3DEF7G");
  issue("F0001", "HJK2MN3P");
  from_chat("7001", "/start AB3DEF7G");
  EXPECT_EQ(last_text_to_chat("7001"), render(Language::kNl, "link_wrong_code"));
  from_chat("7001", "/start HJK2MN3P");
  EXPECT_EQ(contacts_of("F0001").front(), (Contact{Channel::kTelegram, "7001"}));
}

TEST_F(Linking, ChatOfAnotherFamilyOrACaseworkerIsRefusedAndTheCodeStaysUnused) {
  issue("F0001");
  from_chat("7002", "/start AB3DEF7G");  // F0002's chat
  EXPECT_EQ(last_text_to_chat("7002"), render(Language::kFr, "link_chat_taken"));
  from_chat("1001", "/start AB3DEF7G");  // caseworker C001's chat
  EXPECT_EQ(last_text_to_chat("1001"), render(Language::kFr, "link_chat_taken"));
  EXPECT_EQ(contacts_of("F0001").size(), 1u);
  EXPECT_EQ(contacts_of("F0002").size(), 2u);
  EXPECT_FALSE(code_used());
}

TEST_F(Linking, ChatAlreadyLinkedToTheSameFamilyMovesToTheFront) {
  issue("F0002");
  from_chat("7002", "/start AB3DEF7G");
  const std::vector<Contact> expected{{Channel::kTelegram, "7002"}, {Channel::kSms, "+32470000002"}};
  EXPECT_EQ(contacts_of("F0002"), expected);
  EXPECT_TRUE(code_used());
}

TEST_F(Linking, PlainStartFromAnUnknownChatGetsTheLinkingHelp) {
  EXPECT_EQ(from_chat("7001", "/start"), HandleOutcome::kHandled);
  EXPECT_EQ(last_text_to_chat("7001"), render(Language::kNl, "link_start_help"));
  EXPECT_TRUE(repo_.audits("inbound.unknown_sender").empty());
}

TEST_F(Linking, PlainStartFromAFamilyTakesTheNormalPath) {
  Family f = *repo_.family("F0002");
  f.opted_in = false;
  repo_.upsert_family(f);
  from_chat("7002", "/start");
  EXPECT_TRUE(repo_.family("F0002")->opted_in);  // the family's own "start": messages again
  EXPECT_TRUE(repo_.audits("family.link_help").empty());
}

TEST_F(Linking, StartIsAnsweredEvenAfterTheUnknownSenderReplyWasUsed) {
  issue("F0001");
  from_chat("7001", "hallo?");
  from_chat("7001", "wie is dit?");
  EXPECT_EQ(messages_to_chat("7001"), 1);  // one unknown-sender reply a day
  EXPECT_EQ(from_chat("7001", "/start AB3DEF7G"), HandleOutcome::kHandled);
  EXPECT_EQ(messages_to_chat("7001"), 2);
  EXPECT_TRUE(code_used());
}

TEST_F(Linking, TooManyAttemptsFromOneChatAreNoLongerAnswered) {
  for (int i = 0; i < kLinkAttemptsPerDay; ++i) from_chat("7001", "/start ZZZZZZZZ");
  EXPECT_EQ(messages_to_chat("7001"), kLinkAttemptsPerDay);
  issue("F0001");
  from_chat("7001", "/start AB3DEF7G");
  EXPECT_EQ(messages_to_chat("7001"), kLinkAttemptsPerDay);
  EXPECT_FALSE(code_used());
  clock_.advance(24 * 3600);
  from_chat("7001", "/start AB3DEF7G");
  EXPECT_TRUE(code_used());
}

TEST_F(Linking, StartOnAnotherChannelIsNotLinking) {
  issue("F0001");
  engine_.handle({Channel::kSms, "+32471999999", "s1", "/start AB3DEF7G", clock_.now(),
                  std::nullopt},
                 repo_);
  EXPECT_FALSE(code_used());
  EXPECT_EQ(repo_.audits("inbound.unknown_sender").size(), 1u);
}

TEST_F(Linking, LinkedFamilyIsReachedByACrisisCallOnTelegram) {
  issue("F0001");
  from_chat("7001", "/start AB3DEF7G");
  from_chat("1001", "/crisis leeftijd=4 postcode=9000 taal=nl duur=3d Korte toelichting");
  ASSERT_EQ(repo_.call_rows.size(), 1u);
  bool reached = false;
  for (const OutboxItem& item : repo_.outbox_for("F0001")) {
    if (item.message.call_id == repo_.call_rows[0].id) {
      reached = item.message.channel == Channel::kTelegram && item.message.address == "7001";
    }
  }
  EXPECT_TRUE(reached);
}

// --- /koppel ---

std::string code_in(const std::string& reply) {
  const std::size_t at = reply.find("/start ");
  return at == std::string::npos ? "" : reply.substr(at + 7, kLinkCodeLength);
}

TEST_F(Linking, KoppelAnswersWithACodeAndDeepLinkTheFamilyCanUse) {
  from_chat("1001", "/koppel f0001");
  const std::string reply = last_text_to_chat("1001");
  const std::string code = code_in(reply);
  ASSERT_TRUE(normalize_link_code(code).has_value()) << reply;
  EXPECT_TRUE(contains(reply, "https://t.me/noodbel_test_bot?start=" + code)) << reply;
  EXPECT_TRUE(contains(reply, "F0001"));
  EXPECT_EQ(repo_.audits("family.link_code").at(0).actor, "C001");
  from_chat("7001", "/start " + code);
  EXPECT_EQ(contacts_of("F0001").front(), (Contact{Channel::kTelegram, "7001"}));
}

TEST_F(Linking, KoppelWithoutBotUsernameGivesTheCodeOnly) {
  config_.telegram_bot_username.clear();
  from_chat("1001", "/link F0001");
  const std::string reply = last_text_to_chat("1001");
  EXPECT_TRUE(normalize_link_code(code_in(reply)).has_value()) << reply;
  EXPECT_FALSE(contains(reply, "t.me")) << reply;
}

TEST_F(Linking, KoppelRefusesAFamilyOfAnotherServiceAndStoresNothing) {
  from_chat("1001", "/koppel F0003");
  EXPECT_EQ(last_text_to_chat("1001"),
            render(Language::kNl, "err_link_other_service",
                   {{"family", "F0003"}, {"service", "Pleegzorg Provincie Antwerpen"}}));
  EXPECT_TRUE(repo_.link_code_rows.empty());
}

TEST_F(Linking, KoppelWithoutOrWithAnUnknownFamilyExplainsTheUsage) {
  from_chat("1001", "/koppel");
  EXPECT_EQ(last_text_to_chat("1001"),
            render(Language::kNl, "err_missing_family_id", {{"example", "/koppel F0012"}}));
  from_chat("1001", "/koppel F0099");
  EXPECT_EQ(last_text_to_chat("1001"),
            render(Language::kNl, "err_unknown_family",
                   {{"family", "F0099"}, {"example", "/koppel F0012"}}));
  EXPECT_TRUE(repo_.link_code_rows.empty());
}

}  // namespace
}  // namespace noodbel
