// signal-cli's JSON-RPC `send`: the request Noodbel builds and how each documented answer
// (signal-cli-jsonrpc(5), SendMessageResult types) is sorted for the dispatcher.
#include "adapters/signal/signal_rpc.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace noodbel::signal_cli {
namespace {

using nlohmann::json;
using Kind = SendResult::Kind;

std::string result_with(const std::string& type, const std::string& extra = "") {
  return R"({"jsonrpc":"2.0","id":"1","result":{"timestamp":1631458508784,"results":[)"
         R"({"recipientAddress":{"uuid":"u","number":"+32470000001"},"type":")" +
         type + "\"" + extra + "}]}}";
}

TEST(SignalRpc, SendRequestIsJsonRpcWithRecipientListAndMessage) {
  const json j = json::parse(send_request("+32470000001", "Noodoproep \"K42\"\nja/nee?", {}, "n-7"));
  EXPECT_EQ(j["jsonrpc"], "2.0");
  EXPECT_EQ(j["method"], "send");
  EXPECT_EQ(j["id"], "n-7");
  EXPECT_EQ(j["params"]["recipient"], json::array({"+32470000001"}));
  EXPECT_EQ(j["params"]["message"], "Noodoproep \"K42\"\nja/nee?");
  EXPECT_FALSE(j["params"].contains("quoteTimestamp"));
  EXPECT_FALSE(j["params"].contains("account"));
}

TEST(SignalRpc, SendRequestQuotesTheAnsweredMessage) {
  const json j = json::parse(
      send_request("+32470000001", "Bedankt", Quote{1631458508784, "+32470000001"}, "1"));
  EXPECT_EQ(j["params"]["quoteTimestamp"], 1631458508784);
  EXPECT_EQ(j["params"]["quoteAuthor"], "+32470000001");
}

TEST(SignalRpc, SendRequestSurvivesInvalidUtf8) {
  const json j = json::parse(send_request("+32470000001", std::string("a\xff" "b"), {}, "1"));
  EXPECT_EQ(j["params"]["message"].get<std::string>().front(), 'a');
}

TEST(SignalRpc, SuccessIsSentWithTheTimestampAsProviderId) {
  const SendResult r = classify_send_response(200, result_with("SUCCESS"));
  EXPECT_EQ(r.kind, Kind::kSent);
  EXPECT_EQ(r.provider_message_id, "1631458508784");
}

TEST(SignalRpc, ResultWithoutResultsListIsSent) {
  const SendResult r = classify_send_response(200, R"({"jsonrpc":"2.0","result":{"timestamp":999},"id":4})");
  EXPECT_EQ(r.kind, Kind::kSent);
  EXPECT_EQ(r.provider_message_id, "999");
}

TEST(SignalRpc, UnregisteredAndIdentityFailuresArePermanentAndNamedForFailover) {
  const SendResult unregistered = classify_send_response(200, result_with("UNREGISTERED_FAILURE"));
  EXPECT_EQ(unregistered.kind, Kind::kPermanent);
  EXPECT_NE(unregistered.error.find("unregistered"), std::string::npos) << unregistered.error;
  const SendResult identity = classify_send_response(200, result_with("IDENTITY_FAILURE"));
  EXPECT_EQ(identity.kind, Kind::kPermanent);
  EXPECT_NE(identity.error.find("identity changed"), std::string::npos) << identity.error;
}

TEST(SignalRpc, RateLimitIsTemporaryAndCarriesRetryAfterSeconds) {
  const SendResult r =
      classify_send_response(200, result_with("RATE_LIMIT_FAILURE", R"(,"retryAfterSeconds":42)"));
  EXPECT_EQ(r.kind, Kind::kTemporary);
  EXPECT_EQ(r.retry_after_seconds, 42);
  EXPECT_NE(r.error.find("rate limited"), std::string::npos);
}

TEST(SignalRpc, ProofRequiredIsTemporaryWithItsRetryAfter) {
  const SendResult r = classify_send_response(
      200, result_with("PROOF_REQUIRED_FAILURE",
                       R"(,"proofRequiredFailure":{"token":"t","options":["RECAPTCHA"],"retryAfterSeconds":86400})"));
  EXPECT_EQ(r.kind, Kind::kTemporary);
  EXPECT_EQ(r.retry_after_seconds, 86400);
  EXPECT_NE(r.error.find("captcha"), std::string::npos);
}

TEST(SignalRpc, NetworkFailureAndUnknownTypesAreTemporary) {
  EXPECT_EQ(classify_send_response(200, result_with("NETWORK_FAILURE")).kind, Kind::kTemporary);
  const SendResult unknown = classify_send_response(200, result_with("SOMETHING_NEW"));
  EXPECT_EQ(unknown.kind, Kind::kTemporary);
  EXPECT_NE(unknown.error.find("SOMETHING_NEW"), std::string::npos);
}

TEST(SignalRpc, ErrorWithResponseDataIsReadPerRecipient) {
  const SendResult r = classify_send_response(
      200, R"({"jsonrpc":"2.0","id":"1","error":{"code":-1,"message":"Failed to send message",)"
           R"("data":{"response":{"timestamp":5,"results":[{"type":"UNREGISTERED_FAILURE"}]}}}})");
  EXPECT_EQ(r.kind, Kind::kPermanent);
  EXPECT_NE(r.error.find("unregistered"), std::string::npos);
}

TEST(SignalRpc, JsonRpcErrorsAreSortedByCode) {
  const SendResult user = classify_send_response(
      200, R"({"jsonrpc":"2.0","id":"1","error":{"code":-1,"message":"Invalid recipient"}})");
  EXPECT_EQ(user.kind, Kind::kPermanent);
  EXPECT_NE(user.error.find("signal-cli error -1: Invalid recipient"), std::string::npos);
  const SendResult params = classify_send_response(
      200, R"({"jsonrpc":"2.0","id":"1","error":{"code":-32602,"message":"bad params"}})");
  EXPECT_EQ(params.kind, Kind::kPermanent);
  const SendResult internal = classify_send_response(
      200, R"({"jsonrpc":"2.0","id":null,"error":{"code":-32603,"message":"An internal server error has occurred."}})");
  EXPECT_EQ(internal.kind, Kind::kTemporary);
  const SendResult io = classify_send_response(
      200, R"({"jsonrpc":"2.0","id":"1","error":{"code":-3,"message":"IO"}})");
  EXPECT_EQ(io.kind, Kind::kTemporary);
}

TEST(SignalRpc, HttpFailuresAndMalformedBodiesAreTemporaryWithAClearError) {
  const SendResult down = classify_send_response(503, "");
  EXPECT_EQ(down.kind, Kind::kTemporary);
  EXPECT_NE(down.error.find("HTTP 503"), std::string::npos);
  const SendResult media = classify_send_response(415, "");
  EXPECT_EQ(media.kind, Kind::kTemporary);
  EXPECT_NE(media.error.find("HTTP 415"), std::string::npos);
  for (const char* body : {"", "not json", "[]", R"({"jsonrpc":"2.0","id":"1"})",
                           R"({"result":{"results":[{"type":"SUCCESS"}]}})", R"({"error":"x"})"}) {
    const SendResult r = classify_send_response(200, body);
    EXPECT_EQ(r.kind, Kind::kTemporary) << body;
    EXPECT_FALSE(r.error.empty()) << body;
  }
}

}  // namespace
}  // namespace noodbel::signal_cli
