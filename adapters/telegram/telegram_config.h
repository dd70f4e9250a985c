// TelegramConfig: the [telegram] settings of adapters/telegram/ (bot_username is
// CoreConfig::telegram_bot_username). A plain struct, loaded by adapters/config.
#pragma once

#include <string>

namespace noodbel {

// The Telegram Bot API channel (adapters/telegram/). webhook: Telegram POSTs updates to
// public_url + "/webhooks/telegram"; polling: Noodbel calls getUpdates (no public HTTPS).
enum class TelegramMode { kWebhook, kPolling };

struct TelegramConfig {
  bool enabled = false;
  std::string token;  // from @BotFather; NOODBEL_TELEGRAM_TOKEN overrides
  std::string api_base_url = "https://api.telegram.org";
  TelegramMode mode = TelegramMode::kWebhook;
  std::string webhook_secret;    // X-Telegram-Bot-Api-Secret-Token; NOODBEL_TELEGRAM_WEBHOOK_SECRET
  std::string public_url;        // webhook mode: "https://noodbel.example.be" (behind the proxy)
  int messages_per_second = 25;  // Telegram's overall limit is about 30/s
  int per_chat_messages_per_second = 1;  // and about 1/s in one chat
  int poll_timeout_seconds = 25;         // polling mode: getUpdates long-poll timeout
};

}  // namespace noodbel
