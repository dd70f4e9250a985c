// POST /webhooks/twilio: incoming SMS and message status callbacks from Twilio, checked
// against X-Twilio-Signature before anything else. Incoming messages go to the inbound
// pipeline; status callbacks mark the outbox row delivered or failed. Answers are an empty
// TwiML <Response/>: replies go out through the outbox. The handler is thread-safe as
// long as the functions in TwilioDeps are.
#pragma once

#include <functional>
#include <string>

#include "adapters/http/router.h"
#include "adapters/inbound/inbound_outcome.h"
#include "adapters/twilio/twilio_config.h"
#include "bot/clock.h"
#include "bot/result.h"
#include "bot/types.h"

namespace noodbel {

struct TwilioDeps {
  const TwilioConfig& config;  // auth token, account and public_url; must outlive the router
  const Clock& clock;          // must outlive the router
  // The inbound pipeline: dedupes by provider id, lets the Engine act, commits.
  std::function<Result<InboundOutcome>(const InboundMessage&)> deliver;
  // A delivery report: store::DeliveryReports::mark_delivery. An Error is answered like a
  // failed delivery of an inbound message (503 when kUnavailable), so the provider retries.
  std::function<Status(const std::string& provider_message_id, OutboxState state, UnixTime now)>
      mark_delivery;
};

inline constexpr std::string_view kEmptyTwiml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>";

// Registers POST /webhooks/twilio. Answers: 200 empty TwiML for a handled, replayed,
// ignored (unknown number, no text, status of no interest) message or status callback;
// 403 for a missing or wrong signature or another account (nothing stored); 400 for a
// malformed body or missing fields; 413 for an over-long text; 415 for a body that is not
// form data; 503 when the store is busy (Twilio may retry).
void add_twilio_routes(Router& router, TwilioDeps deps);

}  // namespace noodbel
