#include "adapters/twilio/twilio_routes.h"

#include <memory>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "adapters/sms/sms_common.h"
#include "adapters/twilio/twilio_signature.h"
#include "store/store.h"
#include "support/store/fault_injecting_store.h"
#include "support/store/memory_store.h"
#include "support/store/sms_rows.h"

namespace noodbel {
namespace {

using ::testing::HasSubstr;

constexpr UnixTime kNow = 1'760'000'000;
constexpr std::string_view kPublicUrl = "https://noodbel.example.be/webhooks/twilio";
constexpr std::string_view kAccount = "AC0123456789abcdef0123456789abcdef";

struct Report {
  std::string id;
  OutboxState state;
  UnixTime at;
};

class TwilioRoutesTest : public ::testing::Test {
 protected:
  TwilioRoutesTest() {
    config_.enabled = true;
    config_.account_sid = std::string(kAccount);
    config_.auth_token = "0123456789abcdef0123456789abcdef";
    config_.from = "+32460000000";
    config_.public_url = std::string(kPublicUrl);
    add_twilio_routes(
        router_, TwilioDeps{config_, clock_,
                            [this](const InboundMessage& m) -> Result<InboundOutcome> {
                              if (!deliver_result_.ok()) return deliver_result_.error();
                              delivered_.push_back(m);
                              return *deliver_result_;
                            },
                            [this](const std::string& id, OutboxState s, UnixTime at) -> Status {
                              reports_.push_back({id, s, at});
                              return faults_.mark_delivery(id, s, at);
                            }});
  }

  // A POST as Twilio sends it: form body, signed over the URL `signed_as`.
  HttpResponse post(const FormPairs& pairs, std::string query = "",
                    std::optional<std::string> signed_as = std::nullopt,
                    std::optional<std::string> token = std::nullopt) {
    FormFields fields(pairs.begin(), pairs.end());
    const std::string url = signed_as.value_or(std::string(kPublicUrl) + query);
    HttpRequest r;
    r.method = "POST";
    r.path = "/webhooks/twilio";
    r.target = r.path + query;
    r.body = form_encode(pairs);
    r.headers["content-type"] = "application/x-www-form-urlencoded";
    r.headers["x-twilio-signature"] =
        twilio_signature(token.value_or(config_.auth_token), url, fields);
    r.remote_address = "203.0.113.5";
    return router_.handle(r);
  }

  HttpResponse raw(std::string body, std::map<std::string, std::string> headers) {
    HttpRequest r;
    r.method = "POST";
    r.path = r.target = "/webhooks/twilio";
    r.body = std::move(body);
    r.headers = std::move(headers);
    return router_.handle(r);
  }

  static FormPairs incoming(std::string body = "ja K42", std::string sid = "SM0001") {
    return {{"MessageSid", sid}, {"SmsSid", sid}, {"AccountSid", std::string(kAccount)},
            {"From", "+32470000001"}, {"To", "+32460000000"}, {"Body", std::move(body)},
            {"NumMedia", "0"}, {"SmsStatus", "received"}};
  }

  static FormPairs status(std::string status, std::string sid = "SM0009") {
    return {{"MessageSid", sid}, {"AccountSid", std::string(kAccount)},
            {"MessageStatus", std::move(status)}, {"To", "+32470000001"}};
  }

  static void expect_twiml(const HttpResponse& r) {
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_THAT(r.content_type, HasSubstr("text/xml"));
    EXPECT_THAT(r.body, HasSubstr("<Response></Response>"));
  }

  std::int64_t sent_row(const std::string& provider_id) {
    return testing_support::sent_sms_row(*store_, provider_id, kNow);
  }
  OutboxState state_of(std::int64_t id) { return testing_support::sms_row_state(*store_, id); }

  TwilioConfig config_;
  ManualClock clock_{kNow};
  // A real store behind the delivery reports, failing on demand.
  std::unique_ptr<store::Store> store_ = testing_support::open_memory_store();
  testing_support::FaultInjectingStore faults_{*store_};
  Router router_;
  std::vector<InboundMessage> delivered_;
  std::vector<Report> reports_;
  Result<InboundOutcome> deliver_result_ = InboundOutcome::kHandled;
};

TEST_F(TwilioRoutesTest, SignedIncomingMessageIsDeliveredAndAnsweredWithEmptyTwiml) {
  expect_twiml(post(incoming("Ja, K42 – graag")));
  ASSERT_EQ(delivered_.size(), 1u);
  const InboundMessage& m = delivered_[0];
  EXPECT_EQ(m.channel, Channel::kSms);
  EXPECT_EQ(m.address, "+32470000001");
  EXPECT_EQ(m.provider_id, "tw:SM0001");
  EXPECT_EQ(m.text, "Ja, K42 – graag");
  EXPECT_EQ(m.received_at, kNow);
  EXPECT_TRUE(reports_.empty());
}

TEST_F(TwilioRoutesTest, AcceptsASignatureOverTheUrlWithTheDefaultPort) {
  expect_twiml(post(incoming(), "", "https://noodbel.example.be:443/webhooks/twilio"));
  EXPECT_EQ(delivered_.size(), 1u);
}

TEST_F(TwilioRoutesTest, SignsTheQueryOfTheRequestWithThePublicUrl) {
  expect_twiml(post(status("delivered"), "?kind=status"));
  ASSERT_EQ(reports_.size(), 1u);
  EXPECT_EQ(post(status("delivered"), "?kind=status", std::string(kPublicUrl)).status, 403);
}

TEST_F(TwilioRoutesTest, WrongOrMissingSignatureIs403AndStoresNothing) {
  EXPECT_EQ(post(incoming(), "", std::nullopt, "another-token-0123456789").status, 403);
  EXPECT_EQ(post(incoming(), "", "https://attacker.example/webhooks/twilio").status, 403);
  const HttpResponse missing =
      raw(form_encode(incoming()), {{"content-type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(missing.status, 403);
  EXPECT_THAT(missing.body, HasSubstr("missing X-Twilio-Signature"));
  EXPECT_TRUE(delivered_.empty());
  EXPECT_TRUE(reports_.empty());
}

TEST_F(TwilioRoutesTest, ASignedBodyChangedInTransitIs403) {
  FormPairs pairs = incoming("nee");
  FormFields fields(pairs.begin(), pairs.end());
  HttpRequest r;
  r.method = "POST";
  r.path = r.target = "/webhooks/twilio";
  r.headers["content-type"] = "application/x-www-form-urlencoded";
  r.headers["x-twilio-signature"] = twilio_signature(config_.auth_token, kPublicUrl, fields);
  pairs[5].second = "ja";
  r.body = form_encode(pairs);
  EXPECT_EQ(router_.handle(r).status, 403);
  EXPECT_TRUE(delivered_.empty());
}

TEST_F(TwilioRoutesTest, AnotherAccountIs403EvenWhenSigned) {
  FormPairs pairs = incoming();
  pairs[2].second = "ACffffffffffffffffffffffffffffffff";
  EXPECT_EQ(post(pairs).status, 403);
  EXPECT_TRUE(delivered_.empty());
}

TEST_F(TwilioRoutesTest, MalformedOrNonFormBodiesAreRefusedClearly) {
  const HttpResponse bad = raw("Body=%zz", {{"content-type", "application/x-www-form-urlencoded"},
                                            {"x-twilio-signature", "x"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_THAT(bad.body, HasSubstr("malformed form body"));
  EXPECT_EQ(raw(R"({"Body": "ja"})", {{"content-type", "application/json"}}).status, 415);
  EXPECT_EQ(raw("", {}).status, 415);
  EXPECT_TRUE(delivered_.empty());
}

TEST_F(TwilioRoutesTest, MissingMessageSidOrFromIs400) {
  EXPECT_EQ(post({{"From", "+32470000001"}, {"Body", "ja"}}).status, 400);
  EXPECT_EQ(post({{"MessageSid", "SM1"}, {"Body", "ja"}}).status, 400);
  EXPECT_EQ(post({{"MessageSid", "SM 1<script>"}, {"From", "+32470000001"}}).status, 400);
  EXPECT_EQ(post({{"MessageStatus", "delivered"}}).status, 400);
  EXPECT_TRUE(delivered_.empty());
  EXPECT_TRUE(reports_.empty());
}

TEST_F(TwilioRoutesTest, SendersThatAreNoPhoneNumberAndEmptyTextsAreIgnoredWith200) {
  FormPairs short_code = incoming();
  short_code[3].second = "8888";
  expect_twiml(post(short_code));
  expect_twiml(post(incoming("   ")));
  expect_twiml(post(incoming("")));
  EXPECT_TRUE(delivered_.empty());
}

TEST_F(TwilioRoutesTest, HugeOrInvalidTextIsRefused) {
  EXPECT_EQ(post(incoming(std::string(kMaxInboundSmsBytes + 1, 'a'))).status, 413);
  EXPECT_EQ(post(incoming("ja \xFF")).status, 400);
  EXPECT_TRUE(delivered_.empty());
}

TEST_F(TwilioRoutesTest, ReplayedAndUnknownSendersAreAnswered200) {
  deliver_result_ = InboundOutcome::kDuplicate;
  expect_twiml(post(incoming()));
  deliver_result_ = InboundOutcome::kUnknownSender;
  expect_twiml(post(incoming()));
  EXPECT_EQ(delivered_.size(), 2u);  // the pipeline decided; the adapter handed both over
}

TEST_F(TwilioRoutesTest, ABusyStoreIs503SoTwilioMayRetry) {
  deliver_result_ = Error::Unavailable("database is busy");
  EXPECT_EQ(post(incoming()).status, 503);
  deliver_result_ = Error::Internal("bug");
  EXPECT_EQ(post(incoming()).status, 500);
}

TEST_F(TwilioRoutesTest, StatusCallbacksMarkDeliveredOrFailedAndIgnoreTheRest) {
  expect_twiml(post(status("delivered", "SMa")));
  expect_twiml(post(status("undelivered", "SMb")));
  expect_twiml(post(status("failed", "SMc")));
  expect_twiml(post(status("sent", "SMd")));
  expect_twiml(post(status("queued", "SMe")));
  ASSERT_EQ(reports_.size(), 3u);
  EXPECT_EQ(reports_[0].id, "tw:SMa");
  EXPECT_EQ(reports_[0].state, OutboxState::kDelivered);
  EXPECT_EQ(reports_[0].at, kNow);
  EXPECT_EQ(reports_[1].state, OutboxState::kFailed);
  EXPECT_EQ(reports_[2].id, "tw:SMc");
  EXPECT_EQ(reports_[2].state, OutboxState::kFailed);
  EXPECT_TRUE(delivered_.empty());
}

TEST_F(TwilioRoutesTest, AStatusCallbackTheStoreCannotRecordIs503AndTwiliosRetryRecordsIt) {
  const std::int64_t id = sent_row("tw:SM0042");
  faults_.set_plan({.fail_next = 1, .disk_full = true});
  const HttpResponse refused = post(status("delivered", "SM0042"));
  EXPECT_EQ(refused.status, 503);
  EXPECT_THAT(refused.body, HasSubstr("Twilio may retry"));
  EXPECT_EQ(state_of(id), OutboxState::kSent) << "nothing recorded";
  expect_twiml(post(status("delivered", "SM0042")));
  EXPECT_EQ(state_of(id), OutboxState::kDelivered);
}

TEST_F(TwilioRoutesTest, AnIncomingMessageWithStatusReceivedIsAMessage) {
  FormPairs pairs = incoming();
  pairs.emplace_back("MessageStatus", "received");
  expect_twiml(post(pairs));
  EXPECT_EQ(delivered_.size(), 1u);
  EXPECT_TRUE(reports_.empty());
}

TEST_F(TwilioRoutesTest, OnlyPostIsRouted) {
  HttpRequest r;
  r.method = "GET";
  r.path = r.target = "/webhooks/twilio";
  EXPECT_EQ(router_.handle(r).status, 405);
}

}  // namespace
}  // namespace noodbel
