// TwilioSender through the real HttpClient against a stub of Twilio's Messages endpoint
// on 127.0.0.1 (Noodbel's own HttpServer): what goes over the wire, and how 201, 429,
// 400 with 21610 and 503 answers are sorted. The stub follows Twilio's documented
// request and error formats.
#include <mutex>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "adapters/http/client.h"
#include "adapters/http/router.h"
#include "adapters/http/server.h"
#include "adapters/twilio/twilio_sender.h"

namespace noodbel {
namespace {

using nlohmann::json;

constexpr std::string_view kAccount = "AC0123456789abcdef0123456789abcdef";
constexpr std::string_view kToken = "0123456789abcdef0123456789abcdef";
// base64("AC0123456789abcdef0123456789abcdef:0123456789abcdef0123456789abcdef")
constexpr std::string_view kBasic =
    "Basic QUMwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZjowMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZg==";

// The stub: answers the next scripted HttpResponse; records what it received.
class TwilioStub {
 public:
  TwilioStub() {
    router_.add("POST", "/2010-04-01/Accounts/{sid}/Messages.json",
                [this](const HttpRequest& r, const PathParams& p) { return answer(r, p); });
    server_ = std::make_unique<HttpServer>(HttpServerOptions{},
                                           [this](const HttpRequest& r) { return router_.handle(r); });
  }
  Status start() { return server_->start(); }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(server_->port()); }

  void script(HttpResponse r) {
    const std::lock_guard lock(mutex_);
    script_.push_back(std::move(r));
  }
  std::vector<FormFields> received() const {
    const std::lock_guard lock(mutex_);
    return received_;
  }

 private:
  HttpResponse answer(const HttpRequest& r, const PathParams& p) {
    if (p.at("sid") != kAccount || r.header("authorization") != std::string(kBasic)) {
      return HttpResponse::json(401, {{"code", 20003}, {"message", "Authenticate"}, {"status", 401}});
    }
    const auto form = parse_form(r.body);
    if (!form.ok() || r.header("content-type") != "application/x-www-form-urlencoded") {
      return HttpResponse::json(400, {{"code", 21602}, {"message", "Message body is required."}});
    }
    const std::lock_guard lock(mutex_);
    received_.push_back(*form);
    if (script_.empty()) return HttpResponse::json(500, {{"message", "nothing scripted"}});
    HttpResponse next = script_.front();
    script_.erase(script_.begin());
    return next;
  }

  Router router_;
  std::unique_ptr<HttpServer> server_;
  mutable std::mutex mutex_;
  std::vector<HttpResponse> script_;   // GUARDED_BY(mutex_)
  std::vector<FormFields> received_;  // GUARDED_BY(mutex_)
};

class TwilioStubTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const Status started = stub_.start();
    ASSERT_TRUE(started.ok()) << started.error().message;
    config_.enabled = true;
    config_.account_sid = std::string(kAccount);
    config_.auth_token = std::string(kToken);
    config_.from = "+32460000000";
    config_.api_base_url = stub_.base_url();
    config_.public_url = "https://noodbel.example.be/webhooks/twilio";
  }

  SendResult send(std::string text) {
    OutboxItem item;
    item.id = 1;
    item.message = {"F1", Channel::kSms, "+32470000001", std::move(text), 0, 1};
    TwilioSender sender(config_, *client_);
    return sender.send(item);
  }

  TwilioStub stub_;
  TwilioConfig config_;
  std::unique_ptr<HttpClient> client_ = make_http_client();
};

TEST_F(TwilioStubTest, ACreatedMessageIsSentWithTwiliosSidAndTheFormOnTheWire) {
  stub_.script(HttpResponse::json(201, {{"sid", "SM5ef8732a3c49700934481addd5ce1659"},
                                        {"status", "queued"}}));
  const SendResult r = send("Noodbel K42 – “ja”? €");
  ASSERT_EQ(r.kind, SendResult::Kind::kSent) << r.error;
  EXPECT_EQ(r.provider_message_id, "tw:SM5ef8732a3c49700934481addd5ce1659");
  const auto received = stub_.received();
  ASSERT_EQ(received.size(), 1u);
  const FormFields& f = received[0];
  EXPECT_EQ(f.find("To")->second, "+32470000001");
  EXPECT_EQ(f.find("From")->second, "+32460000000");
  EXPECT_EQ(f.find("Body")->second, "Noodbel K42 - \"ja\"? €");
  EXPECT_EQ(f.find("StatusCallback")->second, "https://noodbel.example.be/webhooks/twilio");
}

TEST_F(TwilioStubTest, TooManyRequestsIsTemporaryAndKeepsRetryAfter) {
  stub_.script(HttpResponse::json(429, {{"code", 20429}, {"message", "Too Many Requests"},
                                        {"status", 429}})
                   .with_header("Retry-After", "7"));
  const SendResult r = send("ja");
  EXPECT_EQ(r.kind, SendResult::Kind::kTemporary);
  EXPECT_EQ(r.retry_after_seconds, 7);
}

TEST_F(TwilioStubTest, AnUnsubscribedRecipientIsPermanent) {
  stub_.script(HttpResponse::json(
      400, {{"code", 21610}, {"message", "Attempt to send to unsubscribed recipient"},
            {"more_info", "https://www.twilio.com/docs/errors/21610"}, {"status", 400}}));
  const SendResult r = send("ja");
  EXPECT_EQ(r.kind, SendResult::Kind::kPermanent);
  EXPECT_THAT(r.error, ::testing::HasSubstr("21610"));
}

TEST_F(TwilioStubTest, AnUnavailableServiceIsTemporary) {
  stub_.script(HttpResponse::text(503, "Service Unavailable"));
  EXPECT_EQ(send("ja").kind, SendResult::Kind::kTemporary);
}

TEST_F(TwilioStubTest, AWrongAuthTokenIsPermanentAndSaysSo) {
  config_.auth_token = "ffffffffffffffffffffffffffffffff";
  const SendResult r = send("ja");
  EXPECT_EQ(r.kind, SendResult::Kind::kPermanent);
  EXPECT_THAT(r.error, ::testing::HasSubstr("20003"));
  EXPECT_TRUE(stub_.received().empty());
}

TEST_F(TwilioStubTest, NoServerListeningIsTemporary) {
  config_.api_base_url = "http://127.0.0.1:1";
  EXPECT_EQ(send("ja").kind, SendResult::Kind::kTemporary);
}

}  // namespace
}  // namespace noodbel
