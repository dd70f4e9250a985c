// The SMS channel of `noodbel serve`: the sender of the provider chosen in [sms] (Twilio or
// Kannel) and the webhook routes of every enabled provider. Called while the Service is
// built; the returned sender and routes follow their own thread-safety notes.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "adapters/config/config.h"
#include "adapters/dispatch/channel_sender.h"
#include "adapters/http/client.h"
#include "adapters/http/router.h"
#include "adapters/inbound/inbound_outcome.h"
#include "bot/clock.h"
#include "bot/result.h"
#include "bot/types.h"

namespace noodbel {

struct SmsDeps {
  const Config& config;  // must outlive the router and the sender
  const Clock& clock;    // must outlive the router
  std::function<Result<InboundOutcome>(const InboundMessage&)> deliver;
  // store::DeliveryReports::mark_delivery; an Error is answered 503 (kUnavailable) or 500.
  std::function<Status(const std::string& provider_message_id, OutboxState state, UnixTime now)>
      mark_delivery;
};

// What an enabled provider needs besides the file's checks, once secrets from the
// environment are in: Twilio's auth token; Kannel's password and webhook secret. The
// error names the key and its environment variable.
Status check_sms_config(const Config& config);

// The sender for Channel::kSms chosen by config.sms.provider; nullptr for
// SmsProvider::kNone. config and client must outlive it. It never waits: the Dispatcher
// keeps config.sms.messages_per_second (adapters/app/dispatcher_config.h).
std::unique_ptr<ChannelSender> make_sms_sender(const Config& config, HttpClient& client);

// POST /webhooks/twilio when [twilio] is enabled, GET|POST /webhooks/kannel/{secret} when
// [kannel] is.
void add_sms_routes(Router& router, const SmsDeps& deps);

}  // namespace noodbel
