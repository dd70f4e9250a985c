// GET|POST /webhooks/kannel/{secret}: incoming SMS from a Kannel sms-service (get-url or
// post-url) and delivery reports (dlr-url). Authenticated by the secret path segment
// (compared in constant time) and an allow-list of source addresses. The handler is
// thread-safe as long as the functions in KannelDeps are.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "adapters/http/router.h"
#include "adapters/inbound/inbound_outcome.h"
#include "adapters/kannel/kannel_config.h"
#include "bot/clock.h"
#include "bot/result.h"
#include "bot/types.h"

namespace noodbel {

struct KannelDeps {
  const KannelConfig& config;  // secret and allowed sources; must outlive the router
  const Clock& clock;          // must outlive the router
  // The inbound pipeline: dedupes by provider id, lets the Engine act, commits.
  std::function<Result<InboundOutcome>(const InboundMessage&)> deliver;
  // A delivery report: store::DeliveryReports::mark_delivery. An Error is answered like a
  // failed delivery of an inbound message (503 when kUnavailable), so the provider retries.
  std::function<Status(const std::string& provider_message_id, OutboxState state, UnixTime now)>
      mark_delivery;
};

// True when `remote` (as the server reports it; "::ffff:a.b.c.d" counts as "a.b.c.d") is
// one of `allowed`.
bool kannel_source_allowed(std::string_view remote, const std::vector<std::string>& allowed);

// Registers GET and POST /webhooks/kannel/{secret} (and /webhooks/kannel, always 403).
// Query fields, as kannel.conf's get-url sends them:
//   incoming: type=mo&from=%p&to=%P&text=%b&coding=%c&charset=%C&id=%I
//   (post-url: the same without text; the body is the text, its charset in Content-Type)
//   report:   type=dlr&status=%d&id=<ours, "kn:…">
// Answers: 200 with an empty body for a handled, replayed or ignored message (unknown
// number, empty text) or report; 403 for a source not allowed or a wrong secret (nothing
// stored); 400 for missing or malformed fields or undecodable text; 413 for an over-long
// text; 503 when the store is busy.
void add_kannel_routes(Router& router, KannelDeps deps);

}  // namespace noodbel
