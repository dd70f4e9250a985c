// signal-cli's JSON-RPC `send` (signal-cli-jsonrpc(5)): building the request and sorting
// the answer into a SendResult the dispatcher acts on. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "adapters/dispatch/channel_sender.h"

namespace noodbel::signal_cli {

// The message an outgoing message answers: its Signal timestamp and author (E.164).
struct Quote {
  std::int64_t timestamp = 0;
  std::string author;
};

// {"jsonrpc":"2.0","method":"send","params":{"recipient":[..],"message":..,
//  "quoteTimestamp":..,"quoteAuthor":..},"id":request_id}. For a daemon started with -a.
std::string send_request(std::string_view recipient, std::string_view message,
                         const std::optional<Quote>& quote, std::string_view request_id);

// {"jsonrpc":"2.0","method":"version","id":..}: a cheap call to see the daemon answer.
std::string version_request(std::string_view request_id);

// The answer to one send to one recipient:
// - result.results[] of that recipient: SUCCESS -> sent, provider id = result.timestamp
//   (the id a family's quote carries); UNREGISTERED_FAILURE -> permanent "unregistered";
//   IDENTITY_FAILURE -> permanent "identity changed"; RATE_LIMIT_FAILURE and
//   PROOF_REQUIRED_FAILURE -> temporary with retryAfterSeconds; NETWORK_FAILURE ->
//   temporary. A result without `results` (older signal-cli) is sent.
// - error: data.response.results are read as above when present; else invalid request
//   or params (-32600, -32602) and user errors (-1) are permanent, the rest temporary.
// - HTTP 5xx, other non-200 statuses and unreadable bodies -> temporary, with a clear error.
SendResult classify_send_response(int http_status, std::string_view body);

}  // namespace noodbel::signal_cli
