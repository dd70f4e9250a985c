// Fuzz target: a Slack/Mattermost slash-command request body (adapters/slash/slash_command.h)
// through parse_form, parse_slash_command and the core's parse_command (bot/commands.h).
// Input: the x-www-form-urlencoded body ("command=%2Fbord&text=K42&user_id=U012ABC").
#include <cstddef>
#include <cstdint>
#include <string>

#include "adapters/http/http_types.h"
#include "adapters/slash/slash_command.h"
#include "bot/commands.h"
#include "fuzz_support.h"

using namespace noodbel;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const Result<FormFields> form = parse_form(fuzz::as_view(data, size));
  if (!form.ok()) {
    FUZZ_CHECK(form.error().kind == ErrorKind::kInvalidInput && !form.error().message.empty());
    return 0;
  }
  const Result<SlashCommand> c = parse_slash_command(*form);
  if (!c.ok()) {
    FUZZ_CHECK(c.error().kind == ErrorKind::kInvalidInput);
    FUZZ_CHECK(c.error().message.find("form field '") != std::string::npos);
    return 0;
  }
  FUZZ_CHECK(c->command.size() >= 2 && c->command.size() <= kSlashMaxIdBytes);
  FUZZ_CHECK(c->command.front() == '/');
  FUZZ_CHECK(c->text.size() <= kSlashMaxTextBytes && fuzz::utf8_ok(c->text));
  FUZZ_CHECK(!c->user_id.empty() && c->user_id.size() <= kSlashMaxIdBytes);
  const std::string message = c->message_text();
  FUZZ_CHECK(message.rfind(c->command, 0) == 0);
  FUZZ_CHECK(fuzz::utf8_ok(message));
  const ParsedCommand parsed = parse_command(message);
  FUZZ_CHECK(parsed.word.find('@') == std::string::npos);
  FUZZ_CHECK(parsed.args.size() <= c->text.size());
  return 0;
}
