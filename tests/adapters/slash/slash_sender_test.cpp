// SlashSender against a fake Slack / Mattermost on 127.0.0.1 (the real HTTP client, plain
// http on loopback), a real Store on ":memory:" and a storage wrapper that fails on demand.
#include "adapters/slash/slash_sender.h"

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "adapters/app/dispatcher_config.h"
#include "adapters/config/config.h"
#include "adapters/dispatch/dispatcher.h"
#include "adapters/dispatch/fake_sender.h"
#include "adapters/slash/slash_text.h"
#include "store/store.h"
#include "support/net/fake_slack.h"
#include "support/store/must.h"
#include "support/store/wall_clock.h"

namespace noodbel {

using ::noodbel::testing_support::must;
namespace {

using testing_support::FakeSlack;

constexpr UnixTime kNow = 1'760'000'000;
constexpr const char* kResponsePath = "/commands/T0001/1/abc";
constexpr const char* kServicePath = "/services/T0001/B0SERVICE/x";
constexpr const char* kOwnPath = "/services/T0001/B0OWN/y";

// Storage faults on demand (the switches are shared with the test after the move).
struct Faults {
  std::atomic<bool> take{false};
  std::atomic<bool> forget{false};
  std::atomic<bool> service{false};
};

class FaultyPushRoutes final : public PushRoutes {
 public:
  FaultyPushRoutes(std::unique_ptr<PushRoutes> real, std::shared_ptr<Faults> faults)
      : real_(std::move(real)), faults_(std::move(faults)) {}
  Result<std::optional<store::ResponseUrl>> take_response_url(const std::string& user,
                                                              UnixTime now) override {
    if (faults_->take) return Error::Unavailable("database is locked");
    return real_->take_response_url(user, now);
  }
  Status forget_response_url(const std::string& user, const std::string& url) override {
    if (faults_->forget) return Error::Internal("disk I/O error");
    return real_->forget_response_url(user, url);
  }
  Result<std::optional<std::string>> service_of(const std::string& id) override {
    if (faults_->service) return Error::Unavailable("database is locked");
    return real_->service_of(id);
  }

 private:
  std::unique_ptr<PushRoutes> real_;
  std::shared_ptr<Faults> faults_;
};

class SlashSenderTest : public ::testing::Test {
 protected:
  SlashSenderTest() {
    auto opened = store::Store::open(":memory:", ::noodbel::testing_support::wall_clock());
    if (!opened.ok()) throw std::runtime_error(opened.error().message);
    store_ = std::move(opened).value();
    const Status s = store_->transaction([](Repository& repo) -> Status {
      repo.upsert_caseworker({"C001", "oost-vlaanderen", "An Peeters",
                              {{Channel::kSlash, "U012ABC"}, {Channel::kTelegram, "1001"}},
                              Role::kCaseworker, Language::kNl});
      repo.upsert_caseworker({"C006", "antwerpen", "Sara Maes", {{Channel::kSlash, "U0SIX"}},
                              Role::kCaseworker, Language::kNl});
      return Ok();
    });
    if (!s.ok()) throw std::runtime_error(s.error().message);
    config_.webhooks["oost-vlaanderen"] = slack_.url(kServicePath);
    sender_ = std::make_unique<SlashSender>(
        config_, *client_,
        std::make_unique<FaultyPushRoutes>(make_push_routes(*store_, *store_), faults_), clock_);
  }

  void remember(const std::string& user, const std::string& provider, UnixTime at) {
    const Status s = store_->transaction(
        [](Repository&) -> Status { return Ok(); },
        store::ChannelState{store::fresh_response_url(user, provider, slack_.url(kResponsePath), at)});
    ASSERT_TRUE(s.ok()) << s.error().message;
  }

  static OutboxItem row(std::string text = "Gezin F0001 zei ja op oproep K42",
                        std::string caseworker = "C001", std::string user = "U012ABC") {
    OutboxItem item;
    item.id = 7;
    item.message = {std::move(caseworker), Channel::kSlash, std::move(user), std::move(text), 2,
                    std::nullopt};
    return item;
  }

  // The uses the user's response_url has now (taking one to look).
  int uses_left_now(const std::string& user = "U012ABC") {
    const auto taken = store::take_response_url(*store_, user, clock_.now());
    EXPECT_TRUE(taken.ok());
    return taken.ok() && *taken ? (*taken)->uses_left + 1 : 0;
  }

  FakeSlack slack_;
  ManualClock clock_{kNow};
  std::unique_ptr<store::Store> store_;
  SlashConfig config_;
  std::unique_ptr<HttpClient> client_ = make_http_client();
  std::shared_ptr<Faults> faults_ = std::make_shared<Faults>();
  std::unique_ptr<SlashSender> sender_;
};

// ---- routes ----

TEST_F(SlashSenderTest, TheResponseUrlIsUsedWhileValidAsAnEphemeralNewMessage) {
  remember("U012ABC", "mattermost", kNow - 60);
  const SendResult r = sender_->send(row("Gezin <F0001> & co"));
  ASSERT_EQ(r.kind, SendResult::Kind::kSent) << r.error;
  EXPECT_EQ(r.provider_message_id, "slash:response_url:7");
  const auto posts = slack_.posts();
  ASSERT_EQ(posts.size(), 1u);
  EXPECT_EQ(posts[0].path, kResponsePath);
  EXPECT_EQ(posts[0].content_type, "application/json; charset=utf-8");
  EXPECT_EQ(posts[0].body.value("response_type", ""), "ephemeral");
  EXPECT_EQ(posts[0].body.value("replace_original", true), false);
  EXPECT_EQ(posts[0].body.value("text", ""), "Gezin \\<F0001\\> & co") << "Mattermost: escaped";
}

TEST_F(SlashSenderTest, ASlackResponseUrlGetsEscapedText) {
  remember("U012ABC", "slack", kNow);
  ASSERT_EQ(sender_->send(row("Gezin <F0001> & co")).kind, SendResult::Kind::kSent);
  EXPECT_EQ(slack_.posts().at(0).body.value("text", ""), "Gezin &lt;F0001&gt; &amp; co");
}

TEST_F(SlashSenderTest, UsesAreCountedDownAndTheSixthPushGoesToTheWebhook) {
  remember("U012ABC", "slack", kNow);
  for (int i = 0; i < 5; ++i) {
    const SendResult r = sender_->send(row());
    ASSERT_EQ(r.kind, SendResult::Kind::kSent) << i << ": " << r.error;
    EXPECT_EQ(r.provider_message_id, "slash:response_url:7");
  }
  EXPECT_EQ(slack_.posts(kResponsePath).size(), 5u);
  const SendResult sixth = sender_->send(row());
  ASSERT_EQ(sixth.kind, SendResult::Kind::kSent) << sixth.error;
  EXPECT_EQ(sixth.provider_message_id, "slash:webhook:7");
  EXPECT_EQ(slack_.posts(kResponsePath).size(), 5u);
  const auto hooked = slack_.posts(kServicePath);
  ASSERT_EQ(hooked.size(), 1u);
  EXPECT_EQ(hooked[0].body, nlohmann::json({{"text", "Gezin F0001 zei ja op oproep K42"}}));
}

TEST_F(SlashSenderTest, AnExpiredResponseUrlIsPassedOverForTheWebhook) {
  remember("U012ABC", "slack", kNow - 30 * 60);
  const SendResult r = sender_->send(row());
  ASSERT_EQ(r.kind, SendResult::Kind::kSent) << r.error;
  EXPECT_EQ(r.provider_message_id, "slash:webhook:7");
  EXPECT_TRUE(slack_.posts(kResponsePath).empty());
  EXPECT_EQ(slack_.posts(kServicePath).size(), 1u);
}

TEST_F(SlashSenderTest, ACaseworkersOwnWebhookWinsOverTheServiceWebhook) {
  config_.caseworker_webhooks["C001"] = slack_.url(kOwnPath);
  ASSERT_EQ(sender_->send(row()).kind, SendResult::Kind::kSent);
  EXPECT_EQ(slack_.posts(kOwnPath).size(), 1u);
  EXPECT_TRUE(slack_.posts(kServicePath).empty());
}

TEST_F(SlashSenderTest, AResponseUrlTheProviderRefusesIsForgottenAndTheWebhookTakesTheRow) {
  remember("U012ABC", "mattermost", kNow);
  slack_.script(kResponsePath, {404, R"({"id":"app.command_webhook.get.missing","message":"Unable to find the webhook.","status_code":404})", {}});
  const SendResult r = sender_->send(row());
  ASSERT_EQ(r.kind, SendResult::Kind::kSent) << r.error;
  EXPECT_EQ(r.provider_message_id, "slash:webhook:7");
  EXPECT_EQ(uses_left_now(), 0) << "the refused URL is not tried again";
}

TEST_F(SlashSenderTest, WithoutAnyRouteTheRowFailsPermanentlyNamingTheKeyToSet) {
  config_.webhooks.clear();
  const SendResult r = sender_->send(row());
  ASSERT_EQ(r.kind, SendResult::Kind::kPermanent);
  EXPECT_EQ(r.error,
            "no push route: set [slash.webhooks] for service oost-vlaanderen (or "
            "[slash.caseworker_webhooks] for C001); slash user U012ABC has no valid response_url");
  const SendResult stranger = sender_->send(row("x", "C404", "U0X"));
  ASSERT_EQ(stranger.kind, SendResult::Kind::kPermanent);
  EXPECT_NE(stranger.error.find("C404 is not a registered caseworker"), std::string::npos)
      << stranger.error;
  EXPECT_TRUE(slack_.posts().empty());
}

// ---- how answers are sorted ----

TEST_F(SlashSenderTest, NoServiceAndArchivedChannelArePermanentAndNameTheWebhook) {
  slack_.script(kServicePath, {404, "no_service", {}});
  slack_.script(kServicePath, {410, "channel_is_archived", {}});
  slack_.script(kServicePath, {403, "invalid_token", {}});
  const SendResult gone = sender_->send(row());
  ASSERT_EQ(gone.kind, SendResult::Kind::kPermanent);
  EXPECT_EQ(gone.error,
            "webhook [slash.webhooks] oost-vlaanderen answered HTTP 404 no_service; replace the "
            "URL of [slash.webhooks] oost-vlaanderen");
  const SendResult archived = sender_->send(row());
  ASSERT_EQ(archived.kind, SendResult::Kind::kPermanent);
  EXPECT_NE(archived.error.find("HTTP 410 channel_is_archived"), std::string::npos);
  EXPECT_EQ(sender_->send(row()).kind, SendResult::Kind::kPermanent);
}

TEST_F(SlashSenderTest, TooManyRequestsIsTemporaryWithItsRetryAfter) {
  slack_.script(kServicePath, {429, "rate_limited", {{"Retry-After", "7"}}});
  const SendResult r = sender_->send(row());
  ASSERT_EQ(r.kind, SendResult::Kind::kTemporary);
  EXPECT_EQ(r.retry_after_seconds, 7);
  EXPECT_NE(r.error.find("HTTP 429 rate_limited"), std::string::npos);
}

TEST_F(SlashSenderTest, AResponseUrlServerErrorIsTemporaryAndTheUrlIsKept) {
  remember("U012ABC", "slack", kNow);
  slack_.script(kResponsePath, {500, "rollup_error", {}});
  const SendResult r = sender_->send(row());
  EXPECT_EQ(r.kind, SendResult::Kind::kTemporary);
  EXPECT_FALSE(r.retry_after_seconds.has_value());
  EXPECT_TRUE(slack_.posts(kServicePath).empty()) << "not pushed twice by two routes";
  EXPECT_EQ(uses_left_now(), 4) << "kept, with the use of the failed push spent";
}

TEST_F(SlashSenderTest, WebhookServerErrorsAndTimeoutsAreTemporaryButADisabledWebhookIsNot) {
  slack_.script(kServicePath, {503, "", {}});
  slack_.script(kServicePath, {408, "", {}});
  slack_.script(kServicePath,
                {501, R"({"message":"Incoming webhooks have been disabled by the system admin."})", {}});
  EXPECT_EQ(sender_->send(row()).kind, SendResult::Kind::kTemporary);
  EXPECT_EQ(sender_->send(row()).kind, SendResult::Kind::kTemporary);
  const SendResult disabled = sender_->send(row());
  EXPECT_EQ(disabled.kind, SendResult::Kind::kPermanent);
  EXPECT_NE(disabled.error.find("HTTP 501 Incoming webhooks have been disabled"), std::string::npos)
      << disabled.error;
}

TEST_F(SlashSenderTest, AnUnreachableWebhookIsTemporary) {
  config_.webhooks["oost-vlaanderen"] = "http://127.0.0.1:1/services/x";
  const SendResult r = sender_->send(row());
  EXPECT_EQ(r.kind, SendResult::Kind::kTemporary) << r.error;
  EXPECT_EQ(r.error.find("/services/x"), std::string::npos) << "the secret path is not repeated";
}

// ---- storage ----

TEST_F(SlashSenderTest, WhenTakingAUseFailsNothingIsSentAndTheRowIsRetried) {
  remember("U012ABC", "slack", kNow);
  faults_->take = true;
  const SendResult r = sender_->send(row());
  ASSERT_EQ(r.kind, SendResult::Kind::kTemporary);
  EXPECT_EQ(r.error, "storage: cannot take a use of the response_url: database is locked");
  EXPECT_TRUE(slack_.posts().empty()) << "neither the response_url nor a webhook";
  faults_->take = false;
  EXPECT_EQ(sender_->send(row()).kind, SendResult::Kind::kSent);
  EXPECT_EQ(slack_.posts(kResponsePath).size(), 1u);
  EXPECT_EQ(uses_left_now(), 4) << "only the use of the push that went out was taken";
}

TEST_F(SlashSenderTest, WhenTheServiceLookupOrForgettingFailsTheRowIsRetried) {
  faults_->service = true;
  const SendResult lookup = sender_->send(row());
  EXPECT_EQ(lookup.kind, SendResult::Kind::kTemporary);
  EXPECT_NE(lookup.error.find("storage: cannot look up the caseworker's service"), std::string::npos);
  faults_->service = false;
  remember("U012ABC", "slack", kNow);
  slack_.script(kResponsePath, {404, "expired_url", {}});
  faults_->forget = true;
  const SendResult forget = sender_->send(row());
  EXPECT_EQ(forget.kind, SendResult::Kind::kTemporary);
  EXPECT_NE(forget.error.find("storage: cannot forget a refused response_url"), std::string::npos);
  EXPECT_TRUE(slack_.posts(kServicePath).empty());
}

// ---- through the dispatcher ----

class SlashDispatchTest : public SlashSenderTest {
 protected:
  SlashDispatchTest() {
    Config config;
    config.slash = config_;
    DispatcherOptions o = dispatcher_options(config);
    o.backoff_jitter_percent = 0;
    o.rate_now = [this] { return clock_.now() * 1000; };
    dispatcher_ = std::make_unique<Dispatcher>(*store_, clock_, o);
    dispatcher_->add_channel(std::make_unique<SlashSender>(
        config_, *client_,
        std::make_unique<FaultyPushRoutes>(make_push_routes(*store_, *store_), faults_), clock_));
    telegram_ = std::make_shared<testing_support::FakeSenderState>();
  }

  std::int64_t enqueue() {
    std::int64_t id = 0;
    EXPECT_TRUE(store_->transaction([&](Repository& repo) -> Status {
                        id = repo.enqueue(row().message, clock_.now());
                        return Ok();
                      }).ok());
    return id;
  }

  OutboxItem stored(std::int64_t id) {
    for (const OutboxItem& item : must(store_->outbox_for("C001", 20))) {
      if (item.id == id) return item;
    }
    ADD_FAILURE() << "no row " << id;
    return {};
  }

  std::unique_ptr<Dispatcher> dispatcher_;
  std::shared_ptr<testing_support::FakeSenderState> telegram_;
};

TEST_F(SlashDispatchTest, RowsWaitTheHoldSoTheCommandsResponseCanTakeThemFirst) {
  remember("U012ABC", "slack", kNow);
  const std::int64_t id = enqueue();
  EXPECT_EQ(dispatcher_->run_once(Channel::kSlash), 0);
  clock_.advance(kSlashHoldSeconds - 1);
  EXPECT_EQ(dispatcher_->run_once(Channel::kSlash), 0);
  clock_.advance(1);
  EXPECT_EQ(dispatcher_->run_once(Channel::kSlash), 1);
  EXPECT_EQ(stored(id).state, OutboxState::kSent);
  EXPECT_EQ(slack_.posts(kResponsePath).size(), 1u);
}

TEST_F(SlashDispatchTest, AStorageFailureLeavesTheRowPendingAndTheRetrySendsItOnce) {
  remember("U012ABC", "slack", kNow);
  const std::int64_t id = enqueue();
  clock_.advance(kSlashHoldSeconds);
  faults_->take = true;
  ASSERT_EQ(dispatcher_->run_once(Channel::kSlash), 1);
  const OutboxItem waiting = stored(id);
  EXPECT_EQ(waiting.state, OutboxState::kPending);
  EXPECT_NE(waiting.last_error.find("storage:"), std::string::npos);
  EXPECT_TRUE(slack_.posts().empty());
  faults_->take = false;
  clock_.advance(60);
  ASSERT_EQ(dispatcher_->run_once(Channel::kSlash), 1);
  EXPECT_EQ(stored(id).state, OutboxState::kSent);
  EXPECT_EQ(slack_.posts().size(), 1u);
  clock_.advance(60);
  EXPECT_EQ(dispatcher_->run_once(Channel::kSlash), 0) << "never sent twice";
}

TEST_F(SlashDispatchTest, ADeadWebhookFailsOverToTheCaseworkersNextContact) {
  dispatcher_->add_channel(
      std::make_unique<testing_support::FakeSender>(Channel::kTelegram, telegram_));
  slack_.script(kServicePath, {404, "no_service", {}});
  const std::int64_t id = enqueue();
  clock_.advance(kSlashHoldSeconds);
  ASSERT_EQ(dispatcher_->run_once(Channel::kSlash), 1);
  const OutboxItem failed = stored(id);
  EXPECT_EQ(failed.state, OutboxState::kFailed);
  EXPECT_EQ(failed.last_error.rfind("failover to telegram: webhook [slash.webhooks] "
                                    "oost-vlaanderen answered HTTP 404 no_service",
                                    0),
            0u)
      << failed.last_error;
  ASSERT_EQ(dispatcher_->run_once(Channel::kTelegram), 1);
  EXPECT_EQ(telegram_->recipients(), std::vector<std::string>{"C001"});
}

TEST_F(SlashDispatchTest, TooManyRequestsWaitsTheRetryAfter) {
  slack_.script(kServicePath, {429, "rate_limited", {{"Retry-After", "30"}}});
  const std::int64_t id = enqueue();
  clock_.advance(kSlashHoldSeconds);
  ASSERT_EQ(dispatcher_->run_once(Channel::kSlash), 1);
  EXPECT_EQ(stored(id).state, OutboxState::kPending);
  clock_.advance(29);
  EXPECT_EQ(dispatcher_->run_once(Channel::kSlash), 0);
  clock_.advance(1 + kSlashHoldSeconds);
  EXPECT_EQ(dispatcher_->run_once(Channel::kSlash), 1);
  EXPECT_EQ(stored(id).state, OutboxState::kSent);
}

TEST_F(SlashDispatchTest, PushesKeepToTheConfiguredRate) {
  for (int i = 0; i < 3; ++i) enqueue();
  clock_.advance(kSlashHoldSeconds);
  EXPECT_EQ(dispatcher_->run_once(Channel::kSlash), 1) << "[slash] messages_per_second = 1";
  EXPECT_EQ(dispatcher_->run_once(Channel::kSlash), 0);
  clock_.advance(1);
  EXPECT_EQ(dispatcher_->run_once(Channel::kSlash), 1);
  EXPECT_EQ(slack_.posts(kServicePath).size(), 2u);
}

// ---- pure parts ----

TEST(SlashPush, BodiesAreTheDocumentedJson) {
  EXPECT_EQ(nlohmann::json::parse(response_url_body("a \"b\"")),
            nlohmann::json({{"response_type", "ephemeral"}, {"replace_original", false},
                            {"text", "a \"b\""}}));
  EXPECT_EQ(nlohmann::json::parse(webhook_body("x\ny")), nlohmann::json({{"text", "x\ny"}}));
}

TEST(SlashPush, AnswersAreSortedForTheDispatcher) {
  const auto kind = [](int status) {
    return push_result(ClientResponse{status, {}, ""}, "webhook", "id").kind;
  };
  EXPECT_EQ(kind(200), SendResult::Kind::kSent);
  EXPECT_EQ(kind(204), SendResult::Kind::kSent);
  for (int status : {408, 429, 500, 502, 503, 504}) {
    EXPECT_EQ(kind(status), SendResult::Kind::kTemporary) << status;
  }
  for (int status : {400, 401, 403, 404, 410, 413, 501}) {
    EXPECT_EQ(kind(status), SendResult::Kind::kPermanent) << status;
  }
}

// Issue 13: a family's words forwarded to Mattermost must not become a link, an image, a code
// block or a channel-wide mention; the bot's own links stay as they are.
TEST(SlashText, MattermostEscapingKeepsAFamilysWordsLiteral) {
  EXPECT_EQ(mattermost_escape("ja [klik](https://evil.example) ![x](https://evil.example/p.png)"),
            "ja \\[klik\\](https://evil.example) !\\[x\\](https://evil.example/p.png)");
  EXPECT_EQ(mattermost_escape("@all @channel kom"), "@\u2060all @\u2060channel kom");
  EXPECT_EQ(mattermost_escape("```verborgen``` a\\b <https://x>"),
            "\\`\\`\\`verborgen\\`\\`\\` a\\\\b \\<https://x\\>");
  const std::string link = "https://noodbel.example.be/board/K42?t=C001.1795407200.aB-_9z";
  EXPECT_EQ(mattermost_escape(link), link);
  EXPECT_EQ(mattermost_escape("Gezin Peeters (5 km): ja, vanaf 18u. Één kind!"),
            "Gezin Peeters (5 km): ja, vanaf 18u. Één kind!");
}

TEST(SlashPush, ServiceChannelsOnSlackMentionTheUserAndEscape) {
  const OutboundMessage m{"C001", Channel::kSlash, "U012ABC", "K42: ja <F1> & co", 2, std::nullopt};
  const std::string slack = "https://hooks.slack.com/services/T0/B0/x";
  EXPECT_EQ(push_text(slack, m, true), "<@U012ABC> K42: ja &lt;F1&gt; &amp; co");
  EXPECT_EQ(push_text(slack, m, false), "K42: ja &lt;F1&gt; &amp; co");
  EXPECT_EQ(push_text("https://mm.example.be/hooks/abc", m, true), "K42: ja \\<F1\\> & co");
  EXPECT_TRUE(is_slack_url("https://hooks.slack-gov.com/services/x"));
  EXPECT_FALSE(is_slack_url("http://hooks.slack.com/services/x"));
  EXPECT_EQ(mask_push_url(slack), "https://hooks.slack.com/…");
  EXPECT_EQ(mask_push_url("not a url"), "(unparsable URL)");
}

}  // namespace
}  // namespace noodbel
