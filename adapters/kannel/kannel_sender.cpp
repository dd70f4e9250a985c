#include "adapters/kannel/kannel_sender.h"

#include <algorithm>
#include <utility>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "adapters/http/retry_after.h"
#include "adapters/sms/sms_common.h"
#include "bot/phone.h"
#include "bot/sms_text.h"
#include "bot/text/logfmt_value.h"

namespace noodbel {
namespace {

constexpr std::size_t kMaxQuoted = 120;

// smsbox's one-line answer, trimmed and cut short for logs and last_error.
std::string short_answer(std::string_view body) {
  std::string_view s = body.substr(0, std::min(body.find('\n'), kMaxQuoted));
  while (!s.empty() && (s.back() == '\r' || s.back() == ' ')) s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

std::string kannel_message_id(const OutboxItem& item) {
  return fmt::format("{}{}", kKannelIdPrefix, item.id);
}

ClientRequest kannel_send_request(const KannelConfig& config, const OutboxItem& item) {
  const std::string text = sms_body(item.message.text);
  FormPairs query{{"username", config.username}, {"password", config.password}};
  if (!config.from.empty()) query.emplace_back("from", config.from);
  query.emplace_back("to", item.message.address);
  query.emplace_back("text", text);
  query.emplace_back("charset", "UTF-8");
  query.emplace_back("coding", is_gsm7(text) ? "0" : "2");
  if (!config.dlr_url.empty()) {
    query.emplace_back("dlr-mask", std::to_string(kKannelDlrMask));
    // %d is replaced by smsbox with the report type; the id is ours (URL-safe).
    query.emplace_back("dlr-url", fmt::format("{}/{}?type=dlr&status=%d&id={}", config.dlr_url,
                                              config.webhook_secret, kannel_message_id(item)));
  }
  ClientRequest request;
  request.method = "GET";
  request.url = config.sendsms_url + "?" + form_encode(query);
  return request;
}

SendResult kannel_send_result(const ClientResponse& response, std::string provider_id) {
  const std::string answer = short_answer(response.body);
  const bool accepted = answer.rfind("0:", 0) == 0 || answer.rfind("3:", 0) == 0;
  if ((response.status == 200 || response.status == 202) && accepted) {
    return SendResult::sent(std::move(provider_id));
  }
  const std::string error = fmt::format("kannel HTTP {}: {}", response.status, answer);
  if (response.status >= 500) return SendResult::temporary(error, retry_after_seconds(response));
  if (response.status == 403) {
    return SendResult::permanent(error + " (check kannel.username and the password against "
                                         "the sendsms-user in kannel.conf)");
  }
  return SendResult::permanent(error);
}

KannelSender::KannelSender(const KannelConfig& config, HttpClient& client)
    : config_(config), client_(client) {}

SendResult KannelSender::send(const OutboxItem& item) {
  const Result<ClientResponse> response = client_.send(kannel_send_request(config_, item));
  if (!response.ok()) {
    const Error& e = response.error();
    spdlog::warn("event=kannel.send_failed to={} error={}", mask_phone(item.message.address),
                 logfmt_value(e.message));
    if (e.kind == ErrorKind::kUnavailable) return SendResult::temporary(e.message);
    return SendResult::permanent(e.message);
  }
  SendResult result = kannel_send_result(*response, kannel_message_id(item));
  if (result.kind == SendResult::Kind::kSent) {
    spdlog::info("event=kannel.sent to={} id={}", mask_phone(item.message.address),
                 logfmt_value(result.provider_message_id));
  } else {
    spdlog::warn("event=kannel.refused to={} retry={} error={}", mask_phone(item.message.address),
                 result.kind == SendResult::Kind::kTemporary, logfmt_value(result.error));
  }
  return result;
}

}  // namespace noodbel
