#include "adapters/kannel/kannel_sender.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "../sms/fake_http_client.h"
#include "adapters/http/http_types.h"

namespace noodbel {
namespace {

using ::testing::HasSubstr;
using testing_support::FakeHttpClient;

KannelConfig config() {
  KannelConfig c;
  c.enabled = true;
  c.sendsms_url = "http://127.0.0.1:13013/cgi-bin/sendsms";
  c.username = "noodbel";
  c.password = "p&ss word";
  c.from = "Noodbel";
  c.dlr_url = "http://127.0.0.1:8080/webhooks/kannel";
  c.webhook_secret = "s3cr3t-s3cr3t-s3cr3t";
  return c;
}

OutboxItem item(std::string text) {
  OutboxItem i;
  i.id = 42;
  i.message = {"F1", Channel::kSms, "+32470000001", std::move(text), 0, 7};
  return i;
}

FormFields query_of(const ClientRequest& r) {
  const auto target = parse_target(r.url.substr(r.url.find("/cgi-bin")));
  EXPECT_TRUE(target.ok());
  return target.ok() ? target->query : FormFields{};
}

std::string one(const FormFields& f, const std::string& name) {
  EXPECT_EQ(f.count(name), 1u) << name;
  const auto it = f.find(name);
  return it == f.end() ? "" : it->second;
}

TEST(KannelSendRequest, SendsGsm7TextAsCodingZeroWithDeliveryReports) {
  const ClientRequest r = kannel_send_request(config(), item("Noodbel K42 – €25 “ok”…"));
  EXPECT_EQ(r.method, "GET");
  EXPECT_EQ(r.url.rfind("http://127.0.0.1:13013/cgi-bin/sendsms?", 0), 0u);
  const FormFields q = query_of(r);
  EXPECT_EQ(one(q, "username"), "noodbel");
  EXPECT_EQ(one(q, "password"), "p&ss word");
  EXPECT_EQ(one(q, "from"), "Noodbel");
  EXPECT_EQ(one(q, "to"), "+32470000001");
  EXPECT_EQ(one(q, "text"), "Noodbel K42 - €25 \"ok\"...");
  EXPECT_EQ(one(q, "charset"), "UTF-8");
  EXPECT_EQ(one(q, "coding"), "0");
  EXPECT_EQ(one(q, "dlr-mask"), "31");
  EXPECT_EQ(one(q, "dlr-url"),
            "http://127.0.0.1:8080/webhooks/kannel/s3cr3t-s3cr3t-s3cr3t?type=dlr&status=%d&id=kn:42");
}

TEST(KannelSendRequest, SendsOtherTextAsUcs2) {
  const FormFields q = query_of(kannel_send_request(config(), item("Peut-être 👍")));
  EXPECT_EQ(one(q, "coding"), "2");
  EXPECT_EQ(one(q, "charset"), "UTF-8");
  EXPECT_EQ(one(q, "text"), "Peut-être 👍");
}

TEST(KannelSendRequest, LeavesOutSenderAndReportsWhenNotConfigured) {
  KannelConfig c = config();
  c.from.clear();
  c.dlr_url.clear();
  const FormFields q = query_of(kannel_send_request(c, item("ja")));
  EXPECT_EQ(q.count("from"), 0u);
  EXPECT_EQ(q.count("dlr-mask"), 0u);
  EXPECT_EQ(q.count("dlr-url"), 0u);
}

TEST(KannelSendResult, AcceptedAndQueuedAreSent) {
  const SendResult accepted = kannel_send_result({202, {}, "0: Accepted for delivery"}, "kn:1");
  EXPECT_EQ(accepted.kind, SendResult::Kind::kSent);
  EXPECT_EQ(accepted.provider_message_id, "kn:1");
  EXPECT_EQ(kannel_send_result({202, {}, "3: Queued for later delivery"}, "kn:2").kind,
            SendResult::Kind::kSent);
}

TEST(KannelSendResult, ForbiddenIsPermanentAndUnavailableTemporary) {
  const SendResult forbidden =
      kannel_send_result({403, {}, "Authorization failed for sendsms"}, "kn:1");
  EXPECT_EQ(forbidden.kind, SendResult::Kind::kPermanent);
  EXPECT_THAT(forbidden.error, HasSubstr("Authorization failed"));
  EXPECT_THAT(forbidden.error, HasSubstr("sendsms-user"));
  const SendResult busy =
      kannel_send_result({503, {{"retry-after", "5"}}, "Temporal failure, try again later."}, "kn:1");
  EXPECT_EQ(busy.kind, SendResult::Kind::kTemporary);
  EXPECT_EQ(busy.retry_after_seconds, 5);
}

TEST(KannelSendResult, OtherAnswersArePermanentAndQuoteSmsboxShortly) {
  const SendResult missing = kannel_send_result({400, {}, "Missing receiver number"}, "kn:1");
  EXPECT_EQ(missing.kind, SendResult::Kind::kPermanent);
  EXPECT_THAT(missing.error, HasSubstr("Missing receiver number"));
  EXPECT_EQ(kannel_send_result({202, {}, "4: Something odd"}, "kn:1").kind,
            SendResult::Kind::kPermanent);
  EXPECT_LE(kannel_send_result({400, {}, std::string(5000, 'x')}, "kn:1").error.size(), 200u);
}

TEST(KannelSender, SendsThroughTheClientWithOurIdAndSortsFailures) {
  const KannelConfig c = config();
  FakeHttpClient client;
  client.reply(202, "0: Accepted for delivery");
  KannelSender sender(c, client);
  EXPECT_EQ(sender.channel(), Channel::kSms);
  const SendResult r = sender.send(item("ja"));
  EXPECT_EQ(r.kind, SendResult::Kind::kSent);
  EXPECT_EQ(r.provider_message_id, "kn:42");
  ASSERT_EQ(client.requests.size(), 1u);
  FakeHttpClient down;
  down.fail(Error::Unavailable("connect to 127.0.0.1:13013 refused"));
  KannelSender unavailable(c, down);
  EXPECT_EQ(unavailable.send(item("ja")).kind, SendResult::Kind::kTemporary);
}

}  // namespace
}  // namespace noodbel
