// The secret settings of Config, one row each: the config key, the environment variable
// that overrides it, and how to get a value of one's own. Read by load_config.cpp (example
// values are refused) and secret_strength.cpp (weak values are warned about).
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "adapters/config/config.h"

namespace noodbel {

struct SecretKey {
  std::string_view key;  // as in the file: "web.secret"
  std::string_view env;  // the environment variable that overrides it
  std::string_view fix;  // how to get a value of one's own, said after "; "
  const std::string& (*value)(const Config&);
  // The part before the first ':' is public (a Telegram bot token starts with the bot's
  // id), so only the rest is the secret.
  bool public_prefix = false;
};

// Every secret of Config: web, slash, telegram, twilio, kannel and the metrics token.
std::span<const SecretKey> secret_keys();

}  // namespace noodbel
