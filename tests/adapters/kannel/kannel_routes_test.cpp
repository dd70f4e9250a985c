#include "adapters/kannel/kannel_routes.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "adapters/sms/sms_common.h"
#include "store/store.h"
#include "support/store/fault_injecting_store.h"
#include "support/store/memory_store.h"
#include "support/store/sms_rows.h"

namespace noodbel {
namespace {

using ::testing::HasSubstr;

constexpr UnixTime kNow = 1'760'000'000;
constexpr std::string_view kSecret = "s3cr3t-s3cr3t-s3cr3t";

struct Report {
  std::string id;
  OutboxState state;
};

class KannelRoutesTest : public ::testing::Test {
 protected:
  KannelRoutesTest() {
    config_.enabled = true;
    config_.username = "noodbel";
    config_.password = "pw";
    config_.webhook_secret = std::string(kSecret);
    config_.allowed_sources = {"127.0.0.1", "::1"};
    add_kannel_routes(
        router_, KannelDeps{config_, clock_,
                            [this](const InboundMessage& m) -> Result<InboundOutcome> {
                              if (!deliver_result_.ok()) return deliver_result_.error();
                              delivered_.push_back(m);
                              return *deliver_result_;
                            },
                            [this](const std::string& id, OutboxState s, UnixTime at) -> Status {
                              reports_.push_back({id, s});
                              return faults_.mark_delivery(id, s, at);
                            }});
  }

  // A request like smsbox's: the raw query string as its get-url produces it.
  HttpResponse call(std::string method, std::string raw_query, std::string body = "",
                    std::map<std::string, std::string> headers = {},
                    std::string secret = std::string(kSecret), std::string remote = "127.0.0.1") {
    HttpRequest r;
    r.method = std::move(method);
    r.path = "/webhooks/kannel/" + secret;
    r.target = r.path + "?" + raw_query;
    const auto parsed = parse_target(r.target);
    EXPECT_TRUE(parsed.ok());
    if (parsed.ok()) r.query = parsed->query;
    r.body = std::move(body);
    r.headers = std::move(headers);
    r.remote_address = std::move(remote);
    return router_.handle(r);
  }

  HttpResponse get(std::string raw_query) { return call("GET", std::move(raw_query)); }

  std::int64_t sent_row(const std::string& provider_id) {
    return testing_support::sent_sms_row(*store_, provider_id, kNow);
  }
  OutboxState state_of(std::int64_t id) { return testing_support::sms_row_state(*store_, id); }

  KannelConfig config_;
  ManualClock clock_{kNow};
  // A real store behind the delivery reports, failing on demand.
  std::unique_ptr<store::Store> store_ = testing_support::open_memory_store();
  testing_support::FaultInjectingStore faults_{*store_};
  Router router_;
  std::vector<InboundMessage> delivered_;
  std::vector<Report> reports_;
  Result<InboundOutcome> deliver_result_ = InboundOutcome::kHandled;
};

// Exactly what Kannel 1.4.5 sent for fakesmsc's "+32470000001 8888 text ja graag".
constexpr const char* kMoText =
    "type=mo&from=%2B32470000001&to=8888&text=ja+graag+K42&coding=0&charset=UTF-8"
    "&id=78b2ac7b-98e2-4021-91ee-b655b9865e15";

TEST_F(KannelRoutesTest, IncomingTextIsDeliveredWithKannelsIdAndAnswered200) {
  const HttpResponse r = get(kMoText);
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body, "");
  ASSERT_EQ(delivered_.size(), 1u);
  const InboundMessage& m = delivered_[0];
  EXPECT_EQ(m.channel, Channel::kSms);
  EXPECT_EQ(m.address, "+32470000001");
  EXPECT_EQ(m.provider_id, "kn:78b2ac7b-98e2-4021-91ee-b655b9865e15");
  EXPECT_EQ(m.text, "ja graag K42");
  EXPECT_EQ(m.received_at, kNow);
}

TEST_F(KannelRoutesTest, Ucs2TextArrivesAsUtf16AndIsDecoded) {
  // Kannel's %b of a UCS-2 message "Ja 👍  " (spaces as '+').
  EXPECT_EQ(get("type=mo&from=%2B32470000001&to=8888&text=%00J%00a%00+%D8%3D%DCM%00+%00+"
                "&coding=2&charset=UTF-16BE&id=06e00377")
                .status,
            200);
  ASSERT_EQ(delivered_.size(), 1u);
  EXPECT_EQ(delivered_[0].text, "Ja 👍  ");
}

TEST_F(KannelRoutesTest, PostUrlBodyIsTheTextInTheCharsetOfItsContentType) {
  const HttpResponse r = call("POST", "type=mo&from=%2B32470000001&to=8888&id=e3adfd73",
                              std::string("\x00J\x00\x61\x00 \xD8\x3D\xDC\x4D", 10),
                              {{"content-type", "text/plain; charset=\"UTF-16BE\""},
                               {"x-kannel-coding", "2"}});
  EXPECT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(delivered_.size(), 1u);
  EXPECT_EQ(delivered_[0].text, "Ja 👍");
}

TEST_F(KannelRoutesTest, PostedFormFieldsWorkLikeTheQuery) {
  const HttpResponse r = call("POST", "type=mo",
                              "from=%2B32470000001&text=nee&coding=0&charset=UTF-8&id=abc",
                              {{"content-type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(delivered_.size(), 1u);
  EXPECT_EQ(delivered_[0].text, "nee");
}

TEST_F(KannelRoutesTest, InternationalNumbersWithoutPlusAreUnderstood) {
  EXPECT_EQ(get("type=mo&from=32470000001&text=ja&coding=0&charset=UTF-8&id=x1").status, 200);
  ASSERT_EQ(delivered_.size(), 1u);
  EXPECT_EQ(delivered_[0].address, "+32470000001");
}

TEST_F(KannelRoutesTest, WrongOrMissingSecretIs403AndStoresNothing) {
  EXPECT_EQ(call("GET", kMoText, "", {}, "wrong-secret-wrong-secret").status, 403);
  EXPECT_EQ(call("GET", kMoText, "", {}, std::string(kSecret) + "x").status, 403);
  HttpRequest bare;
  bare.method = "GET";
  bare.path = bare.target = "/webhooks/kannel";
  bare.remote_address = "127.0.0.1";
  EXPECT_EQ(router_.handle(bare).status, 403);
  EXPECT_TRUE(delivered_.empty());
}

TEST_F(KannelRoutesTest, AnEmptyConfiguredSecretRefusesEverything) {
  config_.webhook_secret.clear();
  EXPECT_EQ(call("GET", kMoText, "", {}, "x").status, 403);
  EXPECT_TRUE(delivered_.empty());
}

TEST_F(KannelRoutesTest, SourcesOutsideTheAllowListAre403EvenWithTheSecret) {
  const HttpResponse r = call("GET", kMoText, "", {}, std::string(kSecret), "203.0.113.9");
  EXPECT_EQ(r.status, 403);
  EXPECT_THAT(r.body, HasSubstr("allowed_sources"));
  EXPECT_EQ(call("GET", kMoText, "", {}, std::string(kSecret), "::ffff:127.0.0.1").status, 200);
  EXPECT_EQ(call("GET", "type=dlr&status=1&id=kn:1", "", {}, std::string(kSecret), "10.0.0.1").status, 403);
  EXPECT_EQ(delivered_.size(), 1u);
  EXPECT_TRUE(reports_.empty());
}

TEST(KannelSourceAllowed, MatchesExactAddressesAndIpv4MappedOnes) {
  const std::vector<std::string> allowed{"127.0.0.1", "::1"};
  EXPECT_TRUE(kannel_source_allowed("127.0.0.1", allowed));
  EXPECT_TRUE(kannel_source_allowed("::1", allowed));
  EXPECT_TRUE(kannel_source_allowed("::FFFF:127.0.0.1", allowed));
  EXPECT_FALSE(kannel_source_allowed("127.0.0.2", allowed));
  EXPECT_FALSE(kannel_source_allowed("", allowed));
  EXPECT_FALSE(kannel_source_allowed("::ffff:", allowed));
}

TEST_F(KannelRoutesTest, MissingFieldsAndUndecodableTextAre400) {
  EXPECT_EQ(get("type=mo&text=ja&id=1").status, 400);                         // no from
  EXPECT_EQ(get("type=mo&from=%2B32470000001&text=ja").status, 400);          // no id
  EXPECT_EQ(get("type=mo&from=%2B32470000001&text=%00J%00&coding=2&charset=UTF-16BE&id=1").status, 400);
  EXPECT_EQ(get("type=mo&from=%2B32470000001&text=%FF&coding=0&charset=UTF-8&id=1").status, 400);
  EXPECT_EQ(get("type=mo&from=%2B32470000001&text=%01&coding=1&id=1").status, 400);
  EXPECT_EQ(get("type=other&id=1").status, 400);
  const HttpResponse form = call("POST", "type=mo", "from=%zz",
                                 {{"content-type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(form.status, 400);
  EXPECT_THAT(form.body, HasSubstr("malformed form body"));
  EXPECT_TRUE(delivered_.empty());
}

TEST_F(KannelRoutesTest, HugeTextIs413) {
  const HttpResponse r = call("POST", "type=mo&from=%2B32470000001&id=1",
                              std::string(kMaxInboundSmsBytes + 1, 'a'),
                              {{"content-type", "text/plain; charset=UTF-8"}});
  EXPECT_EQ(r.status, 413);
  EXPECT_TRUE(delivered_.empty());
}

TEST_F(KannelRoutesTest, ShortCodesAndEmptyTextsAreIgnoredWith200) {
  EXPECT_EQ(get("type=mo&from=8888&text=ja&coding=0&charset=UTF-8&id=1").status, 200);
  EXPECT_EQ(get("type=mo&from=%2B32470000001&text=+++&coding=0&charset=UTF-8&id=2").status, 200);
  EXPECT_EQ(get("type=mo&from=%2B32470000001&coding=0&id=3").status, 200);
  EXPECT_TRUE(delivered_.empty());
}

TEST_F(KannelRoutesTest, ReplaysUnknownSendersAndBusyStores) {
  deliver_result_ = InboundOutcome::kDuplicate;
  EXPECT_EQ(get(kMoText).status, 200);
  deliver_result_ = InboundOutcome::kUnknownSender;
  EXPECT_EQ(get(kMoText).status, 200);
  deliver_result_ = Error::Unavailable("database is busy");
  EXPECT_EQ(get(kMoText).status, 503);
}

TEST_F(KannelRoutesTest, DeliveryReportsMarkDeliveredOrFailedAndIgnoreIntermediateOnes) {
  EXPECT_EQ(get("type=dlr&status=8&id=kn:42").status, 200);   // SMSC accepted
  EXPECT_EQ(get("type=dlr&status=4&id=kn:42").status, 200);   // buffered
  EXPECT_EQ(get("type=dlr&status=1&id=kn:42").status, 200);   // delivered
  EXPECT_EQ(get("type=dlr&status=2&id=kn:43").status, 200);   // failed
  EXPECT_EQ(get("type=dlr&status=16&id=kn:44").status, 200);  // SMSC rejected
  ASSERT_EQ(reports_.size(), 3u);
  EXPECT_EQ(reports_[0].id, "kn:42");
  EXPECT_EQ(reports_[0].state, OutboxState::kDelivered);
  EXPECT_EQ(reports_[1].state, OutboxState::kFailed);
  EXPECT_EQ(reports_[2].id, "kn:44");
  EXPECT_EQ(reports_[2].state, OutboxState::kFailed);
  EXPECT_TRUE(delivered_.empty());
}

TEST_F(KannelRoutesTest, AReportTheStoreCannotRecordIs503AndKannelsRetryRecordsIt) {
  const std::int64_t id = sent_row("kn:42");
  faults_.set_plan({.fail_next = 1, .disk_full = true});
  EXPECT_EQ(get("type=dlr&status=1&id=kn:42").status, 503);
  EXPECT_EQ(state_of(id), OutboxState::kSent) << "nothing recorded";
  EXPECT_EQ(get("type=dlr&status=1&id=kn:42").status, 200);
  EXPECT_EQ(state_of(id), OutboxState::kDelivered);
}

TEST_F(KannelRoutesTest, MalformedDeliveryReportsAre400) {
  EXPECT_EQ(get("type=dlr&status=1").status, 400);
  EXPECT_EQ(get("type=dlr&status=1&id=tw:SM1").status, 400);  // not ours: cannot touch Twilio rows
  EXPECT_EQ(get("type=dlr&status=%25d&id=kn:1").status, 400); // %d left unreplaced
  EXPECT_EQ(get("type=dlr&status=-1&id=kn:1").status, 400);
  EXPECT_EQ(get("type=dlr&id=kn:1").status, 400);
  EXPECT_TRUE(reports_.empty());
}

}  // namespace
}  // namespace noodbel
