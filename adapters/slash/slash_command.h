// SlashCommand: the fields of a Slack or Mattermost slash-command request that Noodbel
// uses, read from its x-www-form-urlencoded body and checked. Pure; thread-safe.
#pragma once

#include <cstddef>
#include <string>

#include "adapters/http/http_types.h"
#include "bot/result.h"

namespace noodbel {

inline constexpr std::size_t kSlashMaxTextBytes = 4000;  // Slack's own limit for `text`
inline constexpr std::size_t kSlashMaxIdBytes = 64;

struct SlashCommand {
  std::string command;       // "/crisis"
  std::string text;          // "leeftijd=4 9000 duur=3d", may be empty
  std::string user_id;       // "U012ABC"
  std::string team_id;       // may be empty
  std::string response_url;  // may be empty; kept for pushes (a bearer secret: never logged)
  std::string trigger_id;    // may be empty

  // What the core reads: "/crisis leeftijd=4 9000 duur=3d"; "/oproepen" without text.
  std::string message_text() const;
};

// Reads and checks the form; an Error::Invalid names the field, says what is wrong
// and how a correct value looks.
Result<SlashCommand> parse_slash_command(const FormFields& form);

}  // namespace noodbel
