#include "adapters/config/secret_keys.h"

namespace noodbel {
namespace {

constexpr std::string_view kGenerate = "generate your own with `openssl rand -hex 32`";

const SecretKey kSecretKeys[] = {
    {"web.secret", "NOODBEL_WEB_SECRET", kGenerate,
     [](const Config& c) -> const std::string& { return c.web.secret; }},
    {"slash.signing_secret", "NOODBEL_SLACK_SIGNING_SECRET",
     "copy your app's own from Slack (Basic Information > App Credentials > Signing Secret)",
     [](const Config& c) -> const std::string& { return c.slash.signing_secret; }},
    {"slash.mattermost_token", "NOODBEL_MATTERMOST_TOKEN",
     "copy the token Mattermost shows for your slash command",
     [](const Config& c) -> const std::string& { return c.slash.mattermost_token; }},
    {"telegram.token", "NOODBEL_TELEGRAM_TOKEN", "copy your bot's token from @BotFather (/token)",
     [](const Config& c) -> const std::string& { return c.telegram.token; }, true},
    {"telegram.webhook_secret", "NOODBEL_TELEGRAM_WEBHOOK_SECRET", kGenerate,
     [](const Config& c) -> const std::string& { return c.telegram.webhook_secret; }},
    {"twilio.auth_token", "NOODBEL_TWILIO_AUTH_TOKEN",
     "copy your account's Auth Token from the Twilio console",
     [](const Config& c) -> const std::string& { return c.twilio.auth_token; }},
    {"kannel.password", "NOODBEL_KANNEL_PASSWORD",
     "choose your own (e.g. `openssl rand -hex 16`) and set the same in kannel.conf's "
     "sendsms-user",
     [](const Config& c) -> const std::string& { return c.kannel.password; }},
    {"kannel.webhook_secret", "NOODBEL_KANNEL_SECRET",
     "generate your own with `openssl rand -hex 32` and set the same in kannel.conf's get-url",
     [](const Config& c) -> const std::string& { return c.kannel.webhook_secret; }},
    {"http.metrics_token", "NOODBEL_METRICS_TOKEN", kGenerate,
     [](const Config& c) -> const std::string& { return c.http.metrics_token; }},
};

}  // namespace

std::span<const SecretKey> secret_keys() { return kSecretKeys; }

}  // namespace noodbel
