#include "adapters/twilio/twilio_sender.h"

#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "adapters/crypto/base64.h"
#include "adapters/http/retry_after.h"
#include "adapters/sms/sms_common.h"
#include "bot/phone.h"
#include "bot/text/logfmt_value.h"

namespace noodbel {
namespace {

using nlohmann::json;

std::string basic_auth(std::string_view user, std::string_view password) {
  return "Basic " + base64(fmt::format("{}:{}", user, password));
}

// Twilio's error code from its error JSON ({"code": 21610, "message": ...}), or 0.
int error_code(const json& body) {
  if (!body.is_object()) return 0;
  const auto code = body.find("code");
  return code != body.end() && code->is_number_integer() ? code->get<int>() : 0;
}

// "twilio HTTP 400 code 21610: Attempt to send to unsubscribed recipient".
std::string describe_error(const ClientResponse& response, const json& body) {
  const int code = error_code(body);
  if (code == 0) return fmt::format("twilio HTTP {}", response.status);
  const auto message = body.find("message");
  const std::string text = message != body.end() && message->is_string()
                               ? message->get<std::string>().substr(0, 200)
                               : std::string("(no message)");
  return fmt::format("twilio HTTP {} code {}: {}", response.status, code, text);
}

}  // namespace

ClientRequest twilio_send_request(const TwilioConfig& config, const OutboxItem& item) {
  FormPairs form{{"To", item.message.address}};
  if (!config.messaging_service_sid.empty()) {
    form.emplace_back("MessagingServiceSid", config.messaging_service_sid);
  } else {
    form.emplace_back("From", config.from);
  }
  form.emplace_back("Body", sms_body(item.message.text));
  const std::string& callback =
      config.status_callback.empty() ? config.public_url : config.status_callback;
  if (!callback.empty()) form.emplace_back("StatusCallback", callback);

  ClientRequest request;
  request.method = "POST";
  request.url = fmt::format("{}/2010-04-01/Accounts/{}/Messages.json", config.api_base_url,
                            url_encode(config.account_sid));
  request.headers = {{"Authorization", basic_auth(config.account_sid, config.auth_token)},
                     {"Content-Type", "application/x-www-form-urlencoded"},
                     {"Accept", "application/json"}};
  request.body = form_encode(form);
  return request;
}

SendResult twilio_send_result(const ClientResponse& response) {
  const int status = response.status;
  if (status >= 200 && status < 300) {
    const json body = json::parse(response.body, nullptr, /*allow_exceptions=*/false);
    const auto sid = body.is_object() ? body.find("sid") : body.end();
    if (body.is_object() && sid != body.end() && sid->is_string() &&
        !sid->get_ref<const std::string&>().empty()) {
      return SendResult::sent(std::string(kTwilioIdPrefix) + sid->get<std::string>());
    }
    // Accepted, but we cannot tell which message it is: sending again would duplicate it.
    return SendResult::permanent(
        fmt::format("twilio HTTP {} without a message sid: check api_base_url", status));
  }
  const json body = json::parse(response.body, nullptr, /*allow_exceptions=*/false);
  const std::string error = describe_error(response, body);
  if (status == 429 || status == 408 || status >= 500) {
    return SendResult::temporary(error, retry_after_seconds(response));
  }
  if (status == 401 || status == 403) {
    return SendResult::permanent(error + " (check twilio.account_sid and the auth token)");
  }
  // Every other answer, including 400 with 21610 (unsubscribed) or 21211 / 21614
  // (invalid number), means this message will never go out as sent.
  return SendResult::permanent(error);
}

TwilioSender::TwilioSender(const TwilioConfig& config, HttpClient& client)
    : config_(config), client_(client) {}

SendResult TwilioSender::send(const OutboxItem& item) {
  const Result<ClientResponse> response = client_.send(twilio_send_request(config_, item));
  if (!response.ok()) {
    const Error& e = response.error();
    spdlog::warn("event=twilio.send_failed to={} error={}", mask_phone(item.message.address),
                 logfmt_value(e.message));
    if (e.kind == ErrorKind::kUnavailable) return SendResult::temporary(e.message);
    return SendResult::permanent(e.message);
  }
  SendResult result = twilio_send_result(*response);
  if (result.kind == SendResult::Kind::kSent) {
    spdlog::info("event=twilio.sent to={} id={}", mask_phone(item.message.address),
                 logfmt_value(result.provider_message_id));
  } else {
    spdlog::warn("event=twilio.refused to={} retry={} error={}", mask_phone(item.message.address),
                 result.kind == SendResult::Kind::kTemporary, logfmt_value(result.error));
  }
  return result;
}

}  // namespace noodbel
