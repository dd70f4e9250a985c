// POST /slash end to end inside the process: the real route, a real Store on ":memory:",
// the real Engine with the real templates, and a manual clock.
#include "adapters/slash/slash_routes.h"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "adapters/app/dispatcher_config.h"
#include "adapters/app/inbound_pipeline.h"
#include "adapters/config/config.h"
#include "adapters/crypto/openssl_hasher.h"
#include "adapters/crypto/openssl_random.h"
#include "adapters/data/guard_loader.h"
#include "adapters/dispatch/dispatcher.h"
#include "adapters/http/client.h"
#include "adapters/slash/slash_auth.h"
#include "adapters/slash/slash_sender.h"
#include "adapters/slash/slash_text.h"
#include "bot/engine.h"
#include "bot/guard/anonymization_guard.h"
#include "bot/postcodes.h"
#include "bot/templates.h"
#include "store/response_urls.h"
#include "store/store.h"
#include "support/net/fake_slack.h"
#include "support/paths/source_paths.h"
#include "support/reply_parser.h"
#include "support/shipped_data.h"
#include "support/store/fault_injecting_store.h"
#include "support/store/must.h"
#include "support/store/wall_clock.h"

namespace noodbel {

using ::noodbel::testing_support::must;
namespace {

using nlohmann::json;

constexpr UnixTime kNow = 1763974800;  // 2025-11-24 10:00 Europe/Brussels, a Monday
constexpr const char* kSecret = "8f742231b10e8888abcd99yyyzzz85a5";
constexpr const char* kToken = "xr3j5x3p4pfk7k3kdgm1ejwqrc";

std::string url_encode(std::string_view s) {
  std::string out;
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);  // a byte, as <cctype> and %XX want it
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else if (c == ' ') {
      out.push_back('+');
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

// A form body in the order given, like Slack sends it.
std::string form(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string body;
  for (const auto& [name, value] : fields) {
    if (!body.empty()) body += '&';
    body += url_encode(name) + '=' + url_encode(value);
  }
  return body;
}

constexpr const char* kResponseUrl = "https://hooks.slack.com/commands/T0001/1/abc";

std::string command_body(const std::string& user, const std::string& command,
                         const std::string& text, const std::string& trigger = "",
                         const std::string& response_url = kResponseUrl) {
  return form({{"team_id", "T0001"},
               {"user_id", user},
               {"command", command},
               {"text", text},
               {"response_url", response_url},
               {"trigger_id", trigger}});
}

std::vector<Place> test_places() {
  return {{"9000", "Gent", "Oost-Vlaanderen", "VLG", {51.05, 3.71667}},
          {"9820", "Merelbeke", "Oost-Vlaanderen", "VLG", {50.99, 3.75}}};
}

Templates load_templates() {
  return test_data::shipped_templates();
}

AnonymizationGuard shipped_guard(const Postcodes& postcodes) {
  Result<AnonymizationGuard> g = load_guard(guard_files(noodbel::testing::source_dir()), postcodes);
  if (!g) throw std::runtime_error(g.error().message);
  return std::move(g).value();
}

std::unique_ptr<store::Store> open_store() {
  auto s = store::Store::open(":memory:", ::noodbel::testing_support::wall_clock());
  if (!s) throw std::runtime_error(s.error().message);
  return std::move(s).value();
}

Config slash_config() {
  Config c;
  c.core.services = default_services();
  c.slash.signing_secret = kSecret;
  c.slash.mattermost_token = kToken;
  c.core.slash_users = {{"U0MAPPED", "C002"}, {"U0GHOST", "C404"}};
  return c;
}

class SlashRoutesTest : public ::testing::Test {
 protected:
  SlashRoutesTest()
      : config_(slash_config()),
        postcodes_(Postcodes::from_places(test_places())),
        templates_(load_templates()),
        guard_(shipped_guard(postcodes_)),
        engine_(config_.core, postcodes_, templates_, {clock_, random_, hasher_}, guard_,
                test_data::shipped_reply_parser()),
        store_(open_store()),
        pipeline_(*store_, engine_, {}) {
    seed();
    add_routes(router_, std::chrono::milliseconds(2500));
  }

  void add_routes(Router& router, std::chrono::milliseconds deadline) {
    add_slash_routes(router,
                     SlashDeps{config_.slash,
                               config_.core.slash_users,
                               clock_,
                               *store_,
                               replies_faults_,
                               [this](const InboundMessage& m, const store::ChannelState& state) {
                                 delivered_.push_back(m);
                                 return pipeline_.deliver(m, state);
                               },
                               {},
                               deadline});
  }

  // The user's response_url now, taking one of its uses to look.
  std::optional<store::ResponseUrl> response_url(const std::string& user = "U012ABC") {
    const auto taken = store::take_response_url(*store_, user, clock_.now());
    EXPECT_TRUE(taken.ok());
    return taken.ok() ? *taken : std::nullopt;
  }

  void seed() {
    const Status s = store_->transaction([&](Repository& repo) -> Status {
      repo.upsert_caseworker({"C001", "oost-vlaanderen", "An Peeters",
                              {{Channel::kSlash, "U012ABC"}, {Channel::kTelegram, "1001"}},
                              Role::kCaseworker, Language::kNl});
      repo.upsert_caseworker({"C002", "oost-vlaanderen", "Jan Jacobs",
                              {{Channel::kTelegram, "1002"}, {Channel::kSlash, "U0OTHER"}},
                              Role::kCaseworker, Language::kEn});
      Family f;
      f.id = "F0001";
      f.service = "oost-vlaanderen";
      f.display_name = "Gezin Claes";
      f.contacts = {{Channel::kSms, "+32470000001"}};
      f.postcode = "9820";
      f.home = postcodes_.by_postcode("9820")->point;
      f.languages = {Language::kNl};
      repo.upsert_family(f);
      return Ok();
    });
    if (!s.ok()) throw std::runtime_error(s.error().message);
  }

  static HttpRequest post(std::string body) {
    HttpRequest r;
    r.method = "POST";
    r.path = "/slash";
    r.target = "/slash";
    r.body = std::move(body);
    r.remote_address = "127.0.0.1";
    r.headers["content-type"] = "application/x-www-form-urlencoded";
    return r;
  }

  static HttpRequest slack(std::string body, UnixTime ts, const std::string& secret = kSecret) {
    HttpRequest r = post(std::move(body));
    r.headers["x-slack-request-timestamp"] = std::to_string(ts);
    r.headers["x-slack-signature"] = slack_signature(secret, std::to_string(ts), r.body);
    return r;
  }

  HttpResponse handle(const HttpRequest& r) { return router_.handle(r); }

  static std::string error_of(const HttpResponse& r) {
    return json::parse(r.body).value("error", std::string("(no error field)"));
  }

  static std::string text_of(const HttpResponse& r) {
    const json j = json::parse(r.body);
    EXPECT_EQ(j.value("response_type", ""), "ephemeral");
    return j.value("text", std::string("(no text field)"));
  }

  // Nothing reached the pipeline, nothing was audited, nothing queued.
  bool nothing_stored() {
    const store::OutboxCounts c = must(store_->outbox_counts());
    return delivered_.empty() && must(store_->audit_log(10)).empty() && c.pending == 0 &&
           c.sent == 0 && c.failed == 0;
  }

  std::vector<AuditEntry> audits_by(const std::string& actor) {
    std::vector<AuditEntry> out;
    for (const AuditEntry& e : must(store_->audit_log(100))) {
      if (e.actor == actor) out.push_back(e);
    }
    return out;
  }

  Config config_;
  Postcodes postcodes_;
  Templates templates_;
  AnonymizationGuard guard_;
  ManualClock clock_{kNow};
  OpenSslRandom random_;
  OpenSslHasher hasher_;
  Engine engine_;
  std::unique_ptr<store::Store> store_;
  // The store the replies are taken from, failing on demand; the rest use store_ directly.
  testing_support::FaultInjectingStore replies_faults_{*store_};
  InboundPipeline pipeline_;
  Router router_;
  std::vector<InboundMessage> delivered_;
};

// ---- Slack ----

TEST_F(SlashRoutesTest, SignedSlackCommandReachesTheEngineAndTheReplyComesBackEphemeral) {
  const HttpResponse r = handle(slack(command_body("U012ABC", "/help", ""), kNow));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "application/json");
  const Result<std::string> help = templates_.render(Language::kNl, "caseworker_help", {});
  ASSERT_TRUE(help.ok());
  EXPECT_EQ(text_of(r), *help);
  ASSERT_EQ(delivered_.size(), 1u);
  EXPECT_EQ(delivered_[0].channel, Channel::kSlash);
  EXPECT_EQ(delivered_[0].address, "U012ABC");
  EXPECT_EQ(delivered_[0].text, "/help");
  EXPECT_EQ(delivered_[0].received_at, kNow);
  EXPECT_EQ(audits_by("C001").size(), 1u) << "the command is audited under the caseworker";
  const store::OutboxCounts c = must(store_->outbox_counts());
  EXPECT_EQ(c.sent, 1) << "the reply went out in the HTTP response";
  EXPECT_EQ(c.pending, 0);
}

TEST_F(SlashRoutesTest, CrisisCommandOpensACallAndQueuesTheFamiliesOnTheirOwnChannel) {
  const HttpResponse r =
      handle(slack(command_body("U012ABC", "/crisis", "leeftijd=4 postcode=9000 duur=3d"), kNow));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(delivered_.at(0).text, "/crisis leeftijd=4 postcode=9000 duur=3d");
  EXPECT_EQ(must(store_->count_calls(CallState::kOpen)), 1);
  const std::vector<OutboxItem> to_family = must(store_->outbox_for("F0001", 10));
  ASSERT_EQ(to_family.size(), 1u);
  EXPECT_EQ(to_family[0].message.channel, Channel::kSms);
  EXPECT_EQ(to_family[0].state, OutboxState::kPending) << "the dispatcher sends it, not /slash";
  const std::vector<OutboxItem> to_caseworker = must(store_->outbox_for("C001", 10));
  ASSERT_FALSE(to_caseworker.empty());
  EXPECT_EQ(to_caseworker.back().state, OutboxState::kSent);
  EXPECT_NE(text_of(r).find(to_caseworker.back().message.text), std::string::npos);
}

TEST_F(SlashRoutesTest, WrongSignatureIs403AndStoresNothing) {
  const HttpResponse r =
      handle(slack(command_body("U012ABC", "/oproepen", ""), kNow, "another-secret-of-32-characters"));
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(error_of(r).find("X-Slack-Signature does not match"), std::string::npos);
  EXPECT_TRUE(nothing_stored());
}

TEST_F(SlashRoutesTest, BodyChangedAfterSigningIs403) {
  HttpRequest r = slack(command_body("U012ABC", "/oproepen", ""), kNow);
  r.body = command_body("U012ABC", "/annuleer", "K42");
  EXPECT_EQ(handle(r).status, 403);
  EXPECT_TRUE(nothing_stored());
}

TEST_F(SlashRoutesTest, MissingSlackHeadersAre403) {
  const HttpRequest signed_request = slack(command_body("U012ABC", "/oproepen", ""), kNow);
  HttpRequest no_signature = signed_request;
  no_signature.headers.erase("x-slack-signature");
  HttpRequest no_timestamp = signed_request;
  no_timestamp.headers.erase("x-slack-request-timestamp");
  HttpRequest neither = signed_request;
  neither.headers.erase("x-slack-signature");
  neither.headers.erase("x-slack-request-timestamp");
  for (const HttpRequest& r : {no_signature, no_timestamp}) {
    const HttpResponse response = handle(r);
    EXPECT_EQ(response.status, 403);
    EXPECT_NE(error_of(response).find("needs both X-Slack-Signature and X-Slack-Request-Timestamp"),
              std::string::npos);
  }
  const HttpResponse bare = handle(neither);
  EXPECT_EQ(bare.status, 403);
  EXPECT_NE(error_of(bare).find("missing credentials"), std::string::npos);
  EXPECT_TRUE(nothing_stored());
}

TEST_F(SlashRoutesTest, TimestampMoreThanFiveMinutesOffIs403) {
  const std::string body = command_body("U012ABC", "/oproepen", "");
  const HttpResponse old = handle(slack(body, kNow - 301));
  EXPECT_EQ(old.status, 403);
  EXPECT_NE(error_of(old).find("more than 300 seconds"), std::string::npos);
  EXPECT_EQ(handle(slack(body, kNow + 301)).status, 403);
  EXPECT_TRUE(nothing_stored());
  EXPECT_EQ(handle(slack(body, kNow - 300)).status, 200) << "exactly 5 minutes is still fine";
}

TEST_F(SlashRoutesTest, NonNumericTimestampIs403) {
  const std::string body = command_body("U012ABC", "/oproepen", "");
  for (const std::string ts : {"12a4", "-5", "1.7e9", " 1763974800", "", "99999999999999999999"}) {
    HttpRequest r = post(body);
    r.headers["x-slack-request-timestamp"] = ts;
    r.headers["x-slack-signature"] = slack_signature(kSecret, ts, body);
    const HttpResponse response = handle(r);
    EXPECT_EQ(response.status, 403) << ts;
    EXPECT_NE(error_of(response).find("Unix time in whole seconds"), std::string::npos) << ts;
  }
  EXPECT_TRUE(nothing_stored());
}

TEST_F(SlashRoutesTest, UnknownUserIs403WithAClearMessageAndStoresNothing) {
  const HttpResponse r = handle(slack(command_body("U0STRANGER", "/oproepen", ""), kNow));
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(error_of(r),
            "slash user 'U0STRANGER' is not a registered caseworker: map it in the config "
            "([slash.users] U0STRANGER = \"C001\") or give the caseworker a slash:U0STRANGER "
            "contact");
  EXPECT_TRUE(nothing_stored()) << "no inbox row, no audit entry";
}

TEST_F(SlashRoutesTest, ConfigMappingMakesAUserTheCaseworkerEvenWithoutASlashContact) {
  const HttpResponse r = handle(slack(command_body("U0MAPPED", "/help", ""), kNow));
  ASSERT_EQ(r.status, 200) << r.body;
  const Result<std::string> help = templates_.render(Language::kEn, "caseworker_help", {});
  ASSERT_TRUE(help.ok());
  EXPECT_EQ(text_of(r), *help) << "C002 reads English";
  EXPECT_EQ(audits_by("C002").size(), 1u);
}

TEST_F(SlashRoutesTest, MappingToACaseworkerWhoIsNotRegisteredIs403) {
  const HttpResponse r = handle(slack(command_body("U0GHOST", "/help", ""), kNow));
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(error_of(r).find("mapped to caseworker 'C404'"), std::string::npos);
  EXPECT_TRUE(nothing_stored());
}

TEST_F(SlashRoutesTest, MalformedFormBodyIs400AndStoresNothing) {
  const HttpResponse bad_escape = handle(slack("command=%2&user_id=U012ABC", kNow));
  EXPECT_EQ(bad_escape.status, 400);
  EXPECT_NE(error_of(bad_escape).find("percent-encoding"), std::string::npos);
  const HttpResponse no_user = handle(slack(form({{"command", "/help"}}), kNow));
  EXPECT_EQ(no_user.status, 400);
  EXPECT_NE(error_of(no_user).find("'user_id'"), std::string::npos);
  const HttpResponse no_command = handle(slack(form({{"user_id", "U012ABC"}}), kNow));
  EXPECT_EQ(no_command.status, 400);
  EXPECT_NE(error_of(no_command).find("'command'"), std::string::npos);
  const HttpResponse bad_utf8 = handle(slack(command_body("U012ABC", "/help", "\xC3\x28"), kNow));
  EXPECT_EQ(bad_utf8.status, 400);
  EXPECT_NE(error_of(bad_utf8).find("UTF-8"), std::string::npos);
  EXPECT_TRUE(nothing_stored());
}

TEST_F(SlashRoutesTest, OtherContentTypeIs415) {
  HttpRequest r = slack(command_body("U012ABC", "/help", ""), kNow);
  r.headers["content-type"] = "application/json";
  const HttpResponse response = handle(r);
  EXPECT_EQ(response.status, 415);
  EXPECT_NE(error_of(response).find("application/x-www-form-urlencoded"), std::string::npos);
  EXPECT_TRUE(nothing_stored());
}

TEST_F(SlashRoutesTest, ReplayedSlackRequestIsHandledOnce) {
  const HttpRequest r = slack(command_body("U012ABC", "/crisis", "leeftijd=4 postcode=9000"), kNow);
  ASSERT_EQ(handle(r).status, 200);
  clock_.advance(30);  // still inside the 5-minute window
  const HttpResponse replay = handle(r);
  EXPECT_EQ(replay.status, 200);
  EXPECT_EQ(replay.body, "") << "nothing to show for a replay";
  EXPECT_EQ(must(store_->count_calls(CallState::kOpen)), 1) << "not a second call";
  EXPECT_EQ(must(store_->outbox_for("F0001", 10)).size(), 1u) << "the family is not called twice";
  EXPECT_EQ(delivered_.size(), 2u) << "the pipeline saw both and deduplicated the second";
}

TEST_F(SlashRoutesTest, RepliesToSlackEscapeMarkupCharacters) {
  const HttpResponse r = handle(slack(command_body("U012ABC", "/x<b>&", ""), kNow));
  ASSERT_EQ(r.status, 200) << r.body;
  const std::string text = text_of(r);
  EXPECT_NE(text.find("/x&lt;b&gt;&amp;"), std::string::npos) << text;
  EXPECT_EQ(text.find("<b>"), std::string::npos);
}

// ---- Mattermost ----

TEST_F(SlashRoutesTest, MattermostTokenInTheFormIsAccepted) {
  const HttpResponse r = handle(post(
      form({{"token", kToken}, {"user_id", "U012ABC"}, {"command", "/help"}, {"text", ""},
            {"trigger_id", "mm-trigger-1"}})));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_FALSE(text_of(r).empty());
  EXPECT_EQ(delivered_.at(0).provider_id, "mattermost:mm-trigger-1");
}

TEST_F(SlashRoutesTest, MattermostAuthorizationHeaderIsAccepted) {
  HttpRequest r = post(command_body("U012ABC", "/help", "", "mm-trigger-2"));
  r.headers["authorization"] = std::string("Token ") + kToken;
  ASSERT_EQ(handle(r).status, 200);
  EXPECT_EQ(audits_by("C001").size(), 1u);
}

TEST_F(SlashRoutesTest, RepliesToMattermostEscapeMarkdown) {
  HttpRequest request =
      post(command_body("U012ABC", "/x![a](https://evil.example)", "", "mm-trigger-9"));
  request.headers["authorization"] = std::string("Token ") + kToken;
  const HttpResponse r = handle(request);
  ASSERT_EQ(r.status, 200) << r.body;
  const std::string text = text_of(r);
  EXPECT_NE(text.find("/x!\\[a\\](https://evil.example)"), std::string::npos) << text;
  EXPECT_EQ(text.find("![a]"), std::string::npos);
}

TEST_F(SlashRoutesTest, WrongOrMissingMattermostTokenIs403) {
  const HttpResponse wrong = handle(post(
      form({{"token", "not-the-configured-token"}, {"user_id", "U012ABC"}, {"command", "/help"}})));
  EXPECT_EQ(wrong.status, 403);
  EXPECT_NE(error_of(wrong).find("Mattermost token does not match"), std::string::npos);
  HttpRequest header = post(command_body("U012ABC", "/help", ""));
  header.headers["authorization"] = "Token not-the-configured-token";
  EXPECT_EQ(handle(header).status, 403);
  HttpRequest bearer = post(command_body("U012ABC", "/help", ""));
  bearer.headers["authorization"] = std::string("Bearer ") + kToken;
  EXPECT_EQ(handle(bearer).status, 403) << "only the Token scheme carries the command token";
  EXPECT_EQ(handle(post(command_body("U012ABC", "/help", ""))).status, 403);
  EXPECT_TRUE(nothing_stored());
}

TEST_F(SlashRoutesTest, ReplayedMattermostRequestIsHandledOnce) {
  const std::string with_trigger =
      form({{"token", kToken}, {"user_id", "U012ABC"}, {"command", "/crisis"},
            {"text", "leeftijd=4 postcode=9000"}, {"trigger_id", "mm-trigger-3"}});
  ASSERT_EQ(handle(post(with_trigger)).status, 200);
  EXPECT_EQ(handle(post(with_trigger)).body, "");
  EXPECT_EQ(must(store_->count_calls(CallState::kOpen)), 1);

  const std::string without_trigger =
      form({{"token", kToken}, {"user_id", "U012ABC"}, {"command", "/oproepen"}});
  ASSERT_EQ(handle(post(without_trigger)).status, 200);
  EXPECT_EQ(handle(post(without_trigger)).body, "");
  EXPECT_EQ(delivered_.at(2).provider_id.rfind("mattermost:body:", 0), 0u);
  EXPECT_EQ(delivered_.at(2).provider_id, delivered_.at(3).provider_id);
}

// ---- not configured ----

TEST_F(SlashRoutesTest, ProvidersWithoutAConfiguredSecretAreRefused) {
  config_.slash.signing_secret.clear();
  config_.slash.mattermost_token.clear();
  const HttpResponse slack_refused = handle(slack(command_body("U012ABC", "/help", ""), kNow));
  EXPECT_EQ(slack_refused.status, 403);
  EXPECT_NE(error_of(slack_refused).find("no [slash] signing_secret"), std::string::npos);
  const HttpResponse mm_refused =
      handle(post(form({{"token", ""}, {"user_id", "U012ABC"}, {"command", "/help"}})));
  EXPECT_EQ(mm_refused.status, 403);
  EXPECT_NE(error_of(mm_refused).find("no [slash] mattermost_token"), std::string::npos);
  EXPECT_TRUE(nothing_stored());
}

// ---- response_url and pushes ----

TEST_F(SlashRoutesTest, TheResponseUrlIsStoredWithTheCommandAndNeverAudited) {
  ASSERT_EQ(handle(slack(command_body("U012ABC", "/help", ""), kNow)).status, 200);
  const auto url = response_url();
  ASSERT_TRUE(url.has_value());
  EXPECT_EQ(url->url, kResponseUrl);
  EXPECT_EQ(url->provider, "slack");
  EXPECT_EQ(url->expires_at, kNow + 30 * 60);
  EXPECT_EQ(url->uses_left, 4);
  for (const AuditEntry& e : must(store_->audit_log(100))) {
    EXPECT_EQ(e.detail.find("hooks.slack.com"), std::string::npos) << e.detail;
  }
}

TEST_F(SlashRoutesTest, AMattermostResponseUrlIsStoredAsMattermosts) {
  const HttpResponse r = handle(post(
      form({{"token", kToken}, {"user_id", "U012ABC"}, {"command", "/help"},
            {"trigger_id", "mm-trigger-9"},
            {"response_url", "https://mm.example.be/hooks/commands/abc123"}})));
  ASSERT_EQ(r.status, 200) << r.body;
  const auto url = response_url();
  ASSERT_TRUE(url.has_value());
  EXPECT_EQ(url->provider, "mattermost");
  EXPECT_EQ(url->url, "https://mm.example.be/hooks/commands/abc123");
}

TEST_F(SlashRoutesTest, AResponseUrlThatIsNotHttpsIsNotStoredButTheCommandRuns) {
  const HttpResponse r = handle(
      slack(command_body("U012ABC", "/help", "", "", "http://hooks.example.com/commands/1"), kNow));
  EXPECT_EQ(r.status, 200);
  EXPECT_FALSE(text_of(r).empty());
  EXPECT_FALSE(response_url().has_value());
}

TEST_F(SlashRoutesTest, APlainHttpResponseUrlIsStoredOnlyForARealLoopbackHost) {
  const std::string evil = "http://127.0.0.1.evil.example/commands/1";
  EXPECT_EQ(handle(slack(command_body("U012ABC", "/help", "", "", evil), kNow)).status, 200);
  EXPECT_FALSE(response_url().has_value()) << "a name that only starts like 127.0.0.1";
  const std::string local = "http://127.0.0.1:9999/commands/1";
  EXPECT_EQ(handle(slack(command_body("U012ABC", "/help", "", "", local), kNow)).status, 200);
  const auto url = response_url();
  ASSERT_TRUE(url.has_value());
  EXPECT_EQ(url->url, local);
}

TEST_F(SlashRoutesTest, ARefusedRequestStoresNoResponseUrl) {
  EXPECT_EQ(handle(slack(command_body("U0STRANGER", "/help", ""), kNow)).status, 403);
  EXPECT_EQ(handle(slack(command_body("U012ABC", "/help", ""), kNow, "another-secret-of-32-chars"))
                .status,
            403);
  EXPECT_FALSE(response_url().has_value());
  EXPECT_FALSE(response_url("U0STRANGER").has_value());
}

TEST_F(SlashRoutesTest, PastTheResponseDeadlineTheRepliesStayQueuedForThePush) {
  Router late;
  add_routes(late, std::chrono::milliseconds(0));
  const HttpResponse r = late.handle(slack(command_body("U012ABC", "/help", ""), kNow));
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "") << "the provider has given up on this response";
  const store::OutboxCounts c = must(store_->outbox_counts());
  EXPECT_EQ(c.pending, 1) << "the reply waits for the dispatcher";
  EXPECT_EQ(c.sent, 0);
}

TEST_F(SlashRoutesTest, RepliesTheStoreCannotTakeStayQueuedForThePushAndTheResponseIsEmpty) {
  replies_faults_.set_plan({.fail_next = 1, .disk_full = true});
  const HttpResponse r =
      handle(slack(command_body("U012ABC", "/crisis", "leeftijd=4 postcode=9000 duur=3d"), kNow));
  EXPECT_EQ(r.status, 200) << "the command was committed: Slack must not show an error";
  EXPECT_EQ(r.body, "");
  EXPECT_EQ(replies_faults_.failures(), 1) << "taking the replies failed";
  EXPECT_EQ(delivered_.size(), 1u);
  EXPECT_EQ(must(store_->count_calls(CallState::kOpen)), 1) << "the command is stored once";
  EXPECT_EQ(must(store_->outbox_for("F0001", 10)).size(), 1u);
  const std::vector<OutboxItem> replies = must(store_->outbox_for("C001", 10));
  ASSERT_FALSE(replies.empty());
  for (const OutboxItem& item : replies) {
    EXPECT_EQ(item.message.channel, Channel::kSlash) << item.id;
    EXPECT_EQ(item.message.address, "U012ABC") << item.id;
    EXPECT_EQ(item.state, OutboxState::kPending) << item.id << ": not taken, not lost";
  }
  EXPECT_EQ(must(store_->claim_outbox(Channel::kSlash, kNow + kSlashHoldSeconds, 10)).size(),
            replies.size())
      << "the dispatcher pushes them";
}

TEST_F(SlashRoutesTest, ALaterNoticeReachesSlackThroughTheStoredResponseUrl) {
  testing_support::FakeSlack fake;
  const std::string url = fake.url("/commands/T0001/1/abc");
  auto client = make_http_client();
  DispatcherOptions options = dispatcher_options(config_);
  options.rate_now = [this] { return clock_.now() * 1000; };
  Dispatcher dispatcher(*store_, clock_, options);
  dispatcher.add_channel(make_slash_sender(config_.slash, *client, *store_, *store_, clock_));

  const HttpResponse opened = handle(slack(
      command_body("U012ABC", "/crisis", "leeftijd=4 postcode=9000 duur=3d", "", url), kNow));
  ASSERT_EQ(opened.status, 200) << opened.body;
  clock_.advance(kSlashHoldSeconds);
  EXPECT_EQ(dispatcher.run_once(Channel::kSlash), 0) << "the reply went in the response";

  InboundMessage question;  // not an answer: forwarded to the call's caseworker
  question.channel = Channel::kSms;
  question.address = "+32470000001";
  question.provider_id = "sms-question-1";
  question.text = "Welke school gaat het kind naar?";
  question.received_at = clock_.now();
  ASSERT_TRUE(pipeline_.deliver(question).ok());
  std::vector<OutboxItem> notices;
  for (const OutboxItem& item : must(store_->outbox_for("C001", 20))) {
    if (item.state == OutboxState::kPending) notices.push_back(item);
  }
  ASSERT_FALSE(notices.empty()) << "the question is forwarded to the caseworker";
  ASSERT_EQ(notices.front().message.channel, Channel::kSlash);

  clock_.advance(kSlashHoldSeconds);
  for (std::size_t i = 0; i < notices.size(); ++i) {
    EXPECT_EQ(dispatcher.run_once(Channel::kSlash), 1);
    clock_.advance(1);  // [slash] messages_per_second = 1
  }
  const auto posts = fake.posts("/commands/T0001/1/abc");
  ASSERT_EQ(posts.size(), notices.size());
  EXPECT_EQ(posts[0].body.value("text", ""), slack_escape(notices.front().message.text));
  EXPECT_NE(posts[0].body.value("text", "").find("Welke school gaat het kind naar?"),
            std::string::npos);
  EXPECT_EQ(posts[0].body.value("response_type", ""), "ephemeral");
  for (const OutboxItem& item : must(store_->outbox_for("C001", 20))) {
    EXPECT_EQ(item.state, OutboxState::kSent) << item.id;
  }
  EXPECT_EQ(dispatcher.run_once(Channel::kSlash), 0) << "nothing is pushed twice";
}

TEST_F(SlashRoutesTest, APendingNoticeRidesAlongWithTheNextResponse) {
  ASSERT_TRUE(store_->transaction([&](Repository& repo) -> Status {
                      repo.enqueue({"C001", Channel::kSlash, "U012ABC", "Gezin F0001 zei ja", 2,
                                    std::nullopt},
                                   kNow - 10);
                      return Ok();
                    }).ok());
  const HttpResponse r = handle(slack(command_body("U012ABC", "/help", ""), kNow));
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(text_of(r).rfind("Gezin F0001 zei ja\n\n", 0), 0u) << "oldest first";
  EXPECT_EQ(must(store_->outbox_counts()).pending, 0);
}

}  // namespace
}  // namespace noodbel
