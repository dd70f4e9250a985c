// SlashConfig: the [slash] secrets, push webhooks and rate of adapters/slash/ ([slash.users]
// is CoreConfig::slash_users). A plain struct, loaded by adapters/config.
#pragma once

#include <functional>
#include <map>
#include <string>

namespace noodbel {

// Caseworker slash-commands on POST /slash (Slack and Mattermost formats).
struct SlashConfig {
  std::string signing_secret;    // Slack app signing secret; empty: Slack requests refused
  std::string mattermost_token;  // Mattermost command token; empty: Mattermost refused
  // Pushes (notices the bot sends on its own) to slash users: the user's last response_url
  // while valid, else an incoming-webhook URL (a secret) of the caseworker, else of the
  // caseworker's service. https only (http on loopback for tests).
  std::map<std::string, std::string, std::less<>> webhooks;             // service id -> URL
  std::map<std::string, std::string, std::less<>> caseworker_webhooks;  // caseworker id -> URL
  int messages_per_second = 1;  // all slash pushes together (Slack: ~1 per second per webhook)
};

}  // namespace noodbel
