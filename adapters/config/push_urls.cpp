#include "adapters/config/push_urls.h"

#include <algorithm>
#include <cctype>

#include "adapters/config/secret_url.h"
#include "adapters/http/client.h"

namespace noodbel {

std::optional<std::string> bad_push_url(std::string_view url) {
  const Result<Url> parsed = parse_url(url);
  if (!parsed.ok()) {
    return parsed.error().message + " (copy the whole webhook URL from Slack or Mattermost)";
  }
  if (url.find('#') != std::string_view::npos) return std::string("must not hold a fragment (#)");
  return cleartext_secret_url(url, "tests and local relays");
}

std::string slash_webhook_env(std::string_view service_id) {
  std::string name = "NOODBEL_SLASH_WEBHOOK_";
  for (const char c : service_id) {
    const bool plain = std::isalnum(static_cast<unsigned char>(c)) != 0;
    name.push_back(plain ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : '_');
  }
  return name;
}

bool is_caseworker_id(std::string_view id) {
  return id.size() == 4 && id[0] == 'C' &&
         std::all_of(id.begin() + 1, id.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

}  // namespace noodbel
