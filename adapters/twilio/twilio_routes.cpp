#include "adapters/twilio/twilio_routes.h"

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>
#include <utility>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "adapters/sms/sms_common.h"
#include "adapters/twilio/twilio_sender.h"
#include "adapters/twilio/twilio_signature.h"
#include "bot/phone.h"
#include "bot/text/ascii.h"
#include "bot/text/logfmt_value.h"
#include "bot/text_normalize.h"

namespace noodbel {
namespace {

constexpr std::string_view kFormType = "application/x-www-form-urlencoded";
constexpr std::size_t kMaxSidLength = 64;

HttpResponse twiml() {
  HttpResponse r;
  r.status = 200;
  r.content_type = "text/xml; charset=utf-8";
  r.body = std::string(kEmptyTwiml);
  return r;
}

// `reject`: the label of noodbel_webhook_rejections_total; unset: derived from the status.
HttpResponse refused(const HttpRequest& request, int status, std::string_view reason,
                     const char* reject = nullptr) {
  spdlog::warn("event=twilio.refused status={} remote={} reason={}", status,
               logfmt_value(request.remote_address), logfmt_value(reason));
  HttpResponse r = HttpResponse::error_json(status, reason);
  if (reject != nullptr) r.reject_reason = reject;
  return r;
}

std::optional<std::string> field(const FormFields& form, std::string_view name) {
  const auto it = form.lower_bound(std::string(name));  // the first of equal keys
  if (it == form.end() || it->first != name) return std::nullopt;
  return it->second;
}

// The URL Twilio signed: public_url without its query, plus the query of this request.
std::string signed_url(const TwilioConfig& config, const HttpRequest& request) {
  std::string url = config.public_url.substr(0, config.public_url.find('?'));
  const std::size_t q = request.target.find('?');
  if (q != std::string::npos) url += request.target.substr(q);
  return url;
}

bool valid_sid(std::string_view sid) {
  return !sid.empty() && sid.size() <= kMaxSidLength &&
         std::all_of(sid.begin(), sid.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) != 0;
         });
}

// delivered -> kDelivered; failed, undelivered, canceled -> kFailed; the rest: nothing.
std::optional<OutboxState> delivery_state(std::string_view status) {
  if (status == "delivered") return OutboxState::kDelivered;
  if (status == "failed" || status == "undelivered" || status == "canceled") {
    return OutboxState::kFailed;
  }
  return std::nullopt;
}

HttpResponse deliver_failed(const Error& e) {
  if (e.kind == ErrorKind::kUnavailable) {
    return HttpResponse::error_json(503, e.message + "; Twilio may retry");
  }
  spdlog::error("event=twilio.deliver_failed error={}", logfmt_value(e.message));
  return HttpResponse::error_json(500,
                                  "internal error while handling the message; it has been logged");
}

HttpResponse status_callback(const TwilioDeps& deps, const HttpRequest& request,
                             const FormFields& form, const std::string& status) {
  const std::string sid = field(form, "MessageSid").value_or("");
  if (!valid_sid(sid)) {
    return refused(request, 400, "status callback without a valid MessageSid");
  }
  const std::optional<OutboxState> state = delivery_state(status);
  if (!state) return twiml();  // queued, sent, read...: nothing to record
  const std::string id = std::string(kTwilioIdPrefix) + sid;
  if (const Status s = deps.mark_delivery(id, *state, deps.clock.now()); !s.ok()) {
    return deliver_failed(s.error());
  }
  spdlog::info("event=twilio.status id={} status={} error_code={}", id, logfmt_value(status),
               logfmt_value(field(form, "ErrorCode").value_or("-")));
  return twiml();
}

HttpResponse incoming(const TwilioDeps& deps, const HttpRequest& request, const FormFields& form) {
  const std::string sid = field(form, "MessageSid").value_or(field(form, "SmsSid").value_or(""));
  if (!valid_sid(sid)) return refused(request, 400, "incoming message without a valid MessageSid");
  const std::optional<std::string> from = field(form, "From");
  if (!from) return refused(request, 400, "incoming message without From");
  const std::string body = field(form, "Body").value_or("");
  if (body.size() > kMaxInboundSmsBytes) {
    return refused(request, 413, fmt::format("Body is {} bytes; at most {} are accepted",
                                             body.size(), kMaxInboundSmsBytes));
  }
  if (!is_valid_utf8(body)) return refused(request, 400, "Body is not valid UTF-8");
  const Result<std::string> number = sms_sender_number(*from);
  if (!number.ok()) {
    spdlog::info("event=twilio.ignored id=tw:{} reason=\"sender is not a phone number\"", sid);
    return twiml();
  }
  const bool blank = std::all_of(body.begin(), body.end(), [](char c) {
    return std::isspace(static_cast<unsigned char>(c)) != 0;
  });
  if (blank) {
    spdlog::info("event=twilio.ignored id=tw:{} from={} reason=\"no text\"", sid,
                 mask_phone(*number));
    return twiml();
  }
  InboundMessage message;
  message.channel = Channel::kSms;
  message.address = *number;
  message.provider_id = std::string(kTwilioIdPrefix) + sid;
  message.text = body;
  message.received_at = deps.clock.now();
  const Result<InboundOutcome> outcome = deps.deliver(message);
  if (!outcome.ok()) return deliver_failed(outcome.error());
  spdlog::info("event=twilio.accepted id={} from={}", message.provider_id, mask_phone(*number));
  return twiml();
}

HttpResponse handle(const TwilioDeps& deps, const HttpRequest& request) {
  const auto type = request.header("content-type");
  if (!type || lower_ascii(*type).rfind(kFormType, 0) != 0) {
    return refused(request, 415, "Twilio webhooks are application/x-www-form-urlencoded");
  }
  const Result<FormFields> form = parse_form(request.body);
  if (!form.ok()) return refused(request, 400, "malformed form body: " + form.error().message);
  const std::optional<std::string> signature = request.header("x-twilio-signature");
  if (!signature) return refused(request, 403, "missing X-Twilio-Signature", "bad_signature");
  if (!twilio_signature_valid(deps.config.auth_token, signed_url(deps.config, request), *form,
                              *signature)) {
    return refused(request, 403,
                   "X-Twilio-Signature does not match: check twilio.auth_token and that "
                   "twilio.public_url is exactly the URL configured at Twilio",
                   "bad_signature");
  }
  if (const auto account = field(*form, "AccountSid");
      account && !deps.config.account_sid.empty() && *account != deps.config.account_sid) {
    return refused(request, 403, "AccountSid is not this service's Twilio account",
                   "wrong_account");
  }
  const std::string status = field(*form, "MessageStatus").value_or("");
  if (!status.empty() && status != "received" && status != "receiving") {
    return status_callback(deps, request, *form, status);
  }
  return incoming(deps, request, *form);
}

}  // namespace

void add_twilio_routes(Router& router, TwilioDeps deps) {
  auto shared = std::make_shared<const TwilioDeps>(std::move(deps));
  router.add("POST", "/webhooks/twilio", [shared](const HttpRequest& request, const PathParams&) {
    return handle(*shared, request);
  });
}

}  // namespace noodbel
