#include "adapters/telegram/telegram_api.h"

#include <charconv>

#include <fmt/format.h>

#include "adapters/telegram/bot_api_types.h"

namespace noodbel::telegram {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxDescription = 200;
// getUpdates waits `timeout` on the server: the read may take that long plus a margin.
constexpr auto kPollMargin = std::chrono::seconds(10);

CallOutcome failure(CallOutcome::Kind kind, int code, std::string error,
                    std::optional<int> retry_after = std::nullopt) {
  CallOutcome out;
  out.kind = kind;
  out.code = code;
  out.error = std::move(error);
  out.retry_after = retry_after;
  return out;
}

std::optional<int> retry_after_header(const ClientResponse& r) {
  const auto it = r.headers.find("retry-after");
  if (it == r.headers.end()) return std::nullopt;
  int seconds = 0;
  const auto [ptr, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), seconds);
  if (ec != std::errc() || ptr != it->second.data() + it->second.size() || seconds < 0) {
    return std::nullopt;
  }
  return seconds;
}

bool temporary_code(int code) {
  return code == 429 || code >= 500 || code == 401 || code == 404 || code == 409;
}

}  // namespace

const std::vector<std::string>& allowed_updates() {
  static const std::vector<std::string> kinds{"message", "callback_query"};
  return kinds;
}

CallOutcome classify(std::string_view method, const Result<ClientResponse>& response) {
  using Kind = CallOutcome::Kind;
  if (!response.ok()) {
    const Kind kind = response.error().kind == ErrorKind::kUnavailable ? Kind::kTemporary
                                                                       : Kind::kPermanent;
    return failure(kind, 0, fmt::format("{}: {}", method, response.error().message));
  }
  const ClientResponse& r = *response;
  const Result<ApiReply> reply = parse_api_reply(r.body);
  if (!reply.ok()) {
    return failure(Kind::kTemporary, r.status,
                   fmt::format("{}: HTTP {} without a Bot API answer", method, r.status),
                   r.status == 429 ? retry_after_header(r) : std::nullopt);
  }
  if (reply->ok && r.status >= 200 && r.status < 300) {
    CallOutcome out;
    out.result = reply->result;
    return out;
  }
  const int code = reply->error_code != 0 ? reply->error_code : r.status;
  std::string description = reply->description.substr(0, kMaxDescription);
  if (description.empty()) description = "no description";
  std::string error = fmt::format("{}: {} {}", method, code, description);
  if (code == 401 || code == 404) error += " (check telegram.token)";
  const std::optional<int> retry_after =
      code == 429 ? (reply->retry_after ? reply->retry_after : retry_after_header(r)) : std::nullopt;
  return failure(temporary_code(code) ? Kind::kTemporary : Kind::kPermanent, code,
                 std::move(error), retry_after);
}

TelegramApi::TelegramApi(HttpClient& client, std::string base_url, std::string token)
    : client_(&client), base_url_(std::move(base_url)), token_(std::move(token)) {}

CallOutcome TelegramApi::call(std::string_view method, const json& params,
                              std::chrono::milliseconds io_timeout,
                              const std::atomic<bool>* cancel) const {
  ClientRequest request;
  request.method = "POST";
  request.url = fmt::format("{}/bot{}/{}", base_url_, token_, method);
  request.headers = {{"Content-Type", "application/json"}};
  // Invalid UTF-8 is replaced rather than thrown: a message must not crash the sender.
  request.body = params.dump(-1, ' ', false, json::error_handler_t::replace);
  request.io_timeout = io_timeout;
  request.cancel = cancel;
  return classify(method, client_->send(request));
}

CallOutcome TelegramApi::send_message(std::string_view chat_id, std::string_view text,
                                      const std::vector<InlineButton>& buttons) const {
  json params{{"chat_id", chat_id_value(chat_id)}, {"text", text}};
  if (!buttons.empty()) {
    json row = json::array();
    for (const InlineButton& b : buttons) {
      row.push_back({{"text", b.text}, {"callback_data", b.callback_data}});
    }
    params["reply_markup"] = {{"inline_keyboard", json::array({row})}};
  }
  return call("sendMessage", params);
}

CallOutcome TelegramApi::answer_callback_query(std::string_view callback_query_id) const {
  return call("answerCallbackQuery", {{"callback_query_id", callback_query_id}});
}

CallOutcome TelegramApi::set_webhook(std::string_view url, std::string_view secret_token) const {
  return call("setWebhook", {{"url", url},
                             {"secret_token", secret_token},
                             {"allowed_updates", allowed_updates()}});
}

CallOutcome TelegramApi::delete_webhook() const {
  // Pending updates stay: polling picks them up.
  return call("deleteWebhook", {{"drop_pending_updates", false}});
}

CallOutcome TelegramApi::set_my_commands(const std::vector<BotCommand>& commands,
                                         std::string_view chat_id) const {
  json list = json::array();
  for (const BotCommand& c : commands) {
    list.push_back({{"command", c.command}, {"description", c.description}});
  }
  json params{{"commands", std::move(list)}};
  if (!chat_id.empty()) {
    params["scope"] = {{"type", "chat"}, {"chat_id", chat_id_value(chat_id)}};
  }
  return call("setMyCommands", params);
}

CallOutcome TelegramApi::get_updates(std::int64_t offset, std::chrono::seconds timeout,
                                     const std::atomic<bool>* cancel) const {
  const json params{{"offset", offset},
                    {"timeout", timeout.count()},
                    {"allowed_updates", allowed_updates()}};
  return call("getUpdates", params, std::chrono::duration_cast<std::chrono::milliseconds>(timeout + kPollMargin),
              cancel);
}

json chat_id_value(std::string_view chat_id) {
  std::int64_t id = 0;
  const auto [ptr, ec] = std::from_chars(chat_id.data(), chat_id.data() + chat_id.size(), id);
  if (ec == std::errc() && ptr == chat_id.data() + chat_id.size()) return id;
  return std::string(chat_id);
}

}  // namespace noodbel::telegram
