#include "adapters/twilio/twilio_sender.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <fmt/format.h>

#include "../sms/fake_http_client.h"
#include "adapters/http/http_types.h"

namespace noodbel {
namespace {

using ::testing::HasSubstr;
using testing_support::FakeHttpClient;

constexpr std::string_view kSid = "AC0123456789abcdef0123456789abcdef";

TwilioConfig config() {
  TwilioConfig c;
  c.enabled = true;
  c.account_sid = std::string(kSid);
  c.auth_token = "0123456789abcdef0123456789abcdef";
  c.from = "+32460000000";
  c.api_base_url = "http://127.0.0.1:9999";
  c.public_url = "https://noodbel.example.be/webhooks/twilio";
  return c;
}

OutboxItem item(std::string text = "Noodbel K42 – “crisisopvang” gezocht…") {
  OutboxItem i;
  i.id = 7;
  i.message = {"F1", Channel::kSms, "+32470000001", std::move(text), 0, 42};
  return i;
}

FormFields body_of(const ClientRequest& r) {
  const auto form = parse_form(r.body);
  EXPECT_TRUE(form.ok());
  return form.ok() ? *form : FormFields{};
}

std::string one(const FormFields& f, const std::string& name) {
  EXPECT_EQ(f.count(name), 1u) << name;
  const auto it = f.find(name);
  return it == f.end() ? "" : it->second;
}

TEST(TwilioSendRequest, PostsTheMessagesResourceWithBasicAuthAndForm) {
  const ClientRequest r = twilio_send_request(config(), item());
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.url, "http://127.0.0.1:9999/2010-04-01/Accounts/" + std::string(kSid) +
                       "/Messages.json");
  // base64("AC0123…:0123…")
  EXPECT_THAT(r.headers, ::testing::Contains(std::pair<std::string, std::string>(
                             "Authorization",
                             "Basic QUMwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZjowMTIzNDU2Nzg5"
                             "YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZg==")));
  EXPECT_THAT(r.headers, ::testing::Contains(std::pair<std::string, std::string>(
                             "Content-Type", "application/x-www-form-urlencoded")));
  const FormFields f = body_of(r);
  EXPECT_EQ(one(f, "To"), "+32470000001");
  EXPECT_EQ(one(f, "From"), "+32460000000");
  EXPECT_EQ(f.count("MessagingServiceSid"), 0u);
  EXPECT_EQ(one(f, "Body"), "Noodbel K42 - \"crisisopvang\" gezocht...");
  EXPECT_EQ(one(f, "StatusCallback"), "https://noodbel.example.be/webhooks/twilio");
}

TEST(TwilioSendRequest, UsesTheMessagingServiceAndItsOwnStatusCallbackWhenSet) {
  TwilioConfig c = config();
  c.from.clear();
  c.messaging_service_sid = "MG0123456789abcdef0123456789abcdef";
  c.status_callback = "https://noodbel.example.be/webhooks/twilio?kind=status";
  const FormFields f = body_of(twilio_send_request(c, item()));
  EXPECT_EQ(one(f, "MessagingServiceSid"), "MG0123456789abcdef0123456789abcdef");
  EXPECT_EQ(f.count("From"), 0u);
  EXPECT_EQ(one(f, "StatusCallback"), "https://noodbel.example.be/webhooks/twilio?kind=status");
}

TEST(TwilioSendResult, ACreatedMessageIsSentWithItsSid) {
  const SendResult r = twilio_send_result({201, {}, R"({"sid": "SM123", "status": "queued"})"});
  EXPECT_EQ(r.kind, SendResult::Kind::kSent);
  EXPECT_EQ(r.provider_message_id, "tw:SM123");
}

TEST(TwilioSendResult, TooManyRequestsIsTemporaryWithRetryAfter) {
  const SendResult r = twilio_send_result(
      {429, {{"retry-after", "30"}}, R"({"code": 20429, "message": "Too Many Requests"})"});
  EXPECT_EQ(r.kind, SendResult::Kind::kTemporary);
  EXPECT_EQ(r.retry_after_seconds, 30);
  EXPECT_THAT(r.error, HasSubstr("20429"));
}

TEST(TwilioSendResult, ServerErrorsAreTemporary) {
  for (const int status : {500, 502, 503, 504}) {
    const SendResult r = twilio_send_result({status, {}, "<html>oops</html>"});
    EXPECT_EQ(r.kind, SendResult::Kind::kTemporary) << status;
    EXPECT_EQ(r.retry_after_seconds, std::nullopt);
  }
}

TEST(TwilioSendResult, UnsubscribedAndInvalidNumbersArePermanent) {
  for (const int code : {21610, 21211, 21614}) {
    const SendResult r = twilio_send_result(
        {400, {}, fmt::format(R"({{"code": {}, "message": "nope", "status": 400}})", code)});
    EXPECT_EQ(r.kind, SendResult::Kind::kPermanent) << code;
    EXPECT_THAT(r.error, HasSubstr(std::to_string(code)));
  }
}

TEST(TwilioSendResult, AuthenticationFailuresArePermanentAndSayWhatToCheck) {
  const SendResult r = twilio_send_result({401, {}, R"({"code": 20003, "message": "Authenticate"})"});
  EXPECT_EQ(r.kind, SendResult::Kind::kPermanent);
  EXPECT_THAT(r.error, HasSubstr("auth token"));
}

TEST(TwilioSendResult, MalformedAnswersNeverThrow) {
  EXPECT_EQ(twilio_send_result({400, {}, R"({"code": "x", "message": 5})"}).kind,
            SendResult::Kind::kPermanent);
  EXPECT_EQ(twilio_send_result({201, {}, "not json"}).kind, SendResult::Kind::kPermanent);
  EXPECT_EQ(twilio_send_result({201, {}, R"({"sid": 5})"}).kind, SendResult::Kind::kPermanent);
  EXPECT_EQ(twilio_send_result({201, {}, R"(["SM1"])"}).kind, SendResult::Kind::kPermanent);
}

TEST(TwilioSender, SendsThroughTheClientAndReturnsTheProviderId) {
  const TwilioConfig c = config();
  FakeHttpClient client;
  client.reply(201, R"({"sid": "SMabc"})");
  TwilioSender sender(c, client);
  EXPECT_EQ(sender.channel(), Channel::kSms);
  const SendResult r = sender.send(item());
  EXPECT_EQ(r.kind, SendResult::Kind::kSent);
  EXPECT_EQ(r.provider_message_id, "tw:SMabc");
  ASSERT_EQ(client.requests.size(), 1u);
}

TEST(TwilioSender, TransportFailuresAreTemporaryAndBadUrlsPermanent) {
  const TwilioConfig c = config();
  FakeHttpClient client;
  client.fail(Error::Unavailable("connect to 127.0.0.1:9999 refused"));
  TwilioSender sender(c, client);
  EXPECT_EQ(sender.send(item()).kind, SendResult::Kind::kTemporary);
  FakeHttpClient bad;
  bad.fail(Error::Invalid("not a URL"));
  TwilioSender broken(c, bad);
  EXPECT_EQ(broken.send(item()).kind, SendResult::Kind::kPermanent);
}

}  // namespace
}  // namespace noodbel
