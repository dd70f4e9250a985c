#include "adapters/telegram/telegram_setup.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "adapters/telegram/telegram_webhook.h"
#include "bot/router.h"
#include "bot/text/logfmt_value.h"

namespace noodbel::telegram {
namespace {

struct CommandWords {
  const char* dutch;
  const char* english;  // also names the template: telegram_cmd_<english>
};

constexpr CommandWords kCommands[] = {
    {"crisis", "new"},   {"oproepen", "calls"}, {"bord", "board"},
    {"kies", "pick"},    {"bevestig", "confirm"}, {"volgende", "next"},
    {"golf", "wave"},    {"dringend", "urgent"}, {"verleng", "extend"},
    {"sluit", "close"},  {"annuleer", "cancel"},
    {"gezin", "family"}, {"gezinnen", "families"}, {"koppel", "link"},
    {"help", "help"},
};

}  // namespace

Status to_status(const CallOutcome& outcome) {
  if (outcome.ok()) return Ok();
  if (outcome.kind == CallOutcome::Kind::kTemporary) return Error::Unavailable(outcome.error);
  return Error::Invalid(outcome.error);
}

Status register_webhook(const TelegramApi& api, std::string_view public_url,
                        std::string_view secret) {
  return to_status(api.set_webhook(fmt::format("{}{}", public_url, kWebhookPath), secret));
}

Status remove_webhook(const TelegramApi& api) { return to_status(api.delete_webhook()); }

Result<std::vector<BotCommand>> caseworker_commands(const Templates& templates, Language lang) {
  std::vector<BotCommand> out;
  for (const CommandWords& c : kCommands) {
    auto description = templates.render(lang, fmt::format("telegram_cmd_{}", c.english), {});
    if (!description.ok()) return description.error();
    out.push_back({lang == Language::kNl ? c.dutch : c.english, std::move(description).value()});
  }
  return out;
}

std::vector<CommandChat> caseworker_chats(store::UnitOfWork& store) {
  std::vector<CommandChat> chats;
  const Status s = store.transaction([&](Repository& repo) -> Status {
    for (const Caseworker& c : repo.caseworkers()) {
      for (const Contact& contact : c.contacts) {
        if (contact.channel == Channel::kTelegram) chats.push_back({contact.address, c.language});
      }
    }
    return Ok();
  });
  if (!s.ok())
    spdlog::error("event=telegram.caseworkers_failed error={}", logfmt_value(s.error().message));
  return chats;
}

Status publish_commands(const TelegramApi& api, const Templates& templates,
                        const std::vector<CommandChat>& chats) {
  int published = 0;
  for (const CommandChat& chat : chats) {
    auto commands = caseworker_commands(templates, chat.language);
    if (!commands.ok()) return commands.error();
    const CallOutcome r = api.set_my_commands(*commands, chat.chat_id);
    if (r.kind == CallOutcome::Kind::kTemporary) return to_status(r);
    if (!r.ok()) {
      spdlog::warn("event=telegram.commands_skipped chat={} error={}",
                   mask_address(Channel::kTelegram, chat.chat_id), logfmt_value(r.error));
      continue;
    }
    ++published;
  }
  spdlog::info("event=telegram.commands_published chats={}", published);
  return Ok();
}

}  // namespace noodbel::telegram
