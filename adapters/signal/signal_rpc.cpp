#include "adapters/signal/signal_rpc.h"

#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace noodbel::signal_cli {
namespace {

using nlohmann::json;

constexpr int kUserError = -1;  // signal-cli: the request cannot succeed as it is
constexpr int kInvalidRequest = -32600;
constexpr int kInvalidParams = -32602;
constexpr int kMethodNotFound = -32601;

std::optional<int> retry_after(const json& result) {
  for (const json* where : {&result, result.contains("proofRequiredFailure")
                                         ? &result["proofRequiredFailure"]
                                         : nullptr}) {
    if (where == nullptr || !where->is_object()) continue;
    const auto it = where->find("retryAfterSeconds");
    if (it != where->end() && it->is_number_integer() && it->get<std::int64_t>() >= 0) {
      return static_cast<int>(std::min<std::int64_t>(it->get<std::int64_t>(), 86'400));
    }
  }
  return std::nullopt;
}

std::string provider_id(const json& holder) {
  const auto ts = holder.find("timestamp");
  if (ts == holder.end() || !ts->is_number_integer()) return {};
  return std::to_string(ts->get<std::int64_t>());
}

// One recipient's result object -> SendResult; `timestamp` is the message's provider id.
SendResult classify_result(const json& r, const std::string& timestamp) {
  const std::string type = r.is_object() && r.contains("type") && r["type"].is_string()
                               ? r["type"].get<std::string>()
                               : std::string();
  if (type == "SUCCESS") {
    if (timestamp.empty()) return SendResult::temporary("signal-cli: sent, but no timestamp");
    return SendResult::sent(timestamp);
  }
  if (type == "UNREGISTERED_FAILURE") {
    return SendResult::permanent("signal: recipient unregistered (no Signal account)");
  }
  if (type == "IDENTITY_FAILURE") {
    return SendResult::permanent("signal: recipient identity changed (safety number not trusted)");
  }
  if (type == "RATE_LIMIT_FAILURE") {
    return SendResult::temporary("signal: rate limited by the Signal server", retry_after(r));
  }
  if (type == "PROOF_REQUIRED_FAILURE") {
    return SendResult::temporary(
        "signal: rate limited, captcha proof required (signal-cli submitRateLimitChallenge)",
        retry_after(r));
  }
  if (type == "NETWORK_FAILURE") return SendResult::temporary("signal: network failure");
  return SendResult::temporary(
      fmt::format("signal-cli: unknown result type '{}'", type.substr(0, 40)));
}

// `holder` has "timestamp" and maybe "results".
SendResult classify_results(const json& holder) {
  const std::string timestamp = provider_id(holder);
  const auto results = holder.find("results");
  if (results == holder.end() || !results->is_array() || results->empty()) {
    if (timestamp.empty()) return SendResult::temporary("signal-cli: result without a timestamp");
    return SendResult::sent(timestamp);
  }
  for (const json& r : *results) {
    if (r.is_object() && r.value("type", std::string()) == "SUCCESS") {
      return classify_result(r, timestamp);
    }
  }
  return classify_result(results->front(), timestamp);
}

SendResult classify_error(const json& error) {
  if (!error.is_object()) return SendResult::temporary("signal-cli: unreadable error object");
  const json* data = error.contains("data") ? &error["data"] : nullptr;
  if (data != nullptr && data->is_object() && data->contains("response") &&
      (*data)["response"].is_object()) {
    return classify_results((*data)["response"]);
  }
  const int code = error.contains("code") && error["code"].is_number_integer()
                       ? error["code"].get<int>()
                       : 0;
  const std::string message =
      error.contains("message") && error["message"].is_string()
          ? error["message"].get<std::string>().substr(0, 160)
          : std::string("no message");
  const std::string text = fmt::format("signal-cli error {}: {}", code, message);
  if (code == kUserError || code == kInvalidRequest || code == kInvalidParams ||
      code == kMethodNotFound) {
    return SendResult::permanent(text);
  }
  return SendResult::temporary(text);
}

}  // namespace

std::string send_request(std::string_view recipient, std::string_view message,
                         const std::optional<Quote>& quote, std::string_view request_id) {
  json params{{"recipient", json::array({std::string(recipient)})},
              {"message", std::string(message)}};
  if (quote) {
    params["quoteTimestamp"] = quote->timestamp;
    params["quoteAuthor"] = quote->author;
  }
  return json{{"jsonrpc", "2.0"}, {"method", "send"}, {"params", params},
              {"id", std::string(request_id)}}
      .dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string version_request(std::string_view request_id) {
  return json{{"jsonrpc", "2.0"}, {"method", "version"}, {"id", std::string(request_id)}}.dump();
}

SendResult classify_send_response(int http_status, std::string_view body) {
  if (http_status >= 500) {
    return SendResult::temporary(fmt::format("signal-cli answered HTTP {}", http_status));
  }
  if (http_status != 200) {
    return SendResult::temporary(fmt::format(
        "signal-cli answered HTTP {} (expected 200 with a JSON-RPC response)", http_status));
  }
  const json doc = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) {
    return SendResult::temporary("signal-cli: the response is not a JSON object");
  }
  if (doc.contains("error")) return classify_error(doc["error"]);
  const auto result = doc.find("result");
  if (result == doc.end() || !result->is_object()) {
    return SendResult::temporary("signal-cli: the response has neither result nor error");
  }
  return classify_results(*result);
}

}  // namespace noodbel::signal_cli
