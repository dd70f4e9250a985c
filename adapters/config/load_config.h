// Loading Noodbel's configuration from TOML (toml++), strictly: an unknown key, a wrong
// type or an out-of-range value is an Error naming the file, the key and the reason.
// Called by the command line before anything starts. Pure functions; thread-safe.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "adapters/config/config.h"
#include "bot/result.h"

namespace noodbel {

// The [web] secret of config/demo.toml. It is public, so a configuration with the sandbox
// off (a production set-up that copied it) is refused: anyone could sign board and digest
// links with it. Every secret starting with kDemoSecretPrefix counts as this one.
inline constexpr std::string_view kDemoWebSecret =
    "demo-only-not-secret-noodbel-practice-sandbox-links";
inline constexpr std::string_view kDemoSecretPrefix = "demo-only-not-secret";

// Built-in defaults: database var/noodbel.db, data from the build's source folder,
// the five provincial services, sandbox off.
Config default_config();

// Parses TOML text; `source` names the file in error messages. A secret that is a value
// printed in the shipped examples is an Error naming the key (example_secrets.h).
Result<Config> parse_config(std::string_view toml_text, const std::string& source);

// Reads a file (an unreadable file is an Error naming it) and parses it.
Result<Config> load_config_file(const std::string& path);

// The command line's rule: --config FILE, else $NOODBEL_CONFIG, else built-in defaults;
// then --db PATH overrides the database path; then apply_secret_env(std::getenv).
Result<Config> resolve_config(const std::optional<std::string>& config_flag,
                              const std::optional<std::string>& db_flag);

// Secrets from the environment override (or supply) the file's: NOODBEL_SLACK_SIGNING_SECRET
// -> slash.signing_secret, NOODBEL_MATTERMOST_TOKEN -> slash.mattermost_token,
// NOODBEL_TWILIO_AUTH_TOKEN, NOODBEL_KANNEL_PASSWORD, NOODBEL_KANNEL_SECRET,
// NOODBEL_WEB_SECRET -> web.secret (at least 32 characters; the demo secret only with the
// sandbox on, as in the file),
// NOODBEL_SLASH_WEBHOOK_<SERVICE> -> slash.webhooks.<service> (the service id in upper
// case, '-' as '_': NOODBEL_SLASH_WEBHOOK_OOST_VLAANDEREN; https only). Unset or
// empty variables change nothing; a value too short to be a real secret, or one printed
// in the shipped examples (example_secrets.h), is an Error naming the variable. `getenv` is
// std::getenv outside tests.
Status apply_secret_env(Config& config, const std::function<const char*(const char*)>& getenv);

}  // namespace noodbel
