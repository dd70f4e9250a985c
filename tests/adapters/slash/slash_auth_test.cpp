#include "adapters/slash/slash_auth.h"

#include <gtest/gtest.h>

#include <string>

#include "adapters/crypto/secrets.h"

namespace noodbel {
namespace {

// Slack's documented example ("Verifying requests from Slack", api.slack.com):
// the signing secret, timestamp and raw body of a slash-command request and the
// X-Slack-Signature Slack sent with it.
constexpr const char* kDocSecret = "8f742231b10e8888abcd99yyyzzz85a5";
constexpr const char* kDocTimestamp = "1531420618";
constexpr const char* kDocBody =
    "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id="
    "G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-"
    "collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%"
    "2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121."
    "803a0bc887a14d10d2c447fce8b6703c";
constexpr const char* kDocSignature =
    "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
constexpr UnixTime kDocTime = 1531420618;

HttpRequest doc_request() {
  HttpRequest r;
  r.method = "POST";
  r.path = "/slash";
  r.body = kDocBody;
  r.headers["x-slack-request-timestamp"] = kDocTimestamp;
  r.headers["x-slack-signature"] = kDocSignature;
  return r;
}

TEST(SlackSignature, ReproducesSlacksDocumentedExample) {
  EXPECT_EQ(slack_signature(kDocSecret, kDocTimestamp, kDocBody), kDocSignature);
}

TEST(SlackSignature, DependsOnSecretTimestampAndBody) {
  const std::string base = slack_signature(kDocSecret, kDocTimestamp, kDocBody);
  EXPECT_NE(slack_signature("another-secret", kDocTimestamp, kDocBody), base);
  EXPECT_NE(slack_signature(kDocSecret, "1531420619", kDocBody), base);
  EXPECT_NE(slack_signature(kDocSecret, kDocTimestamp, std::string(kDocBody) + "x"), base);
}

TEST(AuthenticateSlash, AcceptsTheDocumentedSlackRequestAndNamesItsReplayId) {
  const auto auth = authenticate_slash(doc_request(), parse_form(kDocBody), kDocSecret, "",
                                       kDocTime + 30);
  ASSERT_TRUE(auth.ok()) << auth.error().message;
  EXPECT_EQ(auth->provider, SlashProvider::kSlack);
  EXPECT_EQ(auth->provider_id, "slack:1531420618:a2114d57b48eac39");
}

TEST(AuthenticateSlash, RefusesAnUpperCaseOrTruncatedSignature) {
  HttpRequest upper = doc_request();
  upper.headers["x-slack-signature"] =
      "v0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503";
  HttpRequest truncated = doc_request();
  truncated.headers["x-slack-signature"] = "v0=a2114d57b48eac39";
  HttpRequest empty = doc_request();
  empty.headers["x-slack-signature"] = "";
  for (const HttpRequest& r : {upper, truncated, empty}) {
    const auto auth = authenticate_slash(r, parse_form(kDocBody), kDocSecret, "", kDocTime);
    ASSERT_FALSE(auth.ok());
    EXPECT_EQ(auth.error().kind, ErrorKind::kForbidden);
  }
}

TEST(AuthenticateSlash, MattermostWithoutTriggerIdIsKnownByABodyHash) {
  HttpRequest r;
  r.body = "token=xr3j5x3p4pfk7k3kdgm1ejwqrc&user_id=U1&command=%2Fhelp";
  const auto auth =
      authenticate_slash(r, parse_form(r.body), "", "xr3j5x3p4pfk7k3kdgm1ejwqrc", 0);
  ASSERT_TRUE(auth.ok()) << auth.error().message;
  EXPECT_EQ(auth->provider, SlashProvider::kMattermost);
  EXPECT_EQ(auth->provider_id, "mattermost:body:" + sha256_hex(r.body).substr(0, 32));
}

TEST(AuthenticateSlash, MalformedBodyCanStillBeVouchedForByTheAuthorizationHeader) {
  HttpRequest r;
  r.body = "command=%2";
  r.headers["authorization"] = "token xr3j5x3p4pfk7k3kdgm1ejwqrc";
  EXPECT_TRUE(
      authenticate_slash(r, parse_form(r.body), "", "xr3j5x3p4pfk7k3kdgm1ejwqrc", 0).ok());
  r.headers.erase("authorization");
  const auto refused =
      authenticate_slash(r, parse_form(r.body), "", "xr3j5x3p4pfk7k3kdgm1ejwqrc", 0);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::kForbidden);
}

}  // namespace
}  // namespace noodbel
