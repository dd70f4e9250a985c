#include "adapters/slash/slash_command.h"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "bot/text/ascii.h"
#include "bot/text_normalize.h"

namespace noodbel {
namespace {

std::optional<std::string> field(const FormFields& form, const char* name) {
  const auto it = form.find(name);
  if (it == form.end()) return std::nullopt;
  return it->second;
}

bool is_user_id(std::string_view s) {
  return !s.empty() && s.size() <= kSlashMaxIdBytes &&
         is_alnum(s.front()) && std::all_of(s.begin(), s.end(), [](char c) {
           return is_alnum(c) || c == '.' || c == '_' || c == '-';
         });
}

bool is_command(std::string_view s) {
  return s.size() >= 2 && s.size() <= kSlashMaxIdBytes && s.front() == '/' &&
         std::none_of(s.begin(), s.end(), [](char c) {
           return is_space(c) || static_cast<unsigned char>(c) < 0x20;
         });
}

Status check_field(const FormFields& form, const char* name, std::size_t limit) {
  const auto value = field(form, name);
  if (!value) return Ok();
  if (!is_valid_utf8(*value)) {
    return Error::Invalid(fmt::format("form field '{}' must be valid UTF-8", name));
  }
  if (value->size() > limit) {
    return Error::Invalid(fmt::format("form field '{}' is {} bytes long; the limit is {} bytes",
                                      name, value->size(), limit));
  }
  return Ok();
}

}  // namespace

std::string SlashCommand::message_text() const {
  return text.empty() ? command : command + " " + text;
}

Result<SlashCommand> parse_slash_command(const FormFields& form) {
  for (const auto& [name, limit] :
       {std::pair{"command", kSlashMaxIdBytes}, std::pair{"text", kSlashMaxTextBytes},
        std::pair{"user_id", kSlashMaxIdBytes}, std::pair{"team_id", kSlashMaxIdBytes},
        std::pair{"trigger_id", std::size_t{256}}, std::pair{"response_url", std::size_t{2048}}}) {
    if (Status s = check_field(form, name, limit); !s.ok()) return s.error();
  }
  SlashCommand c;
  c.command = trim(field(form, "command").value_or(""));
  c.text = trim(field(form, "text").value_or(""));
  c.user_id = field(form, "user_id").value_or("");
  c.team_id = field(form, "team_id").value_or("");
  c.response_url = field(form, "response_url").value_or("");
  c.trigger_id = field(form, "trigger_id").value_or("");
  if (!is_command(c.command)) {
    return Error::Invalid(fmt::format(
        "form field 'command' must be the slash-command that was typed, like command=%2Fbord "
        "(got '{}')",
        c.command));
  }
  if (!is_user_id(c.user_id)) {
    return Error::Invalid(
        "form field 'user_id' must be the Slack or Mattermost user id, like user_id=U012ABC");
  }
  return c;
}

}  // namespace noodbel
