#include "adapters/app/sms_channel.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "../sms/fake_http_client.h"

namespace noodbel {
namespace {

using ::testing::HasSubstr;
using testing_support::FakeHttpClient;

Config twilio_config() {
  Config c;
  c.twilio.enabled = true;
  c.twilio.account_sid = "AC0123456789abcdef0123456789abcdef";
  c.twilio.auth_token = "0123456789abcdef0123456789abcdef";
  c.twilio.from = "+32460000000";
  c.twilio.api_base_url = "http://127.0.0.1:9";
  c.twilio.public_url = "https://noodbel.example.be/webhooks/twilio";
  c.sms.provider = SmsProvider::kTwilio;
  return c;
}

Config kannel_config() {
  Config c;
  c.kannel.enabled = true;
  c.kannel.username = "noodbel";
  c.kannel.password = "pw";
  c.kannel.webhook_secret = "s3cr3t-s3cr3t-s3cr3t";
  c.sms.provider = SmsProvider::kKannel;
  return c;
}

OutboxItem item() {
  OutboxItem i;
  i.id = 3;
  i.message = {"F1", Channel::kSms, "+32470000001", "ja", 0, std::nullopt};
  return i;
}

TEST(CheckSmsConfig, AcceptsCompleteProvidersAndNothingEnabled) {
  EXPECT_TRUE(check_sms_config(Config{}).ok());
  EXPECT_TRUE(check_sms_config(twilio_config()).ok());
  EXPECT_TRUE(check_sms_config(kannel_config()).ok());
}

TEST(CheckSmsConfig, NamesTheMissingSecretAndItsEnvironmentVariable) {
  Config tw = twilio_config();
  tw.twilio.auth_token.clear();
  const Status no_token = check_sms_config(tw);
  ASSERT_FALSE(no_token.ok());
  EXPECT_THAT(no_token.error().message, HasSubstr("NOODBEL_TWILIO_AUTH_TOKEN"));
  Config kn = kannel_config();
  kn.kannel.webhook_secret.clear();
  const Status no_secret = check_sms_config(kn);
  ASSERT_FALSE(no_secret.ok());
  EXPECT_THAT(no_secret.error().message, HasSubstr("NOODBEL_KANNEL_SECRET"));
  kn = kannel_config();
  kn.kannel.password.clear();
  const Status no_password = check_sms_config(kn);
  ASSERT_FALSE(no_password.ok());
  EXPECT_THAT(no_password.error().message, HasSubstr("NOODBEL_KANNEL_PASSWORD"));
}

TEST(MakeSmsSender, BuildsTheConfiguredProvidersSender) {
  FakeHttpClient client;
  client.reply(201, R"({"sid": "SM9"})");
  const Config tw = twilio_config();
  auto twilio = make_sms_sender(tw, client);
  ASSERT_NE(twilio, nullptr);
  EXPECT_EQ(twilio->channel(), Channel::kSms);
  EXPECT_EQ(twilio->send(item()).provider_message_id, "tw:SM9");
  EXPECT_THAT(client.requests.back().url, HasSubstr("/Messages.json"));

  FakeHttpClient kannel_client;
  kannel_client.reply(202, "0: Accepted for delivery");
  const Config kn = kannel_config();
  auto kannel = make_sms_sender(kn, kannel_client);
  ASSERT_NE(kannel, nullptr);
  EXPECT_EQ(kannel->send(item()).provider_message_id, "kn:3");
  EXPECT_THAT(kannel_client.requests.back().url, HasSubstr("/cgi-bin/sendsms?"));
}

TEST(MakeSmsSender, GivesNoSenderWithoutAProvider) {
  FakeHttpClient client;
  EXPECT_EQ(make_sms_sender(Config{}, client), nullptr);
}

TEST(AddSmsRoutes, RegistersOnlyTheEnabledProvidersWebhooks) {
  ManualClock clock(1'760'000'000);
  const auto routes_for = [&](const Config& config) {
    Router router;
    add_sms_routes(
        router, SmsDeps{config, clock,
                        [](const InboundMessage&) -> Result<InboundOutcome> {
                          return InboundOutcome::kHandled;
                        },
                        [](const std::string&, OutboxState, UnixTime) -> Status { return Ok(); }});
    return std::pair{router.route_label("/webhooks/twilio"),
                     router.route_label("/webhooks/kannel/abc")};
  };
  EXPECT_EQ(routes_for(Config{}), std::pair(std::string("unmatched"), std::string("unmatched")));
  EXPECT_EQ(routes_for(twilio_config()).first, "/webhooks/twilio");
  EXPECT_EQ(routes_for(twilio_config()).second, "unmatched");
  EXPECT_EQ(routes_for(kannel_config()).second, "/webhooks/kannel/{secret}");
}

}  // namespace
}  // namespace noodbel
