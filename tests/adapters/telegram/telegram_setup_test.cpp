#include "adapters/telegram/telegram_setup.h"

#include <regex>
#include <string>

#include <gtest/gtest.h>

#include "adapters/data/templates_loader.h"
#include "adapters/telegram/telegram_channel.h"
#include "store/store.h"
#include "stub_bot_api.h"
#include "support/paths/source_paths.h"
#include "support/sample_call.h"
#include "support/store/wall_clock.h"

namespace noodbel::telegram {
namespace {

using nlohmann::json;
using testing_support::kToken;
using testing_support::StubBotApi;
using testing_support::StubReply;

Templates shipped_templates() {
  auto t = load_templates(noodbel::testing::source_path("/templates"));
  EXPECT_TRUE(t.ok()) << (t.ok() ? "" : t.error().message);
  return t.ok() ? std::move(t).value() : Templates::from_map({});
}

class TelegramSetupTest : public ::testing::Test {
 protected:
  StubBotApi stub_;
  std::unique_ptr<HttpClient> client_ = make_http_client();
  TelegramApi api_{*client_, stub_.base_url(), kToken};
  Templates templates_ = shipped_templates();
};

TEST_F(TelegramSetupTest, RegistersTheWebhookWithItsSecretAndTheUpdateKinds) {
  ASSERT_TRUE(register_webhook(api_, "https://noodbel.example.be", "3f9c0b6e2a7d41c8b5e0f2a9d6c3b1e7").ok());
  const auto calls = stub_.calls("setWebhook");
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].params["url"], "https://noodbel.example.be/webhooks/telegram");
  EXPECT_EQ(calls[0].params["secret_token"], "3f9c0b6e2a7d41c8b5e0f2a9d6c3b1e7");
  EXPECT_EQ(calls[0].params["allowed_updates"], json({"message", "callback_query"}));
}

TEST_F(TelegramSetupTest, ARefusedWebhookIsInvalidAndAnOutageUnavailable) {
  stub_.script("setWebhook", StubReply::error(400, "Bad Request: bad webhook: HTTPS url must be provided for webhook"));
  const Status refused = register_webhook(api_, "https://x.example", "3f9c0b6e2a7d41c8b5e0f2a9d6c3b1e7");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(refused.error().message.find("HTTPS url must be provided"), std::string::npos);
  stub_.script("setWebhook", StubReply::error(502, "Bad Gateway"));
  EXPECT_EQ(register_webhook(api_, "https://x.example", "s").error().kind, ErrorKind::kUnavailable);
}

TEST_F(TelegramSetupTest, PollingRemovesTheWebhookButKeepsPendingUpdates) {
  ASSERT_TRUE(remove_webhook(api_).ok());
  const auto calls = stub_.calls("deleteWebhook");
  ASSERT_EQ(calls.size(), 1u);
  EXPECT_EQ(calls[0].params["drop_pending_updates"], false);
}

TEST_F(TelegramSetupTest, CommandsAreValidForTelegramInEveryLanguage) {
  const std::regex command("[a-z0-9_]{1,32}");
  for (const Language lang : {Language::kNl, Language::kFr, Language::kEn}) {
    const auto commands = caseworker_commands(templates_, lang);
    ASSERT_TRUE(commands.ok()) << commands.error().message;
    ASSERT_EQ(commands->size(), 15u);  // every caseworker command, /help included
    for (const BotCommand& c : *commands) {
      EXPECT_TRUE(std::regex_match(c.command, command)) << c.command;
      EXPECT_FALSE(c.description.empty()) << c.command;
      EXPECT_LE(c.description.size(), 256u) << c.command;
    }
  }
  EXPECT_EQ(caseworker_commands(templates_, Language::kNl)->front().command, "crisis");
  EXPECT_EQ(caseworker_commands(templates_, Language::kEn)->front().command, "new");
  EXPECT_EQ(caseworker_commands(templates_, Language::kFr)->at(2).command, "board");
}

TEST_F(TelegramSetupTest, PublishesCommandsInEachCaseworkerChatOnlyAndSkipsUnknownChats) {
  stub_.script("setMyCommands", StubReply::error(400, "Bad Request: chat not found"));
  const Status s = publish_commands(api_, templates_, {{"111", Language::kNl}, {"222", Language::kEn}});
  ASSERT_TRUE(s.ok()) << s.error().message;
  const auto calls = stub_.calls("setMyCommands");
  ASSERT_EQ(calls.size(), 2u);
  EXPECT_EQ(calls[1].params["scope"], json({{"type", "chat"}, {"chat_id", 222}}));
  EXPECT_EQ(calls[1].params["commands"][0]["command"], "new");
  EXPECT_EQ(calls[1].params["commands"][0]["description"], "Open a crisis call");
}

TEST_F(TelegramSetupTest, AnOutageWhilePublishingIsReturnedForARetry) {
  stub_.script("setMyCommands", StubReply::error(500, "Internal Server Error"));
  const Status s = publish_commands(api_, templates_, {{"111", Language::kNl}, {"222", Language::kNl}});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind, ErrorKind::kUnavailable);
  EXPECT_EQ(stub_.calls("setMyCommands").size(), 1u);
}

TEST_F(TelegramSetupTest, CaseworkerChatsComeFromTheirTelegramContacts) {
  auto opened = store::Store::open(":memory:", ::noodbel::testing_support::wall_clock());
  ASSERT_TRUE(opened.ok());
  auto store = std::move(opened).value();
  ASSERT_TRUE(store->transaction([](Repository& repo) -> Status {
    Caseworker a{"C001", "oost-vlaanderen", "An", {{Channel::kSms, "+32470123456"}, {Channel::kTelegram, "111"}}};
    Caseworker b{"C002", "limburg", "Bart", {{Channel::kSms, "+32470123457"}}};
    a.language = Language::kFr;
    repo.upsert_caseworker(a);
    repo.upsert_caseworker(b);
    return Ok();
  }).ok());
  const std::vector<CommandChat> chats = caseworker_chats(*store);
  ASSERT_EQ(chats.size(), 1u);
  EXPECT_EQ(chats[0].chat_id, "111");
  EXPECT_EQ(chats[0].language, Language::kFr);
}

// --- the configuration check at start ---

TelegramConfig enabled_webhook() {
  TelegramConfig c;
  c.enabled = true;
  c.token = kToken;
  c.webhook_secret = "3f9c0b6e2a7d41c8b5e0f2a9d6c3b1e7";
  c.public_url = "https://noodbel.example.be";
  return c;
}

TEST(CheckConfig, NamesWhatIsMissingToStart) {
  EXPECT_TRUE(check_config(TelegramConfig{}).ok());  // disabled: nothing needed
  EXPECT_TRUE(check_config(enabled_webhook()).ok());
  TelegramConfig no_token = enabled_webhook();
  no_token.token.clear();
  EXPECT_NE(check_config(no_token).error().message.find("NOODBEL_TELEGRAM_TOKEN"), std::string::npos);
  TelegramConfig no_secret = enabled_webhook();
  no_secret.webhook_secret.clear();
  EXPECT_NE(check_config(no_secret).error().message.find("NOODBEL_TELEGRAM_WEBHOOK_SECRET"),
            std::string::npos);
  TelegramConfig no_url = enabled_webhook();
  no_url.public_url.clear();
  EXPECT_NE(check_config(no_url).error().message.find("telegram.public_url"), std::string::npos);
  TelegramConfig polling = no_url;
  polling.webhook_secret.clear();
  polling.mode = TelegramMode::kPolling;
  EXPECT_TRUE(check_config(polling).ok());
}

TEST(CallButtonsFromStore, GivesTheCodeAndFamilyLanguageOfAnOpenCallOnly) {
  auto opened = store::Store::open(":memory:", ::noodbel::testing_support::wall_clock());
  ASSERT_TRUE(opened.ok());
  auto store = std::move(opened).value();
  std::int64_t open_id = 0;
  std::int64_t closed_id = 0;
  ASSERT_TRUE(store->transaction([&](Repository& repo) -> Status {
    Family f;
    f.id = "F0012";
    f.service = "oost-vlaanderen";
    f.display_name = "Gezin Peeters";
    f.postcode = "9000";
    f.contacts = {{Channel::kTelegram, "555"}};
    f.preferred_language = Language::kFr;
    repo.upsert_family(f);
    Call call = testing::sample_call_k42(1'760'000'000);
    repo.upsert_caseworker({"C001", "oost-vlaanderen", "An", {{Channel::kTelegram, "111"}}});
    open_id = repo.insert_call(call);
    call.code = "B17";
    closed_id = repo.insert_call(call);
    call.id = closed_id;
    call.state = CallState::kClosed;
    call.closed_at = call.created_at + 60;
    repo.update_call(call);
    return Ok();
  }).ok());
  const CallButtonsLookup lookup = call_buttons_from_store(*store, Language::kNl);
  OutboundMessage m;
  m.recipient_id = "F0012";
  m.call_id = open_id;
  const auto buttons = lookup(m);
  ASSERT_TRUE(buttons);
  EXPECT_EQ(buttons->call_code, "K42");
  EXPECT_EQ(buttons->language, Language::kFr);
  m.call_id = closed_id;
  EXPECT_FALSE(lookup(m));
  m.call_id = open_id;
  m.recipient_id = "F9999";  // unknown family: the fallback language
  EXPECT_EQ(lookup(m)->language, Language::kNl);
}

}  // namespace
}  // namespace noodbel::telegram
