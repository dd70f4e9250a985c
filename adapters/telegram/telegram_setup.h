// Start-up calls to the Bot API: registering the webhook (or removing it for polling)
// and publishing the caseworker commands menu, only in caseworkers' chats, so families
// never see commands they cannot use. Stateless functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "adapters/telegram/telegram_api.h"
#include "bot/result.h"
#include "bot/templates.h"
#include "bot/types.h"
#include "store/ports/unit_of_work.h"

namespace noodbel::telegram {

// A temporary failure becomes Error::Unavailable (retry), a permanent one Error::Invalid.
Status to_status(const CallOutcome& outcome);

// setWebhook(public_url + "/webhooks/telegram", secret_token, allowed_updates).
Status register_webhook(const TelegramApi& api, std::string_view public_url,
                        std::string_view secret);
// deleteWebhook, keeping pending updates: getUpdates refuses to work while one is set.
Status remove_webhook(const TelegramApi& api);

// The caseworker commands with descriptions from templates telegram_cmd_<name>: Dutch
// command words for nl, the English aliases for fr and en (bot/commands.h knows both).
Result<std::vector<BotCommand>> caseworker_commands(const Templates& templates, Language lang);

struct CommandChat {
  std::string chat_id;
  Language language = Language::kNl;
};
// The Telegram chats of registered caseworkers, with their language.
std::vector<CommandChat> caseworker_chats(store::UnitOfWork& store);

// setMyCommands in each chat (scope "chat"). A chat Telegram refuses (the caseworker has
// not opened the bot yet) is skipped with a warning; a temporary failure stops and is
// returned, so the caller retries.
Status publish_commands(const TelegramApi& api, const Templates& templates,
                        const std::vector<CommandChat>& chats);

}  // namespace noodbel::telegram
