#include "adapters/app/sms_channel.h"

#include "adapters/kannel/kannel_routes.h"
#include "adapters/kannel/kannel_sender.h"
#include "adapters/twilio/twilio_routes.h"
#include "adapters/twilio/twilio_sender.h"

namespace noodbel {

Status check_sms_config(const Config& config) {
  if (config.twilio.enabled && config.twilio.auth_token.empty()) {
    return Error::Invalid(
        "twilio.auth_token is empty: set the environment variable NOODBEL_TWILIO_AUTH_TOKEN "
        "(or auth_token in [twilio]) to the auth token from the Twilio console");
  }
  if (config.kannel.enabled && config.kannel.webhook_secret.empty()) {
    return Error::Invalid(
        "kannel.webhook_secret is empty: set the environment variable NOODBEL_KANNEL_SECRET "
        "(or webhook_secret in [kannel]), e.g. to the output of `openssl rand -hex 32`, and "
        "use it in the get-url of kannel.conf");
  }
  if (config.kannel.enabled && config.kannel.password.empty()) {
    return Error::Invalid(
        "kannel.password is empty: set the environment variable NOODBEL_KANNEL_PASSWORD (or "
        "password in [kannel]) to the password of the sendsms-user in kannel.conf");
  }
  return Ok();
}

std::unique_ptr<ChannelSender> make_sms_sender(const Config& config, HttpClient& client) {
  switch (config.sms.provider) {
    case SmsProvider::kTwilio:
      return std::make_unique<TwilioSender>(config.twilio, client);
    case SmsProvider::kKannel:
      return std::make_unique<KannelSender>(config.kannel, client);
    case SmsProvider::kNone:
      break;
  }
  return nullptr;
}

void add_sms_routes(Router& router, const SmsDeps& deps) {
  if (deps.config.twilio.enabled) {
    add_twilio_routes(router, {deps.config.twilio, deps.clock, deps.deliver, deps.mark_delivery});
  }
  if (deps.config.kannel.enabled) {
    add_kannel_routes(router, {deps.config.kannel, deps.clock, deps.deliver, deps.mark_delivery});
  }
}

}  // namespace noodbel
