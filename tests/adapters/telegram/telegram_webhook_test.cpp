#include "adapters/telegram/telegram_webhook.h"

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "store/store.h"
#include "support/store/fault_injecting_store.h"
#include "support/store/wall_clock.h"

namespace noodbel::telegram {
namespace {

using nlohmann::json;

constexpr UnixTime kNow = 1'760'000'000;
constexpr const char* kSecret = "3f9c0b6e2a7d41c8b5e0f2a9d6c3b1e7";

json text_update(std::int64_t update_id, const std::string& text) {
  return {{"update_id", update_id},
          {"message",
           {{"message_id", 1365},
            {"from", {{"id", 7012345678}, {"is_bot", false}, {"first_name", "An"}}},
            {"chat", {{"id", 7012345678}, {"first_name", "An"}, {"type", "private"}}},
            {"date", kNow},
            {"text", text}}}};
}

// The route with a deliver function that records messages in the real inbox (through a
// FaultInjectingStore, so storage can fail on demand), so a duplicate shows as the store
// would see it.
class TelegramWebhookTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = store::Store::open(":memory:", ::noodbel::testing_support::wall_clock());
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    store_ = std::move(opened).value();
    faults_ = std::make_unique<testing_support::FaultInjectingStore>(*store_);
    add_webhook_route(router_, WebhookDeps{kSecret, clock_, [this](const InboundMessage& m) {
                                             return deliver(m);
                                           }});
  }

  Result<InboundOutcome> deliver(const InboundMessage& m) {
    if (fail_with_) return *fail_with_;
    delivered_.push_back(m);
    bool fresh = false;
    const Status s = faults_->transaction([&](Repository& repo) -> Status {
      fresh = repo.remember_inbound(m);
      return Ok();
    });
    if (!s.ok()) return s.error();
    if (fresh) ++handled_;
    return fresh ? InboundOutcome::kHandled : InboundOutcome::kDuplicate;
  }

  HttpResponse post(const std::string& body, std::optional<std::string> secret = kSecret) {
    HttpRequest r;
    r.method = "POST";
    r.path = std::string(kWebhookPath);
    r.target = r.path;
    r.body = body;
    r.headers["content-type"] = "application/json";
    if (secret) r.headers["x-telegram-bot-api-secret-token"] = *secret;
    return router_.handle(r);
  }

  ManualClock clock_{kNow};
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<testing_support::FaultInjectingStore> faults_;
  Router router_;
  std::vector<InboundMessage> delivered_;
  int handled_ = 0;
  std::optional<Error> fail_with_;
};

TEST_F(TelegramWebhookTest, AnUpdateWithTheRightSecretIsDeliveredAndAnswered200) {
  const HttpResponse r = post(text_update(905612345, "ja K42").dump());
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(json::parse(r.body), json::object());
  ASSERT_EQ(delivered_.size(), 1u);
  EXPECT_EQ(delivered_[0].channel, Channel::kTelegram);
  EXPECT_EQ(delivered_[0].address, "7012345678");
  EXPECT_EQ(delivered_[0].provider_id, "tg:905612345");
  EXPECT_EQ(delivered_[0].text, "ja K42");
  EXPECT_EQ(delivered_[0].received_at, kNow);
}

TEST_F(TelegramWebhookTest, AWrongMissingOrEmptySecretIs403AndNothingIsStored) {
  for (const std::optional<std::string>& secret :
       {std::optional<std::string>("3f9c0b6e2a7d41c8b5e0f2a9d6c3b1e8"),
        std::optional<std::string>("3f9c0b6e2a7d41c8"), std::optional<std::string>(""),
        std::optional<std::string>(std::nullopt)}) {
    const HttpResponse r = post(text_update(1, "ja").dump(), secret);
    EXPECT_EQ(r.status, 403) << secret.value_or("(none)");
    EXPECT_NE(json::parse(r.body)["error"].get<std::string>().find("X-Telegram-Bot-Api-Secret-Token"),
              std::string::npos);
  }
  EXPECT_TRUE(delivered_.empty());
  // The same update, properly signed, is still new: the refused ones left no trace.
  EXPECT_EQ(post(text_update(1, "ja").dump()).status, 200);
  EXPECT_EQ(handled_, 1);
}

TEST_F(TelegramWebhookTest, AFullDiskIs503WithNothingStoredAndTelegramsRetryIsHandled) {
  faults_->set_plan({.fail_next = 1, .disk_full = true});
  const std::string body = text_update(905612400, "ja K42").dump();
  const HttpResponse refused = post(body);
  EXPECT_EQ(refused.status, 503);
  EXPECT_NE(refused.body.find("retry later"), std::string::npos) << refused.body;
  EXPECT_EQ(handled_, 0);
  EXPECT_EQ(faults_->failures(), 1);
  // Telegram sends the same update again: it is new to the store, so it is handled now.
  EXPECT_EQ(post(body).status, 200);
  EXPECT_EQ(handled_, 1);
}

TEST_F(TelegramWebhookTest, AStoreFailingOnEveryWriteIsNever200) {
  faults_->set_plan({.fail_always = true, .writes_only = true});
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(post(text_update(905612500 + i, "ja").dump()).status, 503);
  }
  EXPECT_EQ(handled_, 0);
  faults_->clear();
  EXPECT_EQ(post(text_update(905612500, "ja").dump()).status, 200);
  EXPECT_EQ(handled_, 1);
}

TEST_F(TelegramWebhookTest, TheSecretIsCheckedBeforeTheBodyIsRead) {
  EXPECT_EQ(post("garbage", std::string("wrong")).status, 403);
}

TEST_F(TelegramWebhookTest, ADuplicateUpdateIsAcknowledgedButHandledOnce) {
  const std::string body = text_update(905612399, "ja").dump();
  EXPECT_EQ(post(body).status, 200);
  EXPECT_EQ(post(body).status, 200);
  EXPECT_EQ(delivered_.size(), 2u);
  EXPECT_EQ(delivered_[0].provider_id, delivered_[1].provider_id);
  EXPECT_EQ(handled_, 1);
}

TEST_F(TelegramWebhookTest, AMalformedBodyIsLoggedAndAnswered200SoTelegramDoesNotRetryIt) {
  for (const char* body : {"", "not json", "[1,2,3]", R"({"update_id": "x"})",
                           R"({"update_id": 5, "message": {"message_id": 1}})"}) {
    const HttpResponse r = post(body);
    EXPECT_EQ(r.status, 200) << body;
  }
  EXPECT_TRUE(delivered_.empty());
}

TEST_F(TelegramWebhookTest, IgnoredUpdateKindsAre200AndNotDelivered) {
  const json edited{{"update_id", 6},
                    {"edited_message",
                     {{"message_id", 1}, {"chat", {{"id", 1}, {"type", "private"}}}, {"text", "ja"}}}};
  EXPECT_EQ(post(edited.dump()).status, 200);
  EXPECT_TRUE(delivered_.empty());
}

TEST_F(TelegramWebhookTest, AButtonPressIsDeliveredAndAnsweredInTheResponse) {
  const json update{
      {"update_id", 905612347},
      {"callback_query",
       {{"id", "4382bfdwdsb323b2d9"},
        {"from", {{"id", 7012345678}, {"is_bot", false}, {"first_name", "An"}}},
        {"message",
         {{"message_id", 77}, {"chat", {{"id", 7012345678}, {"type", "private"}}}, {"date", kNow}}},
        {"chat_instance", "-812345"},
        {"data", "a:K42:no"}}}};
  const HttpResponse r = post(update.dump());
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(json::parse(r.body),
            json({{"method", "answerCallbackQuery"}, {"callback_query_id", "4382bfdwdsb323b2d9"}}));
  ASSERT_EQ(delivered_.size(), 1u);
  EXPECT_EQ(delivered_[0].text, "nee K42");
  EXPECT_EQ(delivered_[0].reply_to, "tg:7012345678:77");
}

TEST_F(TelegramWebhookTest, AStoreFailureIs503SoTelegramRetries) {
  fail_with_ = Error::Unavailable("database is locked");
  EXPECT_EQ(post(text_update(7, "ja").dump()).status, 503);
  fail_with_ = Error::Internal("disk I/O error");
  EXPECT_EQ(post(text_update(7, "ja").dump()).status, 500);
  fail_with_.reset();
  EXPECT_EQ(post(text_update(7, "ja").dump()).status, 200);
  EXPECT_EQ(handled_, 1);
}

TEST_F(TelegramWebhookTest, OtherMethodsAre405) {
  HttpRequest r;
  r.method = "GET";
  r.path = std::string(kWebhookPath);
  EXPECT_EQ(router_.handle(r).status, 405);
}

TEST(SecretMatches, ComparesWholeStringsAndNeverMatchesAnEmptySecret) {
  EXPECT_TRUE(secret_matches("abcdef0123456789", "abcdef0123456789"));
  EXPECT_FALSE(secret_matches("abcdef0123456789", "abcdef012345678"));
  EXPECT_FALSE(secret_matches("abcdef0123456789", "abcdef01234567890"));
  EXPECT_FALSE(secret_matches("abcdef0123456789", "Abcdef0123456789"));
  EXPECT_FALSE(secret_matches("", ""));
}

}  // namespace
}  // namespace noodbel::telegram
