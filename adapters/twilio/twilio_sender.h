// TwilioSender: the ChannelSender for SMS through Twilio's Messages API (POST
// {base}/2010-04-01/Accounts/{Sid}/Messages.json, Basic auth). Sorts Twilio's answers into
// sent / temporary / permanent for the dispatcher (which paces the sends). Called from the
// one SMS dispatcher thread only.
#pragma once

#include "adapters/dispatch/channel_sender.h"
#include "adapters/http/client.h"
#include "adapters/twilio/twilio_config.h"

namespace noodbel {

// The provider id of a message Twilio accepted: "tw:" + its sid ("tw:SM…").
inline constexpr std::string_view kTwilioIdPrefix = "tw:";

// The HTTP request that sends `item` (body form-encoded: To, From or
// MessagingServiceSid, Body with typographic characters transliterated, StatusCallback).
ClientRequest twilio_send_request(const TwilioConfig& config, const OutboxItem& item);

// Twilio's answer sorted: 2xx with a sid: sent; 429, 5xx and 408: temporary (with
// Retry-After); 400 (e.g. 21610 unsubscribed, 21211/21614 invalid number), 401, 403, 404
// and other 4xx: permanent. The error names Twilio's code and message, never the body sent.
SendResult twilio_send_result(const ClientResponse& response);

class TwilioSender final : public ChannelSender {
 public:
  // config and client must outlive the sender.
  TwilioSender(const TwilioConfig& config, HttpClient& client);

  Channel channel() const override { return Channel::kSms; }
  SendResult send(const OutboxItem& item) override;

 private:
  const TwilioConfig& config_;
  HttpClient& client_;
};

}  // namespace noodbel
