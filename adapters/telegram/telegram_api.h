// TelegramApi: the Bot API methods Noodbel calls, as JSON POSTs over the shared
// HttpClient; checks the {"ok": ...} envelope and sorts failures into temporary (retry)
// and permanent. Cheap to copy; thread-safe as the HttpClient is. The bot token is part
// of every URL, so it never appears in an error, a log line or an exception.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "adapters/http/client.h"

namespace noodbel::telegram {

// What became of one Bot API call.
struct CallOutcome {
  enum class Kind { kOk, kTemporary, kPermanent };
  Kind kind = Kind::kOk;
  nlohmann::json result;           // when ok: the "result" value
  int code = 0;                    // when not: Telegram's error_code, else the HTTP status (0: none)
  std::string error;               // when not: short, without the token or any message text
  std::optional<int> retry_after;  // seconds: parameters.retry_after or Retry-After (429)

  bool ok() const { return kind == Kind::kOk; }
};

struct InlineButton {
  std::string text;
  std::string callback_data;  // at most 64 bytes
};

struct BotCommand {
  std::string command;      // "bord": 1-32 of a-z, 0-9, _
  std::string description;  // 1-256 characters
};

// The update kinds Noodbel asks for (setWebhook and getUpdates).
const std::vector<std::string>& allowed_updates();

// 429, 5xx, 401/404 (a refused token: fix the configuration, the queue waits), 409 and
// transport failures are temporary; other 4xx (400 chat not found, 403 blocked by the
// user) are permanent. A 2xx that is not a Bot API envelope is temporary.
CallOutcome classify(std::string_view method, const Result<ClientResponse>& response);

class TelegramApi {
 public:
  // base_url: "https://api.telegram.org" (no trailing slash). client must outlive this.
  TelegramApi(HttpClient& client, std::string base_url, std::string token);

  // Any method with JSON parameters; io_timeout 0: the client's default.
  CallOutcome call(std::string_view method, const nlohmann::json& params,
                   std::chrono::milliseconds io_timeout = std::chrono::milliseconds(0),
                   const std::atomic<bool>* cancel = nullptr) const;

  // Plain text (no parse_mode); buttons in one row under the message when given.
  CallOutcome send_message(std::string_view chat_id, std::string_view text,
                           const std::vector<InlineButton>& buttons = {}) const;
  CallOutcome answer_callback_query(std::string_view callback_query_id) const;
  CallOutcome set_webhook(std::string_view url, std::string_view secret_token) const;
  CallOutcome delete_webhook() const;
  // For one chat (scope "chat"), or the default scope when chat_id is empty.
  CallOutcome set_my_commands(const std::vector<BotCommand>& commands,
                              std::string_view chat_id = {}) const;
  // Long poll: waits up to `timeout` for updates with update_id >= offset.
  CallOutcome get_updates(std::int64_t offset, std::chrono::seconds timeout,
                          const std::atomic<bool>* cancel = nullptr) const;

 private:
  HttpClient* client_;
  std::string base_url_;
  std::string token_;
};

// A chat id as the Bot API wants it: a number ("-1001234" -> -1001234) or "@channel".
nlohmann::json chat_id_value(std::string_view chat_id);

}  // namespace noodbel::telegram
