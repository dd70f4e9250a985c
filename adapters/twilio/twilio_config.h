// TwilioConfig: the [twilio] settings and secrets of adapters/twilio/. A plain struct,
// loaded by adapters/config.
#pragma once

#include <string>

namespace noodbel {

// SMS through Twilio's REST API (adapters/twilio/). Twilio POSTs incoming messages and
// status callbacks to public_url, signed with the auth token (X-Twilio-Signature).
struct TwilioConfig {
  bool enabled = false;
  std::string account_sid;            // "AC" + 32 hex
  std::string auth_token;             // NOODBEL_TWILIO_AUTH_TOKEN overrides
  std::string from;                   // sender number or id; set this or the next one
  std::string messaging_service_sid;  // "MG" + 32 hex
  std::string api_base_url = "https://api.twilio.com";
  std::string public_url;  // the URL Twilio calls: "https://noodbel.example.be/webhooks/twilio"
  std::string status_callback;  // StatusCallback of sent messages; empty: public_url
};

}  // namespace noodbel
