// signal-cli's `receive` events (the data of one SSE event on /api/v1/events, or the
// params of a JSON-RPC "receive" notification) -> an InboundMessage for the pipeline.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "bot/clock.h"
#include "bot/types.h"

namespace noodbel::signal_cli {

struct ParsedEvent {
  std::optional<InboundMessage> message;  // a text from one person to the bot
  std::string ignored;                    // otherwise why: "receipt", "typing", "sync", ...
  bool malformed = false;                 // the data was not a receive event at all
};

// A dataMessage with text from a sender with a phone number becomes a message: address =
// sourceNumber, provider_id = inbound_provider_id(sourceNumber, timestamp), reply_to =
// quote.id (the bot's sent message is known by its send timestamp). Receipts, typing,
// sync, group, reaction-only and other envelopes are ignored, never an error.
ParsedEvent parse_receive_event(std::string_view data, UnixTime now);

// "sig:<number>:<timestamp>": unique per sender and message.
std::string inbound_provider_id(std::string_view number, std::int64_t timestamp);

// The Signal timestamp inside an inbound_provider_id, or nothing (another channel's id).
std::optional<std::int64_t> timestamp_of_inbound(std::string_view provider_id);

}  // namespace noodbel::signal_cli
