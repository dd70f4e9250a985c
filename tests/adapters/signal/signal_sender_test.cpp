// SignalSender with a scripted HTTP client: what goes to /api/v1/rpc and how answers and
// transport failures come back to the dispatcher.
#include "adapters/signal/signal_sender.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "../sms/fake_http_client.h"

namespace noodbel::signal_cli {
namespace {

using nlohmann::json;
using testing_support::FakeHttpClient;

OutboxItem item(std::optional<std::string> reply_to = std::nullopt) {
  OutboxItem i;
  i.id = 17;
  i.attempts = 1;
  i.message.recipient_id = "F1";
  i.message.channel = Channel::kSignal;
  i.message.address = "+32470000001";
  i.message.text = "Bedankt, we noteren ja voor K42.";
  i.message.reply_to = std::move(reply_to);
  return i;
}

constexpr const char* kSuccess =
    R"({"jsonrpc":"2.0","id":"x","result":{"timestamp":1700000000005,"results":[{"type":"SUCCESS"}]}})";

TEST(SignalSender, PostsJsonRpcSendToTheDaemonAndReturnsTheTimestamp) {
  FakeHttpClient http;
  http.reply(200, kSuccess);
  SignalSender sender(http, "http://127.0.0.1:8081");
  const SendResult r = sender.send(item());
  EXPECT_EQ(r.kind, SendResult::Kind::kSent);
  EXPECT_EQ(r.provider_message_id, "1700000000005");
  ASSERT_EQ(http.requests.size(), 1u);
  const ClientRequest& req = http.requests[0];
  EXPECT_EQ(req.method, "POST");
  EXPECT_EQ(req.url, "http://127.0.0.1:8081/api/v1/rpc");
  ASSERT_EQ(req.headers.size(), 1u);
  EXPECT_EQ(req.headers[0].first, "Content-Type");
  EXPECT_EQ(req.headers[0].second, "application/json");
  const json body = json::parse(req.body);
  EXPECT_EQ(body["method"], "send");
  EXPECT_EQ(body["params"]["recipient"][0], "+32470000001");
  EXPECT_EQ(body["params"]["message"], "Bedankt, we noteren ja voor K42.");
  EXPECT_FALSE(body["params"].contains("quoteTimestamp"));
}

TEST(SignalSender, QuotesTheFamilysSignalMessageItAnswers) {
  FakeHttpClient http;
  http.reply(200, kSuccess);
  SignalSender sender(http, "http://127.0.0.1:8081");
  ASSERT_EQ(sender.send(item("sig:+32470000001:1631458508784")).kind, SendResult::Kind::kSent);
  const json body = json::parse(http.requests.at(0).body);
  EXPECT_EQ(body["params"]["quoteTimestamp"], 1631458508784);
  EXPECT_EQ(body["params"]["quoteAuthor"], "+32470000001");
}

TEST(SignalSender, IgnoresAReplyToFromAnotherChannel) {
  FakeHttpClient http;
  http.reply(200, kSuccess);
  SignalSender sender(http, "http://127.0.0.1:8081");
  ASSERT_EQ(sender.send(item("tg:99")).kind, SendResult::Kind::kSent);
  EXPECT_FALSE(json::parse(http.requests.at(0).body)["params"].contains("quoteTimestamp"));
}

TEST(SignalSender, UnreachableDaemonIsTemporary) {
  FakeHttpClient http;
  http.fail(Error::Unavailable("127.0.0.1:8081: Connection refused"));
  SignalSender sender(http, "http://127.0.0.1:8081");
  const SendResult r = sender.send(item());
  EXPECT_EQ(r.kind, SendResult::Kind::kTemporary);
  EXPECT_NE(r.error.find("signal-cli unreachable"), std::string::npos);
  EXPECT_NE(r.error.find("Connection refused"), std::string::npos);
}

TEST(SignalSender, RateLimitIsCountedForTheOperator) {
  FakeHttpClient http;
  http.reply(200, R"({"jsonrpc":"2.0","id":"x","result":{"timestamp":1,"results":[)"
                  R"({"type":"RATE_LIMIT_FAILURE","retryAfterSeconds":30}]}})");
  MetricsRegistry metrics;
  SignalSender sender(http, "http://127.0.0.1:8081", &metrics);
  const SendResult r = sender.send(item());
  EXPECT_EQ(r.kind, SendResult::Kind::kTemporary);
  EXPECT_EQ(r.retry_after_seconds, 30);
  EXPECT_EQ(metrics.value("noodbel_signal_rate_limited_total"), 1);
}

}  // namespace
}  // namespace noodbel::signal_cli
